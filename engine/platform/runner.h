// The main loop seam: one interface the game implements, two drivers that call it —
// runner_native.cpp (a while loop that sleeps in SDL_WaitEventTimeout when nothing moves)
// and runner_web.cpp (emscripten_set_main_loop). Nothing else in the code base knows
// which one is running.
#pragma once

#include <SDL.h>

#include <string>

#include "engine/gfx/gfx.h"

namespace rc::engine {

class LoopClient {
  public:
    virtual ~LoopClient() = default;
    virtual void handle_event(const SDL_Event& event) = 0;
    // Draws one frame's UI between Gfx::begin_frame and Gfx::end_frame.
    virtual void draw() = 0;
    // True while something changes without input (loading, an animation, a text cursor):
    // the loop keeps drawing instead of sleeping.
    virtual bool busy() const = 0;
    // Moves work in progress on (downloads, decodes) without drawing, and says whether the
    // screen changed. The web runner calls it while busy() and draws only then: a frame
    // there can cost 50-250 ms of WebGL read-back without a GPU, and a download waited
    // for behind frames drawn for nothing comes late. By default: always draw.
    virtual bool update() { return true; }
    // Milliseconds until the client needs a frame without input (a playing clip's next
    // frame), 0 for now, or -1 for never: the loop sleeps until then and no longer.
    virtual int redraw_in_ms() const { return -1; }
    // Whether the client has what its first screen should show (a game: its pack). The
    // web runner holds the first frame back until then, for a short while at most: in a
    // browser without a GPU a frame costs as much as a download, and a "loading" frame
    // drawn just before the real one delays it by that much.
    virtual bool first_frame_ready() const { return true; }
    virtual bool quit_requested() const = 0;
    // Whether closing the window (SDL_QUIT) ends the loop at once. A client with something
    // to ask first (unsaved edits) says false: the event still reaches handle_event, and
    // the loop ends when quit_requested() says so.
    virtual bool quits_on_close() const { return true; }
    // The main text of the current screen as plain text. The web runner mirrors it into
    // the page's ARIA live region (#status) for screen readers and browser tests.
    virtual std::string accessible_text() const = 0;
    // The UI language as a BCP 47 code ("fr", "en"): the page's lang attribute follows
    // it, so screen readers pronounce the text right after an in-game switch.
    virtual std::string language_code() const = 0;
};

// Runs until the client asks to quit or the window is closed. Returns the exit status.
int run_loop(Gfx& gfx, LoopClient& client);

}  // namespace rc::engine
