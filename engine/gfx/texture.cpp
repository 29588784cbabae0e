#include "engine/gfx/texture.h"

#include <utility>

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
    return texture;
}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        reset();
        handle_ = std::exchange(other.handle_, nullptr);
        width_ = std::exchange(other.width_, 0);
        height_ = std::exchange(other.height_, 0);
    }
    return *this;
}

void Texture::reset() {
    if (handle_)
        SDL_DestroyTexture(handle_);
    handle_ = nullptr;
    width_ = height_ = 0;
}

}  // namespace rc::engine
