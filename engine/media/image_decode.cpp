#include "engine/media/image_decode.h"

#include <SDL_image.h>

#include <algorithm>

#include "engine/media/gif_decode.h"
#include "engine/media/jpeg_decode.h"

namespace rc::engine {
namespace {

SurfacePtr scaled_copy(SDL_Surface* source, int width, int height) {
    SurfacePtr scaled(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32));
    if (!scaled)
        return nullptr;
    if (SDL_SoftStretchLinear(source, nullptr, scaled.get(), nullptr) != 0)
        return nullptr;
    return scaled;
}

using Loader = SDL_Surface* (*)(SDL_RWops*);

// The SDL_image decoder for `stream`, among the formats packs may use. IMG_Load tries every
// format it knows, SVG before WebP: bytes that passed the header check as WebP but held
// "<svg" went to the SVG rasterizer (found by tools/fuzz image_decode). GIF is not among
// them: SDL_image's GIF reader corrupts its heap on hostile files (gif_decode.h).
Loader pack_image_loader(SDL_RWops* stream) {
    if (IMG_isPNG(stream))
        return IMG_LoadPNG_RW;
    if (IMG_isJPG(stream))
        return IMG_LoadJPG_RW;
    if (IMG_isWEBP(stream))
        return IMG_LoadWEBP_RW;
    return nullptr;
}

}  // namespace

SurfacePtr fit_surface(SDL_Surface* source, int max_side) {
    SurfacePtr current(SDL_ConvertSurfaceFormat(source, SDL_PIXELFORMAT_RGBA32, 0));
    // Bilinear scaling only looks at 2×2 pixels: halve step by step so a big reduction
    // averages every pixel instead of skipping most of them (no aliasing in thumbnails).
    while (current && std::max(current->w, current->h) > max_side) {
        const double factor =
            std::max(0.5, static_cast<double>(max_side) / std::max(current->w, current->h));
        const int width = std::max(1, static_cast<int>(current->w * factor + 0.5));
        const int height = std::max(1, static_cast<int>(current->h * factor + 0.5));
        current = scaled_copy(current.get(), width, height);
    }
    return current;
}

namespace {

// The header check, then a decoder: our own for GIFs, libjpeg at the scale wanted for JPEGs,
// else the SDL_image decoder of the detected format. `source` gets the picture's own size.
SurfacePtr decode_any(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                      int wanted_side, SDL_Point* source, std::string* why) {
    *why = limits.check_header ? limits.check_header(bytes) : "no header check was given";
    if (!why->empty())
        return nullptr;
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
        *why = "is too large to decode";
        return nullptr;
    }
    // Anything that starts like a GIF stops here, decoded or refused: SDL_image never sees it.
    if (looks_like_gif(bytes)) {
        SurfacePtr gif = decode_gif(bytes, limits.max_pixels, why);
        if (gif)
            *source = {gif->w, gif->h};
        return gif;
    }
    if (looks_like_jpeg(bytes)) {
        ScaledJpeg jpeg = decode_jpeg_scaled(bytes, wanted_side, why);
        *source = {jpeg.source_width, jpeg.source_height};
        if (!jpeg.unsupported)
            return std::move(jpeg.surface);
    }
    SDL_RWops* stream = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    const Loader load = stream ? pack_image_loader(stream) : nullptr;
    SurfacePtr decoded(load ? load(stream) : nullptr);
    if (stream)
        SDL_RWclose(stream);
    if (!load)
        *why = "cannot decode: not a PNG, JPEG, GIF or WebP picture";
    else if (!decoded)
        *why = std::string("cannot decode: ") + IMG_GetError();
    else
        *source = {decoded->w, decoded->h};
    return decoded;
}

}  // namespace

bool decode_image(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                  DecodedImage* out, std::string* why, int wanted_side) {
    const int side = std::min(wanted_side > 0 ? wanted_side : limits.max_side, limits.max_side);
    SDL_Point source{};
    SurfacePtr decoded = decode_any(bytes, limits, side, &source, why);
    if (!decoded)
        return false;
    out->source_width = source.x;
    out->source_height = source.y;
    // A JPEG decoded at its scale is already RGBA32 and fits: no second copy of it.
    const bool ready = decoded->format->format == SDL_PIXELFORMAT_RGBA32 &&
                       std::max(decoded->w, decoded->h) <= side;
    out->full = ready ? std::move(decoded) : fit_surface(decoded.get(), side);
    decoded.reset();
    if (out->full)
        out->thumbnail = fit_surface(out->full.get(), limits.thumbnail_side);
    if (!out->full || !out->thumbnail) {
        *why = std::string("out of memory while scaling: ") + SDL_GetError();
        return false;
    }
    return true;
}

bool check_image(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                 std::string* why) {
    SDL_Point source{};
    return decode_any(bytes, limits, 1, &source, why) != nullptr;
}

}  // namespace rc::engine
