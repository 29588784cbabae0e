#include <malloc.h>

#include "engine/platform/paths.h"
#include "engine/platform/platform.h"

namespace rc::engine {

Uint32 platform_window_flags() {
    return SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
}

SDL_Point default_window_size() {
    return {1280, 720};
}

float layout_density() {
    return 1.f;
}

void tune_memory() {
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

std::filesystem::path default_data_dir() {
    return native_data_dir();
}

}  // namespace rc::engine
