// Our own GIF decoder: the first frame's pixels on its logical screen (palettes,
// transparency, interlace, offsets and clipping), LZW at its edges (clear codes, the full
// dictionary, code sizes 2 and 8, codes no encoder writes), every cut of a valid file, and
// the files that corrupted SDL_image's heap (tools/fuzz image_decode).
#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "engine/media/gif_decode.h"
#include "support/gif_writer.h"

using namespace rc::tests;
using rc::engine::decode_gif;
using rc::engine::looks_like_gif;
using rc::engine::SurfacePtr;

namespace {

using Rgba = std::array<std::uint8_t, 4>;
constexpr Rgba kClear{0, 0, 0, 0};
constexpr std::uint64_t kTestMaxPixels = 1'000'000;

const std::vector<GifColour> kPalette = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};

Rgba opaque(GifColour colour) {
    return {colour.r, colour.g, colour.b, 255};
}

// 256 distinct colours, for code size 8.
std::vector<GifColour> wide_palette() {
    std::vector<GifColour> table;
    for (int i = 0; i < 256; ++i)
        table.push_back({static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(255 - i),
                         static_cast<std::uint8_t>(i * 7)});
    return table;
}

std::vector<std::uint8_t> random_indices(std::size_t count, int colours, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> indices(count);
    for (auto& index : indices)
        index = static_cast<std::uint8_t>(rng() % colours);
    return indices;
}

struct Decoded {
    SurfacePtr surface;
    std::string why;
};

// Copies into a heap block of exactly the file's size, so AddressSanitizer flags any read
// past its end (a std::string may own spare capacity behind its last byte).
Decoded decode(const std::string& bytes, std::uint64_t max_pixels = kTestMaxPixels) {
    std::unique_ptr<std::uint8_t[]> block(new std::uint8_t[bytes.size()]);
    if (!bytes.empty())
        std::memcpy(block.get(), bytes.data(), bytes.size());
    Decoded out;
    out.surface =
        decode_gif(std::span<const std::uint8_t>(block.get(), bytes.size()), max_pixels, &out.why);
    return out;
}

SurfacePtr decoded(const std::string& bytes) {
    Decoded out = decode(bytes);
    INFO(out.why);
    REQUIRE(out.surface);
    CHECK(out.why.empty());
    CHECK(out.surface->format->format == SDL_PIXELFORMAT_RGBA32);
    return std::move(out.surface);
}

std::string refusal(const std::string& bytes, std::uint64_t max_pixels = kTestMaxPixels) {
    Decoded out = decode(bytes, max_pixels);
    CHECK_FALSE(out.surface);
    return out.why;
}

Rgba pixel(const SurfacePtr& surface, int x, int y) {
    const auto* at = static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch + 4 * x;
    return {at[0], at[1], at[2], at[3]};
}

// Every pixel of `surface` against `expected(x, y)`, with the place of the first mismatch.
template <typename Expected>
void check_pixels(const SurfacePtr& surface, Expected expected) {
    for (int y = 0; y < surface->h; ++y)
        for (int x = 0; x < surface->w; ++x)
            if (pixel(surface, x, y) != expected(x, y)) {
                CAPTURE(x, y);
                CHECK(pixel(surface, x, y) == expected(x, y));
                return;
            }
}

// The indices of a width × height picture, drawn with `table`, compared pixel by pixel.
void check_indices(const SurfacePtr& surface, const std::vector<std::uint8_t>& indices,
                   const std::vector<GifColour>& table) {
    check_pixels(surface, [&](int x, int y) {
        return opaque(table[indices[std::size_t(y) * surface->w + x]]);
    });
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a GIF's pixels are its palette's colours", "[engine][gif]") {
    const std::vector<std::uint8_t> indices{0, 1, 2, 3, 3, 2};
    SECTION("GIF89a and GIF87a alike") {
        GifSpec spec = simple_gif(3, 2, kPalette, indices);
        spec.gif89 = GENERATE(true, false);
        const SurfacePtr surface = decoded(gif_file(spec));
        CHECK(surface->w == 3);
        CHECK(surface->h == 2);
        check_indices(surface, indices, kPalette);
    }
    SECTION("indices past the end of the colour table are opaque black") {
        const std::vector<GifColour> two{{10, 20, 30}, {40, 50, 60}};
        const SurfacePtr surface = decoded(gif_file(simple_gif(3, 2, two, indices)));
        CHECK(pixel(surface, 1, 0) == Rgba{40, 50, 60, 255});
        CHECK(pixel(surface, 2, 0) == Rgba{0, 0, 0, 255});
        CHECK(pixel(surface, 0, 1) == Rgba{0, 0, 0, 255});
    }
    SECTION("a local colour table is used over the global one") {
        GifSpec spec = simple_gif(3, 2, kPalette, indices);
        const std::vector<GifColour> local{{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}};
        spec.frames[0].local_table = local;
        check_indices(decoded(gif_file(spec)), indices, local);
        spec.global_table.clear();
        check_indices(decoded(gif_file(spec)), indices, local);
    }
    SECTION("a frame with no colour table at all is refused, not shown in invented colours") {
        GifSpec spec = simple_gif(3, 2, {}, indices);
        CHECK(refusal(gif_file(spec)) == "cannot decode: GIF frame has no colour table");
    }
    SECTION("only the first frame is decoded") {
        GifSpec spec = simple_gif(3, 2, kPalette, indices);
        GifFrameSpec second = simple_gif(3, 2, kPalette, {3, 3, 3, 3, 3, 3}).frames[0];
        spec.frames.push_back(second);
        check_indices(decoded(gif_file(spec)), indices, kPalette);
        spec.frames[1].code_size = 0;  // what comes after the first frame is never read
        spec.frames[1].data = "junk";
        check_indices(decoded(gif_file(spec)), indices, kPalette);
    }
    SECTION("extensions before the frame are skipped") {
        GifSpec spec = simple_gif(3, 2, kPalette, indices);
        spec.before_frames = std::string("\x21\xFF\x0B", 3) + "NETSCAPE2.0" +
                             std::string("\x03\x01\x00\x00\x00", 5) +  // looping
                             std::string("\x21\xFE\x05", 3) + "hello" + std::string(1, '\0') +
                             std::string("\x21\x01\x02", 3) + "xy" + std::string(1, '\0');
        check_indices(decoded(gif_file(spec)), indices, kPalette);
    }
}

TEST_CASE("GIF transparency", "[engine][gif]") {
    const std::vector<std::uint8_t> indices{0, 1, 2, 1, 1, 3};
    GifSpec spec = simple_gif(3, 2, kPalette, indices);
    SECTION("the graphic control extension's transparent index is transparent") {
        spec.frames[0].transparent = 1;
        check_pixels(decoded(gif_file(spec)), [&](int x, int y) {
            const auto index = indices[std::size_t(y) * 3 + x];
            return index == 1 ? kClear : opaque(kPalette[index]);
        });
    }
    SECTION("a graphic control without its transparency flag changes nothing") {
        spec.before_frames = std::string("\x21\xF9\x04\x00\x00\x00\x01\x00", 8);
        check_indices(decoded(gif_file(spec)), indices, kPalette);
    }
    SECTION("a graphic control block too short to hold one is ignored") {
        spec.before_frames = std::string("\x21\xF9\x02\x01\x01\x00", 6);
        check_indices(decoded(gif_file(spec)), indices, kPalette);
        spec.before_frames = std::string("\x21\xF9\x00", 3);
        check_indices(decoded(gif_file(spec)), indices, kPalette);
    }
}

TEST_CASE("interlaced GIF frames", "[engine][gif]") {
    // 19 rows: every pass of the interlace has rows, the last ones short.
    const int width = 3;
    const int height = 19;
    const auto table = wide_palette();
    std::vector<std::uint8_t> indices(width * height);
    for (std::size_t i = 0; i < indices.size(); ++i)
        indices[i] = static_cast<std::uint8_t>(i);
    GifSpec spec = simple_gif(width, height, table, {}, 8);
    spec.frames[0].interlaced = true;
    LzwDesc lzw;
    lzw.code_size = 8;
    spec.frames[0].data = lzw_encode(interlace_rows(indices, width, height), lzw);
    SECTION("rows land where the passes put them") {
        check_indices(decoded(gif_file(spec)), indices, table);
    }
    SECTION("rows below the screen are clipped") {
        spec.height = 10;
        const SurfacePtr surface = decoded(gif_file(spec));
        REQUIRE(surface->h == 10);
        check_indices(surface, indices, table);
    }
    SECTION("frames of one to eight rows") {
        const int rows = GENERATE(1, 2, 3, 4, 5, 8);
        spec.height = rows;
        spec.frames[0].height = rows;
        std::vector<std::uint8_t> part(indices.begin(), indices.begin() + width * rows);
        spec.frames[0].data = lzw_encode(interlace_rows(part, width, rows), lzw);
        check_indices(decoded(gif_file(spec)), part, table);
    }
}

TEST_CASE("a GIF frame on its logical screen", "[engine][gif]") {
    const auto frame_of = [](int left, int top, int width, int height) {
        GifFrameSpec frame = simple_gif(width, height, {}, {}).frames[0];
        frame.left = left;
        frame.top = top;
        std::vector<std::uint8_t> indices(std::size_t(width) * height);
        for (std::size_t i = 0; i < indices.size(); ++i)
            indices[i] = static_cast<std::uint8_t>(i % 4);
        frame.data = lzw_encode(indices, {});
        return frame;
    };
    // The colour the frame at (left, top) of `width` columns puts at (x, y) of the screen.
    const auto expected = [](int left, int top, int width, int height) {
        return [=](int x, int y) {
            if (x < left || y < top || x >= left + width || y >= top + height)
                return kClear;
            return opaque(kPalette[((y - top) * width + (x - left)) % 4]);
        };
    };
    GifSpec spec;
    spec.global_table = kPalette;
    SECTION("an offset frame inside a larger screen: the rest is transparent") {
        spec.width = 6;
        spec.height = 5;
        spec.frames = {frame_of(3, 2, 2, 2)};
        const SurfacePtr surface = decoded(gif_file(spec));
        CHECK(surface->w == 6);
        CHECK(surface->h == 5);
        check_pixels(surface, expected(3, 2, 2, 2));
    }
    SECTION("a frame partly outside the screen is clipped") {
        spec.width = 4;
        spec.height = 4;
        spec.frames = {frame_of(2, 3, 3, 3)};
        check_pixels(decoded(gif_file(spec)), expected(2, 3, 3, 3));
    }
    SECTION("a frame bigger than the screen is clipped to it") {
        spec.width = 2;
        spec.height = 2;
        spec.frames = {frame_of(0, 0, 10, 7)};
        const SurfacePtr surface = decoded(gif_file(spec));
        CHECK(surface->w == 2);
        CHECK(surface->h == 2);
        check_pixels(surface, expected(0, 0, 10, 7));
    }
    SECTION("a frame wholly outside the screen leaves it transparent") {
        spec.width = 4;
        spec.height = 4;
        spec.frames = {frame_of(65000, 65000, 3, 3)};
        check_pixels(decoded(gif_file(spec)), expected(65000, 65000, 3, 3));
    }
    SECTION("a huge frame on a tiny screen decodes into the screen only") {
        // Ever longer strings (each code names the entry being made: 2, 3, 4 … pixels):
        // 1,000,000 pixels from 6 KB, on a 1×1 screen.
        std::vector<unsigned> codes{4, 1};
        for (unsigned code = 6; code < 4096; ++code)
            codes.push_back(code);
        spec.width = 1;
        spec.height = 1;
        GifFrameSpec frame;
        frame.width = 1000;
        frame.height = 1000;
        frame.data = lzw_pack(2, codes);
        spec.frames = {frame};
        const SurfacePtr surface = decoded(gif_file(spec));
        CHECK(surface->w == 1);
        CHECK(surface->h == 1);
        CHECK(pixel(surface, 0, 0) == opaque(kPalette[1]));
    }
}

TEST_CASE("GIF sizes are checked before anything is allocated", "[engine][gif]") {
    GifSpec spec = simple_gif(3, 2, kPalette, {0, 1, 2, 3, 0, 1});
    SECTION("a screen of zero size") {
        spec.width = 0;
        spec.height = 5;
        CHECK(refusal(gif_file(spec)) == "cannot decode: GIF screen gives a zero size (0×5)");
    }
    SECTION("a frame of zero size") {
        spec.frames[0].height = 0;
        CHECK(refusal(gif_file(spec)) == "cannot decode: GIF frame gives a zero size (3×0)");
    }
    SECTION("a screen over the caller's limit") {
        spec.width = 2000;
        spec.height = 2000;
        CHECK(refusal(gif_file(spec)) ==
              "cannot decode: GIF screen of 2000×2000 pixels is over the limit of 1000000");
        CHECK(refusal(gif_file(spec), 3'999'999) ==
              "cannot decode: GIF screen of 2000×2000 pixels is over the limit of 3999999");
    }
    SECTION("a frame over the caller's limit, on a tiny screen") {
        spec.width = 1;
        spec.height = 1;
        spec.frames[0].width = 65535;
        spec.frames[0].height = 65535;
        CHECK(refusal(gif_file(spec), rc::engine::kMaxDecodePixels) ==
              "cannot decode: GIF frame of 65535×65535 pixels is over the limit of 268435456");
    }
    SECTION("the limit itself is allowed") {
        spec.width = 1000;
        spec.height = 1000;
        CHECK(decode(gif_file(spec), 1'000'000).surface);
    }
}

TEST_CASE("GIF files that are not sound", "[engine][gif]") {
    GifSpec spec = simple_gif(3, 2, kPalette, {0, 1, 2, 3, 0, 1});
    SECTION("another signature") {
        std::string bytes = gif_file(spec);
        CHECK(looks_like_gif(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), 3)));
        bytes[4] = '8';
        CHECK(refusal(bytes) == "cannot decode: not a GIF87a or GIF89a file");
        CHECK(refusal("GIF") == "cannot decode: truncated GIF header");
    }
    SECTION("a stray byte before the first frame") {
        spec.before_frames = std::string(1, '\0');
        CHECK(refusal(gif_file(spec)) ==
              "cannot decode: corrupt GIF (a stray byte before the first frame)");
    }
    SECTION("no frame before the trailer") {
        spec.frames.clear();
        CHECK(refusal(gif_file(spec)) == "cannot decode: GIF holds no frame");
        spec.trailer = false;
        CHECK(refusal(gif_file(spec)) ==
              "cannot decode: truncated GIF (it ends before its first frame)");
    }
    SECTION("LZW code sizes outside 2 to 8") {
        const int size = GENERATE(0, 1, 9, 12, 255);
        spec.frames[0].code_size = size;
        CHECK(refusal(gif_file(spec)) == "cannot decode: corrupt GIF data (LZW code size " +
                                             std::to_string(size) + ", expected 2 to 8)");
    }
}

TEST_CASE("LZW codes at their edges", "[engine][gif]") {
    SECTION("every code size from 2 to 8 round-trips") {
        const int code_size = GENERATE(2, 3, 4, 5, 6, 7, 8);
        const auto table = wide_palette();
        const auto indices = random_indices(40 * 30, 1 << code_size, code_size);
        check_indices(decoded(gif_file(simple_gif(40, 30, table, indices, code_size))), indices,
                      table);
    }
    // 200 × 100 random 8-bit indices need far more than 4096 entries.
    const auto table = wide_palette();
    const auto indices = random_indices(200 * 100, 256, 7);
    GifSpec spec = simple_gif(200, 100, table, {}, 8);
    LzwDesc lzw;
    lzw.code_size = 8;
    SECTION("a clear code whenever the dictionary is full") {
        spec.frames[0].data = lzw_encode(indices, lzw);
        check_indices(decoded(gif_file(spec)), indices, table);
    }
    SECTION("a full dictionary kept without clearing (deferred clear)") {
        lzw.defer_clear = true;
        spec.frames[0].data = lzw_encode(indices, lzw);
        check_indices(decoded(gif_file(spec)), indices, table);
    }
    SECTION("clear codes anywhere") {
        lzw.clear_every = GENERATE(1, 2, 7, 300);
        spec.frames[0].data = lzw_encode(indices, lzw);
        check_indices(decoded(gif_file(spec)), indices, table);
    }
    SECTION("compressible pictures: long strings, one-colour runs") {
        std::vector<std::uint8_t> runs(indices.size());
        for (std::size_t i = 0; i < runs.size(); ++i)
            runs[i] = static_cast<std::uint8_t>(i / 997 % 3);
        lzw.defer_clear = GENERATE(false, true);
        spec.frames[0].data = lzw_encode(runs, lzw);
        check_indices(decoded(gif_file(spec)), runs, table);
    }
}

TEST_CASE("LZW code sequences written by hand", "[engine][gif]") {
    // Code size 2: literals 0 to 3, clear 4, end 5, the first free entry 6.
    GifSpec spec = simple_gif(8, 1, kPalette, {});
    const auto run = [&](const std::vector<unsigned>& codes) {
        spec.frames[0].data = lzw_pack(2, codes);
        return gif_file(spec);
    };
    const auto row = [](std::vector<std::uint8_t> indices) {
        return [indices](int x, int) {
            return x < int(indices.size()) ? opaque(kPalette[indices[x]]) : kClear;
        };
    };
    SECTION("a code naming the entry being made") {
        check_pixels(decoded(run({4, 1, 6, 5})), row({1, 1, 1}));
    }
    SECTION("no clear code first") {
        check_pixels(decoded(run({2, 3, 6, 5})), row({2, 3, 2, 3}));
    }
    SECTION("clear codes in a row, and between pixels") {
        check_pixels(decoded(run({4, 4, 4, 0, 4, 1, 4, 4, 2, 5})), row({0, 1, 2}));
    }
    SECTION("after a clear the dictionary is empty again") {
        CHECK(refusal(run({4, 1, 2, 6, 4, 6, 5})) ==
              "cannot decode: corrupt GIF data (LZW code 6 is not in the dictionary)");
    }
    SECTION("a code past the next free entry") {
        CHECK(refusal(run({4, 1, 7, 5})) ==
              "cannot decode: corrupt GIF data (LZW code 7 is not in the dictionary)");
        CHECK(refusal(run({4, 6})) ==
              "cannot decode: corrupt GIF data (LZW code 6 is not in the dictionary)");
    }
    SECTION("data after the end code is ignored") {
        check_pixels(decoded(run({4, 3, 5, 1, 1, 1})), row({3}));
    }
    SECTION("codes past the frame's last pixel are never read") {
        // 15 is past the next free entry (13): an error, were it read.
        check_pixels(decoded(run({4, 0, 1, 2, 3, 0, 1, 2, 3, 15, 5})),
                     row({0, 1, 2, 3, 0, 1, 2, 3}));
    }
    SECTION("no end code: the data's end ends the frame") {
        // 16 bits exactly (3-bit codes, then 4-bit ones from entry 8): no padding bits left
        // to read as one more code, as any decoder would.
        check_pixels(decoded(run({4, 2, 3, 6, 7})), row({2, 3, 2, 3, 3, 2}));
    }
    SECTION("no pixel before the end") {
        CHECK(refusal(run({4, 5})) == "cannot decode: GIF frame holds no pixel data");
        CHECK(refusal(run({})) == "cannot decode: GIF frame holds no pixel data");
    }
    SECTION("the dictionary full at 4096 entries, then cleared") {
        // 4091 literals fill entries 6 to 4095 ("00" each); code 4095 is then read at 12
        // bits with nothing added, and the clear brings back 3-bit codes and entry 6.
        std::vector<unsigned> codes{4};
        codes.insert(codes.end(), 4091, 0);
        codes.insert(codes.end(), {4095, 4095, 4, 1, 2, 6, 5});
        spec.width = 64;
        spec.height = 65;
        spec.frames[0].width = 64;
        spec.frames[0].height = 65;
        const std::vector<std::uint8_t> tail{1, 2, 1, 2};  // after 4095 zeros
        check_pixels(decoded(run(codes)), [&](int x, int y) {
            const std::size_t at = std::size_t(y) * 64 + x;
            if (at < 4095)
                return opaque(kPalette[0]);
            return at - 4095 < tail.size() ? opaque(kPalette[tail[at - 4095]]) : kClear;
        });
    }
}

TEST_CASE("every cut of a valid GIF decodes what it holds", "[engine][gif]") {
    // A screen with a table, a comment and a graphic control, then an 8×6 frame whose data
    // sit in 5-byte sub-blocks: cuts fall in every part of the file.
    const bool interlaced = GENERATE(false, true);
    CAPTURE(interlaced);
    const int width = 8;
    const int height = 6;
    const auto indices = random_indices(width * height, 4, 99);
    GifSpec spec = simple_gif(width, height, kPalette, {});
    const std::string comment = std::string("\x21\xFE\x03", 3) + "abc" + std::string(1, '\0');
    const std::string control("\x21\xF9\x04\x00\x00\x00\x00\x00", 8);
    spec.before_frames = comment + control;
    spec.frames[0].interlaced = interlaced;
    const auto file_order = interlaced ? interlace_rows(indices, width, height) : indices;
    const std::string data = lzw_encode(file_order, {});
    const std::size_t frame_at = 13 + 12 + comment.size() + control.size();
    const std::size_t data_at = frame_at + 10 + 1;  // descriptor, then the code size byte
    spec.frames[0].data = data;
    const std::string whole = gif_file(spec);
    // The screen's pixels in the frame's file order.
    std::vector<std::pair<int, int>> order;
    for (int pass = 0; pass < (interlaced ? 4 : 1); ++pass) {
        const int first = interlaced ? std::array{0, 4, 2, 1}[pass] : 0;
        const int step = interlaced ? std::array{8, 8, 4, 2}[pass] : 1;
        for (int y = first; y < height; y += step)
            for (int x = 0; x < width; ++x)
                order.emplace_back(x, y);
    }
    std::size_t last_count = 0;
    for (std::size_t cut = 0; cut <= whole.size(); ++cut) {
        CAPTURE(cut);
        Decoded out = decode(whole.substr(0, cut));
        if (cut < 13) {
            CHECK(out.why == "cannot decode: truncated GIF header");
        } else if (cut < 13 + 12) {
            CHECK(out.why == "cannot decode: truncated GIF colour table");
        } else if (cut <= frame_at) {
            CHECK(out.why == "cannot decode: truncated GIF (it ends before its first frame)");
        } else if (cut < frame_at + 10) {
            CHECK(out.why ==
                  "cannot decode: truncated GIF (it ends in its first frame's descriptor)");
        } else if (cut < data_at) {
            CHECK(out.why ==
                  "cannot decode: truncated GIF (it ends before its first frame's data)");
        } else if (!out.surface) {
            // Only a cut before the first pixel's code is refused.
            CHECK(out.why == "cannot decode: GIF frame holds no pixel data");
            CHECK(last_count == 0);
        } else {
            // What was decoded is a run of pixels in file order, right; the rest is clear.
            std::size_t count = 0;
            while (count < order.size() &&
                   pixel(out.surface, order[count].first, order[count].second)[3] != 0)
                ++count;
            for (std::size_t i = 0; i < order.size(); ++i) {
                const auto [x, y] = order[i];
                const Rgba want = i < count ? opaque(kPalette[indices[y * width + x]]) : kClear;
                if (pixel(out.surface, x, y) != want) {
                    CAPTURE(x, y);
                    CHECK(pixel(out.surface, x, y) == want);
                    break;
                }
            }
            CHECK(count >= last_count);
            last_count = count;
        }
    }
    CHECK(last_count == order.size());  // the whole file, and without its trailer
    CHECK(decode(whole.substr(0, whole.size() - 1)).surface);
}

TEST_CASE("the GIFs that corrupted SDL_image's heap are decoded or refused cleanly",
          "[engine][gif]") {
    struct Case {
        const char* file;
        const char* why;
    };
    // Found by tools/fuzz image_decode, kept as regressions in its corpus; decoded here
    // with the game's pixel cap and no header check before.
    const Case c = GENERATE(values<Case>({
        // SDL_image allocated the 17921×14648 frame of a 1×1 screen.
        {"gif-frame-larger-than-screen.gif",
         "GIF frame of 17921×14648 pixels is over the limit of 50000000"},
        // SDL_image skipped stray bytes and unreadable frames, corrupting its heap after.
        {"gif-frame-behind-stray-bytes.gif", "corrupt GIF (a stray byte before the first frame)"},
        {"gif-big-second-frame.gif", "corrupt GIF (a stray byte before the first frame)"},
        {"gif-frame-after-bad-code-size.gif", "corrupt GIF (a stray byte before the first frame)"},
        {"gif-empty-frame-first.gif", "corrupt GIF (a stray byte before the first frame)"},
        // SDL_image corrupted its heap on LZW code size 0 (its screen is 32769×0 too).
        {"gif-lzw-code-size-0.gif", "GIF screen gives a zero size (32769×0)"},
        // SDL_image freed an address it had not allocated (a frame with no colour table, far
        // below its screen).
        {"gif-sdl-image-bad-free.gif", "GIF frame has no colour table"},
    }));
    CAPTURE(c.file);
    const std::string bytes = read_bytes(std::filesystem::path(RC_IMAGE_DECODE_CORPUS) / c.file);
    REQUIRE_FALSE(bytes.empty());
    CHECK(refusal(bytes, 50'000'000) == std::string("cannot decode: ") + c.why);
}

TEST_CASE("random changes to a valid GIF never read out of bounds", "[engine][gif]") {
    const auto indices = random_indices(12 * 9, 4, 5);
    GifSpec spec = simple_gif(12, 9, kPalette, indices);
    spec.frames[0].transparent = 2;
    const std::string seed = gif_file(spec);
    std::mt19937 rng(1234);
    int decoded_count = 0;
    for (int round = 0; round < 5000; ++round) {
        std::string bytes = seed;
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < flips; ++i)
            bytes[rng() % bytes.size()] = static_cast<char>(rng());
        bytes.resize(rng() % (bytes.size() + 1));
        Decoded out = decode(bytes);
        if (out.surface) {
            ++decoded_count;
            const std::uint64_t pixels = std::uint64_t(out.surface->w) * out.surface->h;
            CHECK(pixels > 0);
            CHECK(pixels <= kTestMaxPixels);
        } else {
            CHECK_FALSE(out.why.empty());
        }
    }
    CHECK(decoded_count > 0);
}
