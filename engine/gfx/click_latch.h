// Where a click happened, for the frames that see it. Dear ImGui 1.86 reads the pointer's
// position once a frame (the last one SDL knows), so when a press, its release and a move
// away all arrive between two frames (a quick tap on a slow phone, a frame of 100 ms in a
// browser without a GPU), the press is seen where the pointer ended up and the click is
// lost. The latch keeps the press's position for the frame that sees the press, and the
// release's for the next one.
#pragma once

#include <SDL.h>

#include <optional>

namespace rc::engine {

class ClickLatch {
  public:
    void on_event(const SDL_Event& event);
    // The position ImGui should see in the frame about to start, if a click event is due
    // there; called once per frame.
    std::optional<SDL_FPoint> position_for_frame();

  private:
    std::optional<SDL_FPoint> press_;
    std::optional<SDL_FPoint> release_;
};

}  // namespace rc::engine
