// Hands a frame only the input events it can take in without losing any. Dear ImGui 1.86
// keeps one state per key and per mouse button a frame: a key pressed and released before
// the next frame (a fast typist, a frame of 100 ms in a browser without a GPU) is never
// seen, and characters typed after Tab land in the field Tab left. So within one frame:
// each key and the mouse buttons change at most once, the pointer does not move after a
// button changed, and text typed after Tab, Enter or another editing key, or such a key
// after text, waits for the next frame. Events keep their order; the runners call the
// game and ImGui with the same events in the same frame.
#pragma once

#include <SDL.h>

#include <cstddef>
#include <deque>
#include <set>
#include <vector>

namespace rc::engine {

class InputTrickle {
  public:
    void push(const SDL_Event& event) { waiting_.push_back(event); }
    // The events this frame may see, oldest first; the rest wait for later frames.
    std::vector<SDL_Event> take_for_frame();
    // Some events wait: the loop owes another frame.
    bool holding() const { return !waiting_.empty(); }

  private:
    struct FrameState {
        std::set<SDL_Scancode> keys_changed;
        bool mouse_button_changed = false;
        bool text_typed = false;
        bool editing_key_changed = false;
    };
    static bool admits(FrameState& frame, const SDL_Event& event);

    std::deque<SDL_Event> waiting_;
};

}  // namespace rc::engine
