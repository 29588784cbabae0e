// Picture decoding at the size it is shown: JPEGs are decoded straight at a scale of
// libjpeg-turbo (never at full size for a small view), the picture's own size is kept,
// and a check decodes at 1/8 yet still finds a corrupt picture, agreeing with a full decode.
#include <catch2/catch.hpp>

#include <SDL_image.h>

#include <algorithm>
#include <string>
#include <vector>

#include "content/pack.h"
#include "engine/media/image_decode.h"

using namespace rc::engine;

namespace {

std::vector<std::uint8_t> jpeg_of(int width, int height) {
    SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32));
    for (int y = 0; y < height; ++y) {
        auto* row = static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch;
        for (int x = 0; x < width; ++x) {
            row[4 * x] = static_cast<std::uint8_t>(x);
            row[4 * x + 1] = static_cast<std::uint8_t>(y);
            row[4 * x + 2] = static_cast<std::uint8_t>(x ^ y);
            row[4 * x + 3] = 255;
        }
    }
    std::vector<std::uint8_t> buffer(width * height * 4 + 4096);
    SDL_RWops* out = SDL_RWFromMem(buffer.data(), static_cast<int>(buffer.size()));
    REQUIRE(IMG_SaveJPG_RW(surface.get(), out, 0, 90) == 0);
    buffer.resize(static_cast<std::size_t>(SDL_RWtell(out)));
    SDL_RWclose(out);
    return buffer;
}

DecodeLimits limits() {
    DecodeLimits limits;
    limits.check_header = [](std::span<const std::uint8_t> bytes) {
        return rc::content::image_problem(bytes, rc::content::kMaxPixels);
    };
    return limits;
}

int longest(const SurfacePtr& surface) {  // the longer side
    return std::max(surface->w, surface->h);
}

}  // namespace

TEST_CASE("a JPEG is decoded at the scale its view needs", "[engine][decode]") {
    const auto bytes = jpeg_of(1600, 1200);
    struct Case {
        int wanted;
        int width;  // the scale within a tenth of the wanted side, never over it
    };
    // 1280 → 6/8 (1200); 500 → 3/8 (600) then scaled down to 500; 1500 → 7/8 (1400).
    const Case c = GENERATE(values<Case>(
        {{1280, 1200}, {800, 800}, {500, 500}, {1600, 1600}, {4096, 1600}, {1500, 1400}}));
    CAPTURE(c.wanted);
    DecodedImage image;
    std::string why;
    REQUIRE(decode_image(bytes, limits(), &image, &why, c.wanted));
    CHECK(image.source_width == 1600);
    CHECK(image.source_height == 1200);
    CHECK(image.full->w == c.width);
    CHECK(image.full->format->format == SDL_PIXELFORMAT_RGBA32);
    CHECK(longest(image.thumbnail) <= limits().thumbnail_side);
}

TEST_CASE("a check decodes small and finds what a full decode finds", "[engine][decode]") {
    const auto good = jpeg_of(640, 480);
    std::string why;
    CHECK(check_image(good, limits(), &why));

    SECTION("garbage after a sound header fails both") {
        auto corrupt = good;
        std::fill(corrupt.begin() + 600, corrupt.end(), std::uint8_t{0x5a});
        corrupt.resize(std::min<std::size_t>(corrupt.size(), 900));
        DecodedImage image;
        std::string full_why;
        const bool full = decode_image(corrupt, limits(), &image, &full_why);
        CHECK_FALSE(check_image(corrupt, limits(), &why));
        CHECK_FALSE(full);
        CHECK_THAT(why, Catch::StartsWith("cannot decode:"));
    }
    SECTION("a truncated file is a warning for both, as for SDL_image") {
        auto truncated = good;
        truncated.resize(good.size() * 2 / 3);
        DecodedImage image;
        std::string full_why;
        const bool checked = check_image(truncated, limits(), &why);
        const bool decoded = decode_image(truncated, limits(), &image, &full_why);
        CHECK(checked == decoded);
    }
    SECTION("bytes the header check refuses are never decoded") {
        const std::vector<std::uint8_t> text{'n', 'o', 't', ' ', 'a', ' ', 'p', 'i', 'c'};
        CHECK_FALSE(check_image(text, limits(), &why));
        CHECK_THAT(why, Catch::StartsWith("not a PNG, JPEG, GIF or WebP"));
    }
}
