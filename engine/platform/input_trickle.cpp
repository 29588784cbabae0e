#include "engine/platform/input_trickle.h"

namespace rc::engine {
namespace {

// Keys that move between fields or act on what was typed (not characters).
bool is_editing_key(SDL_Keycode key) {
    switch (key) {
        case SDLK_TAB:
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_BACKSPACE:
        case SDLK_DELETE:
        case SDLK_ESCAPE:
        case SDLK_LEFT:
        case SDLK_RIGHT:
        case SDLK_UP:
        case SDLK_DOWN:
        case SDLK_HOME:
        case SDLK_END:
        case SDLK_PAGEUP:
        case SDLK_PAGEDOWN:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool InputTrickle::admits(FrameState& frame, const SDL_Event& event) {
    switch (event.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            const bool editing = is_editing_key(event.key.keysym.sym);
            if (frame.keys_changed.count(event.key.keysym.scancode) != 0 ||
                (editing && frame.text_typed))
                return false;
            frame.keys_changed.insert(event.key.keysym.scancode);
            frame.editing_key_changed = frame.editing_key_changed || editing;
            return true;
        }
        case SDL_TEXTINPUT:
            if (frame.editing_key_changed)
                return false;
            frame.text_typed = true;
            return true;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (frame.mouse_button_changed)
                return false;
            frame.mouse_button_changed = true;
            return true;
        case SDL_MOUSEMOTION:
            return !frame.mouse_button_changed;
        default:
            return true;
    }
}

std::vector<SDL_Event> InputTrickle::take_for_frame() {
    FrameState frame;
    std::vector<SDL_Event> taken;
    while (!waiting_.empty() && admits(frame, waiting_.front())) {
        taken.push_back(waiting_.front());
        waiting_.pop_front();
    }
    return taken;
}

}  // namespace rc::engine
