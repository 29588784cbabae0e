// tools/pack/media/prepare.cpp — the media step: read the file (bounded), its provenance,
// then the pack's copy (stills.cpp, clips.cpp); leftover metadata; the perceptual hash.
#include "tools/pack/media/prepare.h"

#include <algorithm>
#include <bit>
#include <fstream>
#include <iterator>

#include "tools/pack/media/clips.h"
#include "tools/pack/media/containers.h"
#include "tools/pack/media/stills.h"

namespace rc::packmedia {
namespace {

constexpr std::uintmax_t kMaxMediaBytes = 2ull << 30;  // a clip of a few minutes fits

std::optional<Bytes> read_media(const std::filesystem::path& file, std::string* why) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        *why = "not a regular file";
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > kMaxMediaBytes) {
        *why = ec ? ec.message() : "file too large";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    Bytes bytes(std::istreambuf_iterator<char>(in), {});
    if (!in.eof() && in.fail()) {
        *why = "cannot be read";
        return std::nullopt;
    }
    if (bytes.empty()) {
        *why = "empty file";
        return std::nullopt;
    }
    return bytes;
}

bool is_clip(MediaFormat format) {
    return format == MediaFormat::Mp4 || format == MediaFormat::Webm;
}

}  // namespace

PreparedMedia prepare_media(const std::filesystem::path& source, const PrepareOptions& options) {
    PreparedMedia out;
    std::string why;
    const auto bytes = read_media(source, &why);
    if (!bytes) {
        out.error = why;
        return out;
    }
    const MediaFormat format = detect_format(*bytes);
    out.provenance = read_provenance(*bytes);
    if (is_clip(format)) {
        read_clip_tags(source, out.provenance);
        prepare_clip(source, format, options, out);
        if (!mp4_c2pa_boxes(*bytes).empty()) {
            out.stripped.push_back("C2PA");
        }
    } else {
        prepare_still(*bytes, format, options, out);
    }
    if (out.ok && out.provenance.has_gps &&
        std::find(out.stripped.begin(), out.stripped.end(), "GPS") == out.stripped.end()) {
        out.stripped.push_back("GPS");
    }
    if (!out.ok)
        out.bytes.clear();
    return out;
}

std::vector<std::string> leftover_metadata(const std::filesystem::path& file) {
    std::string why;
    const auto bytes = read_media(file, &why);
    if (!bytes) {
        return {"unreadable: " + why};
    }
    const MediaFormat format = detect_format(*bytes);
    if (is_clip(format)) {
        return clip_metadata_blocks(file, *bytes);
    }
    return still_metadata_blocks(*bytes);
}

std::optional<std::uint64_t> perceptual_hash(const std::filesystem::path& file) {
    std::string why;
    const auto bytes = read_media(file, &why);
    const auto grey = bytes ? decode_grey(*bytes) : std::nullopt;
    if (!grey || grey->width <= 0 || grey->height <= 0) {
        return std::nullopt;
    }
    // dHash: a 9x8 area-averaged thumbnail; each bit says whether a pixel is brighter
    // than its right-hand neighbour.
    constexpr int kWidth = 9, kHeight = 8;
    std::array<double, kWidth * kHeight> thumb{};
    for (int y = 0; y < kHeight; ++y) {
        const int y0 = y * grey->height / kHeight;
        const int y1 = std::max(y0 + 1, (y + 1) * grey->height / kHeight);
        for (int x = 0; x < kWidth; ++x) {
            const int x0 = x * grey->width / kWidth;
            const int x1 = std::max(x0 + 1, (x + 1) * grey->width / kWidth);
            double sum = 0;
            for (int sy = y0; sy < std::min(y1, grey->height); ++sy) {
                for (int sx = x0; sx < std::min(x1, grey->width); ++sx) {
                    sum += grey->pixels[std::size_t(sy) * grey->width + sx];
                }
            }
            thumb[y * kWidth + x] = sum / double((y1 - y0) * (x1 - x0));
        }
    }
    std::uint64_t hash = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x + 1 < kWidth; ++x) {
            hash = (hash << 1) | (thumb[y * kWidth + x] > thumb[y * kWidth + x + 1] ? 1 : 0);
        }
    }
    return hash;
}

int hash_distance(std::uint64_t a, std::uint64_t b) {
    return std::popcount(a ^ b);
}

}  // namespace rc::packmedia
