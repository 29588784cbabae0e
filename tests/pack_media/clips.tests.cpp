// Clips: tags read, then a remux without any tag (the rotation kept), HEVC converted to
// H.264, clips above 1920x1080 scaled down. Clips are made by the ffmpeg command.
#include <catch2/catch.hpp>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/display.h>
}

#include "pack_media/media_builders.h"
#include "support/temp_dir.h"
#include "tools/pack/media/prepare.h"

namespace rc::tests {
namespace {

struct ClipFacts {
    std::string codec;
    int width = 0, height = 0;
    double rotation = 0;
};

ClipFacts probe(const std::filesystem::path& file) {
    ClipFacts facts;
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, file.c_str(), nullptr, nullptr) != 0) {
        return facts;
    }
    avformat_find_stream_info(format, nullptr);
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        const AVStream* stream = format->streams[i];
        if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
            facts.codec = avcodec_get_name(stream->codecpar->codec_id);
            facts.width = stream->codecpar->width;
            facts.height = stream->codecpar->height;
            const auto* matrix =
                av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
            if (matrix) {
                facts.rotation = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
            }
            break;
        }
    }
    avformat_close_input(&format);
    return facts;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("A clip's tags are reported, then gone from the remuxed copy", "[pack_media][clip]") {
    TempDir dir;
    const auto source = dir.path() / "clip.mp4";
    const auto unrotated = dir.path() / "unrotated.mp4";
    REQUIRE(make_clip(
        unrotated, "320x240", "libx264",
        {"-metadata", "title=Made with Sora", "-metadata", "location=+48.8584+002.2945/"}));
    // A phone's portrait clip: landscape frames and a display matrix (set on a stream copy).
    REQUIRE(run_ffmpeg(
        {"-i", unrotated.string(), "-c", "copy", "-metadata:s:v:0", "rotate=90", source.string()}));
    REQUIRE(std::abs(std::abs(probe(source).rotation) - 90) < 0.5);
    REQUIRE_FALSE(packmedia::leftover_metadata(source).empty());

    const auto prepared = packmedia::prepare_media(source);
    REQUIRE(prepared.ok);
    CHECK(prepared.is_clip);
    CHECK(prepared.extension == ".mp4");
    CHECK_FALSE(prepared.reencoded);
    CHECK(prepared.provenance.has_gps);
    CHECK(contains(prepared.provenance.findings, "clip tag title: Made with Sora"));
    CHECK(contains(prepared.stripped, "clip tags"));
    CHECK(contains(prepared.stripped, "GPS"));

    const auto copy = dir.path() / "copy.mp4";
    write_bytes(copy, prepared.bytes);
    CHECK(packmedia::leftover_metadata(copy).empty());
    const ClipFacts facts = probe(copy);
    CHECK(facts.codec == "h264");
    CHECK(facts.width == 320);
    CHECK(std::abs(std::abs(facts.rotation) - 90) < 0.5);  // still shown upright
    const std::string text(prepared.bytes.begin(), prepared.bytes.end());
    CHECK(text.find("Sora") == std::string::npos);
    CHECK(text.find("48.8584") == std::string::npos);
}

TEST_CASE("HEVC and oversized clips become H.264 within 1920x1080", "[pack_media][clip]") {
    TempDir dir;
    SECTION("HEVC") {
        const auto source = dir.path() / "hevc.mp4";
        REQUIRE(make_clip(source, "320x240", "libx265", {"-x265-params", "log-level=none"}));
        const auto prepared = packmedia::prepare_media(source);
        REQUIRE(prepared.ok);
        CHECK(prepared.reencoded);
        CHECK(prepared.changes == std::vector<std::string>{"hevc converted to H.264"});
        write_bytes(dir.path() / "copy.mp4", prepared.bytes);
        CHECK(probe(dir.path() / "copy.mp4").codec == "h264");
    }
    SECTION("2560x1440") {
        const auto source = dir.path() / "big.mp4";
        REQUIRE(make_clip(source, "2560x1440", "libx264", {"-preset", "ultrafast"}));
        const auto prepared = packmedia::prepare_media(source);
        REQUIRE(prepared.ok);
        CHECK(prepared.changes ==
              std::vector<std::string>{"scaled down from 2560x1440 to fit 1920x1080"});
        write_bytes(dir.path() / "copy.mp4", prepared.bytes);
        const ClipFacts facts = probe(dir.path() / "copy.mp4");
        CHECK(facts.width == 1920);
        CHECK(facts.height == 1080);
    }
    SECTION("a WebM stays WebM, without tags") {
        const auto source = dir.path() / "clip.webm";
        REQUIRE(make_clip(source, "160x120", "libvpx-vp9", {"-metadata", "title=secret"}));
        const auto prepared = packmedia::prepare_media(source);
        REQUIRE(prepared.ok);
        CHECK(prepared.extension == ".webm");
        write_bytes(dir.path() / "copy.webm", prepared.bytes);
        CHECK(packmedia::leftover_metadata(dir.path() / "copy.webm").empty());
    }
    SECTION("a MOV whose sound an MP4 cannot hold as it is is converted") {
        const auto source = dir.path() / "phone.mov";
        REQUIRE(run_ffmpeg({"-f", "lavfi", "-i", "testsrc=size=160x120:rate=5", "-f", "lavfi", "-i",
                            "sine=frequency=440", "-t", "0.6", "-c:v", "libx264", "-pix_fmt",
                            "yuv420p", "-c:a", "pcm_s16le", source.string()}));
        const auto prepared = packmedia::prepare_media(source);
        REQUIRE(prepared.ok);
        CHECK(prepared.extension == ".mp4");
        CHECK(prepared.reencoded);
        CHECK(prepared.changes ==
              std::vector<std::string>{
                  "converted to H.264/AAC (its streams do not fit an MP4 as they are)"});
        write_bytes(dir.path() / "copy.mp4", prepared.bytes);
        CHECK(probe(dir.path() / "copy.mp4").codec == "h264");
    }
    SECTION("a truncated clip is refused with a message") {
        const auto source = dir.path() / "cut.mp4";
        REQUIRE(make_clip(source, "160x120", "libx264"));
        Bytes bytes = read_bytes(source);
        bytes.resize(bytes.size() / 4);
        write_bytes(source, bytes);
        const auto prepared = packmedia::prepare_media(source);
        CHECK_FALSE(prepared.ok);
        // The reason alone: the caller names the file where it knows its place.
        CHECK_FALSE(prepared.error.empty());
        CHECK_FALSE(prepared.error.starts_with("cut.mp4"));
    }
}

}  // namespace rc::tests
