// Texture::update, as a clip's frames use it: the first frame makes a streaming texture,
// the next ones of the same size are copied into it (the same texture), a new size makes a
// new one; what is drawn is the last frame uploaded. SDL's software renderer, no window.
#include <catch2/catch.hpp>

#include "engine/gfx/texture.h"
#include "engine/media/image_decode.h"

using namespace rc::engine;

namespace {

SurfacePtr filled(int width, int height, Uint32 format, Uint8 r, Uint8 g, Uint8 b) {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, format));
    SDL_FillRect(surface.get(), nullptr, SDL_MapRGBA(surface->format, r, g, b, 255));
    return surface;
}

// The colour the renderer drew at the centre of `target`.
SDL_Color drawn(SDL_Renderer* renderer, SDL_Surface* target, const Texture& texture) {
    SDL_RenderClear(renderer);
    SDL_RenderCopy(renderer, texture.handle(), nullptr, nullptr);
    SDL_RenderPresent(renderer);
    SDL_Color color{};
    const auto* pixel = static_cast<const Uint8*>(target->pixels) +
                        (target->h / 2) * target->pitch + (target->w / 2) * 4;
    SDL_GetRGB(*reinterpret_cast<const Uint32*>(pixel), target->format, &color.r, &color.g,
               &color.b);
    return color;
}

}  // namespace

TEST_CASE("update reuses one streaming texture while the size stays", "[engine][texture]") {
    SurfacePtr target = filled(32, 32, SDL_PIXELFORMAT_RGBA32, 0, 0, 0);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(target.get());
    REQUIRE(renderer != nullptr);
    Texture texture;
    std::string why;

    REQUIRE(texture.update(renderer, filled(8, 6, SDL_PIXELFORMAT_RGBA32, 200, 0, 0).get(), &why));
    CHECK(texture.width() == 8);
    CHECK(texture.height() == 6);
    SDL_Texture* first = texture.handle();
    int access = -1;
    SDL_QueryTexture(first, nullptr, &access, nullptr, nullptr);
    CHECK(access == SDL_TEXTUREACCESS_STREAMING);
    CHECK(drawn(renderer, target.get(), texture).r == 200);

    // The next frame: the same texture, new pixels (any format is converted).
    REQUIRE(texture.update(renderer, filled(8, 6, SDL_PIXELFORMAT_BGRA32, 0, 180, 0).get(), &why));
    CHECK(texture.handle() == first);
    const SDL_Color green = drawn(renderer, target.get(), texture);
    CHECK(green.r == 0);
    CHECK(green.g == 180);

    // Another size: another texture.
    REQUIRE(texture.update(renderer, filled(4, 4, SDL_PIXELFORMAT_RGBA32, 0, 0, 90).get(), &why));
    CHECK(texture.width() == 4);
    CHECK(texture.height() == 4);
    CHECK(drawn(renderer, target.get(), texture).b == 90);

    // A texture made by from_surface is static: update replaces it with a streaming one.
    SurfacePtr still = filled(8, 6, SDL_PIXELFORMAT_RGBA32, 10, 20, 30);
    texture = Texture::from_surface(renderer, still.get(), &why);
    REQUIRE(texture.update(renderer, still.get(), &why));
    SDL_QueryTexture(texture.handle(), nullptr, &access, nullptr, nullptr);
    CHECK(access == SDL_TEXTUREACCESS_STREAMING);
    CHECK(why.empty());

    texture.reset();
    SDL_DestroyRenderer(renderer);
}
