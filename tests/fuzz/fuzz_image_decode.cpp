// libFuzzer target for the game's picture decoding (engine/media/image_decode.h) with the
// header check the game gives it (content::image_problem, kMaxPixels): any bytes must
// decode into bounded surfaces or be refused with a reason. GIFs go through our own
// decoder (engine/media/gif_decode.h), the rest through libjpeg-turbo or SDL_image; SDL_Init
// is not needed to decode from memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "content/media_probe.h"
#include "content/pack.h"
#include "engine/media/image_decode.h"

namespace {

rc::engine::DecodeLimits game_limits() {
    rc::engine::DecodeLimits limits;
    limits.check_header = [](std::span<const std::uint8_t> bytes) {
        return rc::content::image_problem(bytes, rc::content::kMaxPixels);
    };
    limits.max_pixels = rc::content::kMaxPixels;
    return limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const rc::engine::DecodeLimits limits = game_limits();
    rc::engine::DecodedImage image;
    std::string why;
    if (!rc::engine::decode_image(std::span<const std::uint8_t>(data, size), limits, &image,
                                  &why)) {
        if (why.empty())
            std::abort();
        return 0;
    }
    const auto* full = image.full.get();
    const auto* thumb = image.thumbnail.get();
    const bool bounded = full && thumb && full->w <= limits.max_side &&
                         full->h <= limits.max_side && thumb->w <= limits.thumbnail_side &&
                         thumb->h <= limits.thumbnail_side && full->w > 0 && full->h > 0;
    const std::uint64_t source_pixels =
        std::uint64_t(image.source_width) * std::uint64_t(image.source_height);
    if (!bounded || source_pixels == 0 || source_pixels > rc::content::kMaxPixels)
        std::abort();
    // The pixel cap is only as good as the probe: it must give the size the decoder made.
    std::string ignored;
    const auto probed =
        rc::content::probe_image(std::span<const std::uint8_t>(data, size), &ignored);
    if (!probed || probed->width != static_cast<std::uint32_t>(image.source_width) ||
        probed->height != static_cast<std::uint32_t>(image.source_height))
        std::abort();
    return 0;
}
