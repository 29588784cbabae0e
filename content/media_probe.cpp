// Image header probing; see media_probe.h. Every read goes through Bytes, which checks
// bounds first: this code sees untrusted pack files and is fuzzed.
#include "content/media_probe.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string_view>
#include <system_error>
#include <vector>

namespace rc::content {
namespace {

enum class Status {
    Ok,
    Truncated,  // the header goes on past the bytes we have
    Bad,        // not a valid header (why is set)
};

class Bytes {
  public:
    explicit Bytes(std::span<const std::uint8_t> data) : data_(data) {}

    bool has(std::size_t offset, std::size_t count) const {
        return offset <= data_.size() && count <= data_.size() - offset;
    }
    // Callers check has() first; these assume it.
    std::uint32_t u8(std::size_t at) const { return data_[at]; }
    std::uint32_t be16(std::size_t at) const { return u8(at) << 8 | u8(at + 1); }
    std::uint32_t le16(std::size_t at) const { return u8(at) | u8(at + 1) << 8; }
    std::uint32_t le24(std::size_t at) const { return le16(at) | u8(at + 2) << 16; }
    std::uint32_t le32(std::size_t at) const { return le24(at) | u8(at + 3) << 24; }
    std::uint32_t be32(std::size_t at) const { return be16(at) << 16 | be16(at + 2); }
    bool matches(std::size_t at, std::string_view text) const {
        if (!has(at, text.size()))
            return false;
        for (std::size_t i = 0; i < text.size(); ++i)
            if (data_[at + i] != static_cast<std::uint8_t>(text[i]))
                return false;
        return true;
    }

  private:
    std::span<const std::uint8_t> data_;
};

Status bad(std::string* why, const char* reason) {
    if (why)
        *why = reason;
    return Status::Bad;
}

bool is_png(const Bytes& b) {
    return b.matches(0, "\x89PNG\r\n\x1A\n");
}
bool is_jpeg(const Bytes& b) {
    return b.matches(0, "\xFF\xD8");
}
bool is_gif(const Bytes& b) {
    return b.matches(0, "GIF87a") || b.matches(0, "GIF89a");
}
bool is_webp(const Bytes& b) {
    return b.matches(0, "RIFF") && b.matches(8, "WEBP");
}

// The IHDR chunk must come first: length (4), "IHDR", width, height.
Status probe_png(const Bytes& b, ImageInfo& info, std::string* why) {
    if (!b.has(0, 24))
        return Status::Truncated;
    if (!b.matches(12, "IHDR"))
        return bad(why, "corrupt PNG header (no IHDR chunk first)");
    info.width = b.be32(16);
    info.height = b.be32(20);
    return Status::Ok;
}

// The logical screen's size, which is the picture's: the game decodes GIFs with its own
// decoder (engine/media/gif_decode.h), which draws the first frame onto the screen and clips
// it, so no frame allocates more than the screen and frame sizes do not matter here. (When
// SDL_image decoded GIFs it allocated the frame it read, so this walked the file to that
// frame; refusing its heap-corrupting inputs one by one here was no fix.)
Status probe_gif(const Bytes& b, ImageInfo& info, std::string*) {
    if (!b.has(0, 10))
        return Status::Truncated;
    info.width = b.le16(6);
    info.height = b.le16(8);
    return Status::Ok;
}

// RIFF header (12 bytes), then the first chunk: fourcc (4), size (4), data at 20.
Status probe_webp(const Bytes& b, ImageInfo& info, std::string* why) {
    if (!b.has(0, 20))
        return Status::Truncated;
    if (b.matches(12, "VP8 ")) {
        // Lossy: 3-byte frame tag (bit 0 clear on key frames), start code 9D 01 2A,
        // then 14-bit width and height (the top 2 bits are scaling).
        if (!b.has(20, 10))
            return Status::Truncated;
        if ((b.u8(20) & 1) != 0 || !b.matches(23, "\x9D\x01\x2A"))
            return bad(why, "corrupt WebP header (VP8 key frame expected)");
        info.width = b.le16(26) & 0x3FFF;
        info.height = b.le16(28) & 0x3FFF;
        return Status::Ok;
    }
    if (b.matches(12, "VP8L")) {
        // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each.
        if (!b.has(20, 5))
            return Status::Truncated;
        if (b.u8(20) != 0x2F)
            return bad(why, "corrupt WebP header (VP8L signature missing)");
        std::uint32_t bits = b.le32(21);
        info.width = (bits & 0x3FFF) + 1;
        info.height = ((bits >> 14) & 0x3FFF) + 1;
        return Status::Ok;
    }
    if (b.matches(12, "VP8X")) {
        // Extended: flags (1), reserved (3), canvas width-1 and height-1 in 24 bits each.
        if (!b.has(20, 10))
            return Status::Truncated;
        info.width = b.le24(24) + 1;
        info.height = b.le24(27) + 1;
        return Status::Ok;
    }
    return bad(why, "corrupt WebP header (unknown first chunk)");
}

// Start-of-frame markers C0..CF, except C4 (DHT), C8 (JPG) and CC (DAC) which share the range.
bool is_sof(std::uint32_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers without a length field: TEM, RSTn, SOI.
bool is_standalone(std::uint32_t marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
}

// Walks the marker segments after SOI until the frame header (SOF), which holds the size.
Status probe_jpeg(const Bytes& b, ImageInfo& info, std::string* why) {
    std::size_t at = 2;
    for (;;) {
        if (!b.has(at, 1))
            return Status::Truncated;
        if (b.u8(at) != 0xFF)
            return bad(why, "corrupt JPEG header (marker expected)");
        while (b.has(at, 1) && b.u8(at) == 0xFF)
            ++at;  // fill bytes before a marker
        if (!b.has(at, 1))
            return Status::Truncated;
        std::uint32_t marker = b.u8(at++);
        if (marker == 0x00)
            return bad(why, "corrupt JPEG header (stray 0xFF byte)");
        if (is_standalone(marker))
            continue;
        if (marker == 0xD9)
            return bad(why, "corrupt JPEG (ends before its frame header)");
        if (marker == 0xDA)
            return bad(why, "corrupt JPEG (image data before its frame header)");
        if (!b.has(at, 2))
            return Status::Truncated;
        std::uint32_t length = b.be16(at);  // counts itself, not the marker
        if (length < 2)
            return bad(why, "corrupt JPEG header (bad segment length)");
        if (is_sof(marker)) {
            // length (2), sample precision (1), height (2), width (2)
            if (length < 8)
                return bad(why, "corrupt JPEG header (short frame header)");
            if (!b.has(at, 7))
                return Status::Truncated;
            info.height = b.be16(at + 3);
            info.width = b.be16(at + 5);
            return Status::Ok;
        }
        at += length;
    }
}

const char* format_name(ImageFormat format) {
    switch (format) {
        case ImageFormat::Png:
            return "PNG";
        case ImageFormat::Jpeg:
            return "JPEG";
        case ImageFormat::Gif:
            return "GIF";
        case ImageFormat::Webp:
            return "WebP";
    }
    return "image";
}

// Facilitators often save a web page or a phone photo instead of a plain image: name it.
std::string unknown_format_reason(const Bytes& b) {
    const char* base = "not a PNG, JPEG, GIF or WebP file";
    std::string hint;
    if (b.matches(4, "ftypheic") || b.matches(4, "ftypheix") || b.matches(4, "ftypmif1"))
        hint = " (it is a HEIC photo; convert it to JPEG)";
    else if (b.matches(4, "ftypavif"))
        hint = " (it is an AVIF image; convert it to JPEG or WebP)";
    else if (b.matches(4, "ftyp"))
        hint = " (it looks like a video or HEIC/AVIF file)";
    else if (b.matches(0, "<") || b.matches(0, "\xEF\xBB\xBF<"))
        hint = " (it looks like a web page or SVG; save the image itself)";
    else if (b.matches(0, std::string_view("II*\0", 4)) ||
             b.matches(0, std::string_view("MM\0*", 4)))
        hint = " (it is a TIFF image; convert it to JPEG or PNG)";
    return base + hint;
}

struct Probe {
    Status status = Status::Bad;
    ImageInfo info;
};

Probe probe(std::span<const std::uint8_t> bytes, std::string* why) {
    Bytes b(bytes);
    Probe result;
    if (is_png(b)) {
        result.info.format = ImageFormat::Png;
        result.status = probe_png(b, result.info, why);
    } else if (is_jpeg(b)) {
        result.info.format = ImageFormat::Jpeg;
        result.status = probe_jpeg(b, result.info, why);
    } else if (is_gif(b)) {
        result.info.format = ImageFormat::Gif;
        result.status = probe_gif(b, result.info, why);
    } else if (is_webp(b)) {
        result.info.format = ImageFormat::Webp;
        result.status = probe_webp(b, result.info, why);
    } else if (why) {
        *why = unknown_format_reason(b);
    }
    return result;
}

std::optional<ImageInfo> finish(const Probe& result, std::string* why) {
    if (result.status == Status::Truncated) {
        if (why)
            *why = std::string("truncated ") + format_name(result.info.format) + " header";
        return std::nullopt;
    }
    if (result.status != Status::Ok)
        return std::nullopt;
    if (result.info.width == 0 || result.info.height == 0) {
        if (why)
            *why = std::string(format_name(result.info.format)) + " header gives a zero size (" +
                   std::to_string(result.info.width) + "×" + std::to_string(result.info.height) +
                   ")";
        return std::nullopt;
    }
    return result.info;
}

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Appends up to `count` bytes; false (with *why) on a read error.
bool read_more(std::FILE* file, std::size_t count, std::vector<std::uint8_t>& buffer,
               std::string* why) {
    std::size_t old_size = buffer.size();
    buffer.resize(old_size + count);
    std::size_t got = std::fread(buffer.data() + old_size, 1, count, file);
    buffer.resize(old_size + got);
    if (std::ferror(file)) {
        if (why)
            *why = "cannot read: " + std::generic_category().message(errno);
        return false;
    }
    return true;
}

}  // namespace

std::optional<ImageInfo> probe_image(std::span<const std::uint8_t> bytes, std::string* why) {
    return finish(probe(bytes, why), why);
}

std::optional<ImageInfo> probe_image_file(const std::filesystem::path& file, std::string* why) {
    errno = 0;
    File handle(std::fopen(file.c_str(), "rb"));
    if (!handle) {
        if (why)
            *why = "cannot open: " + std::generic_category().message(errno);
        return std::nullopt;
    }
    std::vector<std::uint8_t> buffer;
    if (!read_more(handle.get(), kProbeHeadBytes, buffer, why))
        return std::nullopt;
    Probe result = probe(buffer, why);
    // A JPEG's frame header can sit behind large EXIF/ICC segments: read on, doubling,
    // until it is found, the file ends or the cap is reached.
    while (result.status == Status::Truncated && result.info.format == ImageFormat::Jpeg &&
           !std::feof(handle.get()) && buffer.size() < kMaxJpegProbeBytes) {
        std::size_t more = std::min(buffer.size(), kMaxJpegProbeBytes - buffer.size());
        if (!read_more(handle.get(), more, buffer, why))
            return std::nullopt;
        result = probe(buffer, why);
    }
    return finish(result, why);
}

}  // namespace rc::content
