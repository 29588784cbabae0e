// What both media loaders do once they hold a request: get the bytes, decode them.
#include "engine/media/media_loader.h"

namespace rc::engine {

MediaResult load_media(const MediaRequest& request, std::vector<std::uint8_t> bytes,
                       const DecodeLimits& limits) {
    MediaResult result;
    std::string why;
    const bool have_bytes = !request.read || request.read(&bytes, &why);
    if (have_bytes) {
        DecodedImage image;
        result.ok = decode_image(bytes, limits, &image, &why);
        if (result.ok && request.use == MediaUse::Show)
            result.image = std::move(image);
    }
    if (!result.ok)
        result.error = request.label + ": " + why;
    return result;
}

}  // namespace rc::engine
