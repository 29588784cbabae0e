// A content pack on disk: a folder holding pack.json and its media.
// Loading parses the manifest, then checks every item's media: the path must stay inside
// the pack folder (no "..", no absolute path, no symlink leading out), the file must exist,
// be a PNG/JPEG/GIF/WebP whose header decodes, and hold at most kMaxMegapixels.
// Items failing a check are left out with a Warning; a pack with fewer than
// kMinPlayableItems valid items is refused (no value) with every reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "content/manifest.h"

namespace rc::content {

inline constexpr std::uint64_t kMaxPixels = 50'000'000;
inline constexpr std::size_t kMinPlayableItems = 2;
inline constexpr std::uintmax_t kMaxManifestBytes = 8 * 1024 * 1024;

struct PackLoadDesc {
    std::uint64_t max_pixels = 0;  // 0 → kMaxPixels
    bool skip_media_checks = false;
};

struct LoadedPack {
    std::filesystem::path root;  // the folder holding pack.json
    Manifest manifest;           // valid items only
};

// `path` is the pack folder or its pack.json.
Result<LoadedPack> load_pack(const std::filesystem::path& path, const PackLoadDesc& desc = {});

// A pack from a manifest parsed elsewhere (fetched over HTTP, where media are checked as
// they arrive): refused like load_pack when fewer than kMinPlayableItems items remain.
Result<LoadedPack> pack_from_manifest(Result<Manifest> parsed, std::filesystem::path root,
                                      std::string_view label = "pack.json");

// Resolves a manifest media path inside `root`. Returns the absolute path, or an empty path
// with *why set ("leaves the pack folder", "is an absolute path", ...).
std::filesystem::path resolve_media_path(const std::filesystem::path& root,
                                         std::string_view relative, std::string* why);

}  // namespace rc::content
