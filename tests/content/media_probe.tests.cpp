// Image header probing: formats, sizes, refusals, and bounds safety on cut or random input.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "content/media_probe.h"
#include "content/test_images.h"
#include "support/temp_dir.h"

using rc::content::ImageFormat;
using rc::content::ImageInfo;
using rc::content::probe_image;
using rc::content::probe_image_file;
using namespace rc::tests;

namespace {

// Copies into a heap block of exactly `size` bytes, so AddressSanitizer flags any read past
// the end (a std::string or vector may own spare capacity behind its last byte).
std::optional<ImageInfo> probe_exact(const std::string& bytes, std::string* why) {
    std::unique_ptr<std::uint8_t[]> block(new std::uint8_t[bytes.size()]);
    if (!bytes.empty())
        std::memcpy(block.get(), bytes.data(), bytes.size());
    return probe_image(std::span<const std::uint8_t>(block.get(), bytes.size()), why);
}

void require_size(const std::string& bytes, ImageFormat format, std::uint32_t width,
                  std::uint32_t height) {
    std::string why;
    auto info = probe_exact(bytes, &why);
    INFO(why);
    REQUIRE(info.has_value());
    CHECK(info->format == format);
    CHECK(info->width == width);
    CHECK(info->height == height);
}

std::string refusal(const std::string& bytes) {
    std::string why;
    auto info = probe_exact(bytes, &why);
    CHECK_FALSE(info.has_value());
    return why;
}

}  // namespace

TEST_CASE("PNG headers", "[content][media_probe]") {
    SECTION("size from IHDR") {
        require_size(png_bytes(640, 480), ImageFormat::Png, 640, 480);
    }
    SECTION("large sizes are read, not judged") {
        require_size(png_bytes(100000, 3), ImageFormat::Png, 100000, 3);
    }
    SECTION("truncated") {
        CHECK(refusal(png_bytes(640, 480).substr(0, 20)) == "truncated PNG header");
    }
    SECTION("first chunk is not IHDR") {
        std::string bytes = png_bytes(640, 480);
        bytes.replace(12, 4, "IDAT");
        CHECK(refusal(bytes) == "corrupt PNG header (no IHDR chunk first)");
    }
    SECTION("zero width") {
        CHECK(refusal(png_bytes(0, 480)) == "PNG header gives a zero size (0×480)");
    }
}

TEST_CASE("JPEG headers", "[content][media_probe]") {
    const std::string soi("\xFF\xD8", 2);
    SECTION("baseline SOF0 after APP0") {
        require_size(jpeg_bytes(1024, 768), ImageFormat::Jpeg, 1024, 768);
    }
    SECTION("SOI directly followed by SOF0") {
        require_size(soi + jpeg_sof(3, 2), ImageFormat::Jpeg, 3, 2);
    }
    SECTION("progressive SOF2 and other frame types") {
        for (std::uint8_t sof : {0xC1, 0xC2, 0xC3, 0xC5, 0xC7, 0xC9, 0xCB, 0xCD, 0xCF}) {
            INFO(int(sof));
            require_size(soi + jpeg_sof(200, 100, sof), ImageFormat::Jpeg, 200, 100);
        }
    }
    SECTION("DHT, JPG and DAC markers are not frame headers") {
        std::string bytes = soi + jpeg_segment(0xC4, std::string(20, '\0')) +
                            jpeg_segment(0xC8, "\x01\x02") + jpeg_segment(0xCC, "\x01\x02") +
                            jpeg_sof(50, 60);
        require_size(bytes, ImageFormat::Jpeg, 50, 60);
    }
    SECTION("fill bytes and standalone markers before the frame header") {
        std::string bytes = soi + jpeg_app0() + std::string("\xFF\xFF\xFF", 3) +
                            std::string("\xFF\xD0\xFF\x01", 4) + jpeg_segment(0xFE, "comment") +
                            "\xFF\xFF" + jpeg_sof(7, 9);
        require_size(bytes, ImageFormat::Jpeg, 7, 9);
    }
    SECTION("image data before any frame header") {
        std::string bytes = soi + jpeg_segment(0xDA, "\x01\x02\x03") + jpeg_sof(7, 9);
        CHECK(refusal(bytes) == "corrupt JPEG (image data before its frame header)");
    }
    SECTION("end of image before any frame header") {
        CHECK(refusal(soi + jpeg_app0() + "\xFF\xD9") ==
              "corrupt JPEG (ends before its frame header)");
    }
    SECTION("garbage where a marker should be") {
        CHECK(refusal(soi + jpeg_app0() + "xyz") == "corrupt JPEG header (marker expected)");
    }
    SECTION("a stuffed zero byte outside image data") {
        CHECK(refusal(soi + std::string("\xFF\x00", 2)) == "corrupt JPEG header (stray 0xFF byte)");
    }
    SECTION("segment length below 2") {
        CHECK(refusal(soi + std::string("\xFF\xE1\x00\x01", 4)) ==
              "corrupt JPEG header (bad segment length)");
    }
    SECTION("frame header too short") {
        CHECK(refusal(soi + jpeg_segment(0xC0, "\x08\x00")) ==
              "corrupt JPEG header (short frame header)");
    }
    SECTION("truncated inside a segment") {
        std::string bytes = jpeg_bytes(1024, 768);
        CHECK(refusal(bytes.substr(0, 10)) == "truncated JPEG header");
        CHECK(refusal(soi) == "truncated JPEG header");
    }
    SECTION("zero height (defined later by a DNL marker) is refused") {
        CHECK(refusal(soi + jpeg_sof(640, 0)) == "JPEG header gives a zero size (640×0)");
    }
}

TEST_CASE("GIF headers", "[content][media_probe]") {
    SECTION("GIF89a") {
        require_size(gif_bytes(320, 200), ImageFormat::Gif, 320, 200);
    }
    SECTION("GIF87a") {
        require_size(gif_bytes(1, 65535, false), ImageFormat::Gif, 1, 65535);
    }
    SECTION("truncated") {
        CHECK(refusal(gif_bytes(320, 200).substr(0, 8)) == "truncated GIF header");
    }
    SECTION("zero size") {
        CHECK(refusal(gif_bytes(0, 0)) == "GIF header gives a zero size (0×0)");
    }
    // The game decodes GIFs itself, drawing the first frame onto the logical screen and
    // clipping it (engine/media/gif_decode.h): the screen is the picture's size, whatever the
    // frames say. Until SDL_image was dropped for GIFs the probe gave the size of the frame
    // SDL_image would allocate and refused files that corrupted its heap (fuzz finds); those
    // files are now the decoder's to refuse (tests/engine/gif_decode.tests.cpp).
    const auto frame = [](std::uint16_t width, std::uint16_t height, char code_size = 2) {
        return "\x2C" + le16(0) + le16(0) + le16(width) + le16(height) + '\0' + code_size + "\x01" +
               "\x00" + '\0';  // one data sub-block, then the empty one
    };
    SECTION("the logical screen gives the size, whatever the frames say") {
        const std::string control("\x21\xF9\x04\x01\x00\x00\x00\x00", 8);
        // A frame larger than the screen; frames behind an extension, stray bytes, an empty
        // frame or a code size over 12; LZW code sizes below 2.
        const std::string after_screen = GENERATE_COPY(
            frame(17921, 14649), control + frame(300, 2),
            std::string(50, '\0') + control + frame(300, 2), frame(0, 0) + frame(40, 9000),
            frame(5, 5, 13) + frame(40, 9000), frame(8, 8, 0), frame(8, 8, 1));
        require_size(gif_bytes(4, 3) + after_screen, ImageFormat::Gif, 4, 3);
    }
}

TEST_CASE("WebP headers", "[content][media_probe]") {
    SECTION("lossy VP8") {
        require_size(webp_vp8_bytes(400, 300), ImageFormat::Webp, 400, 300);
    }
    SECTION("VP8 scaling bits are not part of the size") {
        require_size(webp_vp8_bytes(400 | 0x4000, 300 | 0x8000), ImageFormat::Webp, 400, 300);
    }
    SECTION("lossless VP8L") {
        require_size(webp_vp8l_bytes(16384, 1), ImageFormat::Webp, 16384, 1);
        require_size(webp_vp8l_bytes(123, 4567), ImageFormat::Webp, 123, 4567);
    }
    SECTION("extended VP8X (animations)") {
        require_size(webp_vp8x_bytes(16777216, 2), ImageFormat::Webp, 16777216, 2);
    }
    SECTION("VP8 without a key frame start code") {
        std::string bytes = webp_vp8_bytes(400, 300);
        bytes[23] = 0;
        CHECK(refusal(bytes) == "corrupt WebP header (VP8 key frame expected)");
    }
    SECTION("VP8L without its signature") {
        std::string bytes = webp_vp8l_bytes(10, 10);
        bytes[20] = 0;
        CHECK(refusal(bytes) == "corrupt WebP header (VP8L signature missing)");
    }
    SECTION("unknown first chunk") {
        CHECK(refusal(riff_webp("ALPH", std::string(16, '\0'))) ==
              "corrupt WebP header (unknown first chunk)");
    }
    SECTION("truncated") {
        CHECK(refusal(webp_vp8_bytes(400, 300).substr(0, 26)) == "truncated WebP header");
        CHECK(refusal(webp_vp8x_bytes(4, 3).substr(0, 16)) == "truncated WebP header");
    }
    SECTION("zero size") {
        CHECK(refusal(webp_vp8_bytes(0, 300)) == "WebP header gives a zero size (0×300)");
    }
}

TEST_CASE("files that are not images are named", "[content][media_probe]") {
    SECTION("text") {
        CHECK(refusal("hello") == "not a PNG, JPEG, GIF or WebP file");
    }
    SECTION("empty") {
        CHECK(refusal("") == "not a PNG, JPEG, GIF or WebP file");
    }
    SECTION("a saved web page") {
        CHECK(refusal("<!DOCTYPE html><html>") ==
              "not a PNG, JPEG, GIF or WebP file (it looks like a web page or SVG; save the "
              "image itself)");
    }
    SECTION("an iPhone HEIC photo") {
        CHECK(refusal(std::string("\0\0\0\x18"
                                  "ftypheic",
                                  12)) ==
              "not a PNG, JPEG, GIF or WebP file (it is a HEIC photo; convert it to JPEG)");
    }
    SECTION("a TIFF image") {
        CHECK(refusal(std::string("II*\0\x08\0\0\0", 8)) ==
              "not a PNG, JPEG, GIF or WebP file (it is a TIFF image; convert it to JPEG or PNG)");
    }
    SECTION("a RIFF file that is not WebP") {
        CHECK(refusal(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)) ==
              "not a PNG, JPEG, GIF or WebP file");
    }
    SECTION("a null why pointer is allowed") {
        CHECK_FALSE(probe_image(as_bytes(std::string("nope")), nullptr).has_value());
        CHECK(probe_image(as_bytes(png_bytes(1, 1)), nullptr).has_value());
    }
}

TEST_CASE("every cut of a valid header is refused cleanly", "[content][media_probe]") {
    std::vector<std::string> headers = {png_bytes(640, 480),
                                        jpeg_bytes(640, 480),
                                        gif_bytes(640, 480),
                                        webp_vp8_bytes(640, 480),
                                        webp_vp8l_bytes(640, 480),
                                        webp_vp8x_bytes(640, 480),
                                        std::string("\xFF\xD8", 2) +
                                            jpeg_segment(0xE1, std::string(300, 'e')) + "\xFF\xFF" +
                                            jpeg_sof(640, 480)};
    for (const auto& header : headers) {
        // The full header parses; every shorter prefix is refused without reading past it.
        require_size(header, probe_exact(header, nullptr)->format, 640, 480);
        std::size_t shortest_ok = header.size();
        for (std::size_t n = 0; n < header.size(); ++n) {
            std::string why;
            if (probe_exact(header.substr(0, n), &why))
                shortest_ok = std::min(shortest_ok, n);
            else
                CHECK_FALSE(why.empty());
        }
        // Trailing bytes (PNG CRC, JPEG EOI...) are not needed, the size fields are.
        CHECK(shortest_ok >= 10);
    }
}

TEST_CASE("random and mutated bytes never read out of bounds", "[content][media_probe]") {
    std::mt19937 rng(1234);
    std::vector<std::string> seeds = {png_bytes(9, 9),       jpeg_bytes(9, 9),
                                      gif_bytes(9, 9),       webp_vp8_bytes(9, 9),
                                      webp_vp8l_bytes(9, 9), webp_vp8x_bytes(9, 9)};
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string bytes = seeds[round % seeds.size()];
        int flips = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < flips; ++i)
            bytes[rng() % bytes.size()] = static_cast<char>(rng());
        bytes.resize(rng() % (bytes.size() + 1));
        std::string why;
        auto info = probe_exact(bytes, &why);
        if (info) {
            ++accepted;
            CHECK(info->width > 0);
            CHECK(info->height > 0);
        } else {
            CHECK_FALSE(why.empty());
        }
    }
    CHECK(accepted > 0);
}

TEST_CASE("probing files", "[content][media_probe]") {
    TempDir dir;
    SECTION("a small file") {
        auto file = dir.write("a.gif", gif_bytes(12, 34));
        std::string why;
        auto info = probe_image_file(file, &why);
        REQUIRE(info);
        CHECK(info->width == 12);
        CHECK(info->height == 34);
    }
    SECTION("a JPEG whose frame header sits behind 200 KB of EXIF is read further") {
        std::string bytes = jpeg_with_padding(4000, 3000, 3);
        REQUIRE(bytes.size() > rc::content::kProbeHeadBytes * 3);
        auto file = dir.write("big-exif.jpg", bytes);
        std::string why;
        auto info = probe_image_file(file, &why);
        INFO(why);
        REQUIRE(info);
        CHECK(info->width == 4000);
        CHECK(info->height == 3000);
        // The head alone is not enough: that is what the further reading is for.
        CHECK_FALSE(probe_image(as_bytes(bytes.substr(0, rc::content::kProbeHeadBytes)), &why));
        CHECK(why == "truncated JPEG header");
    }
    SECTION("a JPEG cut before its frame header") {
        std::string bytes = jpeg_with_padding(4000, 3000, 2);
        auto file = dir.write("cut.jpg", bytes.substr(0, 100000));
        std::string why;
        CHECK_FALSE(probe_image_file(file, &why));
        CHECK(why == "truncated JPEG header");
    }
    SECTION("a missing file gives the OS reason") {
        std::string why;
        CHECK_FALSE(probe_image_file(dir.path() / "nope.png", &why));
        CHECK(why == "cannot open: No such file or directory");
    }
    SECTION("a folder cannot be read") {
        std::string why;
        CHECK_FALSE(probe_image_file(dir.path(), &why));
        CHECK_FALSE(why.empty());
    }
    SECTION("an empty file") {
        auto file = dir.write("empty.png", "");
        std::string why;
        CHECK_FALSE(probe_image_file(file, &why));
        CHECK(why == "not a PNG, JPEG, GIF or WebP file");
    }
}
