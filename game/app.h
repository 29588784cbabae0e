// The game application: ties the pure quiz core (rules, deck, progress) to the engine
// (window, media loading) and the screens. It turns input into Actions, applies them to the
// state machine, keeps the pictures of the round loaded ahead, and remembers settings,
// the deck and results. The same App runs windowed, headless and in the browser.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/pack.h"
#include "engine/gfx/gfx.h"
#include "engine/media/media_loader.h"
#include "engine/net/http.h"
#include "engine/platform/runner.h"
#include "game/progress.h"
#include "game/rules.h"
#include "game/screens/screen.h"
#include "game/strings.h"

namespace rc::game {

struct AppOptions {
    std::string pack;                // folder, pack.json or URL; empty → last pack, else the demo
    std::filesystem::path data_dir;  // empty → engine::default_data_dir()
    std::optional<content::Lang> lang;
    std::optional<std::uint64_t> seed;
    bool remember_deck = true;  // false: draws ignore and keep the saved history (headless)
    bool save_results = true;
};

class App final : public engine::LoopClient {
  public:
    App(engine::Gfx& gfx, AppOptions options);
    ~App() override;

    // engine::LoopClient
    void handle_event(const SDL_Event& event) override;
    void draw() override;
    bool busy() const override;
    bool quit_requested() const override { return quit_; }
    std::string accessible_text() const override { return status_text(); }
    std::string language_code() const override {
        return settings_.lang == content::Lang::Fr ? "fr" : "en";
    }

    void apply(const Action& action);
    // Blocks until the current item's picture is ready or has failed (headless runs).
    void wait_for_current_media();
    // Blocks until every item of the pack has been decoded once (headless runs), so items
    // whose pictures cannot be decoded are reported and left out before the draw.
    void wait_for_pack_check();
    // Blocks until a pack being downloaded has arrived or failed (headless runs).
    void wait_for_pack();
    // Blocks until nothing is being loaded (headless runs).
    void wait_for_all_media();
    // Collects results, waiting while `waiting()` holds and something is still loading.
    void wait_for_media_while(const std::function<bool()>& waiting);

    const Game& game() const { return game_; }
    const content::LoadedPack* pack() const { return pack_ ? &*pack_ : nullptr; }
    bool pack_loading() const { return !pack_loading_.empty(); }
    const std::vector<content::Problem>& pack_warnings() const { return pack_warnings_; }
    const std::vector<std::string>& pack_errors() const { return ui_.pack_errors; }
    const std::vector<std::string>& messages() const { return ui_.messages; }
    content::Lang lang() const { return settings_.lang; }
    std::uint64_t round_seed() const { return round_seed_; }
    // The main text of the screen as plain text (for screen readers and browser tests).
    std::string status_text() const;
    GameResult result() const;

  private:
    static const Strings& strings() { return Strings::builtin(); }
    // Opens a pack folder, or starts downloading a pack's pack.json when the location is
    // fetched over HTTP (a URL natively; any location in the browser). False: refused now.
    bool open_pack(const std::string& location);
    void open_remote_pack(const std::string& location);
    void use_pack(content::LoadedPack pack, std::vector<content::Problem> warnings,
                  const std::string& location, bool remote);
    void refuse_pack(const std::string& location, const std::vector<content::Problem>& problems);
    std::string media_source(const content::PackItem& item) const;
    void start_round();
    void request_media_ahead();
    void check_pack_media();
    void on_check_result(std::size_t pack_index, engine::MediaResult& result);
    void on_full_result(std::size_t pack_index, engine::MediaResult& result);
    void collect_media();
    void drop_failed_current();
    void finish_round();
    void apply_key(const SDL_Keysym& key);
    void zoom_by(float factor);
    void save_settings();
    std::vector<std::string> known_packs() const;

    engine::Gfx& gfx_;
    AppOptions options_;
    Progress progress_;
    Settings settings_;
    std::optional<content::LoadedPack> pack_;
    std::string pack_location_;       // as given: a folder, or a URL for remote packs
    bool pack_remote_ = false;        // media come over HTTP, fetched as they are needed
    std::string pack_loading_;        // the location being downloaded, if any
    std::uint64_t pack_request_ = 0;  // newer requests supersede older ones
    std::unique_ptr<engine::Http> http_;
    std::vector<content::Problem> pack_warnings_;
    Game game_;
    std::uint64_t round_seed_ = 0;
    std::uint64_t next_seed_ = 0;
    bool result_recorded_ = false;
    std::unique_ptr<engine::MediaLoader> loader_;
    struct MediaJob {
        std::size_t pack_index = 0;
        bool check = false;  // a background check of the pack, not a picture to show
    };
    std::map<engine::MediaTicket, MediaJob> tickets_;
    std::vector<ItemImage> images_;            // one per round item
    std::vector<engine::Texture> thumbnails_;  // one per pack item, once decoded
    std::set<std::size_t> broken_;             // pack items whose picture cannot be decoded
    ViewState view_;
    UiState ui_;
    bool quit_ = false;
    Uint32 wake_event_ = 0;
};

}  // namespace rc::game
