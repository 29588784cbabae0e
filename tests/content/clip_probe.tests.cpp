// Clip container probing and the clip rules: what real clips made by ffmpeg hold
// (fixtures/clips/make.sh), every refusal with its reason, and bounds safety on cut,
// flipped and hand-built input with hostile sizes and counts.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "content/clip_probe.h"
#include "content/pack.h"
#include "content/test_clips.h"
#include "support/temp_dir.h"

using rc::content::clip_problem;
using rc::content::ClipCodec;
using rc::content::ClipContainer;
using rc::content::ClipInfo;
using rc::content::ClipRules;
using rc::content::probe_clip;
using namespace rc::tests;

namespace {

std::string fixture(const std::string& name) {
    const std::string bytes = read_file(std::filesystem::path(RC_CLIP_FIXTURES) / name);
    REQUIRE_FALSE(bytes.empty());
    return bytes;
}

// Copies into a heap block of exactly `size` bytes, so AddressSanitizer flags any read past
// the end (a std::string may own spare capacity behind its last byte).
std::optional<ClipInfo> probe_exact(const std::string& bytes, std::string* why) {
    std::unique_ptr<std::uint8_t[]> block(new std::uint8_t[bytes.size()]);
    if (!bytes.empty())
        std::memcpy(block.get(), bytes.data(), bytes.size());
    return probe_clip(std::span<const std::uint8_t>(block.get(), bytes.size()), why);
}

ClipInfo accepted(const std::string& bytes) {
    std::string why;
    auto info = probe_exact(bytes, &why);
    INFO(why);
    REQUIRE(info.has_value());
    return *info;
}

std::string refusal(const std::string& bytes) {
    std::string why;
    auto info = probe_exact(bytes, &why);
    CHECK_FALSE(info.has_value());
    CHECK_FALSE(why.empty());
    return why;
}

// What any accepted input must look like, whatever its bytes.
void check_sane(const ClipInfo& info) {
    CHECK((info.rotation == 0 || info.rotation == 90 || info.rotation == 180 ||
           info.rotation == 270));
    CHECK(info.frame_count > 0);
    CHECK(std::isfinite(info.seconds));
    CHECK(info.seconds >= 0);
    CHECK(info.codec_tag.size() <= rc::content::kMaxCodecTagChars);
}

// The top-level box boundaries of an MP4 file: a fragmented clip cut at one of them is
// still a whole, shorter clip.
std::vector<std::size_t> top_level_boundaries(const std::string& bytes) {
    std::vector<std::size_t> ends;
    for (std::size_t at = 0; at + 8 <= bytes.size();) {
        const auto size =
            static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[at]) << 24 |
                                       static_cast<std::uint8_t>(bytes[at + 1]) << 16 |
                                       static_cast<std::uint8_t>(bytes[at + 2]) << 8 |
                                       static_cast<std::uint8_t>(bytes[at + 3]));
        if (size < 8)
            break;
        at += size;
        ends.push_back(at);
    }
    return ends;
}

struct Fixture {
    const char* file;
    ClipContainer container;
    ClipCodec codec;
    const char* tag;
    int rotation;
    double seconds;
    bool has_audio;
    std::uint64_t frames;
};

const std::vector<Fixture>& fixtures() {
    using C = ClipCodec;
    static const std::vector<Fixture> all = {
        {"h264-faststart.mp4", ClipContainer::Mp4, C::H264, "avc1", 0, 1.0, true, 10},
        {"h264-moov-at-end.mp4", ClipContainer::Mp4, C::H264, "avc1", 0, 1.0, false, 10},
        {"h264-rotated-90.mp4", ClipContainer::Mp4, C::H264, "avc1", 90, 1.0, false, 10},
        {"h264-fragmented.mp4", ClipContainer::Mp4, C::H264, "avc1", 0, 1.0, false, 10},
        {"hevc.mp4", ClipContainer::Mp4, C::Hevc, "hvc1", 0, 1.0, false, 10},
        {"vp8.webm", ClipContainer::WebM, C::Vp8, "V_VP8", 0, 1.008, true, 10},
        {"vp9.webm", ClipContainer::WebM, C::Vp9, "V_VP9", 0, 1.0, false, 10},
        {"vp9-streamed.webm", ClipContainer::WebM, C::Vp9, "V_VP9", 0, 1.0, false, 10},
        {"av1.webm", ClipContainer::WebM, C::Av1, "V_AV1", 0, 1.0, false, 10},
        {"h264.mkv", ClipContainer::WebM, C::H264, "V_MPEG4/ISO/AVC", 0, 1.0, false, 10},
    };
    return all;
}

const std::vector<std::string>& all_fixture_files() {
    static const std::vector<std::string> files = [] {
        std::vector<std::string> names;
        for (const auto& f : fixtures())
            names.push_back(f.file);
        names.push_back("audio-only.mp4");
        names.push_back("audio-only.webm");
        return names;
    }();
    return files;
}

}  // namespace

TEST_CASE("clips made by ffmpeg are read without decoding", "[content][clip]") {
    const Fixture f = GENERATE(from_range(fixtures()));
    INFO(f.file);
    const ClipInfo info = accepted(fixture(f.file));
    CHECK(info.container == f.container);
    CHECK(info.codec == f.codec);
    CHECK(info.codec_tag == f.tag);
    CHECK(info.width == 160);
    CHECK(info.height == 120);
    CHECK(info.rotation == f.rotation);
    CHECK(info.seconds == Approx(f.seconds).margin(0.001));
    CHECK(info.has_audio == f.has_audio);
    CHECK(info.frame_count == f.frames);
}

TEST_CASE("the clip rules on clips made by ffmpeg", "[content][clip]") {
    const auto problem = [](const char* file) { return clip_problem(as_bytes(fixture(file))); };
    SECTION("H.264 in MP4 and VP8 or VP9 in WebM play") {
        for (const char* file :
             {"h264-faststart.mp4", "h264-moov-at-end.mp4", "h264-rotated-90.mp4",
              "h264-fragmented.mp4", "vp8.webm", "vp9.webm", "vp9-streamed.webm"}) {
            INFO(file);
            CHECK(problem(file).empty());
        }
    }
    SECTION("HEVC is refused with the way out") {
        CHECK(problem("hevc.mp4") ==
              "HEVC (H.265) clips do not play in browsers: convert them to H.264 (realcheck-pack "
              "does)");
    }
    SECTION("AV1 is refused: not every browser plays it") {
        CHECK(
            problem("av1.webm") ==
            "AV1 clips do not play in every browser: convert them to H.264 (realcheck-pack does)");
    }
    SECTION("H.264 in Matroska is refused") {
        CHECK(problem("h264.mkv") ==
              "H.264 in a WebM or Matroska file does not play in every browser: put it in an MP4 "
              "file (realcheck-pack does)");
    }
    SECTION("sound without pictures is refused") {
        CHECK(problem("audio-only.mp4") == "no video track (audio only)");
        CHECK(problem("audio-only.webm") == "no video track (audio only)");
    }
}

TEST_CASE("every cut of a clip is refused", "[content][clip]") {
    const std::string file = GENERATE(from_range(all_fixture_files()));
    INFO(file);
    const std::string bytes = fixture(file);
    // Fragments are whole on their own: a fragmented clip cut between two is a shorter clip.
    std::vector<std::size_t> whole;
    if (file == "h264-fragmented.mp4")
        whole = top_level_boundaries(bytes);
    int refused = 0;
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        std::string why;
        auto info = probe_exact(bytes.substr(0, n), &why);
        if (info) {
            INFO("accepted a cut at " << n);
            CHECK(std::find(whole.begin(), whole.end(), n) != whole.end());
            check_sane(*info);
        } else {
            CHECK_FALSE(why.empty());
            ++refused;
        }
    }
    CHECK(refused >= static_cast<int>(bytes.size()) - 2);
}

TEST_CASE("cut clips say where they were cut", "[content][clip]") {
    SECTION("inside the media data of an MP4") {
        const std::string bytes = fixture("h264-faststart.mp4");
        CHECK(refusal(bytes.substr(0, 4000)) == "truncated: the 'mdat' box ends at byte " +
                                                    std::to_string(bytes.size()) +
                                                    " but the file has 4000 bytes");
    }
    SECTION("an MP4 whose media data is gone but its index is whole") {
        const std::string bytes = fixture("h264-faststart.mp4");
        const std::size_t mdat = find_box(bytes, "mdat");
        const std::string why = refusal(bytes.substr(0, mdat));
        CHECK_THAT(why, Catch::StartsWith("truncated: video data ends at byte "));
        CHECK_THAT(why, Catch::EndsWith(" but the file has " + std::to_string(mdat) + " bytes"));
    }
    SECTION("an MP4 cut before its index (moov at the end)") {
        const std::string bytes = fixture("h264-moov-at-end.mp4");
        CHECK(refusal(bytes.substr(0, find_box(bytes, "moov"))) ==
              "no moov box (the clip is truncated or not finished)");
    }
    SECTION("inside the index") {
        const std::string bytes = fixture("h264-moov-at-end.mp4");
        const std::size_t moov = find_box(bytes, "moov");
        CHECK(refusal(bytes.substr(0, moov + 100)) ==
              "truncated: the 'moov' box ends at byte " + std::to_string(bytes.size()) +
                  " but the file has " + std::to_string(moov + 100) + " bytes");
    }
    SECTION("a WebM segment") {
        const std::string bytes = fixture("vp9.webm");
        CHECK(refusal(bytes.substr(0, 5000)) == "truncated: the WebM segment ends at byte " +
                                                    std::to_string(bytes.size()) +
                                                    " but the file has 5000 bytes");
    }
    SECTION("a streamed WebM (a segment of unknown size) cut inside a cluster") {
        const std::string bytes = fixture("vp9-streamed.webm");
        CHECK(refusal(bytes.substr(0, bytes.size() - 10)) ==
              "truncated: a WebM cluster ends at byte " + std::to_string(bytes.size()) +
                  " but the file has " + std::to_string(bytes.size() - 10) + " bytes");
    }
    SECTION("a live WebM (clusters of unknown size too) cut inside a block") {
        WebmDesc desc;
        desc.unknown_sizes = true;
        const std::string bytes = webm_clip(desc);
        CHECK(refusal(bytes.substr(0, bytes.size() - 2)) ==
              "truncated: a WebM element (ID 0xA3) ends at byte " + std::to_string(bytes.size()) +
                  " but the file has " + std::to_string(bytes.size() - 2) + " bytes");
    }
    SECTION("a WebM with its header only") {
        const std::string bytes = fixture("vp9.webm");
        CHECK(refusal(webm_header()) == "no WebM segment (the clip is truncated or not finished)");
        CHECK(refusal(webm_header() + ebml(0x18538067, "")) ==
              "no WebM track list (the clip is truncated or not finished)");
    }
}

TEST_CASE("flipped bytes and random damage never read out of bounds", "[content][clip]") {
    std::vector<std::string> seeds;
    for (const auto& file : all_fixture_files())
        seeds.push_back(fixture(file));
    seeds.push_back(mp4_clip());
    seeds.push_back(webm_clip());
    SECTION("every header byte of every clip, inverted") {
        for (const auto& seed : seeds) {
            for (std::size_t at = 0; at < std::min<std::size_t>(seed.size(), 800); ++at) {
                std::string bytes = seed;
                bytes[at] = static_cast<char>(~bytes[at]);
                std::string why;
                if (auto info = probe_exact(bytes, &why))
                    check_sane(*info);
                else
                    CHECK_FALSE(why.empty());
            }
        }
    }
    SECTION("random bytes changed, then cut") {
        std::mt19937 rng(4321);
        int accepted_count = 0;
        for (int round = 0; round < 6000; ++round) {
            std::string bytes = seeds[round % seeds.size()];
            const int flips = 1 + static_cast<int>(rng() % 8);
            for (int i = 0; i < flips; ++i)
                bytes[rng() % std::min<std::size_t>(bytes.size(), 1500)] = static_cast<char>(rng());
            if (round % 3 == 0)
                bytes.resize(rng() % (bytes.size() + 1));
            std::string why;
            if (auto info = probe_exact(bytes, &why)) {
                ++accepted_count;
                check_sane(*info);
            } else {
                CHECK_FALSE(why.empty());
            }
        }
        CHECK(accepted_count > 0);
    }
}

TEST_CASE("MP4 clips built box by box", "[content][clip]") {
    SECTION("the builder's clip, as a reference") {
        const ClipInfo info = accepted(mp4_clip());
        CHECK(info.container == ClipContainer::Mp4);
        CHECK(info.codec == ClipCodec::H264);
        CHECK(info.width == 640);
        CHECK(info.height == 480);
        CHECK(info.seconds == 2.0);
        CHECK(info.frame_count == 4);
        CHECK_FALSE(info.has_audio);
        CHECK(clip_problem(info).empty());
    }
    SECTION("moov after mdat, 64-bit chunk offsets, a sound track") {
        Mp4Desc desc;
        desc.moov_first = false;
        desc.wide_offsets = true;
        desc.audio = true;
        const ClipInfo info = accepted(mp4_clip(desc));
        CHECK(info.has_audio);
        CHECK(info.frame_count == 4);
    }
    SECTION("sample entries name the codec") {
        using C = ClipCodec;
        const std::vector<std::pair<std::string, C>> entries = {
            {"avc1", C::H264}, {"avc3", C::H264}, {"hvc1", C::Hevc}, {"hev1", C::Hevc},
            {"vp08", C::Vp8},  {"vp09", C::Vp9},  {"av01", C::Av1},  {"mp4v", C::Other}};
        for (const auto& [entry, codec] : entries) {
            Mp4Desc desc;
            desc.entry = entry;
            const ClipInfo info = accepted(mp4_clip(desc));
            CHECK(info.codec == codec);
            CHECK(info.codec_tag == entry);
        }
    }
    SECTION("a codec tag that is not text is shown as question marks") {
        Mp4Desc desc;
        desc.entry = std::string("\x01\xFFz\n", 4);
        const ClipInfo info = accepted(mp4_clip(desc));
        CHECK(info.codec_tag == "??z?");
        CHECK(clip_problem(info) ==
              "unsupported codec '??z?': convert the clip to H.264 (realcheck-pack does)");
    }
    SECTION("the display matrix gives the rotation, clockwise") {
        struct Turn {
            std::int32_t a, b;
            int rotation;
        };
        for (const Turn& turn :
             {Turn{0x10000, 0, 0}, Turn{0, 0x10000, 90}, Turn{-0x10000, 0, 180},
              Turn{0, -0x10000, 270}, Turn{0x20000, 0x100, 0}, Turn{-0x8000, -0x10000, 270}}) {
            Mp4Desc desc;
            desc.matrix_a = turn.a;
            desc.matrix_b = turn.b;
            CHECK(accepted(mp4_clip(desc)).rotation == turn.rotation);
        }
    }
    SECTION("64-bit box sizes") {
        for (bool moov_first : {true, false}) {
            Mp4Desc desc;
            desc.wide_boxes = true;
            desc.moov_first = moov_first;
            CHECK(accepted(mp4_clip(desc)).frame_count == 4);
        }
    }
    SECTION("a last box of size 0 runs to the end of the file") {
        std::string clip = mp4_clip();
        put_be32(clip, find_box(clip, "mdat"), 0);
        CHECK(accepted(clip).frame_count == 4);
        // ... and an empty box of size 8 is just skipped.
        CHECK(accepted(clip.substr(0, find_box(clip, "moov")) + box("free", "") +
                       clip.substr(find_box(clip, "moov")))
                  .frame_count == 4);
    }
    SECTION("a box smaller than its header") {
        std::string clip = mp4_clip();
        const std::size_t moov = find_box(clip, "moov");
        for (std::uint32_t size : {2u, 7u}) {
            put_be32(clip, moov, size);
            CHECK(refusal(clip) == "corrupt MP4: the 'moov' box at byte " + std::to_string(moov) +
                                       " is smaller than its header");
        }
        std::string wide = mp4_ftyp() + be32(1) + "moov" + be64(15) + std::string(40, '\0');
        CHECK(refusal(wide) == "corrupt MP4: the 'moov' box at byte 32 is smaller than its header");
    }
    SECTION("huge declared box sizes") {
        std::string clip = mp4_clip();
        const std::size_t moov = find_box(clip, "moov");
        put_be32(clip, moov, 0xFFFFFFFF);
        CHECK(refusal(clip) == "truncated: the 'moov' box ends at byte " +
                                   std::to_string(moov + 0xFFFFFFFFull) + " but the file has " +
                                   std::to_string(clip.size()) + " bytes");
        const std::string wide =
            mp4_ftyp() + be32(1) + "mdat" + be64(std::numeric_limits<std::uint64_t>::max());
        CHECK(refusal(wide) ==
              "truncated: the 'mdat' box ends at byte 18446744073709551615 but the file has 48 "
              "bytes");
    }
    SECTION("a box overrunning the box that holds it") {
        std::string clip = mp4_clip();
        const std::size_t trak = find_box(clip, "trak");
        put_be32(clip, trak, 5000);
        CHECK(refusal(clip) == "corrupt MP4: the 'trak' box at byte " + std::to_string(trak) +
                                   " overruns the box that holds it");
    }
    SECTION("a few stray bytes after the last box") {
        CHECK(refusal(mp4_clip() + "abc") ==
              "truncated: a box header ends at byte " + std::to_string(mp4_clip().size() + 8) +
                  " but the file has " + std::to_string(mp4_clip().size() + 3) + " bytes");
        CHECK_THAT(refusal(mp4_clip() + std::string(4, '\0')),
                   Catch::StartsWith("truncated: a box header ends"));
    }
    SECTION("a QuickTime zero terminator inside a box is allowed, other stray bytes are not") {
        // moov last, its trak last in it: both grow by 4 zero bytes; a box follows.
        Mp4Desc desc;
        desc.moov_first = false;
        const std::string clip = mp4_clip(desc);
        std::string bytes =
            insert_in_boxes(clip, clip.size(), std::string(4, '\0'), {"moov", "trak"}) +
            box("free", "");
        CHECK(accepted(bytes).frame_count == 4);
        bytes[clip.size() + 1] = 'x';
        CHECK(refusal(bytes) == "corrupt MP4: a box header at byte " + std::to_string(clip.size()) +
                                    " overruns the box that holds it");
    }
}

TEST_CASE("MP4 sample tables are checked against their boxes and the file", "[content][clip]") {
    const std::string clip = mp4_clip();
    // The count field of a table box: after its header and version/flags (and stsz's size).
    const auto count_at = [&](std::string_view type) {
        return find_box(clip, type) + (type == "stsz" ? 16 : 12);
    };
    SECTION("declared counts larger than the box") {
        for (std::string_view type : {"stsz", "stsc", "stco"}) {
            std::string bytes = clip;
            put_be32(bytes, count_at(type), 0xFFFFFFFF);
            CHECK_THAT(refusal(bytes), Catch::StartsWith("corrupt MP4: the '" + std::string(type) +
                                                         "' box declares 4294967295 entries in "));
        }
    }
    SECTION("one size for every sample and a huge count: no table to walk, refused at once") {
        std::string bytes = clip;
        put_be32(bytes, count_at("stsz") - 4, 10);  // a constant size
        put_be32(bytes, count_at("stsz"), 0xFFFFFFFF);
        CHECK(refusal(bytes) ==
              "corrupt MP4: the chunk map places 4 samples, the 'stsz' box has 4294967295");
        // With a chunk map placing as many, the data of those samples is past the end.
        put_be32(bytes, count_at("stsz"), 2 + 2 * 0x7FFFFFF0u);
        put_be32(bytes, find_box(bytes, "stsc") + 16 + 12 + 4, 0x7FFFFFF0);  // chunks 2 and 3
        CHECK_THAT(refusal(bytes), Catch::StartsWith("truncated: video data ends at byte "));
    }
    SECTION("a chunk map placing more samples than there are") {
        std::string bytes = clip;
        put_be32(bytes, find_box(bytes, "stsc") + 16 + 4, 0xFFFFFFFF);
        CHECK(refusal(bytes) ==
              "corrupt MP4: the chunk map places more samples than the 'stsz' box has (4)");
    }
    SECTION("chunk runs out of order") {
        std::string bytes = clip;
        put_be32(bytes, find_box(bytes, "stsc") + 16, 2);  // the first run must start at chunk 1
        CHECK(refusal(bytes) ==
              "corrupt MP4: the 'stsc' box's chunk runs are out of order or out of range");
    }
    SECTION("a chunk starting past the end of the file") {
        std::string bytes = clip;
        put_be32(bytes, count_at("stco") + 4 + 8, 1'000'000);  // the third chunk, 70 bytes
        CHECK(refusal(bytes) == "truncated: video data ends at byte 1000070 but the file has " +
                                    std::to_string(bytes.size()) + " bytes");
    }
    SECTION("a 64-bit chunk offset near the end of the number range") {
        Mp4Desc desc;
        desc.wide_offsets = true;
        std::string bytes = mp4_clip(desc);
        const std::size_t first = find_box(bytes, "co64") + 16;
        bytes.replace(first, 8, be64(std::numeric_limits<std::uint64_t>::max() - 10));
        CHECK(refusal(bytes) ==
              "truncated: video data ends at byte 18446744073709551615 but the "
              "file has " +
                  std::to_string(bytes.size()) + " bytes");
    }
    SECTION("samples without a chunk map") {
        std::string bytes = clip;
        put_be32(bytes, count_at("stco"), 0);
        CHECK(refusal(bytes) == "corrupt MP4: video samples without a chunk map ('stsc', 'stco')");
    }
    SECTION("no samples at all") {
        Mp4Desc desc;
        desc.sample_sizes.clear();
        desc.chunk_samples.clear();
        CHECK(refusal(mp4_clip(desc)) == "no video frames (the clip is truncated or not finished)");
    }
}

TEST_CASE("MP4 structure refusals", "[content][clip]") {
    const std::string clip = mp4_clip();
    SECTION("no moov") {
        CHECK(refusal(mp4_ftyp() + box("mdat", "abc")) ==
              "no moov box (the clip is truncated or not finished)");
    }
    SECTION("two moov boxes") {
        CHECK(refusal(clip + clip.substr(find_box(clip, "moov"),
                                         find_box(clip, "mdat") - find_box(clip, "moov"))) ==
              "corrupt MP4: two 'moov' boxes");
    }
    SECTION("no tracks, or sound only") {
        CHECK(refusal(mp4_ftyp() + box("moov", "")) == "no video track");
        std::string sound = clip;
        sound.replace(sound.find("vide"), 4, "soun");
        CHECK(refusal(sound) == "no video track (audio only)");
    }
    SECTION("a zero timescale") {
        std::string bytes = clip;
        put_be32(bytes, find_box(bytes, "mdhd") + 20, 0);
        CHECK(refusal(bytes) == "corrupt MP4: the 'mdhd' box gives a zero timescale");
    }
    SECTION("short header boxes") {
        for (std::string_view type : {"mvhd", "tkhd", "mdhd", "hdlr"}) {
            std::string bytes = clip;
            const std::size_t at = find_box(bytes, type);
            // Shrink the box to 12 bytes and keep the rest as a 'free' box filling the gap.
            const std::uint32_t size = static_cast<std::uint8_t>(bytes[at + 2]) << 8 |
                                       static_cast<std::uint8_t>(bytes[at + 3]);
            put_be32(bytes, at, 12);
            put_be32(bytes, at + 12, size - 12);
            bytes.replace(at + 16, 4, "free");
            CHECK(refusal(bytes) ==
                  "corrupt MP4: the '" + std::string(type) + "' box is too short (4 bytes)");
        }
    }
    SECTION("two tables of one kind in a track") {
        Mp4Desc desc;
        desc.moov_first = false;
        const std::string last = mp4_clip(desc);
        const std::string tables[] = {"stsz", "stco"};
        for (const auto& type : tables) {
            const std::size_t at = find_box(last, type);
            const std::string table = full_box(type, 0, 0, be32(0) + be32(0));
            CHECK(refusal(
                      insert_in_boxes(last, at, table, {"moov", "trak", "mdia", "minf", "stbl"})) ==
                  (type == "stco" ? "corrupt MP4: two chunk offset boxes ('stco', 'co64') in one "
                                    "track"
                                  : "corrupt MP4: two 'stsz' boxes in one track"));
        }
        const std::string stsd = full_box("stsd", 0, 0, be32(1) + box("avc1", ""));
        CHECK(refusal(insert_in_boxes(last, find_box(last, "stsz"), stsd,
                                      {"moov", "trak", "mdia", "minf", "stbl"})) ==
              "corrupt MP4: two 'stsd' boxes in one track");
    }
    SECTION("a track without a sample description") {
        std::string bytes = clip;
        put_be32(bytes, find_box(bytes, "stsd") + 12, 0);
        CHECK(refusal(bytes) == "corrupt MP4: a track without a sample description");
    }
    SECTION("an unknown duration in the track falls back to the movie's") {
        std::string bytes = clip;
        put_be32(bytes, find_box(bytes, "mdhd") + 24, 0xFFFFFFFF);
        put_be32(bytes, find_box(bytes, "mvhd") + 24, 3000);
        CHECK(accepted(bytes).seconds == 3.0);
    }
    SECTION("a picture in an ISO file (HEIC, AVIF)") {
        CHECK(refusal(box("ftyp", "heic" + be32(0) + "mif1heic")) ==
              "not an MP4 or WebM clip (it is a HEIC or AVIF picture)");
    }
}

TEST_CASE("fragmented MP4 clips", "[content][clip]") {
    const std::string clip = fixture("h264-fragmented.mp4");
    const std::size_t moof = find_box(clip, "moof");
    SECTION("a moof before the moov") {
        const std::size_t moov = find_box(clip, "moov");
        const std::string moov_box = clip.substr(moov, moof - moov);
        CHECK(refusal(clip.substr(0, moov) + clip.substr(moof) + moov_box) ==
              "corrupt MP4: a 'moof' box before the 'moov' box");
    }
    SECTION("a track run declaring more samples than it holds") {
        std::string bytes = clip;
        const std::size_t trun = find_box(bytes, "trun", moof);
        put_be32(bytes, trun + 12, 0x7FFFFFFF);
        CHECK_THAT(
            refusal(bytes),
            Catch::StartsWith("corrupt MP4: the 'trun' box declares 2147483647 samples in "));
    }
    SECTION("a track run whose data lies past the end of the file") {
        std::string bytes = clip;
        const std::size_t trun = find_box(bytes, "trun", moof);
        put_be32(bytes, trun + 16, 0x10000000);  // its data offset, from the moof
        CHECK_THAT(refusal(bytes), Catch::StartsWith("truncated: video data ends at byte "));
    }
    SECTION("a track run pointing before the start of the file") {
        std::string bytes = clip;
        const std::size_t trun = find_box(bytes, "trun", moof);
        put_be32(bytes, trun + 16, 0x80000000);
        CHECK(refusal(bytes) == "corrupt MP4: a 'trun' box points before the start of the file");
    }
    SECTION("cut before its first fragment") {
        CHECK(refusal(clip.substr(0, moof)) ==
              "no video frames (the clip is truncated or not finished)");
    }
}

TEST_CASE("WebM clips built element by element", "[content][clip]") {
    SECTION("the builder's clip, as a reference") {
        const ClipInfo info = accepted(webm_clip());
        CHECK(info.container == ClipContainer::WebM);
        CHECK(info.codec == ClipCodec::Vp9);
        CHECK(info.width == 320);
        CHECK(info.height == 240);
        CHECK(info.seconds == 1.5);
        CHECK(info.frame_count == 3);
        CHECK(info.rotation == 0);
        CHECK(clip_problem(info).empty());
    }
    SECTION("codec IDs") {
        using C = ClipCodec;
        const std::vector<std::pair<std::string, C>> ids = {
            {"V_VP8", C::Vp8},
            {"V_VP9", C::Vp9},
            {"V_AV1", C::Av1},
            {"V_MPEG4/ISO/AVC", C::H264},
            {"V_MPEGH/ISO/HEVC", C::Hevc},
            {"V_THEORA", C::Other},
            {std::string("V_VP9\0\0", 7), C::Vp9}};  // zero padding is allowed
        for (const auto& [id, codec] : ids) {
            WebmDesc desc;
            desc.codec = id;
            CHECK(accepted(webm_clip(desc)).codec == codec);
        }
        WebmDesc theora;
        theora.codec = "V_THEORA";
        CHECK(clip_problem(as_bytes(webm_clip(theora))) ==
              "unsupported codec 'V_THEORA': convert the clip to H.264 (realcheck-pack does)");
    }
    SECTION("a long or binary codec ID is cut and made printable") {
        WebmDesc desc;
        desc.codec = std::string(1000, 'x') + "\n";
        CHECK(accepted(webm_clip(desc)).codec_tag ==
              std::string(rc::content::kMaxCodecTagChars, 'x'));
        desc.codec = "V_\x01\xC3\xA9";
        CHECK(accepted(webm_clip(desc)).codec_tag == "V_???");
    }
    SECTION("Matroska files, sound tracks") {
        WebmDesc desc;
        desc.doc_type = "matroska";
        desc.audio = true;
        const ClipInfo info = accepted(webm_clip(desc));
        CHECK(info.has_audio);
        CHECK(info.frame_count == 3);
    }
    SECTION("other EBML documents") {
        WebmDesc desc;
        desc.doc_type = "foo\x01";
        CHECK(refusal(webm_clip(desc)) ==
              "not an MP4 or WebM clip (an EBML document of type 'foo?')");
    }
    SECTION("live recordings: unknown sizes and no duration") {
        WebmDesc desc;
        desc.unknown_sizes = true;
        desc.duration = -1;
        desc.frames = 5;
        const ClipInfo info = accepted(webm_clip(desc));
        CHECK(info.frame_count == 5);
        CHECK(info.seconds == 2.0);  // the last frame's time
        // An unknown-size cluster ends where a top-level element starts.
        CHECK(accepted(webm_clip(desc) + ebml(0x1C53BB6B, "cues")).frame_count == 5);
    }
    SECTION("timecode scale and a 4-byte float duration") {
        WebmDesc desc;
        desc.timecode_scale = 1000;  // microseconds
        desc.duration = 2'500'000;
        desc.float_duration = true;
        CHECK(accepted(webm_clip(desc)).seconds == Approx(2.5));
    }
}

TEST_CASE("WebM refusals", "[content][clip]") {
    const std::string header = webm_header();
    const auto segment = [&](const std::string& body) { return header + ebml(0x18538067, body); };
    WebmDesc desc;
    const std::string tracks = webm_tracks(desc);
    const std::string clusters = webm_clusters(desc);
    SECTION("variable-length integers with a length marker of 0") {
        CHECK(refusal(segment(std::string("\x00\x81\x00", 3))) ==
              "corrupt WebM: an invalid element ID at byte " + std::to_string(header.size() + 12));
        CHECK(refusal(segment(std::string("\xEC\x00", 2))) ==
              "corrupt WebM: an invalid element size at byte " +
                  std::to_string(header.size() + 12));
    }
    SECTION("IDs longer than 4 bytes") {
        CHECK_THAT(refusal(segment(std::string("\x08\x01\x02\x03\x04\x80", 6))),
                   Catch::StartsWith("corrupt WebM: an invalid element ID at byte "));
    }
    SECTION("an unknown size where none is allowed") {
        CHECK(refusal(segment(ebml_unknown(0x1654AE6B, ""))) ==
              "corrupt WebM: the WebM track list of unknown size at byte " +
                  std::to_string(header.size() + 12));
    }
    SECTION("a segment declared larger than the file") {
        const std::string bytes =
            header + ebml_id(0x18538067) + ebml_size(kEbmlUnknown - 1) + tracks;
        CHECK(refusal(bytes) == "truncated: the WebM segment ends at byte " +
                                    std::to_string(header.size() + 12 + kEbmlUnknown - 1) +
                                    " but the file has " + std::to_string(bytes.size()) + " bytes");
    }
    SECTION("no cluster, or no video block in them") {
        CHECK(refusal(segment(tracks)) ==
              "no video frames (the clip is truncated or not finished)");
        desc.frames = 0;
        CHECK(refusal(webm_clip(desc)) ==
              "no video frames (the clip is truncated or not finished)");
    }
    SECTION("a cluster before the track list") {
        CHECK(refusal(segment(clusters + tracks)) ==
              "corrupt WebM: a cluster before the track list");
    }
    SECTION("two track lists") {
        CHECK(refusal(segment(tracks + tracks + clusters)) == "corrupt WebM: two track lists");
    }
    SECTION("no video track") {
        CHECK(refusal(segment(ebml(0x1654AE6B, "") + clusters)) == "no video track");
    }
    SECTION("a video track without a number") {
        CHECK(refusal(segment(ebml(0x1654AE6B, ebml(0xAE, ebml_uint(0x83, 1))) + clusters)) ==
              "corrupt WebM: the video track has no track number");
    }
    SECTION("bad values in the header and Info") {
        CHECK(refusal(ebml(0x1A45DFA3, ebml_uint(0x42F7, 2)) + ebml(0x18538067, "")) ==
              "corrupt WebM: unsupported EBML header values");
        CHECK(refusal(ebml(0x1A45DFA3, ebml_uint(0x42F2, 9)) + ebml(0x18538067, "")) ==
              "corrupt WebM: unsupported EBML header values");
        CHECK(refusal(segment(ebml(0x1549A966, ebml_uint(0x2AD7B1, 0)))) ==
              "corrupt WebM: a zero timecode scale");
        CHECK(refusal(segment(ebml(0x1549A966, ebml(0x4489, "abc")))) ==
              "corrupt WebM: a WebM element (ID 0x4489) holds a 3-byte float");
        CHECK(refusal(segment(ebml(0x1549A966, ebml(0x2AD7B1, std::string(9, '\1'))))) ==
              "corrupt WebM: a WebM element (ID 0x2AD7B1) holds a 9-byte integer");
        for (double bad : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()})
            CHECK(refusal(segment(ebml(0x1549A966, ebml_double(0x4489, bad)))) ==
                  "corrupt WebM: an invalid duration");
    }
    SECTION("a block too short for its header") {
        const std::string cluster = ebml(0x1F43B675, ebml(0xA3, "\x81"));
        CHECK_THAT(refusal(segment(tracks + cluster)),
                   Catch::StartsWith("corrupt WebM: a block header at byte "));
    }
    SECTION("an element overrunning the one that holds it") {
        const std::string cluster = ebml(0x1F43B675, ebml_id(0xA3) + ebml_size(100) + "abc");
        CHECK_THAT(refusal(segment(tracks + cluster) + std::string(200, '\0')),
                   Catch::StartsWith("corrupt WebM: a WebM element (ID 0xA3) at byte "));
    }
}

TEST_CASE("work is bounded whatever a file declares", "[content][clip]") {
    SECTION("deep nesting of boxes and elements costs no stack") {
        // 100000 'udta' boxes one inside the other, inside the moov.
        const int depth = 100000;
        std::string nested;
        nested.reserve(depth * 8);
        for (int i = 0; i < depth; ++i)
            nested += be32(static_cast<std::uint32_t>(8 * (depth - i))) + "udta";
        Mp4Desc desc;
        desc.moov_first = false;
        std::string clip = mp4_clip(desc);
        const std::size_t moov = find_box(clip, "moov");
        clip += nested;
        put_be32(clip, moov, static_cast<std::uint32_t>(clip.size() - moov));
        CHECK(accepted(clip).frame_count == 4);
        // As many unknown EBML elements one inside the other, between tracks and clusters.
        const std::uint32_t unknown_id = 0x4DBB;
        WebmDesc desc_webm;
        desc_webm.extra.reserve(depth * 10);
        for (int i = 0; i < depth; ++i)
            desc_webm.extra += ebml_id(unknown_id) + ebml_size(10 * (depth - i - 1));
        CHECK(accepted(webm_clip(desc_webm)).frame_count == 3);
    }
    SECTION("a million empty boxes or elements") {
        std::string boxes;
        for (std::size_t i = 0; i <= rc::content::kMaxClipElements; ++i)
            boxes += box("free", "");
        CHECK(refusal(mp4_ftyp() + boxes) ==
              "too many boxes or elements (over 1000000): not a clip this game can play");
        std::string voids;
        for (std::size_t i = 0; i <= rc::content::kMaxClipElements; ++i)
            voids += "\xEC\x80";
        CHECK(refusal(webm_header() + ebml(0x18538067, voids)) ==
              "too many boxes or elements (over 1000000): not a clip this game can play");
    }
}

TEST_CASE("inputs that are not clips are named", "[content][clip]") {
    SECTION("empty") {
        CHECK(refusal("") == "not an MP4 or WebM clip");
    }
    SECTION("text") {
        CHECK(refusal("hello, world") == "not an MP4 or WebM clip");
        CHECK(refusal("<!DOCTYPE html>") ==
              "not an MP4 or WebM clip (it looks like a web page; save the clip itself)");
    }
    SECTION("pictures") {
        const std::string hint =
            "not an MP4 or WebM clip (it is a picture: give it \"kind\": \"image\")";
        CHECK(refusal(png_bytes(10, 10)) == hint);
        CHECK(refusal(jpeg_bytes(10, 10)) == hint);
        CHECK(refusal(gif_bytes(10, 10)) == hint);
        CHECK(refusal(webp_vp8_bytes(10, 10)) == hint);
    }
    SECTION("other video formats") {
        CHECK(refusal(std::string("RIFF\0\0\0\0AVI LIST", 16)) ==
              "not an MP4 or WebM clip (it is an AVI file; convert it to MP4)");
        CHECK(refusal("OggS\0\x02") ==
              "not an MP4 or WebM clip (it is an Ogg file; convert it to WebM or MP4)");
    }
    SECTION("a null why pointer is allowed") {
        CHECK_FALSE(probe_clip(as_bytes(std::string("nope")), nullptr).has_value());
        CHECK(probe_clip(as_bytes(mp4_clip()), nullptr).has_value());
    }
}

TEST_CASE("clip_problem judges codec, frame size and duration", "[content][clip]") {
    ClipInfo clip;
    clip.container = ClipContainer::Mp4;
    clip.codec = ClipCodec::H264;
    clip.codec_tag = "avc1";
    clip.width = 1920;
    clip.height = 1080;
    clip.seconds = 12.5;
    clip.frame_count = 300;
    REQUIRE(clip_problem(clip).empty());
    SECTION("codec and container must go together") {
        clip.container = ClipContainer::WebM;
        CHECK_THAT(clip_problem(clip), Catch::StartsWith("H.264 in a WebM or Matroska file"));
        clip.codec = ClipCodec::Vp9;
        CHECK(clip_problem(clip).empty());
        clip.codec = ClipCodec::Vp8;
        CHECK(clip_problem(clip).empty());
        clip.container = ClipContainer::Mp4;
        CHECK(clip_problem(clip) ==
              "VP8 in an MP4 file does not play in every browser: put it in a WebM file or "
              "convert it to H.264 (realcheck-pack does)");
    }
    SECTION("frame size") {
        clip.width = 3840;
        clip.height = 2160;
        CHECK(clip_problem(clip).empty());
        clip.height = 2161;
        CHECK(clip_problem(clip) ==
              "3840×2161 frames (8298240 pixels) are over the 8294400 pixel limit for clips");
        clip.width = 7680;
        clip.height = 4320;
        CHECK(clip_problem(clip) ==
              "7680×4320 frames (33.2 megapixels) are over the 8.3 megapixel limit for clips");
        CHECK(clip_problem(clip, ClipRules{.max_pixels = 40'000'000}).empty());
        clip.height = 0;
        CHECK(clip_problem(clip) == "the clip gives a zero frame size (7680×0)");
    }
    SECTION("duration") {
        clip.seconds = rc::content::kMaxClipSeconds + 0.05;  // a muxer's rounding
        CHECK(clip_problem(clip).empty());
        clip.seconds = 60.2;
        CHECK(clip_problem(clip) == "the clip lasts 60.2 s, over the 60 s limit");
        CHECK(clip_problem(clip, ClipRules{.max_seconds = 90}).empty());
        clip.seconds = 20;
        CHECK(clip_problem(clip, ClipRules{.max_seconds = 15}) ==
              "the clip lasts 20.0 s, over the 15 s limit");
        for (double none : {0.0, -1.0, std::nan("")}) {
            clip.seconds = none;
            CHECK(clip_problem(clip) == "the clip gives no duration");
        }
        clip.seconds = std::numeric_limits<double>::infinity();
        CHECK_THAT(clip_problem(clip), Catch::StartsWith("the clip lasts "));
    }
}

TEST_CASE("clip_problem on clips patched to be too long or too large", "[content][clip]") {
    SECTION("an MP4 whose track says 2 minutes") {
        std::string bytes = fixture("h264-moov-at-end.mp4");
        const std::size_t mdhd = find_box(bytes, "mdhd", find_box(bytes, "moov"));
        const std::uint32_t timescale = static_cast<std::uint8_t>(bytes[mdhd + 20]) << 24 |
                                        static_cast<std::uint8_t>(bytes[mdhd + 21]) << 16 |
                                        static_cast<std::uint8_t>(bytes[mdhd + 22]) << 8 |
                                        static_cast<std::uint8_t>(bytes[mdhd + 23]);
        put_be32(bytes, mdhd + 24, timescale * 120);
        CHECK(clip_problem(as_bytes(bytes)) == "the clip lasts 120.0 s, over the 60 s limit");
    }
    SECTION("an MP4 whose sample entry says 8K") {
        std::string bytes = fixture("h264-faststart.mp4");
        const std::size_t entry = find_box(bytes, "avc1", find_box(bytes, "stsd"));
        bytes.replace(entry + 32, 4, be16(7680) + be16(4320));
        CHECK(clip_problem(as_bytes(bytes)) ==
              "7680×4320 frames (33.2 megapixels) are over the 8.3 megapixel limit for clips");
    }
    SECTION("a WebM whose Info says 10 minutes") {
        std::string bytes = fixture("vp9.webm");
        const std::size_t duration = bytes.find("\x44\x89\x88");  // Duration, an 8-byte float
        REQUIRE(duration != std::string::npos);
        std::uint64_t bits = 0;
        const double ticks = 600'000.0;  // ms at the default timecode scale
        std::memcpy(&bits, &ticks, sizeof bits);
        bytes.replace(duration + 3, 8, be64(bits));
        CHECK(clip_problem(as_bytes(bytes)) == "the clip lasts 600.0 s, over the 60 s limit");
    }
    SECTION("a WebM whose frames are 5000 pixels wide") {
        WebmDesc desc;
        desc.width = 5000;
        desc.height = 5000;
        CHECK(clip_problem(as_bytes(webm_clip(desc))) ==
              "5000×5000 frames (25.0 megapixels) are over the 8.3 megapixel limit for clips");
    }
}
