// The seam between the game and librealcheck-clips.so, the shared module that holds all of
// FFmpeg (clip_decoder.cpp, clip_player_ffmpeg.cpp). Linking libavcodec into the game would
// load ~80 more shared libraries at every start (+27 ms of CPU before the first frame, for
// packs that mostly hold no clip), so clip_player_native.cpp loads the module with dlopen
// when the first clip is met, from the executable's own folder. Both sides are built
// together from this header; the version and sizes catch a module left from another build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "engine/media/clip_player.h"

namespace rc::engine {

struct ClipModule {
    int version = 0;
    std::size_t module_size = 0;  // sizeof(ClipModule), sizeof(ClipSource), sizeof(ClipLimits)
    std::size_t source_size = 0;
    std::size_t limits_size = 0;
    std::unique_ptr<ClipPlayer> (*open)(ClipSource source, const ClipLimits& limits,
                                        Uint32 wake_event) = nullptr;
    bool (*check)(std::span<const std::uint8_t> bytes, const ClipLimits& limits,
                  std::string* why) = nullptr;
};

inline constexpr int kClipModuleVersion = 1;  // raise it when ClipPlayer's methods change
inline constexpr char kClipModuleFile[] = "librealcheck-clips.so";
inline constexpr char kClipModuleEntry[] = "rc_clip_module";  // extern "C", returns the table
using ClipModuleEntry = const ClipModule* (*)();

}  // namespace rc::engine
