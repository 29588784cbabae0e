// The browser's main loop: the page calls us once per animation frame
// (emscripten_set_main_loop_arg with fps 0 = requestAnimationFrame). Like the native
// runner it draws only when something happened, so an idle page costs no CPU.
// Each frame it also keeps the canvas at CSS size × devicePixelRatio, mirrors the
// screen's text into the page's live region, and persists /data after a save.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <string>

#include "engine/platform/input_trickle.h"
#include "engine/platform/runner.h"
#include "engine/store/atomic_file.h"

namespace rc::engine {
namespace {

// ImGui needs a couple of frames after an input to settle hover and click states.
constexpr int kFramesAfterInput = 3;
// The longest the first frame waits for the client to be ready (the page's own loading
// bar shows meanwhile).
constexpr double kFirstFrameWaitMs = 1500.0;

// The page (web/index.html) defines these hooks; the fallbacks keep a bare page working.
EM_JS(void, rc_web_set_status, (const char* text), {
    var value = UTF8ToString(text);
    if (Module.rcSetStatus)
        Module.rcSetStatus(value);
    else {
        var status = document.getElementById('status');
        if (status)
            status.textContent = value;
    }
});

EM_JS(void, rc_web_set_language, (const char* code),
      { document.documentElement.lang = UTF8ToString(code); });

EM_JS(void, rc_web_sync_storage, (), {
    if (Module.rcSyncStorage)
        Module.rcSyncStorage();
    else
        FS.syncfs(false, function(err){});
});

// Start-up milestones for tools/web-bench: the first 100 drawn frames (a frame can cost
// 50-250 ms of WebGL read-back in a browser without a GPU). Not more: marks are kept.
EM_JS(void, rc_web_mark_frame, (), {
    Module.rcFrameMarks = (Module.rcFrameMarks || 0) + 1;
    if (performance.mark && Module.rcFrameMarks <= 100)
        performance.mark('rc:frame drawn');
});

struct Loop {
    Gfx* gfx = nullptr;
    LoopClient* client = nullptr;
    int frames_to_draw = kFramesAfterInput;
    std::string last_status;
    std::string last_language;
    bool first_frame = true;
    double started_ms = 0.0;
    InputTrickle input;  // what a frame cannot take in yet waits for the next
};

// SDL's emscripten window (no SDL_WINDOW_ALLOW_HIGHDPI on the web, see gfx.cpp) takes its
// coordinates from the canvas's pixel size and scales pointer positions by
// window size / CSS size; so a window of CSS size × DPR gives a sharp canvas on a phone
// and pointer coordinates in the same pixels ImGui draws in.
bool follow_canvas_size(SDL_Window* window) {
    double css_w = 0, css_h = 0;
    if (emscripten_get_element_css_size("#canvas", &css_w, &css_h) != EMSCRIPTEN_RESULT_SUCCESS ||
        css_w < 1 || css_h < 1)
        return false;
    const double dpr = emscripten_get_device_pixel_ratio();
    const int want_w = static_cast<int>(std::lround(css_w * dpr));
    const int want_h = static_cast<int>(std::lround(css_h * dpr));
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    int canvas_w = 0, canvas_h = 0;
    emscripten_get_canvas_element_size("#canvas", &canvas_w, &canvas_h);
    if (w == want_w && h == want_h && canvas_w == want_w && canvas_h == want_h)
        return false;
    SDL_SetWindowSize(window, want_w, want_h);
    return true;
}

void frame(void* arg) {
    auto& loop = *static_cast<Loop*>(arg);
    if (loop.client->quit_requested()) {
        emscripten_cancel_main_loop();
        return;
    }
    if (follow_canvas_size(loop.gfx->window()))
        loop.frames_to_draw = kFramesAfterInput;
    SDL_Event event;
    while (SDL_PollEvent(&event) == 1)
        loop.input.push(event);
    for (const SDL_Event& taken : loop.input.take_for_frame()) {
        loop.gfx->process_event(taken);
        loop.client->handle_event(taken);
        loop.frames_to_draw = kFramesAfterInput;
    }
    if (loop.first_frame && !loop.client->first_frame_ready() &&
        emscripten_get_now() - loop.started_ms < kFirstFrameWaitMs) {
        loop.client->update();  // moves the download of what it waits for on
        return;
    }
    // A playing clip asks for its frames by time (redraw_in_ms() == 0 when one is due).
    // While busy, a frame only when the work in progress changed the screen.
    bool owed = loop.frames_to_draw > 0 || loop.first_frame || loop.client->redraw_in_ms() == 0;
    if (!owed && loop.client->busy() && loop.client->update()) {
        loop.frames_to_draw = kFramesAfterInput;
        owed = true;
    }
    if (owed) {
        if (loop.frames_to_draw > 0)
            --loop.frames_to_draw;
        loop.first_frame = false;
        loop.gfx->begin_frame();
        loop.client->draw();
        if (loop.gfx->end_frame())
            rc_web_mark_frame();
    }
    if (std::string status = loop.client->accessible_text(); status != loop.last_status) {
        loop.last_status = std::move(status);
        rc_web_set_status(loop.last_status.c_str());
    }
    if (std::string language = loop.client->language_code(); language != loop.last_language) {
        loop.last_language = std::move(language);
        rc_web_set_language(loop.last_language.c_str());
    }
    if (take_storage_changed())
        rc_web_sync_storage();
}

}  // namespace

int run_loop(Gfx& gfx, LoopClient& client) {
    // Static: with simulate_infinite_loop the call below never returns (main's stack stays
    // alive), and the loop state must outlive this frame anyway.
    static Loop loop;
    loop.gfx = &gfx;
    loop.client = &client;
    loop.started_ms = emscripten_get_now();
    emscripten_set_main_loop_arg(frame, &loop, 0, 1);
    return 0;
}

}  // namespace rc::engine
