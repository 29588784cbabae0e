// Hand-built image headers for the content tests. The media probe reads headers only, so
// these are the smallest byte strings whose headers are valid; they are not decodable images.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

namespace rc::tests {

inline std::string be16(std::uint32_t v) {
    return {static_cast<char>(v >> 8 & 0xFF), static_cast<char>(v & 0xFF)};
}
inline std::string be32(std::uint32_t v) {
    return be16(v >> 16) + be16(v & 0xFFFF);
}
inline std::string le16(std::uint32_t v) {
    return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8 & 0xFF)};
}
inline std::string le24(std::uint32_t v) {
    return le16(v & 0xFFFF) + static_cast<char>(v >> 16 & 0xFF);
}
inline std::string le32(std::uint32_t v) {
    return le16(v & 0xFFFF) + le16(v >> 16);
}

inline std::span<const std::uint8_t> as_bytes(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// Signature, then an IHDR chunk (8-bit RGB) with a dummy CRC.
inline std::string png_bytes(std::uint32_t width, std::uint32_t height) {
    return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + be32(width) + be32(height) +
           std::string("\x08\x02\x00\x00\x00", 5) + be32(0);
}

// One marker segment: FF, marker, length (counting itself), payload.
inline std::string jpeg_segment(std::uint8_t marker, const std::string& payload) {
    return std::string{'\xFF', static_cast<char>(marker)} + be16(payload.size() + 2) + payload;
}

// A 3-component frame header for SOF marker `sof` (C0 baseline, C2 progressive, ...).
inline std::string jpeg_sof(std::uint16_t width, std::uint16_t height, std::uint8_t sof = 0xC0) {
    std::string components("\x01\x22\x00\x02\x11\x01\x03\x11\x01", 9);
    return jpeg_segment(sof,
                        std::string("\x08", 1) + be16(height) + be16(width) + "\x03" + components);
}

inline std::string jpeg_app0() {
    return jpeg_segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
}

// SOI, APP0 (JFIF), SOF0, EOI.
inline std::string jpeg_bytes(std::uint16_t width, std::uint16_t height) {
    return std::string("\xFF\xD8", 2) + jpeg_app0() + jpeg_sof(width, height) + "\xFF\xD9";
}

// Like a camera JPEG with big EXIF/ICC blocks: `padding_segments` full-size APP1 segments
// (65535 bytes each) before the frame header.
inline std::string jpeg_with_padding(std::uint16_t width, std::uint16_t height,
                                     int padding_segments) {
    std::string out("\xFF\xD8", 2);
    for (int i = 0; i < padding_segments; ++i)
        out += jpeg_segment(0xE1, std::string(65533, 'x'));
    return out + jpeg_sof(width, height) + "\xFF\xD9";
}

inline std::string gif_bytes(std::uint16_t width, std::uint16_t height, bool gif89 = true) {
    return std::string(gif89 ? "GIF89a" : "GIF87a") + le16(width) + le16(height) +
           std::string("\x00\x00\x00", 3);
}

inline std::string riff_webp(const std::string& fourcc, const std::string& data) {
    std::string chunk = fourcc + le32(data.size()) + data;
    return "RIFF" + le32(4 + chunk.size()) + "WEBP" + chunk;
}

// Lossy: key-frame tag, start code, 14-bit sizes.
inline std::string webp_vp8_bytes(std::uint16_t width, std::uint16_t height) {
    return riff_webp("VP8 ",
                     std::string("\x10\x02\x00\x9D\x01\x2A", 6) + le16(width) + le16(height));
}

// Lossless: signature 0x2F, then (width-1) | (height-1) << 14.
inline std::string webp_vp8l_bytes(std::uint32_t width, std::uint32_t height) {
    return riff_webp("VP8L", "\x2F" + le32((width - 1) | (height - 1) << 14));
}

// Extended: flags, 3 reserved bytes, 24-bit (width-1) and (height-1).
inline std::string webp_vp8x_bytes(std::uint32_t width, std::uint32_t height) {
    return riff_webp("VP8X", std::string("\x10\0\0\0", 4) + le24(width - 1) + le24(height - 1));
}

// A minimal valid pack item; tests change one field at a time.
inline nlohmann::json item_json(const std::string& id, const std::string& media,
                                const std::string& answer = "real") {
    return {{"id", id},
            {"media", media},
            {"answer", answer},
            {"source", {{"credit", "Test author"}, {"license", "CC0-1.0"}}},
            {"explanation", {{"fr", "Explication"}, {"en", "Explanation"}}}};
}

inline nlohmann::json pack_json(nlohmann::json items) {
    return {{"format", 1},
            {"id", "test-pack"},
            {"title", {{"fr", "Essai"}, {"en", "Test"}}},
            {"items", std::move(items)}};
}

}  // namespace rc::tests
