// Natively, clips play with FFmpeg inside librealcheck-clips.so (clip_module.h), loaded
// once, by the first open or check of a clip, from the folder of the running executable
// (/proc/self/exe): the game, its tests and tools/play's build all keep it beside them.
// Without it every clip fails with a message naming the missing file; pictures play on.
#include <dlfcn.h>

#include <filesystem>

#include "engine/media/clip_failed.h"
#include "engine/media/clip_module.h"

namespace rc::engine {
namespace {

struct LoadedModule {
    const ClipModule* module = nullptr;
    std::string error;  // why clips cannot play, when module is null
};

bool same_build(const ClipModule& module) {
    return module.version == kClipModuleVersion && module.module_size == sizeof(ClipModule) &&
           module.source_size == sizeof(ClipSource) && module.limits_size == sizeof(ClipLimits);
}

LoadedModule load_module() {
    std::error_code error;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return {nullptr, "cannot play clips: cannot find the game's folder: " + error.message()};
    const auto path = executable.parent_path() / kClipModuleFile;
    // Never closed: the players it makes run its code until the game ends.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return {nullptr, std::string("cannot play clips: ") + dlerror()};
    const auto entry = reinterpret_cast<ClipModuleEntry>(dlsym(handle, kClipModuleEntry));
    const ClipModule* module = entry ? entry() : nullptr;
    if (!module || !same_build(*module))
        return {nullptr, "cannot play clips: " + path.string() + " is from another build"};
    return {module, {}};
}

const LoadedModule& clip_module() {
    static const LoadedModule loaded = load_module();  // once, whichever thread comes first
    return loaded;
}

}  // namespace

std::unique_ptr<ClipPlayer> ClipPlayer::open(ClipSource source, const ClipLimits& limits,
                                             Uint32 wake_event) {
    const LoadedModule& loaded = clip_module();
    if (!loaded.module)
        return failed_clip_player(source.label + ": " + loaded.error);
    return loaded.module->open(std::move(source), limits, wake_event);
}

bool check_clip(std::span<const std::uint8_t> bytes, const ClipLimits& limits, std::string* why) {
    const LoadedModule& loaded = clip_module();
    if (!loaded.module) {
        *why = loaded.error;
        return false;
    }
    return loaded.module->check(bytes, limits, why);
}

}  // namespace rc::engine
