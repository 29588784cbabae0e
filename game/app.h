// The game application: routes Actions between the screens, the pure quiz core (rules,
// deck, progress) and the open pack (PackSession, which alone knows where a pack's bytes
// come from). It keeps the pictures of the round loaded ahead and remembers settings,
// the deck and results. The same App runs windowed, headless and in the browser.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/pack.h"
#include "engine/gfx/gfx.h"
#include "engine/media/media_loader.h"
#include "engine/platform/runner.h"
#include "game/deck.h"
#include "game/library.h"
#include "game/pack_session.h"
#include "game/progress.h"
#include "game/rules.h"
#include "game/screens/screen.h"
#include "game/strings.h"
#include "game/workshop_flow.h"

namespace rc::game {

struct AppOptions {
    std::string pack;  // folder, pack.json, zip or link; empty → last pack, else the demo
    std::filesystem::path data_dir;  // empty → engine::default_data_dir()
    std::optional<content::Lang> lang;
    std::optional<std::uint64_t> seed;
    bool remember_deck = true;  // false: draws ignore and keep the saved history (headless)
    bool save_results = true;
    std::uint64_t max_download_bytes = 0;  // 0 → the default cap
    // Seconds on a steady clock, which plays clips; empty → real time. Headless runs give
    // a virtual clock, so a screenshot shows the same frame on every run.
    std::function<double()> clock;
};

class App final : public engine::LoopClient {
  public:
    App(engine::Gfx& gfx, AppOptions options);
    ~App() override;

    // engine::LoopClient
    void handle_event(const SDL_Event& event) override;
    void draw() override;
    bool busy() const override;
    bool update() override;
    int redraw_in_ms() const override;
    bool first_frame_ready() const override { return !session_->opening(); }
    bool quit_requested() const override { return quit_; }
    std::string accessible_text() const override { return status_text(); }
    std::string language_code() const override {
        return settings_.lang == content::Lang::Fr ? "fr" : "en";
    }

    void apply(const Action& action);
    // Opens a zip archive whose bytes are here (a file chosen in the browser).
    void open_pack_bytes(std::string name, std::vector<std::uint8_t> bytes);
    // Blocks until the current item's picture is ready or has failed (headless runs); for
    // a clip, until the frame of the clock's time is on screen.
    void wait_for_current_media();
    // Blocks until every item of the pack has been decoded once (headless runs), so items
    // whose pictures cannot be decoded are reported and left out before the draw.
    void wait_for_pack_check();
    // Blocks until a pack being opened or downloaded is in, or refused (headless runs).
    void wait_for_pack();
    // Blocks until nothing is being loaded (headless runs).
    void wait_for_all_media();
    // Collects results, waiting while `waiting()` holds and something is still loading.
    void wait_for_media_while(const std::function<bool()>& waiting);

    const Game& game() const { return game_; }
    WorkshopFlow& workshop() { return *workshop_; }
    // A pack the player asked to edit (Edit on the Packs screen): the App has quit for it.
    const std::string& edit_request() const { return edit_request_; }
    // The clip on screen, once it plays (null for a picture or a clip still loading).
    const engine::ClipPlayer* clip_on_screen() const { return shown_clip(); }
    const PackSession& session() const { return *session_; }
    const content::LoadedPack* pack() const { return session_->pack(); }
    // The refusal of the last pack asked for, one line each, the location first.
    std::vector<std::string> pack_errors() const;
    const std::vector<std::string>& messages() const { return ui_.messages; }
    content::Lang lang() const { return settings_.lang; }
    std::uint64_t round_seed() const { return round_seed_; }
    // The main text of the screen as plain text (for screen readers and browser tests).
    std::string status_text() const;
    std::string calibration_status() const;
    GameResult result() const;
    const SoloFigures& solo() const { return ui_.solo; }

  private:
    static const Strings& strings() { return Strings::builtin(); }
    void pump_session();
    void on_pack_opened();
    void on_pack_refused();
    void start_round();
    Draw draw_next_round(DeckHistory& deck) const;
    void ask_early_for_next_round();
    void take_early_picture();
    void request_media_ahead();
    bool on_picture(Picture& picture);  // true when the picture is for the round on screen
    bool current_picture_pending() const;
    void note_current_drawn();
    void show_picture(std::size_t round_index, std::size_t pack_index, engine::MediaResult& result);
    void collect_media();
    void drop_failed_current();
    void finish_round();
    void note_item_record();  // solo: the answered item's earlier plays on this computer
    void apply_key(const SDL_Keysym& key);
    bool apply_clip_key(const SDL_Keysym& key);
    // Clips (a video item's player lives while its item is on screen or next).
    double clock_now() const;
    bool is_video(std::size_t round_index) const;
    std::optional<std::size_t> shown_index() const;  // the round item whose media is shown
    engine::ClipPlayer* shown_clip() const;
    void open_clip(std::size_t round_index);
    void update_clips();
    void take_clip_frame(ItemImage& image);
    void on_clip_failed(std::size_t round_index);
    void apply_clip_action(const Action& action);
    void name_step_keys();
    std::string clip_status() const;
    std::string solo_status() const;
    void zoom_by(float factor);
    int shown_side() const;
    void sharpen_shown_picture();
    void keep_view_on(const ItemImage& image, int old_width);
    void save_settings();
    std::vector<PackListing> pack_listings() const;
    std::string describe_listing(const LibraryEntry& entry) const;
    void remove_pack(const std::string& key);
    // Workshop mode: the flow applies its Actions; the App shows its items as a round.
    void apply_workshop(const Action& action);
    bool apply_workshop_key(const SDL_Keysym& key);
    void sync_workshop_round();
    void start_workshop_round(const WorkshopSession& session);

    engine::Gfx& gfx_;
    AppOptions options_;
    Progress progress_;
    Library library_;  // the packs this device knows; the opener adds to it
    Settings settings_;
    std::unique_ptr<engine::MediaLoader> loader_;
    std::unique_ptr<PackSession> session_;
    bool demo_is_fallback_ = false;  // no pack was named: the demo opens if the last one fails
    Game game_;
    std::uint64_t round_seed_ = 0;
    std::uint64_t session_changes_ = 0;  // pack events and pictures taken (update())
    std::uint64_t next_seed_ = 0;
    bool result_recorded_ = false;
    std::vector<GameResult> results_;  // solo: the games saved on this computer, oldest first
    std::vector<ItemImage> images_;    // one per round item
    // Solo: the first picture of the round that Play (or Play again) would start, asked
    // for once the title or end screen is on screen, so the first question does not wait
    // for its download and decode. Kept by pack index; the round takes what it drew.
    struct EarlyPicture {
        bool asked = false;  // for the round to come: reset when a pack opens or a round starts
        std::optional<std::size_t> pack_index;      // the picture asked for
        std::optional<engine::MediaResult> result;  // once it is in
    };
    EarlyPicture early_;
    ViewState view_;
    UiState ui_;
    bool quit_ = false;
    std::string edit_request_;
    Uint32 wake_event_ = 0;
    engine::ClipLimits clip_limits_;
    double last_tick_ = -1.0;  // clock_now() when clips last moved on
    std::unique_ptr<WorkshopFlow> workshop_;
    std::string workshop_round_;  // the id of the session the round shows, "" for none
};

}  // namespace rc::game
