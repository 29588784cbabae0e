// A content pack read through its PackSource (source.h): the manifest, then — unless the
// caller checks media itself, as the game does in the background — every item's media:
// the file must be readable through the source (which refuses unsafe paths), be a PNG,
// JPEG, GIF or WebP whose header decodes, and hold at most kMaxPixels.
// Items failing a check are left out with a Warning; a pack with fewer than
// kMinPlayableItems valid items is refused (no value) with every reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "content/clip_probe.h"
#include "content/manifest.h"
#include "content/source.h"

namespace rc::content {

inline constexpr std::uint64_t kMaxPixels = 50'000'000;
inline constexpr std::size_t kMinPlayableItems = 2;
inline constexpr std::uint64_t kMaxManifestBytes = 8 * 1024 * 1024;
inline constexpr const char* kManifestName = "pack.json";
// Clips: at most a 4K UHD frame and a minute. Muxers round durations (audio priming,
// timescales), so a clip cut at 60 s may read 60.02 s: kClipSecondsSlack absorbs that.
inline constexpr std::uint64_t kMaxClipPixels = 3840ull * 2160ull;
inline constexpr double kMaxClipSeconds = 60.0;
inline constexpr double kClipSecondsSlack = 0.1;

struct ClipRules {
    std::uint64_t max_pixels = 0;  // per frame; 0 → kMaxClipPixels
    double max_seconds = 0;        // 0 → kMaxClipSeconds
};

struct PackLoadDesc {
    std::uint64_t max_pixels = 0;  // 0 → kMaxPixels
    bool skip_media_checks = false;
};

struct LoadedPack {
    SourcePtr source;   // where every file of the pack is read from
    Manifest manifest;  // valid items only
};

Result<LoadedPack> load_pack(SourcePtr source, const PackLoadDesc& desc = {});
// The same from an attempt to open a source: its refusal, or the pack.
Result<LoadedPack> load_pack(Result<SourcePtr> opened, const PackLoadDesc& desc = {});
// `path` is a pack folder, its pack.json, or a zip file.
Result<LoadedPack> load_pack(const std::filesystem::path& path, const PackLoadDesc& desc = {});

// Reads and parses the manifest only (no media checks), located at source->locate().
Result<Manifest> read_manifest(const PackSource& source);

// A pack from a manifest whose media are checked elsewhere: refused like load_pack when
// fewer than kMinPlayableItems items remain.
Result<LoadedPack> pack_from_manifest(Result<Manifest> parsed, SourcePtr source);

// Why an item's media cannot be used, judged from its bytes: not an image, or over
// `max_pixels`. Empty when it can.
std::string image_problem(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels);

// Why an item's clip cannot be played, judged from its bytes without decoding them
// (probe_clip: not a whole MP4 or WebM clip with a video track), or from what the probe
// found: a codec browsers do not all play (H.264 in MP4, VP8 or VP9 in WebM only), a zero
// frame size or duration, over `rules`' pixels per frame or seconds. Empty when it can.
std::string clip_problem(std::span<const std::uint8_t> bytes, const ClipRules& rules = {});
std::string clip_problem(const ClipInfo& clip, const ClipRules& rules = {});

// "pack.json: items[3].media" for an item, as problems are located.
std::string item_location(const PackItem& item, std::string_view field = "media");

// "only 1 playable item, a pack needs at least 2".
std::string too_few_items(std::size_t count);

}  // namespace rc::content
