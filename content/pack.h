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

#include "content/manifest.h"
#include "content/source.h"

namespace rc::content {

inline constexpr std::uint64_t kMaxPixels = 50'000'000;
inline constexpr std::size_t kMinPlayableItems = 2;
inline constexpr std::uint64_t kMaxManifestBytes = 8 * 1024 * 1024;
inline constexpr const char* kManifestName = "pack.json";

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

// "pack.json: items[3].media" for an item, as problems are located.
std::string item_location(const PackItem& item, std::string_view field = "media");

// "only 1 playable item, a pack needs at least 2".
std::string too_few_items(std::size_t count);

}  // namespace rc::content
