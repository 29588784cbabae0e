// What differs between the native and the browser build below the window: the flags a
// window is made with and how layout pixels relate to drawn pixels.
// platform_native.cpp and platform_web.cpp implement it (with default_data_dir, paths.h),
// so no shared file branches on the platform.
#pragma once

#include <SDL.h>

namespace rc::engine {

// SDL_CreateWindow flags for a visible, resizable window.
Uint32 platform_window_flags();
// The window's size when the game does not ask for one: 1280×720 natively; in the browser
// the canvas's CSS size × device pixel ratio, the size the web runner keeps it at, so the
// fonts are built once at the right size instead of again after the first frame.
SDL_Point default_window_size();
// Drawn pixels per layout pixel: 1 natively (SDL's high-DPI mode handles it), the
// device pixel ratio in the browser (the web runner sizes the canvas in device pixels,
// and ImGui lays out for the CSS size).
float layout_density();
// Called once at start. Natively, glibc keeps freed blocks of up to 32 MB in its heaps
// once a big block was freed (its dynamic mmap threshold): pictures of a few megabytes
// then stay counted long after they are gone. A fixed 1 MB threshold hands them back.
void tune_memory();

}  // namespace rc::engine
