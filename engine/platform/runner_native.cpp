#include "engine/platform/runner.h"

#include <algorithm>

#include "engine/platform/input_trickle.h"

namespace rc::engine {
namespace {

// ImGui needs a couple of frames after an input to settle hover and click states.
constexpr int kFramesAfterInput = 3;
constexpr int kIdleWaitMs = 1000;

// How long an idle loop may sleep: until the client's next timed frame, at most a second.
int idle_wait_ms(const LoopClient& client) {
    const int due = client.redraw_in_ms();
    return due < 0 ? kIdleWaitMs : std::min(due, kIdleWaitMs);
}

// A frame is owed after input, while the client is busy, or when its timed frame is due.
bool frame_owed(const LoopClient& client, int frames_to_draw) {
    return frames_to_draw > 0 || client.busy() || client.redraw_in_ms() == 0;
}

}  // namespace

int run_loop(Gfx& gfx, LoopClient& client) {
    int frames_to_draw = kFramesAfterInput;
    bool running = true;
    InputTrickle input;
    while (running && !client.quit_requested()) {
        SDL_Event event;
        const bool idle = !input.holding() && !frame_owed(client, frames_to_draw);
        // Render on demand: an idle game sleeps here, costing no CPU until something
        // happens; a playing clip wakes it at its own frame rate, no faster.
        bool has_event = idle ? SDL_WaitEventTimeout(&event, idle_wait_ms(client)) == 1
                              : SDL_PollEvent(&event) == 1;
        while (has_event) {
            input.push(event);
            has_event = SDL_PollEvent(&event) == 1;
        }
        for (const SDL_Event& taken : input.take_for_frame()) {
            if (taken.type == SDL_QUIT && client.quits_on_close())
                running = false;
            gfx.process_event(taken);
            client.handle_event(taken);
            frames_to_draw = kFramesAfterInput;
        }
        if (!frame_owed(client, frames_to_draw))
            continue;
        if (frames_to_draw > 0)
            --frames_to_draw;
        gfx.begin_frame();
        client.draw();
        gfx.end_frame();
    }
    return 0;
}

}  // namespace rc::engine
