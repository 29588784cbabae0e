// Loading a pack through its source: manifest, then every item's media; see pack.h.
#include "content/pack.h"

#include <cstdio>
#include <utility>

#include "content/media_probe.h"

namespace rc::content {
namespace {

std::string megapixels(std::uint64_t pixels, bool always_decimal) {
    char text[32];
    if (!always_decimal && pixels % 1'000'000 == 0)
        std::snprintf(text, sizeof text, "%llu",
                      static_cast<unsigned long long>(pixels / 1'000'000));
    else
        std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / 1e6);
    return text;
}

// Browsers play H.264 in MP4 and VP8/VP9 in WebM everywhere; anything else is refused with
// the way out.
std::string codec_problem(const ClipInfo& clip) {
    const bool mp4 = clip.container == ClipContainer::Mp4;
    switch (clip.codec) {
        case ClipCodec::H264:
            if (mp4)
                return {};
            return "H.264 in a WebM or Matroska file does not play in every browser: put it in "
                   "an MP4 file (realcheck-pack does)";
        case ClipCodec::Vp8:
        case ClipCodec::Vp9:
            if (!mp4)
                return {};
            return std::string(codec_name(clip.codec)) +
                   " in an MP4 file does not play in every browser: put it in a WebM file or "
                   "convert it to H.264 (realcheck-pack does)";
        case ClipCodec::Hevc:
            return "HEVC (H.265) clips do not play in browsers: convert them to H.264 "
                   "(realcheck-pack does)";
        case ClipCodec::Av1:
            return "AV1 clips do not play in every browser: convert them to H.264 (realcheck-pack "
                   "does)";
        case ClipCodec::Other:
            break;
    }
    return "unsupported codec '" + clip.codec_tag +
           "': convert the clip to H.264 (realcheck-pack does)";
}

// "61.3 s" for a clip, "60 s" for a limit.
std::string seconds_text(double seconds, const char* format) {
    char text[32];
    std::snprintf(text, sizeof text, format, seconds);
    return text;
}

// In megapixels, unless both round to the same figure (a frame just over 3840×2160).
std::string pixels_over(std::uint64_t pixels, std::uint64_t max_pixels) {
    const std::string have = megapixels(pixels, true);
    const std::string limit = megapixels(max_pixels, false);
    if (have != limit)
        return "(" + have + " megapixels) are over the " + limit + " megapixel limit for clips";
    return "(" + std::to_string(pixels) + " pixels) are over the " + std::to_string(max_pixels) +
           " pixel limit for clips";
}

// Leaves out the items whose media fails a check, with a Warning for each.
void keep_playable_items(const PackSource& source, std::uint64_t max_pixels, Manifest& manifest,
                         std::vector<Problem>& problems) {
    std::vector<PackItem> kept;
    for (auto& item : manifest.items) {
        auto bytes = source.read(item.media);
        std::string why =
            bytes.ok() ? image_problem(*bytes.value, max_pixels) : bytes.problems.front().message;
        if (!why.empty()) {
            problems.push_back({Severity::Warning, item_location(item), item.media + ": " + why});
            continue;
        }
        kept.push_back(std::move(item));
    }
    manifest.items = std::move(kept);
}

}  // namespace

std::string item_location(const PackItem& item, std::string_view field) {
    return std::string(kManifestName) + ": items[" + std::to_string(item.manifest_index) + "]." +
           std::string(field);
}

std::string too_few_items(std::size_t count) {
    std::string needs = ", a pack needs at least " + std::to_string(kMinPlayableItems);
    if (count == 0)
        return "no playable item" + needs;
    return "only " + std::to_string(count) + " playable item" + (count == 1 ? "" : "s") + needs;
}

std::string image_problem(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels) {
    std::string why;
    auto info = probe_image(bytes, &why);
    if (!info)
        return why;
    const std::uint64_t pixels = std::uint64_t{info->width} * info->height;
    if (pixels <= max_pixels)
        return {};
    return std::to_string(info->width) + "×" + std::to_string(info->height) + " pixels (" +
           megapixels(pixels, true) + " megapixels) is over the " + megapixels(max_pixels, false) +
           " megapixel limit";
}

std::string clip_problem(const ClipInfo& clip, const ClipRules& rules) {
    const std::uint64_t max_pixels = rules.max_pixels ? rules.max_pixels : kMaxClipPixels;
    const double max_seconds = rules.max_seconds > 0 ? rules.max_seconds : kMaxClipSeconds;
    if (auto why = codec_problem(clip); !why.empty())
        return why;
    const std::string size = std::to_string(clip.width) + "×" + std::to_string(clip.height);
    if (clip.width == 0 || clip.height == 0)
        return "the clip gives a zero frame size (" + size + ")";
    const std::uint64_t pixels = std::uint64_t{clip.width} * clip.height;
    if (pixels > max_pixels)
        return size + " frames " + pixels_over(pixels, max_pixels);
    // Written so that a NaN is refused too.
    if (!(clip.seconds > 0))
        return "the clip gives no duration";
    if (!(clip.seconds <= max_seconds + kClipSecondsSlack))
        return "the clip lasts " + seconds_text(clip.seconds, "%.1f") + " s, over the " +
               seconds_text(max_seconds, "%g") + " s limit";
    return {};
}

std::string clip_problem(std::span<const std::uint8_t> bytes, const ClipRules& rules) {
    std::string why;
    auto clip = probe_clip(bytes, &why);
    return clip ? clip_problem(*clip, rules) : why;
}

Result<Manifest> read_manifest(const PackSource& source) {
    auto text = source.read(kManifestName, kMaxManifestBytes);
    if (!text.ok()) {
        std::string message = text.problems.front().message;
        if (message.starts_with("is larger than"))
            message =
                "is larger than the " + limit_text(kMaxManifestBytes) + " limit for a manifest";
        return refusal<Manifest>(source.locate(kManifestName), std::move(message));
    }
    const auto& bytes = *text.value;
    return parse_manifest(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), kManifestName);
}

Result<LoadedPack> load_pack(SourcePtr source, const PackLoadDesc& desc) {
    auto parsed = read_manifest(*source);
    if (parsed.value && !desc.skip_media_checks) {
        const std::uint64_t max_pixels = desc.max_pixels ? desc.max_pixels : kMaxPixels;
        keep_playable_items(*source, max_pixels, *parsed.value, parsed.problems);
    }
    return pack_from_manifest(std::move(parsed), std::move(source));
}

Result<LoadedPack> load_pack(Result<SourcePtr> opened, const PackLoadDesc& desc) {
    if (!opened.ok())
        return refusal<LoadedPack>(std::move(opened.problems));
    return load_pack(std::move(*opened.value), desc);
}

Result<LoadedPack> load_pack(const std::filesystem::path& path, const PackLoadDesc& desc) {
    return load_pack(open_local_source(path), desc);
}

Result<LoadedPack> pack_from_manifest(Result<Manifest> parsed, SourcePtr source) {
    Result<LoadedPack> result;
    result.problems = std::move(parsed.problems);
    if (!parsed.value)
        return result;
    if (parsed.value->items.size() < kMinPlayableItems) {
        result.problems.push_back(
            {Severity::Error, kManifestName, too_few_items(parsed.value->items.size())});
        return result;
    }
    result.value = LoadedPack{std::move(source), std::move(*parsed.value)};
    return result;
}

}  // namespace rc::content
