// Picture decoding at the size it is shown: JPEGs are decoded straight at a scale of
// libjpeg-turbo (never at full size for a small view), the picture's own size is kept,
// and a check decodes at 1/8 yet still finds a corrupt picture, agreeing with a full decode.
// GIFs go to our own decoder and never to SDL_image.
#include <catch2/catch.hpp>

#include <SDL_image.h>

#include <algorithm>
#include <string>
#include <vector>

#include "content/pack.h"
#include "engine/media/image_decode.h"
#include "support/gif_writer.h"

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
    limits.max_pixels = rc::content::kMaxPixels;
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

TEST_CASE("GIFs are decoded by our own decoder, never by SDL_image", "[engine][decode]") {
    using namespace rc::tests;
    const std::vector<GifColour> palette{{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {9, 9, 9}};
    GifSpec spec = simple_gif(3, 2, palette, {0, 1, 2, 3, 2, 1});
    const auto bytes_of = [](const std::string& file) {
        return std::vector<std::uint8_t>(file.begin(), file.end());
    };
    DecodedImage image;
    std::string why;
    SECTION("the first frame on its screen, at the screen's size") {
        REQUIRE(decode_image(bytes_of(gif_file(spec)), limits(), &image, &why));
        CHECK(image.source_width == 3);
        CHECK(image.source_height == 2);
        REQUIRE(image.full->w == 3);
        CHECK(image.full->format->format == SDL_PIXELFORMAT_RGBA32);
        const auto* pixels = static_cast<const std::uint8_t*>(image.full->pixels);
        CHECK(std::vector<std::uint8_t>(pixels, pixels + 12) ==
              std::vector<std::uint8_t>{255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255});
        CHECK(check_image(bytes_of(gif_file(spec)), limits(), &why));
    }
    SECTION("whatever the header check lets through, a GIF's refusal is our decoder's") {
        DecodeLimits open = limits();
        open.check_header = [](std::span<const std::uint8_t>) { return std::string(); };
        std::string other_version = gif_file(spec);
        other_version[4] = '8';
        CHECK_FALSE(decode_image(bytes_of(other_version), open, &image, &why));
        CHECK(why == "cannot decode: not a GIF87a or GIF89a file");
        // Code size 0 corrupted SDL_image's heap (a fuzz find).
        spec.frames[0].code_size = 0;
        CHECK_FALSE(decode_image(bytes_of(gif_file(spec)), open, &image, &why));
        CHECK(why == "cannot decode: corrupt GIF data (LZW code size 0, expected 2 to 8)");
    }
    SECTION("the pixel cap holds for a huge frame on a tiny screen") {
        spec.width = 1;
        spec.height = 1;
        spec.frames[0].width = 17921;
        spec.frames[0].height = 14649;
        CHECK_FALSE(check_image(bytes_of(gif_file(spec)), limits(), &why));
        CHECK(why ==
              "cannot decode: GIF frame of 17921×14649 pixels is over the limit of 50000000");
    }
}
