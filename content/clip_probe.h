// Reads what a short video clip holds from its container, without decoding it: MP4/MOV
// (ISO base media boxes) or WebM/Matroska (EBML elements); the video codec, coded frame
// size, display rotation, duration, audio, frame count. It also proves the clip is whole:
// every video sample (MP4) or the segment and its clusters (WebM) lie within the bytes.
// Pure code, no FFmpeg: the same check runs natively and in the browser, before any
// decoder sees a pack's clip. It does not judge limits or codecs (pack.h's clip_problem does).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace rc::content {

enum class ClipContainer { Mp4, WebM };  // WebM also stands for Matroska (.mkv)
enum class ClipCodec { H264, Vp8, Vp9, Av1, Hevc, Other };

struct ClipInfo {
    ClipContainer container = ClipContainer::Mp4;
    ClipCodec codec = ClipCodec::Other;
    // As the file names the codec, printable ASCII only: the MP4 sample entry ("avc1",
    // "hvc1") or the Matroska CodecID ("V_VP9"); at most kMaxCodecTagChars.
    std::string codec_tag;
    // The coded frame size as the container gives it (MP4 sample entry, WebM PixelWidth and
    // PixelHeight), before rotation; the bitstream itself is not parsed.
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    int rotation = 0;  // degrees the picture is turned clockwise for display: 0, 90, 180, 270
    double seconds = 0;
    bool has_audio = false;
    std::uint64_t frame_count = 0;  // MP4 video samples, WebM video blocks; never 0
};

// Boxes or elements one probe visits at most, whatever a file declares: a 60 s clip holds a
// few thousand; millions of empty ones are an attack on the time a check takes.
inline constexpr std::size_t kMaxClipElements = 1'000'000;
inline constexpr std::size_t kMaxCodecTagChars = 32;

// nullopt with *why ("not an MP4 or WebM clip", "no video track (audio only)",
// "truncated: video data ends at byte 5551 but the file has 4000 bytes", ...).
std::optional<ClipInfo> probe_clip(std::span<const std::uint8_t> bytes, std::string* why);

// "H.264", "VP9", "HEVC (H.265)", ... for messages.
const char* codec_name(ClipCodec codec);

}  // namespace rc::content
