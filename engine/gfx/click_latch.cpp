#include "engine/gfx/click_latch.h"

namespace rc::engine {

void ClickLatch::on_event(const SDL_Event& event) {
    if (event.type != SDL_MOUSEBUTTONDOWN && event.type != SDL_MOUSEBUTTONUP)
        return;
    const SDL_FPoint where{static_cast<float>(event.button.x), static_cast<float>(event.button.y)};
    if (event.type == SDL_MOUSEBUTTONDOWN) {
        // A second press before a frame: the first one is what ImGui sees as down.
        if (!press_)
            press_ = where;
        return;
    }
    release_ = where;
}

std::optional<SDL_FPoint> ClickLatch::position_for_frame() {
    if (press_) {
        const SDL_FPoint press = *press_;
        press_.reset();
        return press;  // the release, if it came too, waits for the next frame
    }
    const auto release = release_;
    release_.reset();
    return release;
}

}  // namespace rc::engine
