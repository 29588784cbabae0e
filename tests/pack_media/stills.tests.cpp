// The pack's copy of a still: stripped without re-encoding where nothing asks for new
// pixels (JPEG entropy data, PNG and WebP pixels bit-identical), turned upright, in sRGB,
// HEIC as JPEG, scaled below the maximum side; broken files refused with a message.
#include <zlib.h>

#include <catch2/catch.hpp>

#include "pack_media/media_builders.h"
#include "support/gif_writer.h"
#include "support/temp_dir.h"
#include "tools/pack/media/containers.h"
#include "tools/pack/media/prepare.h"

namespace rc::tests {
namespace {

packmedia::PreparedMedia prepare_bytes(const TempDir& dir, const std::string& name,
                                       const Bytes& bytes, packmedia::PrepareOptions options = {}) {
    const auto file = dir.path() / name;
    write_bytes(file, bytes);
    return packmedia::prepare_media(file, options);
}

std::vector<std::string> leftover(const TempDir& dir, const Bytes& bytes) {
    const auto file = dir.path() / "copy.bin";
    write_bytes(file, bytes);
    return packmedia::leftover_metadata(file);
}

bool near(Rgb a, Rgb b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("JPEG metadata is stripped with the entropy-coded data bit-identical",
          "[pack_media][strip]") {
    TempDir dir;
    const Bytes plain = encode_jpeg(paint(40, 24, [](int x, int y) {
        return Rgb{std::uint8_t(x * 6), std::uint8_t(y * 9), std::uint8_t(x ^ y)};
    }));
    Bytes file =
        with_metadata(plain, {{"Exif.Image.Software", "Flux"}}, {{"Xmp.dc.title", "secret"}});
    file = with_jpeg_segment(file, 0xFE, bytes_of("a comment"));
    file = with_jpeg_segment(file, 0xED, bytes_of("Photoshop 3.0\0008BIM"));
    file = with_jpeg_segment(file, 0xE2, icc_app2_payload(srgb_profile()));
    file = with_jpeg_segment(file, 0xEB, jumbf_app11_payload(c2pa_box("Flux")));
    REQUIRE(leftover(dir, file).size() == 6);

    const auto prepared = prepare_bytes(dir, "g.jpg", file);
    REQUIRE(prepared.ok);
    CHECK(prepared.extension == ".jpg");
    CHECK_FALSE(prepared.reencoded);
    CHECK(prepared.changes.empty());
    for (const char* name : {"EXIF", "XMP", "JPEG comment", "IPTC", "ICC profile", "C2PA"}) {
        CHECK(contains(prepared.stripped, name));
    }
    CHECK(leftover(dir, prepared.bytes).empty());
    CHECK(jpeg_scan_data(prepared.bytes) == jpeg_scan_data(plain));
    CHECK(decode_jpeg(prepared.bytes).rgb == decode_jpeg(plain).rgb);
    CHECK(prepared.bytes.size() < file.size());
}

TEST_CASE("EXIF orientation is applied to the pixels", "[pack_media][orientation]") {
    TempDir dir;
    const Pixels pixels = halves(64, 32);  // left red, right blue
    const Rgb red{230, 20, 20}, blue{20, 20, 230};

    SECTION("orientation 6 losslessly: portrait, the left half on top") {
        const Bytes file =
            with_metadata(encode_jpeg(pixels), {{"Exif.Image.Make", "Apple"}}, {}, 6);
        const auto prepared = prepare_bytes(dir, "h.jpg", file);
        REQUIRE(prepared.ok);
        CHECK_FALSE(prepared.reencoded);
        CHECK(prepared.changes ==
              std::vector<std::string>{"rotated upright losslessly (EXIF orientation 6)"});
        const Pixels upright = decode_jpeg(prepared.bytes);
        REQUIRE(upright.width == 32);
        REQUIRE(upright.height == 64);
        CHECK(near(upright.at(16, 8), red, 12));
        CHECK(near(upright.at(16, 56), blue, 12));
        CHECK(leftover(dir, prepared.bytes).empty());
    }
    SECTION("each orientation puts the red half where the eye expects it") {
        const auto [orientation, red_x, red_y] = GENERATE(table<int, int, int>({
            {2, 48, 16},
            {3, 48, 16},
            {4, 16, 16},
            {5, 16, 8},
            {7, 16, 56},
            {8, 16, 56},
        }));
        const Bytes file = with_metadata(encode_jpeg(pixels), {}, {}, orientation);
        const auto prepared = prepare_bytes(dir, "i.jpg", file);
        REQUIRE(prepared.ok);
        const Pixels upright = decode_jpeg(prepared.bytes);
        CHECK(upright.width == (orientation >= 5 ? 32 : 64));
        CHECK(near(upright.at(red_x, red_y), red, 12));
    }
    SECTION("a size no perfect transform allows is re-encoded upright") {
        const Bytes file = with_metadata(encode_jpeg(halves(61, 27)), {}, {}, 6);
        const auto prepared = prepare_bytes(dir, "j.jpg", file);
        REQUIRE(prepared.ok);
        CHECK(prepared.reencoded);
        CHECK(prepared.changes == std::vector<std::string>{"rotated upright (EXIF orientation 6)"});
        const Pixels upright = decode_jpeg(prepared.bytes);
        CHECK(upright.width == 27);
        CHECK(upright.height == 61);
        CHECK(near(upright.at(13, 5), red, 16));
    }
}

TEST_CASE("A colour profile other than sRGB is converted to sRGB and dropped",
          "[pack_media][colour]") {
    TempDir dir;
    const Pixels orange = paint(32, 32, [](int, int) { return Rgb{200, 100, 50}; });
    const Bytes p3 =
        with_jpeg_segment(encode_jpeg(orange, 95), 0xE2, icc_app2_payload(display_p3_profile()));
    const auto prepared = prepare_bytes(dir, "k.jpg", p3);
    REQUIRE(prepared.ok);
    CHECK(prepared.reencoded);
    CHECK(prepared.changes == std::vector<std::string>{"converted to sRGB from Display P3"});
    CHECK(contains(prepared.stripped, "ICC profile"));
    CHECK(leftover(dir, prepared.bytes).empty());
    // Display P3's orange is more saturated than sRGB's same numbers: red up, blue down.
    const Rgb converted = decode_jpeg(prepared.bytes).at(16, 16);
    CHECK(converted.r > 210);
    CHECK(converted.b < 45);

    SECTION("a WebP's ICCP is converted too") {
        const Bytes file =
            webp_with_chunks(encode_webp(orange), 32, 32, {{"ICCP", display_p3_profile()}});
        const auto webp = prepare_bytes(dir, "k.webp", file);
        REQUIRE(webp.ok);
        CHECK(webp.extension == ".webp");
        CHECK(webp.changes == std::vector<std::string>{"converted to sRGB from Display P3"});
        CHECK(decode_webp(webp.bytes).at(16, 16).r > 210);
        CHECK(leftover(dir, webp.bytes).empty());
    }
    SECTION("a PNG's iCCP is converted too") {
        Bytes icc = display_p3_profile();
        uLongf size = compressBound(uLong(icc.size()));
        Bytes compressed(size);
        REQUIRE(compress(compressed.data(), &size, icc.data(), uLong(icc.size())) == Z_OK);
        compressed.resize(size);
        Bytes payload = png_text("Display P3", "");
        payload.push_back(0);  // compression method
        payload.insert(payload.end(), compressed.begin(), compressed.end());
        const auto png =
            prepare_bytes(dir, "l.png", with_png_chunk(encode_png(orange), "iCCP", payload));
        REQUIRE(png.ok);
        CHECK(png.changes == std::vector<std::string>{"converted to sRGB from Display P3"});
        CHECK(decode_png(png.bytes).at(3, 3).r > 210);
        CHECK(leftover(dir, png.bytes).empty());
    }
}

TEST_CASE("HEIC is decoded with its transformations and written as JPEG", "[pack_media][heif]") {
    TempDir dir;
    const Pixels pixels = halves(64, 48);
    const Bytes heic = encode_heic(pixels);
    REQUIRE_FALSE(heic.empty());  // libheif1 in Debian 12 carries the x265 encoder
    const auto prepared = prepare_bytes(dir, "IMG_0001.HEIC", heic);
    REQUIRE(prepared.ok);
    CHECK(prepared.extension == ".jpg");
    CHECK(prepared.reencoded);
    CHECK(contains(prepared.changes, "HEIC converted to JPEG"));
    const Pixels jpeg = decode_jpeg(prepared.bytes);
    CHECK(jpeg.width == 64);
    CHECK(jpeg.height == 48);
    CHECK(near(jpeg.at(8, 24), {230, 20, 20}, 24));
    CHECK(near(jpeg.at(56, 24), {20, 20, 230}, 24));
    CHECK(leftover(dir, prepared.bytes).empty());
}

TEST_CASE("Stills above the maximum side are scaled down", "[pack_media][scale]") {
    TempDir dir;
    packmedia::PrepareOptions options;
    options.max_side = 50;
    const auto jpeg = prepare_bytes(dir, "m.jpg", encode_jpeg(halves(200, 100)), options);
    REQUIRE(jpeg.ok);
    CHECK(jpeg.changes == std::vector<std::string>{"scaled to 50 px"});
    CHECK(decode_jpeg(jpeg.bytes).width == 50);
    CHECK(decode_jpeg(jpeg.bytes).height == 25);
    const auto png = prepare_bytes(dir, "n.png", encode_png(halves(80, 160)), options);
    REQUIRE(png.ok);
    CHECK(decode_png(png.bytes).height == 50);
    CHECK(decode_png(png.bytes).width == 25);
    const auto small = prepare_bytes(dir, "o.png", encode_png(halves(50, 20)), options);
    CHECK_FALSE(small.reencoded);
}

TEST_CASE("WebP and GIF metadata chunks are dropped, the picture kept", "[pack_media][strip]") {
    TempDir dir;
    SECTION("WebP: EXIF, XMP and an sRGB ICCP out, VP8X flags cleared, pixels identical") {
        const Bytes simple = encode_webp(halves(30, 20));
        const Bytes file = webp_with_chunks(simple, 30, 20,
                                            {{"ICCP", srgb_profile()},
                                             {"EXIF", bytes_of("Exif\0\0II*\0")},
                                             {"XMP ", bytes_of("<x:xmpmeta/>")}});
        REQUIRE(decode_webp(file).width == 30);
        const auto prepared = prepare_bytes(dir, "p.webp", file);
        REQUIRE(prepared.ok);
        CHECK_FALSE(prepared.reencoded);
        CHECK(prepared.stripped == std::vector<std::string>{"ICC profile", "EXIF", "XMP"});
        CHECK(leftover(dir, prepared.bytes).empty());
        CHECK(decode_webp(prepared.bytes).rgb == decode_webp(simple).rgb);
        CHECK((prepared.bytes[20] & 0x2C) == 0);  // VP8X flags
    }
    SECTION("GIF: comment and XMP out, the loop kept") {
        GifSpec spec = simple_gif(4, 2, {{255, 0, 0}, {0, 0, 255}}, {0, 0, 1, 1, 1, 1, 0, 0});
        const std::string loop =
            std::string("\x21\xFF\x0B", 3) + "NETSCAPE2.0" + std::string("\x03\x01\x00\x00\x00", 5);
        const std::string comment = std::string("\x21\xFE\x05", 3) + "hello" + std::string(1, '\0');
        const std::string xmp =
            std::string("\x21\xFF\x0B", 3) + "XMP DataXMP" + std::string("\x03<x>\x00", 5);
        spec.before_frames = loop + comment + xmp;
        const Bytes file = bytes_of(gif_file(spec));
        const auto prepared = prepare_bytes(dir, "q.gif", file);
        REQUIRE(prepared.ok);
        CHECK(prepared.stripped == std::vector<std::string>{"GIF comment", "XMP"});
        spec.before_frames = loop;
        CHECK(prepared.bytes == bytes_of(gif_file(spec)));
        CHECK(leftover(dir, prepared.bytes).empty());
    }
}

TEST_CASE("Broken files are refused with a one-line message, never a crash",
          "[pack_media][hostile]") {
    TempDir dir;
    const Bytes jpeg =
        with_metadata(encode_jpeg(halves(64, 32)), {{"Exif.Image.Software", "X"}}, {}, 6);
    const Bytes png = with_png_chunk(encode_png(halves(64, 32)), "tEXt", png_text("prompt", "p"));
    const Bytes webp = encode_webp(halves(64, 32));
    const Bytes heic = encode_heic(halves(64, 32));
    const auto [name, file] = GENERATE_COPY(table<std::string, Bytes>(
        {{"a.jpg", jpeg},
         {"b.png", png},
         {"c.webp", webp},
         {"d.heic", heic},
         {"e.gif", bytes_of(gif_file(simple_gif(2, 1, {{1, 2, 3}}, {0, 0})))}}));
    REQUIRE(file.size() > 20);

    SECTION("truncated at any of several points") {
        for (const double fraction : {0.1, 0.5, 0.9}) {
            const Bytes cut(file.begin(), file.begin() + long(double(file.size()) * fraction));
            const auto prepared = prepare_bytes(dir, name, cut);
            CHECK_FALSE(prepared.ok);
            CHECK_FALSE(prepared.error.empty());
            CHECK_FALSE(prepared.error.starts_with(name));  // the caller names the file
            CHECK(prepared.error.find('\n') == std::string::npos);
            CHECK(prepared.bytes.empty());
        }
    }
    SECTION("bytes overwritten in the middle still give a result or a message") {
        Bytes damaged = file;
        for (std::size_t i = damaged.size() / 3; i < damaged.size() / 3 + 16; ++i) {
            damaged[i] = std::uint8_t(i * 37);
        }
        const auto prepared = prepare_bytes(dir, name, damaged);
        CHECK((prepared.ok ? !prepared.bytes.empty() : !prepared.error.empty()));
    }
    SECTION("not a media file at all") {
        const auto prepared = prepare_bytes(dir, "notes.jpg", bytes_of("hello, this is text"));
        CHECK_FALSE(prepared.ok);
        CHECK(prepared.error == "not a picture or clip this tool reads");
    }
}

TEST_CASE("The perceptual hash finds the same picture and tells different ones apart",
          "[pack_media][hash]") {
    TempDir dir;
    const Pixels scene = paint(120, 80, [](int x, int y) {
        return Rgb{std::uint8_t((x * 2 + y) % 256), std::uint8_t(y * 3), std::uint8_t(255 - x * 2)};
    });
    const Pixels other = paint(120, 80, [](int x, int y) {
        return Rgb{std::uint8_t(255 - y * 3), std::uint8_t((x * 7) % 256), std::uint8_t(x)};
    });
    auto hash = [&](const std::string& name, const Bytes& bytes) {
        write_bytes(dir.path() / name, bytes);
        return packmedia::perceptual_hash(dir.path() / name);
    };
    const auto a = hash("a.jpg", encode_jpeg(scene, 95));
    const auto a_low = hash("a_low.jpg", encode_jpeg(scene, 40));
    const auto a_png = hash("a.png", encode_png(scene));
    const auto b = hash("b.jpg", encode_jpeg(other, 95));
    REQUIRE(a);
    REQUIRE(a_low);
    REQUIRE(a_png);
    REQUIRE(b);
    CHECK(packmedia::hash_distance(*a, *a_low) <= packmedia::kNearDuplicateDistance);
    CHECK(packmedia::hash_distance(*a, *a_png) <= packmedia::kNearDuplicateDistance);
    CHECK(packmedia::hash_distance(*a, *b) > packmedia::kNearDuplicateDistance);
    CHECK_FALSE(hash("c.jpg", bytes_of("not a picture")));
}

}  // namespace rc::tests
