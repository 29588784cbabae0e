#include "support/headless_window.h"

#include <SDL.h>
#include <catch2/catch.hpp>

#include <string>

namespace rc::tests {

HeadlessWindow::HeadlessWindow(int width, int height) {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    engine::GfxDesc desc;
    desc.headless = true;
    desc.width = width;
    desc.height = height;
    std::string why;
    gfx_ = engine::Gfx::create(desc, &why);
    INFO(why);
    REQUIRE(gfx_);
}

HeadlessWindow::~HeadlessWindow() {
    gfx_.reset();  // the window and renderer go before SDL does
    SDL_Quit();
}

}  // namespace rc::tests
