// libFuzzer target for the game's picture decoding (engine/media/image_decode.h): any bytes
// must decode into bounded surfaces or be refused with a reason, within the pixel limit the
// game uses. SDL_Init is not needed to decode from memory with IMG_Load_RW.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "content/media_probe.h"
#include "engine/media/image_decode.h"

namespace {

// The game's pixel cap (README: at most 50 megapixels).
constexpr std::uint64_t kMaxPixels = 50'000'000;

std::span<const std::uint8_t> as_span(const std::uint8_t* data, std::size_t size) {
    return {data, size};
}

// The header check the game runs before decoding: a known format, a size within the cap.
[[maybe_unused]] std::string header_problem(std::span<const std::uint8_t> bytes) {
    std::string why;
    const auto info = rc::content::probe_image(bytes, &why);
    if (!info)
        return why;
    if (std::uint64_t{info->width} * info->height > kMaxPixels)
        return "over the size limit";
    return {};
}

// DecodeLimits either holds the pixel cap itself or takes the game's header check (the
// pack loading rewrite): fill in whichever this engine has.
template <class Limits>
Limits game_limits() {
    Limits limits;
    if constexpr (requires { limits.check_header; })
        limits.check_header = header_problem;
    if constexpr (requires { limits.max_source_pixels; })
        limits.max_source_pixels = kMaxPixels;
    return limits;
}

bool bounded(const rc::engine::DecodedImage& image, const rc::engine::DecodeLimits& limits) {
    const auto* full = image.full.get();
    const auto* thumb = image.thumbnail.get();
    return full && thumb && full->w > 0 && full->h > 0 && full->w <= limits.max_side &&
           full->h <= limits.max_side && thumb->w <= limits.thumbnail_side &&
           thumb->h <= limits.thumbnail_side;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto limits = game_limits<rc::engine::DecodeLimits>();
    rc::engine::DecodedImage image;
    std::string why;
    if (!rc::engine::decode_image(as_span(data, size), limits, &image, &why)) {
        if (why.empty())
            std::abort();
        return 0;
    }
    const std::uint64_t source_pixels =
        std::uint64_t(image.source_width) * std::uint64_t(image.source_height);
    if (!bounded(image, limits) || source_pixels == 0 || source_pixels > kMaxPixels)
        std::abort();
    // The pixel cap is only as good as the probe: it must give the size the decoder made.
    const auto probed = rc::content::probe_image(as_span(data, size), &why);
    if (!probed || probed->width != static_cast<std::uint32_t>(image.source_width) ||
        probed->height != static_cast<std::uint32_t>(image.source_height))
        std::abort();
    return 0;
}
