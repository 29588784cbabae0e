// What a file says about itself, read before the pack's copy is stripped: each finding is
// reported, suggests an answer, then is gone from the copy.
#include <catch2/catch.hpp>

#include "pack_media/media_builders.h"
#include "support/temp_dir.h"
#include "tools/pack/media/prepare.h"

namespace rc::tests {
namespace {

using packmedia::SuggestedAnswer;

bool has_finding(const packmedia::Provenance& p, const std::string& text) {
    for (const auto& finding : p.findings) {
        if (finding.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

packmedia::PreparedMedia prepare_bytes(const TempDir& dir, const std::string& name,
                                       const Bytes& bytes) {
    const auto file = dir.path() / name;
    write_bytes(file, bytes);
    return packmedia::prepare_media(file);
}

std::vector<std::string> leftover(const TempDir& dir, const Bytes& bytes) {
    const auto file = dir.path() / "copy.bin";
    write_bytes(file, bytes);
    return packmedia::leftover_metadata(file);
}

}  // namespace

TEST_CASE("EXIF and XMP provenance is reported, suggested, then stripped",
          "[pack_media][provenance]") {
    TempDir dir;
    const Bytes plain = encode_jpeg(paint(48, 32, [](int x, int y) {
        return Rgb{std::uint8_t(x * 5), std::uint8_t(y * 7), 90};
    }));

    SECTION("a generator's name in EXIF Software suggests Generated") {
        const Bytes file = with_metadata(plain, {{"Exif.Image.Software", "Midjourney v6"}});
        const auto p = packmedia::read_provenance(file);
        CHECK(p.software == "Midjourney v6");
        CHECK(has_finding(p, "EXIF Software: Midjourney v6"));
        CHECK(p.suggested == SuggestedAnswer::Generated);
        const auto prepared = prepare_bytes(dir, "a.jpg", file);
        REQUIRE(prepared.ok);
        CHECK(prepared.provenance.software == "Midjourney v6");
        CHECK(std::count(prepared.stripped.begin(), prepared.stripped.end(), "EXIF") == 1);
        CHECK(leftover(dir, prepared.bytes).empty());
        CHECK(packmedia::read_provenance(prepared.bytes).empty());
    }
    SECTION("XMP DigitalSourceType decides, whatever the software") {
        const auto [type, answer] = GENERATE(table<std::string, SuggestedAnswer>({
            {"trainedAlgorithmicMedia", SuggestedAnswer::Generated},
            {"compositeWithTrainedAlgorithmicMedia", SuggestedAnswer::Edited},
            {"algorithmicallyEnhanced", SuggestedAnswer::Edited},
            {"digitalCapture", SuggestedAnswer::Real},
        }));
        const Bytes file =
            with_metadata(plain, {{"Exif.Image.Software", "Adobe Photoshop 25.0"}},
                          {{"Xmp.iptcExt.DigitalSourceType",
                            "http://cv.iptc.org/newscodes/digitalsourcetype/" + type}});
        const auto p = packmedia::read_provenance(file);
        CHECK(p.digital_source_type == type);
        CHECK(has_finding(p, "DigitalSourceType: " + type));
        CHECK(p.suggested == answer);
        const auto prepared = prepare_bytes(dir, "b.jpg", file);
        REQUIRE(prepared.ok);
        CHECK(std::count(prepared.stripped.begin(), prepared.stripped.end(), "XMP") == 1);
        CHECK(leftover(dir, prepared.bytes).empty());
    }
    SECTION("a camera and a GPS position suggest Real; the place is stripped") {
        const Bytes file = with_metadata(plain,
                                         {{"Exif.Image.Make", "Apple"},
                                          {"Exif.Image.Model", "iPhone 15"},
                                          {"Exif.Image.Software", "17.1"}},
                                         {}, 0, true);
        const auto p = packmedia::read_provenance(file);
        CHECK(p.make == "Apple");
        CHECK(p.model == "iPhone 15");
        CHECK(p.has_gps);
        CHECK(has_finding(p, "GPS position"));
        CHECK(p.suggested == SuggestedAnswer::Real);
        const auto prepared = prepare_bytes(dir, "c.jpg", file);
        REQUIRE(prepared.ok);
        CHECK(std::count(prepared.stripped.begin(), prepared.stripped.end(), "GPS") == 1);
        CHECK_FALSE(packmedia::read_provenance(prepared.bytes).has_gps);
    }
    SECTION("an editor alone suggests nothing") {
        const Bytes file = with_metadata(
            plain, {{"Exif.Image.Software", "Adobe Photoshop 25.0"}, {"Exif.Image.Make", "Canon"}});
        CHECK(packmedia::read_provenance(file).suggested == SuggestedAnswer::None);
    }
    SECTION("a file without metadata has no findings") {
        const auto p = packmedia::read_provenance(plain);
        CHECK(p.empty());
        CHECK(p.suggested == SuggestedAnswer::None);
    }
}

TEST_CASE("A C2PA manifest's claim generator is read from JPEG APP11 and PNG caBX",
          "[pack_media][provenance]") {
    TempDir dir;
    const Pixels pixels = halves(32, 16);

    SECTION("JPEG APP11 JUMBF") {
        const Bytes file = with_jpeg_segment(encode_jpeg(pixels), 0xEB,
                                             jumbf_app11_payload(c2pa_box("OpenAI DALL-E 3")));
        const auto p = packmedia::read_provenance(file);
        CHECK(p.c2pa_claim_generator == "OpenAI DALL-E 3");
        CHECK(has_finding(p, "C2PA claim generator: OpenAI DALL-E 3"));
        CHECK(p.suggested == SuggestedAnswer::Generated);
        const auto prepared = prepare_bytes(dir, "d.jpg", file);
        REQUIRE(prepared.ok);
        CHECK(std::count(prepared.stripped.begin(), prepared.stripped.end(), "C2PA") == 1);
        CHECK(leftover(dir, prepared.bytes).empty());
        CHECK(packmedia::read_provenance(prepared.bytes).c2pa_claim_generator.empty());
    }
    SECTION("PNG caBX") {
        const Bytes file = with_png_chunk(encode_png(pixels), "caBX", c2pa_box("Adobe Firefly"));
        const auto p = packmedia::read_provenance(file);
        CHECK(p.c2pa_claim_generator == "Adobe Firefly");
        CHECK(p.suggested == SuggestedAnswer::Generated);
        const auto prepared = prepare_bytes(dir, "e.png", file);
        REQUIRE(prepared.ok);
        // libpng wrote an sRGB chunk too: a colour hint, dropped with the rest
        CHECK(prepared.stripped == std::vector<std::string>{"C2PA", "PNG sRGB"});
        CHECK(leftover(dir, prepared.bytes).empty());
    }
    SECTION("a manifest without a readable generator is still reported") {
        Bytes box = c2pa_box("X");
        const std::string key = "claim_generator";
        auto at = std::search(box.begin(), box.end(), key.begin(), key.end());
        REQUIRE(at != box.end());
        std::fill(at, at + long(key.size()), 'z');
        const Bytes file = with_jpeg_segment(encode_jpeg(pixels), 0xEB, jumbf_app11_payload(box));
        CHECK(packmedia::read_provenance(file).c2pa_claim_generator == "present");
    }
}

TEST_CASE("Generator prompts in PNG text chunks are reported, then stripped",
          "[pack_media][provenance]") {
    TempDir dir;
    const Bytes png = encode_png(halves(20, 10));
    const std::string prompt =
        "a lighthouse at dawn, photorealistic\nNegative prompt: blurry\nSteps: 30, Sampler: Euler";
    const Bytes file = with_png_chunk(with_png_chunk(png, "tEXt", png_text("parameters", prompt)),
                                      "tEXt", png_text("Software", "ComfyUI"));
    const auto p = packmedia::read_provenance(file);
    CHECK(p.prompt.starts_with("a lighthouse at dawn, photorealistic"));
    CHECK(has_finding(p, "PNG text \"parameters\": a lighthouse at dawn"));
    CHECK(p.software == "ComfyUI");
    CHECK(p.suggested == SuggestedAnswer::Generated);

    const auto prepared = prepare_bytes(dir, "f.png", file);
    REQUIRE(prepared.ok);
    CHECK_FALSE(prepared.reencoded);
    CHECK(prepared.stripped == std::vector<std::string>{"PNG text", "PNG sRGB"});
    CHECK(leftover(dir, prepared.bytes).empty());
    CHECK(packmedia::read_provenance(prepared.bytes).empty());
    CHECK(decode_png(prepared.bytes).rgb == decode_png(png).rgb);
}

}  // namespace rc::tests
