// What a short clip may be, for the player and for the background check of a pack's media.
// Its own header so that DecodeLimits (image_decode.h) can hold it without the player.
#pragma once

#include <cstdint>

namespace rc::engine {

struct ClipLimits {
    std::uint64_t max_pixels = 3840ull * 2160ull;  // per frame, before scaling
    double max_seconds = 60.0;
    int max_side = 1920;  // frames are scaled down to fit this
};

}  // namespace rc::engine
