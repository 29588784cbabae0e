#include <emscripten/html5.h>

#include "engine/platform/paths.h"
#include "engine/platform/platform.h"

namespace rc::engine {

// The web runner sizes the window in device pixels itself (runner_web.cpp): SDL's
// high-DPI mode there would make ImGui's points CSS pixels and blur or misplace text.
Uint32 platform_window_flags() {
    return SDL_WINDOW_RESIZABLE;
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
