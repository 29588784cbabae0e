// Decoding media into pixels, safely: the caller's header check runs first (format, size
// cap) so no decoder ever sees a decompression bomb, big pictures are scaled down to what a
// texture can hold, and a small thumbnail is made for the end screen.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "engine/media/clip_limits.h"

namespace rc::engine {

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

// Why bytes must not be decoded (not a supported format, too many pixels), or empty.
// The engine does not know media formats' headers: the game gives the check it trusts.
using HeaderCheck = std::function<std::string(std::span<const std::uint8_t> bytes)>;

// The most pixels our own decoder (GIF) allocates for one picture, when the caller gives
// no cap: a 1 GiB RGBA surface. The game's header check refuses far less (its pixel cap).
inline constexpr std::uint64_t kMaxDecodePixels = 16384ull * 16384ull;

struct DecodeLimits {
    HeaderCheck check_header;  // required: nothing is decoded without it
    // Checked again by our own GIF decoder, on the screen and the frame, before allocating:
    // it trusts no caller to have probed the bytes.
    std::uint64_t max_pixels = kMaxDecodePixels;
    int max_side = 4096;       // largest texture side we ask of any renderer (WebGL 1 too)
    int thumbnail_side = 320;  // end screen thumbnails
    // Clips (MediaType::Clip): the container check the game trusts, run before any decoder
    // sees the bytes (none when empty), and what check_clip accepts.
    HeaderCheck check_clip_header;
    ClipLimits clip;
};

struct DecodedImage {
    SurfacePtr full;       // RGBA32, at most max_side on each side
    SurfacePtr thumbnail;  // RGBA32, at most thumbnail_side
    int source_width = 0;
    int source_height = 0;
};

// Returns false with *why (the header check's reason, "cannot decode: …", ...).
// `wanted_side` (0: limits.max_side): the longest side the picture is shown at; a JPEG is
// decoded straight at the smallest scale that gives it (jpeg_decode.h), others are
// decoded whole and scaled down (a GIF: its first frame, by gif_decode.h, never SDL_image).
// source_width/height keep the picture's own size.
bool decode_image(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                  DecodedImage* out, std::string* why, int wanted_side = 0);
// Decodes only to prove the bytes are a sound picture (a JPEG at 1/8 scale); keeps nothing.
bool check_image(std::span<const std::uint8_t> bytes, const DecodeLimits& limits, std::string* why);

// Scales `source` down so that both sides fit in `max_side`, keeping the aspect ratio.
// Returns a copy when it already fits. RGBA32 in and out.
SurfacePtr fit_surface(SDL_Surface* source, int max_side);

}  // namespace rc::engine
