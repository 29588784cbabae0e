// GPU textures made from decoded images, owned by value (moved, never copied).
#pragma once

#include <SDL.h>

#include <string>

namespace rc::engine {

class Texture {
  public:
    Texture() = default;
    // Uploads `surface` (any format). On failure the texture is empty and *why is set.
    static Texture from_surface(SDL_Renderer* renderer, SDL_Surface* surface, std::string* why);
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
    SDL_Texture* handle_ = nullptr;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace rc::engine
