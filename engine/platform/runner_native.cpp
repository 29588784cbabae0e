#include "engine/platform/runner.h"

namespace rc::engine {
namespace {

// ImGui needs a couple of frames after an input to settle hover and click states.
constexpr int kFramesAfterInput = 3;
constexpr int kIdleWaitMs = 1000;

}  // namespace

int run_loop(Gfx& gfx, LoopClient& client) {
    int frames_to_draw = kFramesAfterInput;
    bool running = true;
    while (running && !client.quit_requested()) {
        SDL_Event event;
        const bool idle = frames_to_draw == 0 && !client.busy();
        // Render on demand: an idle game sleeps here, costing no CPU until something happens.
        bool has_event =
            idle ? SDL_WaitEventTimeout(&event, kIdleWaitMs) == 1 : SDL_PollEvent(&event) == 1;
        while (has_event) {
            if (event.type == SDL_QUIT)
                running = false;
            gfx.process_event(event);
            client.handle_event(event);
            frames_to_draw = kFramesAfterInput;
            has_event = SDL_PollEvent(&event) == 1;
        }
        if (frames_to_draw == 0 && !client.busy())
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
