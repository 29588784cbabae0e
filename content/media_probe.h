// Reads the format and pixel size of an image from its first bytes, without decoding it.
// Used to refuse oversized or non-image media before any decoder sees them. Pure code,
// no SDL: the same check runs on pack files natively and on fetched bytes on the web.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace rc::content {

enum class ImageFormat { Png, Jpeg, Gif, Webp };

struct ImageInfo {
    ImageFormat format = ImageFormat::Png;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// Enough bytes for every header we parse (JPEG SOF can sit behind large EXIF blocks,
// so JPEG probing reads further from files; see probe_image_file).
inline constexpr std::size_t kProbeHeadBytes = 64 * 1024;
// How far probe_image_file reads into a JPEG looking for its frame header before giving up.
inline constexpr std::size_t kMaxJpegProbeBytes = 16 * 1024 * 1024;

// nullopt with *why ("not a PNG, JPEG, GIF or WebP file", "truncated JPEG header", ...).
std::optional<ImageInfo> probe_image(std::span<const std::uint8_t> bytes, std::string* why);
std::optional<ImageInfo> probe_image_file(const std::filesystem::path& file, std::string* why);

}  // namespace rc::content
