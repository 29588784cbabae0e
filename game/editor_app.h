// The pack editor's window (native only): a loop client beside the game's App that owns a
// PackEditor, draws the editor screen (screens/editor_screen.h), applies the actions it
// emits to the editor, turns shortcuts into the same actions, keeps the pictures of the
// pack loaded (a thumbnail per item, the selected one larger) and plays the selected clip
// with the game's player. Every frame it ticks the editor so its journal is flushed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/gfx/gfx.h"
#include "engine/gfx/texture.h"
#include "engine/media/clip_player.h"
#include "engine/media/media_loader.h"
#include "engine/platform/runner.h"
#include "game/pack_editor.h"
#include "game/screens/editor_screen.h"

namespace rc::game {

// The thumbnails of the list and the picture being edited are decoded at most this large.
inline constexpr int kEditorThumbnailSide = 160;
inline constexpr int kEditorPictureSide = 2048;
// While edits are unsaved, a frame at least this often, so the journal is flushed.
inline constexpr int kEditorJournalTickMs = 250;

class EditorApp final : public engine::LoopClient {
  public:
    // `editor` outlives the EditorApp.
    EditorApp(engine::Gfx& gfx, PackEditor& editor, content::Lang lang);
    ~EditorApp() override;

    // engine::LoopClient
    void handle_event(const SDL_Event& event) override;
    void draw() override;
    bool busy() const override;
    bool update() override;
    int redraw_in_ms() const override;
    bool quit_requested() const override { return quit_; }
    // Closing the window asks Save / Discard / Cancel first, as Esc does.
    bool quits_on_close() const override { return false; }
    std::string accessible_text() const override;
    std::string language_code() const override { return lang_ == content::Lang::Fr ? "fr" : "en"; }

    void apply(const EditorAction& action);
    // Blocks until every picture asked for is decoded or has failed (headless runs); a
    // clip is paused on its first frame (headless runs have no playback).
    void wait_for_pictures();
    // A clip paused at `seconds`, its frame decoded and shown (headless: `seek`).
    void show_clip_at(double seconds);
    const PackEditor& editor() const { return *editor_; }
    EditorScreenState& state() { return state_; }
    // The editor was left by closing its window (the game it came from closes too).
    bool window_closed() const { return quit_ && window_closed_; }

  private:
    void request_thumbnails();
    void request_picture();
    void collect_pictures();
    void apply_key(const SDL_Keysym& key);
    bool apply_clip_key(const SDL_Keysym& key);
    void apply_clip(const EditorAction& action);
    void open_clip();
    void update_clip();
    void take_clip_frame();
    engine::ClipPlayer* ready_clip() const;
    std::optional<ClipClock> clip_clock() const;
    double clock_now() const;
    void select_item(std::size_t item);
    void follow_last_touched();
    void report(const std::string& why);
    void save(bool then_quit);
    engine::ReadBytes reader_for(const std::string& media) const;

    engine::Gfx& gfx_;
    PackEditor* editor_;
    content::Lang lang_;
    EditorScreenState state_;
    std::vector<engine::Texture> thumbnails_;
    engine::Texture picture_;
    std::size_t picture_item_ = SIZE_MAX;  // whose picture picture_ holds or is asked
    std::string picture_error_;
    std::map<engine::MediaTicket, std::size_t> thumbnail_tickets_;
    engine::MediaTicket picture_ticket_ = 0;
    // The selected item's clip, playing in the editor as in the game; its frames go into
    // picture_.
    std::unique_ptr<engine::ClipPlayer> clip_;
    double last_tick_ = -1.0;  // the clock when the clip last moved on
    Uint32 wake_event_ = 0;
    bool quit_ = false;
    bool window_closed_ = false;  // the question on screen came from the window's close
    // Destroyed first (cancelled), so no worker reads the pack while it goes.
    std::unique_ptr<engine::MediaLoader> loader_;
};

}  // namespace rc::game
