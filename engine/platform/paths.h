// Where the game keeps the user's data and caches, and which language the system prefers.
#pragma once

#include <filesystem>

namespace rc::engine {

// $XDG_DATA_HOME/realcheck or ~/.local/share/realcheck (natively); /data on the web,
// a folder kept in IndexedDB (platform_native.cpp / platform_web.cpp).
std::filesystem::path default_data_dir();
// The native answer, whatever the build (for platform_native.cpp).
std::filesystem::path native_data_dir();
// $REALCHECK_CACHE_DIR, else $XDG_CACHE_HOME/realcheck or ~/.cache/realcheck. The demo
// pack is assembled under it (packs/demo) by tools/demo-pack.
std::filesystem::path default_cache_dir();
// True when the first preferred locale (system or browser) is French.
bool system_prefers_french();

}  // namespace rc::engine
