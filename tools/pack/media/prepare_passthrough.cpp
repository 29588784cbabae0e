// A stand-in for the media step (prepare.h) until the real one (target rc_pack_media) is
// in the build: the pack's copy is the file's bytes unchanged, the extension comes from
// its magic number, and nothing is read or stripped. CMake links it only when
// rc_pack_media does not exist, so the real step replaces it with no code change.
#include <fstream>
#include <iterator>

#include "content/clip_probe.h"
#include "content/media_probe.h"
#include "content/pack.h"
#include "tools/pack/media/prepare.h"

namespace rc::packmedia {

namespace {

std::string extension_of(const std::vector<std::uint8_t>& bytes, bool* is_clip) {
    auto starts = [&](std::string_view magic, std::size_t at = 0) {
        return bytes.size() >= at + magic.size() &&
               std::equal(magic.begin(), magic.end(), bytes.begin() + at,
                          [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
    };
    *is_clip = false;
    if (starts("\xFF\xD8\xFF"))
        return ".jpg";
    if (starts("\x89PNG\r\n\x1A\n"))
        return ".png";
    if (starts("GIF8"))
        return ".gif";
    if (starts("RIFF") && starts("WEBP", 8))
        return ".webp";
    *is_clip = true;
    if (starts("ftyp", 4))
        return ".mp4";
    if (starts("\x1A\x45\xDF\xA3"))
        return ".webm";
    return {};
}

}  // namespace

PreparedMedia prepare_media(const std::filesystem::path& source, const PrepareOptions&) {
    PreparedMedia out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(source, ec);
    if (ec || size > content::kMaxPackFileBytes) {
        out.error = ec ? "cannot read: " + ec.message() : "larger than 512 MB";
        return out;
    }
    std::ifstream in(source, std::ios::binary);
    out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        out.error = "cannot read";
        return out;
    }
    out.extension = extension_of(out.bytes, &out.is_clip);
    if (out.extension.empty()) {
        out.error = "not a JPEG, PNG, GIF or WebP picture, nor an MP4 or WebM clip";
        return out;
    }
    out.ok = true;
    return out;
}

Provenance read_provenance(const std::vector<std::uint8_t>&) {
    return {};
}

std::vector<std::string> leftover_metadata(const std::filesystem::path&) {
    return {};
}

std::optional<std::uint64_t> perceptual_hash(const std::filesystem::path&) {
    return std::nullopt;
}

int hash_distance(std::uint64_t a, std::uint64_t b) {
    return __builtin_popcountll(a ^ b);
}

}  // namespace rc::packmedia
