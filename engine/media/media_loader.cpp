// What both media loaders do once they hold a request: get the bytes, decode them.
#include "engine/media/media_loader.h"

namespace rc::engine {

MediaResult load_media(const MediaRequest& request, std::vector<std::uint8_t> bytes,
                       const DecodeLimits& limits) {
    MediaResult result;
    std::string why;
    const bool have_bytes = !request.read || request.read(&bytes, &why);
    if (have_bytes && request.use == MediaUse::Check)
        result.ok = check_image(bytes, limits, &why);
    else if (have_bytes)
        result.ok = decode_image(bytes, limits, &result.image, &why, request.max_side);
    if (!result.ok)
        result.error = request.label + ": " + why;
    return result;
}

}  // namespace rc::engine
