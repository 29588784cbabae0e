// tools/pack/media/containers.cpp — see containers.h.
#include "tools/pack/media/containers.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

namespace rc::packmedia {
namespace {

std::uint32_t read_be16(ByteSpan b, std::size_t at) {
    return (std::uint32_t{b[at]} << 8) | b[at + 1];
}
std::uint32_t read_be32(ByteSpan b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) |
           (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}
std::uint32_t read_le32(ByteSpan b, std::size_t at) {
    return (std::uint32_t{b[at + 3]} << 24) | (std::uint32_t{b[at + 2]} << 16) |
           (std::uint32_t{b[at + 1]} << 8) | b[at];
}
bool starts_with(ByteSpan b, std::string_view prefix) {
    return b.size() >= prefix.size() && std::memcmp(b.data(), prefix.data(), prefix.size()) == 0;
}
bool contains(ByteSpan b, std::string_view needle) {
    return as_text(b).find(needle) != std::string_view::npos;
}
void add_once(std::vector<std::string>& names, const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(name);
    }
}
void append(Bytes& out, ByteSpan part) {
    out.insert(out.end(), part.begin(), part.end());
}

constexpr std::uint8_t kSoi = 0xD8, kEoi = 0xD9, kSos = 0xDA, kCom = 0xFE;
constexpr std::uint8_t kApp0 = 0xE0, kApp14 = 0xEE, kApp15 = 0xEF;
bool is_restart(std::uint8_t marker) {
    return marker >= 0xD0 && marker <= 0xD7;
}

// Skips entropy-coded data from `pos`: returns the offset of the next real marker's 0xFF,
// or nullopt when the data runs to the end of the file (truncated).
std::optional<std::size_t> skip_entropy_data(ByteSpan b, std::size_t pos) {
    while (pos + 1 < b.size()) {
        if (b[pos] != 0xFF) {
            ++pos;
            continue;
        }
        const std::uint8_t next = b[pos + 1];
        if (next == 0x00 || is_restart(next)) {
            pos += 2;
        } else if (next == 0xFF) {
            ++pos;  // fill byte before a marker
        } else {
            return pos;
        }
    }
    return std::nullopt;
}

// The metadata name of a JPEG segment the pack drops, or "" for one it keeps.
std::string jpeg_metadata_name(const JpegSegment& s, bool keep_icc) {
    if (s.marker == kCom) {
        return "JPEG comment";
    }
    if (s.marker < kApp0 || s.marker > kApp15) {
        return "";
    }
    if (s.marker == kApp0) {
        return starts_with(s.payload, std::string_view("JFIF\0", 5)) ? "" : "JFIF thumbnail";
    }
    if (s.marker == kApp14 && starts_with(s.payload, "Adobe")) {
        return "";  // says how to convert the colours back: part of the picture
    }
    switch (s.marker - kApp0) {
        case 1:
            if (starts_with(s.payload, std::string_view("Exif\0", 5))) {
                return "EXIF";
            }
            return starts_with(s.payload, "http://ns.adobe.com/") ? "XMP" : "APP1";
        case 2:
            if (starts_with(s.payload, std::string_view("ICC_PROFILE\0", 12))) {
                return keep_icc ? "" : "ICC profile";
            }
            return starts_with(s.payload, "MPF") ? "MPF" : "APP2";
        case 11:
            return contains(s.payload, "c2pa") ? "C2PA" : "JUMBF";
        case 13:
            return "IPTC";
        default:
            return "APP" + std::to_string(s.marker - kApp0);
    }
}

constexpr std::array<std::uint8_t, 8> kPngSignature = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

// PNG chunks the pack keeps: the picture (critical chunks), transparency, and the APNG
// animation chunks. Everything else ancillary is metadata or colour hints.
bool png_chunk_kept(const std::string& type) {
    static const std::array<const char*, 7> kKept = {"IHDR", "PLTE", "IDAT", "IEND",
                                                     "tRNS", "acTL", "fcTL"};
    if (type == "fdAT") {
        return true;
    }
    if (std::find_if(kKept.begin(), kKept.end(), [&](const char* k) { return type == k; }) !=
        kKept.end()) {
        return true;
    }
    return !type.empty() && type[0] >= 'A' && type[0] <= 'Z';  // unknown critical: not ours
}

std::string png_metadata_name(const PngChunk& c) {
    if (c.type == "tEXt" || c.type == "zTXt" || c.type == "iTXt") {
        return starts_with(c.data, std::string_view("XML:com.adobe.xmp\0", 18)) ? "XMP"
                                                                                : "PNG text";
    }
    if (c.type == "eXIf") {
        return "EXIF";
    }
    if (c.type == "iCCP") {
        return "ICC profile";
    }
    if (c.type == "caBX") {
        return "C2PA";
    }
    if (c.type == "tIME") {
        return "PNG time";
    }
    return "PNG " + c.type;
}

bool webp_chunk_kept(const std::string& fourcc) {
    return fourcc == "VP8 " || fourcc == "VP8L" || fourcc == "VP8X" || fourcc == "ALPH" ||
           fourcc == "ANIM" || fourcc == "ANMF";
}

std::string webp_metadata_name(const std::string& fourcc) {
    if (fourcc == "EXIF") {
        return "EXIF";
    }
    if (fourcc == "XMP ") {
        return "XMP";
    }
    if (fourcc == "ICCP") {
        return "ICC profile";
    }
    if (fourcc == "C2PA") {
        return "C2PA";
    }
    return "WebP " + fourcc;
}

constexpr std::uint8_t kVp8xIccFlag = 0x20, kVp8xExifFlag = 0x08, kVp8xXmpFlag = 0x04;

constexpr std::array<std::uint8_t, 16> kC2paUuid = {0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c,
                                                    0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4, 0x81};

}  // namespace

std::string_view as_text(ByteSpan bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

MediaFormat detect_format(ByteSpan b) {
    if (b.size() >= 3 && b[0] == 0xFF && b[1] == kSoi && b[2] == 0xFF) {
        return MediaFormat::Jpeg;
    }
    if (b.size() >= 8 && std::equal(kPngSignature.begin(), kPngSignature.end(), b.begin())) {
        return MediaFormat::Png;
    }
    if (b.size() >= 12 && starts_with(b, "RIFF") && as_text(b.subspan(8, 4)) == "WEBP") {
        return MediaFormat::Webp;
    }
    if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) {
        return MediaFormat::Gif;
    }
    if (b.size() >= 4 && b[0] == 0x1A && b[1] == 0x45 && b[2] == 0xDF && b[3] == 0xA3) {
        return MediaFormat::Webm;
    }
    if (b.size() >= 12 && as_text(b.subspan(4, 4)) == "ftyp") {
        static const std::array<std::string_view, 9> kHeifBrands = {
            "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif"};
        const std::string_view brand = as_text(b.subspan(8, 4));
        const bool heif =
            std::find(kHeifBrands.begin(), kHeifBrands.end(), brand) != kHeifBrands.end();
        return heif ? MediaFormat::Heif : MediaFormat::Mp4;
    }
    return MediaFormat::Unknown;
}

const char* format_name(MediaFormat format) {
    switch (format) {
        case MediaFormat::Jpeg:
            return "JPEG";
        case MediaFormat::Png:
            return "PNG";
        case MediaFormat::Webp:
            return "WebP";
        case MediaFormat::Gif:
            return "GIF";
        case MediaFormat::Heif:
            return "HEIF";
        case MediaFormat::Mp4:
            return "MP4";
        case MediaFormat::Webm:
            return "WebM";
        case MediaFormat::Unknown:
            break;
    }
    return "unknown";
}

std::optional<JpegLayout> parse_jpeg(ByteSpan b, std::string* why) {
    auto fail = [&](std::string message) -> std::optional<JpegLayout> {
        *why = std::move(message);
        return std::nullopt;
    };
    if (b.size() < 4 || b[0] != 0xFF || b[1] != kSoi) {
        return fail("not a JPEG file (no start marker)");
    }
    JpegLayout layout;
    std::size_t pos = 2;
    bool seen_scan = false;
    while (true) {
        if (pos >= b.size()) {
            return fail("truncated JPEG (no end marker)");
        }
        if (b[pos] != 0xFF) {
            return fail("corrupt JPEG (no marker at byte " + std::to_string(pos) + ")");
        }
        while (pos < b.size() && b[pos] == 0xFF) {
            ++pos;
        }
        if (pos >= b.size()) {
            return fail("truncated JPEG (no end marker)");
        }
        const std::size_t start = pos - 1;
        const std::uint8_t marker = b[pos++];
        if (marker == kEoi) {
            if (!seen_scan) {
                return fail("corrupt JPEG (no image data)");
            }
            layout.end = pos;
            return layout;
        }
        if (marker == 0x01 || is_restart(marker)) {
            continue;
        }
        if (marker == 0x00 || marker == kSoi) {
            return fail("corrupt JPEG (unexpected marker at byte " + std::to_string(start) + ")");
        }
        if (pos + 2 > b.size()) {
            return fail("truncated JPEG (segment header cut)");
        }
        const std::size_t length = read_be16(b, pos);
        if (length < 2 || pos + length > b.size()) {
            return fail("truncated JPEG (segment at byte " + std::to_string(start) +
                        " runs past the end)");
        }
        layout.segments.push_back(
            {marker, start, pos + length - start, b.subspan(pos + 2, length - 2)});
        pos += length;
        if (marker == kSos) {
            seen_scan = true;
            const auto next_marker = skip_entropy_data(b, pos);
            if (!next_marker) {
                return fail("truncated JPEG (image data cut before the end marker)");
            }
            pos = *next_marker;
        }
    }
}

Bytes jpeg_icc_profile(const JpegLayout& layout) {
    constexpr std::size_t kHeader = 14;  // "ICC_PROFILE\0", sequence number, count
    std::map<int, ByteSpan> parts;
    for (const auto& s : layout.segments) {
        if (s.marker == kApp0 + 2 && s.payload.size() > kHeader &&
            starts_with(s.payload, std::string_view("ICC_PROFILE\0", 12))) {
            parts.emplace(s.payload[12], s.payload.subspan(kHeader));
        }
    }
    Bytes profile;
    for (const auto& [sequence, part] : parts) {
        append(profile, part);
    }
    return profile;
}

Bytes jpeg_jumbf(const JpegLayout& layout) {
    // ISO 19566-5: "JP", box instance (2 bytes), packet sequence (4), then the box; every
    // packet after the first repeats the box header (8 bytes), left out when joining.
    constexpr std::size_t kPacketHeader = 8, kBoxHeader = 8;
    std::map<std::uint32_t, Bytes> boxes;
    for (const auto& s : layout.segments) {
        if (s.marker != kApp0 + 11 || s.payload.size() <= kPacketHeader + kBoxHeader ||
            !starts_with(s.payload, "JP")) {
            continue;
        }
        const std::uint32_t instance = read_be16(s.payload, 2);
        auto [it, first] = boxes.try_emplace(instance);
        append(it->second, s.payload.subspan(first ? kPacketHeader : kPacketHeader + kBoxHeader));
    }
    Bytes joined;
    for (const auto& [instance, box] : boxes) {
        append(joined, box);
    }
    return joined;
}

StripResult strip_jpeg(ByteSpan bytes, const JpegStripOptions& options) {
    StripResult result;
    const auto layout = parse_jpeg(bytes, &result.error);
    if (!layout) {
        return result;
    }
    std::size_t copied_to = 0;
    for (const auto& segment : layout->segments) {
        const std::string name = jpeg_metadata_name(segment, options.keep_icc);
        if (name.empty()) {
            continue;
        }
        append(result.bytes, bytes.subspan(copied_to, segment.offset - copied_to));
        copied_to = segment.offset + segment.size;
        add_once(result.removed, name);
    }
    append(result.bytes, bytes.subspan(copied_to, layout->end - copied_to));
    if (layout->end < bytes.size()) {
        add_once(result.removed, "data after the picture");  // MPF images, vendor trailers
    }
    result.ok = true;
    return result;
}

std::optional<std::vector<PngChunk>> parse_png(ByteSpan b, std::string* why) {
    if (b.size() < kPngSignature.size() ||
        !std::equal(kPngSignature.begin(), kPngSignature.end(), b.begin())) {
        *why = "not a PNG file (no signature)";
        return std::nullopt;
    }
    std::vector<PngChunk> chunks;
    std::size_t pos = kPngSignature.size();
    while (true) {
        if (pos + 12 > b.size()) {
            *why = "truncated PNG (no IEND chunk)";
            return std::nullopt;
        }
        const std::size_t length = read_be32(b, pos);
        if (length > b.size() - pos - 12) {
            *why = "truncated PNG (chunk at byte " + std::to_string(pos) + " runs past the end)";
            return std::nullopt;
        }
        PngChunk chunk{std::string(as_text(b.subspan(pos + 4, 4))), b.subspan(pos + 8, length),
                       b.subspan(pos, length + 12)};
        if (chunks.empty() && chunk.type != "IHDR") {
            *why = "corrupt PNG (first chunk is not IHDR)";
            return std::nullopt;
        }
        pos += length + 12;
        const bool end = chunk.type == "IEND";
        chunks.push_back(std::move(chunk));
        if (end) {
            return chunks;
        }
    }
}

StripResult strip_png(ByteSpan bytes) {
    StripResult result;
    const auto chunks = parse_png(bytes, &result.error);
    if (!chunks) {
        return result;
    }
    append(result.bytes, ByteSpan(kPngSignature));
    for (const auto& chunk : *chunks) {
        if (png_chunk_kept(chunk.type)) {
            append(result.bytes, chunk.raw);
        } else {
            add_once(result.removed, png_metadata_name(chunk));
        }
    }
    result.ok = true;
    return result;
}

std::optional<std::vector<RiffChunk>> parse_webp(ByteSpan b, std::string* why) {
    if (detect_format(b) != MediaFormat::Webp) {
        *why = "not a WebP file (no RIFF WEBP header)";
        return std::nullopt;
    }
    const std::size_t riff_end = std::min<std::size_t>(b.size(), std::size_t{read_le32(b, 4)} + 8);
    std::vector<RiffChunk> chunks;
    std::size_t pos = 12;
    while (pos + 8 <= riff_end) {
        const std::size_t size = read_le32(b, pos + 4);
        if (size > riff_end - pos - 8) {
            *why = "truncated WebP (chunk at byte " + std::to_string(pos) + " runs past the end)";
            return std::nullopt;
        }
        chunks.push_back({std::string(as_text(b.subspan(pos, 4))), b.subspan(pos + 8, size)});
        pos += 8 + size + (size & 1);
    }
    if (chunks.empty()) {
        *why = "truncated WebP (no image chunk)";
        return std::nullopt;
    }
    return chunks;
}

StripResult strip_webp(ByteSpan bytes) {
    StripResult result;
    const auto chunks = parse_webp(bytes, &result.error);
    if (!chunks) {
        return result;
    }
    const bool has_image = std::any_of(chunks->begin(), chunks->end(), [](const RiffChunk& c) {
        return c.fourcc == "VP8 " || c.fourcc == "VP8L" || c.fourcc == "ANMF";
    });
    if (!has_image) {
        result.error = "corrupt WebP (no image data)";
        return result;
    }
    Bytes body = {'W', 'E', 'B', 'P'};
    for (const auto& chunk : *chunks) {
        if (!webp_chunk_kept(chunk.fourcc)) {
            add_once(result.removed, webp_metadata_name(chunk.fourcc));
            continue;
        }
        const std::size_t at = body.size();
        append(body, ByteSpan(reinterpret_cast<const std::uint8_t*>(chunk.fourcc.data()), 4));
        const auto size = static_cast<std::uint32_t>(chunk.data.size());
        for (int shift = 0; shift < 32; shift += 8) {
            body.push_back(static_cast<std::uint8_t>(size >> shift));
        }
        append(body, chunk.data);
        if (size & 1) {
            body.push_back(0);
        }
        if (chunk.fourcc == "VP8X" && chunk.data.size() >= 1) {
            body[at + 8] &=
                static_cast<std::uint8_t>(~(kVp8xIccFlag | kVp8xExifFlag | kVp8xXmpFlag));
        }
    }
    result.bytes = {'R', 'I', 'F', 'F'};
    const auto riff_size = static_cast<std::uint32_t>(body.size());
    for (int shift = 0; shift < 32; shift += 8) {
        result.bytes.push_back(static_cast<std::uint8_t>(riff_size >> shift));
    }
    append(result.bytes, body);
    result.ok = true;
    return result;
}

namespace {

// Skips GIF data sub-blocks from `pos`; returns the offset after the terminator.
std::optional<std::size_t> skip_sub_blocks(ByteSpan b, std::size_t pos) {
    while (pos < b.size()) {
        const std::size_t size = b[pos];
        if (size == 0) {
            return pos + 1;
        }
        pos += 1 + size;
    }
    return std::nullopt;
}

std::string gif_application_name(ByteSpan identifier) {
    const std::string_view id = as_text(identifier);
    if (id == "NETSCAPE2.0" || id == "ANIMEXTS1.0") {
        return "";  // the loop count: how the animation plays
    }
    if (id == "XMP DataXMP") {
        return "XMP";
    }
    if (id == "ICCRGBG1012") {
        return "ICC profile";
    }
    return "GIF application data";
}

}  // namespace

StripResult strip_gif(ByteSpan b) {
    StripResult result;
    constexpr std::size_t kHeader = 13, kImageDescriptor = 10;
    if (detect_format(b) != MediaFormat::Gif || b.size() < kHeader) {
        result.error = "not a GIF file (no GIF87a/GIF89a header)";
        return result;
    }
    std::size_t pos = kHeader;
    if (b[10] & 0x80) {
        pos += 3u << ((b[10] & 0x07) + 1);
    }
    if (pos > b.size()) {
        result.error = "truncated GIF (colour table cut)";
        return result;
    }
    append(result.bytes, b.subspan(0, pos));
    while (pos < b.size()) {
        const std::uint8_t introducer = b[pos];
        std::optional<std::size_t> next;
        std::string dropped;
        if (introducer == 0x3B) {
            result.bytes.push_back(0x3B);
            result.ok = true;
            return result;
        } else if (introducer == 0x21 && pos + 2 < b.size()) {
            const std::uint8_t label = b[pos + 1];
            if (label == 0xFE) {
                dropped = "GIF comment";
            } else if (label == 0xFF && pos + 3 + 11 <= b.size() && b[pos + 2] == 11) {
                dropped = gif_application_name(b.subspan(pos + 3, 11));
            }
            next = skip_sub_blocks(b, pos + 2);
        } else if (introducer == 0x2C && pos + kImageDescriptor < b.size()) {
            std::size_t data = pos + kImageDescriptor;
            if (b[pos + 9] & 0x80) {
                data += 3u << ((b[pos + 9] & 0x07) + 1);
            }
            if (data < b.size()) {
                next = skip_sub_blocks(b, data + 1);  // after the LZW minimum code size
            }
        } else if (introducer != 0x21 && introducer != 0x2C) {
            result.error = "corrupt GIF (unknown block at byte " + std::to_string(pos) + ")";
            return result;
        }
        if (!next || *next > b.size()) {
            result.error = "truncated GIF (block at byte " + std::to_string(pos) + " cut)";
            return result;
        }
        if (dropped.empty()) {
            append(result.bytes, b.subspan(pos, *next - pos));
        } else {
            add_once(result.removed, dropped);
        }
        pos = *next;
    }
    result.error = "truncated GIF (no trailer)";
    return result;
}

std::vector<Box> parse_boxes(ByteSpan b) {
    std::vector<Box> boxes;
    std::size_t pos = 0;
    while (pos + 8 <= b.size()) {
        std::uint64_t size = read_be32(b, pos);
        std::size_t header = 8;
        if (size == 1) {
            if (pos + 16 > b.size()) {
                break;
            }
            size = (std::uint64_t{read_be32(b, pos + 8)} << 32) | read_be32(b, pos + 12);
            header = 16;
        } else if (size == 0) {
            size = b.size() - pos;
        }
        if (size < header || size > b.size() - pos) {
            break;
        }
        boxes.push_back({std::string(as_text(b.subspan(pos + 4, 4))),
                         b.subspan(pos + header, static_cast<std::size_t>(size) - header)});
        pos += static_cast<std::size_t>(size);
    }
    return boxes;
}

std::vector<ByteSpan> mp4_c2pa_boxes(ByteSpan bytes) {
    std::vector<ByteSpan> found;
    for (const auto& box : parse_boxes(bytes)) {
        if (box.type == "uuid" && box.payload.size() >= kC2paUuid.size() &&
            std::equal(kC2paUuid.begin(), kC2paUuid.end(), box.payload.begin())) {
            found.push_back(box.payload.subspan(kC2paUuid.size()));
        }
    }
    return found;
}

std::vector<std::string> still_metadata_blocks(ByteSpan bytes) {
    StripResult stripped;
    switch (detect_format(bytes)) {
        case MediaFormat::Jpeg:
            stripped = strip_jpeg(bytes);
            break;
        case MediaFormat::Png:
            stripped = strip_png(bytes);
            break;
        case MediaFormat::Webp:
            stripped = strip_webp(bytes);
            break;
        case MediaFormat::Gif:
            stripped = strip_gif(bytes);
            break;
        default:
            return {};
    }
    if (!stripped.ok) {
        return {"unreadable structure: " + stripped.error};
    }
    return stripped.removed;
}

}  // namespace rc::packmedia
