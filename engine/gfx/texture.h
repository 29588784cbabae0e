// GPU textures made from decoded images or a clip's frames, owned by value (moved, never
// copied).
#pragma once

#include <SDL.h>

#include <string>

namespace rc::engine {

class Texture {
  public:
    Texture() = default;
    // Uploads `surface` (any format). On failure the texture is empty and *why is set.
    static Texture from_surface(SDL_Renderer* renderer, SDL_Surface* surface, std::string* why);
    // Uploads `surface` (any format) into this texture: a clip's next frame goes into the
    // same streaming texture while the size stays, else one is made. On failure the texture
    // is empty and *why is set.
    bool update(SDL_Renderer* renderer, SDL_Surface* surface, std::string* why);
    ~Texture() { reset(); }
    Texture(Texture&& other) noexcept { *this = std::move(other); }
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    explicit operator bool() const { return handle_ != nullptr; }
    SDL_Texture* handle() const { return handle_; }
    int width() const { return width_; }
    int height() const { return height_; }
    void reset();

  private:
    bool make_streaming(SDL_Renderer* renderer, int width, int height);
    bool upload(SDL_Surface* surface);

    SDL_Texture* handle_ = nullptr;
    int width_ = 0;
    int height_ = 0;
    bool streaming_ = false;  // made by update(): its pixels can be replaced
};

}  // namespace rc::engine
