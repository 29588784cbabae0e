// A hidden window on SDL's dummy video driver, as headless runs have: SDL is started with
// it and quit after it, so a test that draws real ImGui frames needs nothing else.
#pragma once

#include <memory>

#include "engine/gfx/gfx.h"

namespace rc::tests {

class HeadlessWindow {
  public:
    // REQUIREs that SDL starts and the window opens (with SDL's reason when it does not).
    HeadlessWindow(int width, int height);
    ~HeadlessWindow();
    HeadlessWindow(const HeadlessWindow&) = delete;
    HeadlessWindow& operator=(const HeadlessWindow&) = delete;

    engine::Gfx& gfx() { return *gfx_; }

  private:
    std::unique_ptr<engine::Gfx> gfx_;
};

}  // namespace rc::tests
