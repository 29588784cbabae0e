#include <emscripten/html5.h>

#include <cmath>

#include "engine/platform/paths.h"
#include "engine/platform/platform.h"

namespace rc::engine {

// The web runner sizes the window in device pixels itself (runner_web.cpp): SDL's
// high-DPI mode there would make ImGui's points CSS pixels and blur or misplace text.
Uint32 platform_window_flags() {
    return SDL_WINDOW_RESIZABLE;
}

SDL_Point default_window_size() {
    double css_w = 0, css_h = 0;
    if (emscripten_get_element_css_size("#canvas", &css_w, &css_h) != EMSCRIPTEN_RESULT_SUCCESS ||
        css_w < 1 || css_h < 1)
        return {1280, 720};
    const double dpr = emscripten_get_device_pixel_ratio();
    return {static_cast<int>(std::lround(css_w * dpr)), static_cast<int>(std::lround(css_h * dpr))};
}

// Lay out for the CSS size, then draw DPR times bigger, so a phone gets the same
// physical text size as a desktop screen.
float layout_density() {
    return static_cast<float>(emscripten_get_device_pixel_ratio());
}

// The browser's heap is the wasm memory: nothing to tune.
void tune_memory() {}

// IndexedDB, mounted at /data by the page before main() (web/realcheck-shell.js).
std::filesystem::path default_data_dir() {
    return "/data";
}

}  // namespace rc::engine
