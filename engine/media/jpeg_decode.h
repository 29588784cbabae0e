// JPEG decoding with libjpeg-turbo's DCT scaling: a picture is decoded straight at the
// smallest of the eight scales (1/8 … 8/8) that still gives the size asked for, so a
// 12-megapixel phone photo shown on a laptop never exists in memory at full size, and a
// check of the whole pack decodes at 1/8 — which still reads and entropy-decodes every
// compressed byte, so a corrupt picture is found all the same. Warnings (a truncated
// file) are not failures, as with SDL_image: both decoders accept the same files.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "engine/media/image_decode.h"

namespace rc::engine {

struct ScaledJpeg {
    SurfacePtr surface;    // RGBA32; empty on failure
    int source_width = 0;  // the picture's own size
    int source_height = 0;
    bool unsupported = false;  // a colour space left to SDL_image (CMYK, YCCK)
};

bool looks_like_jpeg(std::span<const std::uint8_t> bytes);

// Decodes so that the longer side is at least `wanted_side` (or the picture's own size
// when smaller). On failure the surface is empty and *why says why.
ScaledJpeg decode_jpeg_scaled(std::span<const std::uint8_t> bytes, int wanted_side,
                              std::string* why);

}  // namespace rc::engine
