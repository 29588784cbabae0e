#include "engine/platform/paths.h"

#include <SDL.h>

#include <cstdlib>
#include <string>

namespace rc::engine {
namespace {

std::filesystem::path xdg_dir(const char* variable, const char* fallback_under_home) {
    if (const char* dir = std::getenv(variable); dir && *dir)
        return dir;
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / fallback_under_home;
    return std::filesystem::temp_directory_path();
}

}  // namespace

std::filesystem::path native_data_dir() {
    return xdg_dir("XDG_DATA_HOME", ".local/share") / "realcheck";
}

std::filesystem::path default_cache_dir() {
    if (const char* dir = std::getenv("REALCHECK_CACHE_DIR"); dir && *dir)
        return dir;
    return xdg_dir("XDG_CACHE_HOME", ".cache") / "realcheck";
}

bool system_prefers_french() {
    SDL_Locale* locales = SDL_GetPreferredLocales();
    bool french = false;
    if (locales && locales[0].language)
        french = std::string(locales[0].language) == "fr";
    SDL_free(locales);
    return french;
}

}  // namespace rc::engine
