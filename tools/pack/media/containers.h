// tools/pack/media/containers.h — the media step's own small readers for what no library
// walks for us: JPEG segments, PNG chunks, RIFF (WebP) chunks, GIF blocks and ISO BMFF
// boxes (MP4, JUMBF). Each strip_* keeps the picture's bytes as they are (a JPEG's
// entropy-coded data, a PNG's IDAT, a WebP's VP8 bitstream) and leaves out the metadata
// blocks. They only walk structure: decoding (and so corruption inside the pixels) is
// the still pipeline's business. No function here throws; bounds are checked on every read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rc::packmedia {

using Bytes = std::vector<std::uint8_t>;
using ByteSpan = std::span<const std::uint8_t>;

enum class MediaFormat { Unknown, Jpeg, Png, Webp, Gif, Heif, Mp4, Webm };
MediaFormat detect_format(ByteSpan bytes);
const char* format_name(MediaFormat format);

// The result of stripping: the copy, what was removed (names as in PreparedMedia::stripped,
// without duplicates), or an error for a file whose structure is broken.
struct StripResult {
    bool ok = false;
    std::string error;
    Bytes bytes;
    std::vector<std::string> removed;
};

struct JpegStripOptions {
    bool keep_icc = false;  // APP2 ICC_PROFILE kept (never by the pack; for tests/tools)
};
StripResult strip_jpeg(ByteSpan bytes, const JpegStripOptions& options = {});
StripResult strip_png(ByteSpan bytes);
StripResult strip_webp(ByteSpan bytes);
StripResult strip_gif(ByteSpan bytes);

// Metadata blocks a file still holds ("EXIF", "XMP", "ICC profile", "C2PA"...), read by
// structure only; clips are read elsewhere (they need libavformat).
std::vector<std::string> still_metadata_blocks(ByteSpan bytes);

// A JPEG's parts, for provenance and the pixel pipeline.
struct JpegSegment {
    std::uint8_t marker = 0;
    std::size_t offset = 0, size = 0;  // of the whole segment, from its 0xFF
    ByteSpan payload;                  // after the two length bytes
};
struct JpegLayout {
    std::vector<JpegSegment> segments;  // every segment with a length, in order
    std::size_t end = 0;                // one past the EOI marker
};
// nullopt with *why set when the structure is broken or truncated.
std::optional<JpegLayout> parse_jpeg(ByteSpan bytes, std::string* why);
// The ICC profile carried by APP2 ICC_PROFILE segments, joined in order (empty when none).
Bytes jpeg_icc_profile(const JpegLayout& layout);
// The JUMBF boxes carried by APP11 segments, joined per box instance (C2PA manifests).
Bytes jpeg_jumbf(const JpegLayout& layout);

struct PngChunk {
    std::string type;
    ByteSpan data;
    ByteSpan raw;  // length, type, data and CRC, as in the file
};
std::optional<std::vector<PngChunk>> parse_png(ByteSpan bytes, std::string* why);

struct RiffChunk {
    std::string fourcc;
    ByteSpan data;
};
std::optional<std::vector<RiffChunk>> parse_webp(ByteSpan bytes, std::string* why);

// Top-level ISO BMFF boxes (type and payload after the header); stops quietly at the
// first malformed box (nullopt when even the first is broken).
struct Box {
    std::string type;
    ByteSpan payload;
};
std::vector<Box> parse_boxes(ByteSpan bytes);
// The payloads of the top-level 'uuid' boxes that hold a C2PA manifest.
std::vector<ByteSpan> mp4_c2pa_boxes(ByteSpan bytes);

std::string_view as_text(ByteSpan bytes);

}  // namespace rc::packmedia
