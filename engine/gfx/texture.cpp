#include "engine/gfx/texture.h"

#include <utility>

#include "engine/gfx/frame_signature.h"

namespace rc::engine {

Texture Texture::from_surface(SDL_Renderer* renderer, SDL_Surface* surface, std::string* why) {
    Texture texture;
    texture.handle_ = SDL_CreateTextureFromSurface(renderer, surface);
    if (!texture.handle_) {
        if (why)
            *why = std::string("cannot create a texture: ") + SDL_GetError();
        return texture;
    }
    SDL_SetTextureScaleMode(texture.handle_, SDL_ScaleModeLinear);
    texture.width_ = surface->w;
    texture.height_ = surface->h;
    note_texture_changed();
    return texture;
}

bool Texture::update(SDL_Renderer* renderer, SDL_Surface* surface, std::string* why) {
    const bool rgba = surface->format->format == SDL_PIXELFORMAT_RGBA32;
    SDL_Surface* converted =
        rgba ? nullptr : SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_Surface* pixels = rgba ? surface : converted;
    bool ok = pixels != nullptr;
    if (ok && !(streaming_ && width_ == pixels->w && height_ == pixels->h))
        ok = make_streaming(renderer, pixels->w, pixels->h);
    ok = ok && upload(pixels);
    SDL_FreeSurface(converted);
    if (!ok) {
        if (why)
            *why = std::string("cannot update a texture: ") + SDL_GetError();
        reset();
    }
    return ok;
}

bool Texture::make_streaming(SDL_Renderer* renderer, int width, int height) {
    reset();
    handle_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STREAMING,
                                width, height);
    if (!handle_)
        return false;
    SDL_SetTextureBlendMode(handle_, SDL_BLENDMODE_BLEND);  // as from_surface's RGBA textures
    SDL_SetTextureScaleMode(handle_, SDL_ScaleModeLinear);
    width_ = width;
    height_ = height;
    streaming_ = true;
    return true;
}

bool Texture::upload(SDL_Surface* surface) {
    if (SDL_MUSTLOCK(surface) && SDL_LockSurface(surface) != 0)
        return false;
    const bool ok = SDL_UpdateTexture(handle_, nullptr, surface->pixels, surface->pitch) == 0;
    if (SDL_MUSTLOCK(surface))
        SDL_UnlockSurface(surface);
    note_texture_changed();
    return ok;
}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        reset();
        handle_ = std::exchange(other.handle_, nullptr);
        width_ = std::exchange(other.width_, 0);
        height_ = std::exchange(other.height_, 0);
        streaming_ = std::exchange(other.streaming_, false);
    }
    return *this;
}

void Texture::reset() {
    if (handle_)
        SDL_DestroyTexture(handle_);
    handle_ = nullptr;
    width_ = height_ = 0;
    streaming_ = false;
}

}  // namespace rc::engine
