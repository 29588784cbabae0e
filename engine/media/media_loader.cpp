// What both media loaders do once they hold a request: get the bytes, decode them.
#include "engine/media/media_loader.h"

#include "engine/media/clip_player.h"

namespace rc::engine {
namespace {

// The game's container check first, so no decoder sees bytes it refuses; then a decode of
// the first frame (natively; the browser's decoder is only known when it plays).
bool check_clip_bytes(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                      std::string* why) {
    if (limits.check_clip_header) {
        *why = limits.check_clip_header(bytes);
        if (!why->empty())
            return false;
    }
    return check_clip(bytes, limits.clip, why);
}

bool decode_request(const MediaRequest& request, std::span<const std::uint8_t> bytes,
                    const DecodeLimits& limits, DecodedImage* image, std::string* why) {
    if (request.type == MediaType::Clip && request.use == MediaUse::Check)
        return check_clip_bytes(bytes, limits, why);
    if (request.type == MediaType::Clip) {
        *why = "is a clip: ClipPlayer plays it, the media loader only checks it";
        return false;
    }
    if (request.use == MediaUse::Check)
        return check_image(bytes, limits, why);
    return decode_image(bytes, limits, image, why, request.max_side);
}

}  // namespace

MediaResult load_media(const MediaRequest& request, std::vector<std::uint8_t> bytes,
                       const DecodeLimits& limits) {
    MediaResult result;
    std::string why;
    const bool have_bytes = !request.read || request.read(&bytes, &why);
    if (have_bytes)
        result.ok = decode_request(request, bytes, limits, &result.image, &why);
    if (!result.ok)
        result.error = request.label + ": " + why;
    return result;
}

}  // namespace rc::engine
