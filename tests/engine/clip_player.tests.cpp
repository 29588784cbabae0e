// Clip playback with FFmpeg (librealcheck-clips.so) on clips the ffmpeg command makes at
// test time from its moving test pattern: each frame handed out is compared with ffmpeg's
// own decode of the same clip, so "the frame at 1.0 s" means the right picture, not just
// some picture. Also: refusals with their messages, the check of a pack's clips through
// the media loader, the clock (advance, loop, seek, step, next_change_in) and the thread
// (prompt destruction, wake events).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "engine/media/clip_player.h"
#include "engine/media/media_loader.h"
#include "support/temp_dir.h"

using namespace rc::engine;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 320;  // of the test clips
constexpr int kHeight = 240;
constexpr int kFrames = 50;  // 2 s at 25 frames per second
constexpr double kInterval = 0.04;
// Mean difference per colour channel (0-255) under which a frame is "the same picture" as
// ffmpeg's decode: our conversion differs from the ffmpeg command's by rounding only.
constexpr double kSamePicture = 2.0;

const rc::tests::TempDir& work_dir() {
    static const rc::tests::TempDir dir;
    return dir;
}

constexpr int kCommandSeconds = 120;  // a stuck ffmpeg fails the test instead of hanging it

void run(const std::string& command) {
    INFO(command);
    const std::string bounded = "timeout " + std::to_string(kCommandSeconds) + " " + command +
                                " </dev/null >/dev/null 2>&1";
    REQUIRE(std::system(bounded.c_str()) == 0);
}

void require_ffmpeg() {
    static const bool found = std::system("ffmpeg -version >/dev/null 2>&1") == 0;
    if (!found)
        FAIL(
            "the ffmpeg command is missing: the clip tests make their clips with it "
            "(tools/setup-native installs it)");
}

// `ffmpeg -y <args> <output>`, once per name.
fs::path make(const std::string& name, const std::string& args) {
    require_ffmpeg();
    const fs::path path = work_dir().path() / name;
    if (!fs::exists(path))
        run("ffmpeg -v error -y " + args + " '" + path.string() + "'");
    return path;
}

const std::string kTestSource = "-f lavfi -i testsrc=size=320x240:rate=25 ";
const std::string kPattern = kTestSource + "-t 2 ";

// Keyframes every 10 frames: seeking decodes forward from one, stepping back re-seeks.
fs::path clip(const std::string& name) {
    static const std::map<std::string, std::string> recipes = {
        {"h264.mp4", kPattern + "-c:v libx264 -pix_fmt yuv420p -g 10"},
        {"vp8.webm", kPattern + "-c:v libvpx -b:v 1M -g 10"},
        {"vp9.webm", kPattern + "-c:v libvpx-vp9 -b:v 1M -g 10 -deadline realtime -cpu-used 8"},
        {"mpeg4.mp4", kPattern + "-c:v mpeg4"},
        // With sound, as cameras make them: the sound is never read nor decoded.
        {"sound.mp4", kTestSource + "-f lavfi -i sine -t 2 -c:v libx264 -pix_fmt yuv420p -g 10 "
                                    "-c:a aac"},
        {"sound.webm", kTestSource + "-f lavfi -i sine -t 2 -c:v libvpx-vp9 -b:v 1M -g 10 "
                                     "-deadline realtime -cpu-used 8 -c:a libopus"},
        {"sine.webm", "-f lavfi -i sine=duration=1 -c:a libopus"},
        {"sine.mp4", "-f lavfi -i sine=duration=1 -c:a aac"},
        {"big.mp4",
         "-f lavfi -i testsrc=size=1280x720:rate=30 -t 4 -c:v libx264 -preset "
         "ultrafast -pix_fmt yuv420p"},
    };
    if (name == "fast.mp4") {  // the index (moov) before the frames, as for streaming
        const fs::path source = clip("h264.mp4");
        return make(name, "-i '" + source.string() + "' -c copy -movflags +faststart");
    }
    if (name.starts_with("rot")) {  // rot90.mp4: h264.mp4 with a display matrix, not re-encoded
        const fs::path source = clip("h264.mp4");
        return make(name, "-i '" + source.string() + "' -c copy -metadata:s:v:0 rotate=" +
                              name.substr(3, name.find('.') - 3));
    }
    return make(name, recipes.at(name));
}

std::vector<std::uint8_t> bytes_of(const fs::path& path) {
    const std::string text = rc::tests::read_file(path);
    return {text.begin(), text.end()};
}

// ffmpeg's own decode, RGBA, one frame after another (upright: ffmpeg applies the matrix).
struct Reference {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    std::size_t count() const { return pixels.size() / (std::size_t(width) * height * 4); }
};

const Reference& reference(const std::string& name, int width = kWidth, int height = kHeight) {
    static std::map<std::string, Reference> decoded;
    auto found = decoded.find(name);
    if (found != decoded.end())
        return found->second;
    const fs::path raw = work_dir().path() / (name + ".rgba");
    run("ffmpeg -v error -y -i '" + clip(name).string() + "' -an -f rawvideo -pix_fmt rgba '" +
        raw.string() + "'");
    return decoded[name] = Reference{width, height, bytes_of(raw)};
}

// Mean difference per channel, over every other pixel of every other row (the frames of
// the test pattern differ in large areas: its counter, its moving gradient).
double difference(const SDL_Surface* frame, const std::uint8_t* other) {
    std::uint64_t sum = 0;
    std::uint64_t count = 0;
    for (int y = 0; y < frame->h; y += 2) {
        const auto* row = static_cast<const std::uint8_t*>(frame->pixels) + y * frame->pitch;
        const std::uint8_t* expected = other + std::size_t(y) * frame->w * 4;
        for (int x = 0; x < frame->w * 4; x += 8, count += 4)
            for (int c = 0; c < 4; ++c)
                sum += static_cast<std::uint64_t>(std::abs(row[x + c] - expected[x + c]));
    }
    return static_cast<double>(sum) / static_cast<double>(count);
}

// Which of ffmpeg's frames `frame` shows, and how closely.
struct Match {
    int index = -1;
    double difference = 1e9;
};

Match closest(const SDL_Surface* frame, const Reference& ref) {
    REQUIRE(frame->w == ref.width);
    REQUIRE(frame->h == ref.height);
    REQUIRE(frame->format->format == SDL_PIXELFORMAT_RGBA32);
    Match best;
    const std::size_t size = std::size_t(ref.width) * ref.height * 4;
    for (std::size_t i = 0; i < ref.count(); ++i) {
        const double d = difference(frame, ref.pixels.data() + i * size);
        if (d < best.difference)
            best = {static_cast<int>(i), d};
    }
    return best;
}

ClipSource source_of(const std::vector<std::uint8_t>& bytes, std::string label = "media/v.mp4") {
    ClipSource source;
    source.read = [bytes](std::vector<std::uint8_t>* out, std::string*) {
        *out = bytes;
        return true;
    };
    source.label = std::move(label);
    return source;
}

std::unique_ptr<ClipPlayer> open_clip(const std::string& name, const ClipLimits& limits = {},
                                      int max_side = 0) {
    ClipSource source = source_of(bytes_of(clip(name)), "media/" + name);
    source.max_side = max_side;
    auto player = ClipPlayer::open(std::move(source), limits, 0);
    player->wait_frame();
    INFO(player->error());
    REQUIRE(player->state() == ClipState::Ready);
    return player;
}

// The frame the player hands out now (after waiting for it), as ffmpeg's frame number.
int shown_frame(ClipPlayer& player, const Reference& ref) {
    player.wait_frame();
    SDL_Surface* frame = player.take_frame();
    REQUIRE(frame != nullptr);
    const Match match = closest(frame, ref);
    CAPTURE(match.index, match.difference);
    REQUIRE(match.difference < kSamePicture);
    return match.index;
}

}  // namespace

TEST_CASE("a clip says its size, duration and frame interval", "[engine][clip]") {
    const std::string name =
        GENERATE("h264.mp4", "vp8.webm", "vp9.webm", "sound.mp4", "sound.webm");
    CAPTURE(name);
    auto player = open_clip(name);
    CHECK(player->width() == kWidth);
    CHECK(player->height() == kHeight);
    CHECK(player->source_width() == kWidth);
    CHECK(player->source_height() == kHeight);
    CHECK(player->duration() == Approx(2.0).margin(1e-6));
    CHECK(player->frame_interval() == Approx(kInterval).margin(1e-6));
    CHECK(player->position() == 0.0);
    CHECK(player->playing());
    CHECK(shown_frame(*player, reference(name)) == 0);
    CHECK(player->take_frame() == nullptr);  // unchanged since
}

TEST_CASE("playing moves from frame to frame on the caller's clock and loops seamlessly",
          "[engine][clip]") {
    const std::string name = GENERATE("h264.mp4", "vp8.webm", "vp9.webm");
    CAPTURE(name);
    const Reference& ref = reference(name);
    REQUIRE(ref.count() == kFrames);
    auto player = open_clip(name);
    REQUIRE(shown_frame(*player, ref) == 0);

    SECTION("each frame in turn, then the first again") {
        for (int i = 1; i <= kFrames + 2; ++i) {
            player->advance(kInterval);
            CAPTURE(i);
            CHECK(shown_frame(*player, ref) == i % kFrames);
            CHECK(player->position() == Approx((i % kFrames) * kInterval).margin(1e-9));
        }
    }
    SECTION("half a frame later nothing changed; the rest of the frame later it did") {
        player->advance(kInterval / 2);
        player->wait_frame();
        CHECK(player->take_frame() == nullptr);
        CHECK(player->next_change_in() == Approx(kInterval / 2).margin(1e-9));
        player->advance(kInterval / 2);
        CHECK(shown_frame(*player, ref) == 1);
    }
    SECTION("a big step of the clock lands on the frame of that time, loops included") {
        player->advance(2.0 * 3 + 0.5);  // three loops and a quarter of the clip
        CHECK(shown_frame(*player, ref) == 12);
        player->advance(1.75);  // over the end: 2.25 s, frame 6
        CHECK(shown_frame(*player, ref) == 6);
    }
    SECTION("nonsense times leave the clock inside the clip") {
        player->advance(-1.0);
        player->advance(std::numeric_limits<double>::quiet_NaN());
        player->advance(std::numeric_limits<double>::infinity());
        player->wait_frame();
        CHECK(player->take_frame() == nullptr);
        CHECK(player->position() == 0.0);
        player->advance(1e12 + 0.5);  // a laptop asleep for a long time: still a frame
        shown_frame(*player, ref);
        CHECK(player->position() >= 0.0);
        CHECK(player->position() < 2.0);
        player->seek(std::numeric_limits<double>::infinity());
        CHECK(shown_frame(*player, ref) == kFrames - 1);
    }
    SECTION("paused, the clock does not move") {
        player->set_playing(false);
        CHECK_FALSE(player->playing());
        player->advance(1.0);
        player->wait_frame();
        CHECK(player->take_frame() == nullptr);
        CHECK(player->position() == 0.0);
    }
}

TEST_CASE("seek shows the exact frame at that time, from the keyframe before", "[engine][clip]") {
    const std::string name = GENERATE("h264.mp4", "vp8.webm", "vp9.webm");
    CAPTURE(name);
    const Reference& ref = reference(name);
    auto player = open_clip(name);
    struct Case {
        double seconds;
        int frame;
    };
    // Keyframes are every 10 frames: 1.32 s (frame 33) decodes forward from frame 30.
    const Case c = GENERATE(values<Case>(
        {{1.0, 25}, {1.03, 25}, {1.32, 33}, {0.04, 1}, {1.96, 49}, {99.0, 49}, {-3.0, 0}}));
    CAPTURE(c.seconds);
    player->seek(1.5);  // somewhere else first: every case moves
    shown_frame(*player, ref);
    player->seek(c.seconds);
    CHECK(shown_frame(*player, ref) == c.frame);
    CHECK(player->position() == Approx(c.frame * kInterval).margin(1e-9));
    CHECK(player->playing());  // as it was
    player->advance(kInterval);
    CHECK(shown_frame(*player, ref) == (c.frame + 1) % kFrames);
}

TEST_CASE("step pauses and moves exactly one frame, wrapping at both ends", "[engine][clip]") {
    const std::string name = GENERATE("h264.mp4", "vp8.webm", "vp9.webm");
    CAPTURE(name);
    const Reference& ref = reference(name);
    auto player = open_clip(name);
    REQUIRE(shown_frame(*player, ref) == 0);

    player->step(+1);
    CHECK_FALSE(player->playing());
    CHECK(shown_frame(*player, ref) == 1);
    CHECK(player->position() == Approx(kInterval));
    player->step(-1);
    CHECK(shown_frame(*player, ref) == 0);
    player->step(-1);  // back from the first: the last
    CHECK(shown_frame(*player, ref) == kFrames - 1);
    CHECK(player->position() == Approx((kFrames - 1) * kInterval));
    player->step(+1);  // on from the last: the first
    CHECK(shown_frame(*player, ref) == 0);

    player->seek(0.84);  // frame 21: stepping back over the keyframe at 20
    CHECK(shown_frame(*player, ref) == 21);
    for (int expected : {20, 19, 18}) {
        player->step(-1);
        CHECK(shown_frame(*player, ref) == expected);
    }
    player->advance(1.0);  // paused by step: the clock stays
    player->wait_frame();
    CHECK(player->take_frame() == nullptr);
}

TEST_CASE("next_change_in: a playing clip wakes at its frame rate, a paused one never",
          "[engine][clip]") {
    auto player = open_clip("h264.mp4");
    CHECK(player->next_change_in() == 0.0);  // the first frame waits to be taken
    REQUIRE(player->take_frame() != nullptr);
    CHECK(player->next_change_in() == Approx(kInterval).margin(1e-9));
    player->advance(0.03);
    CHECK(player->next_change_in() == Approx(0.01).margin(1e-9));
    player->set_playing(false);
    CHECK(player->next_change_in() < 0);
    player->step(+1);
    player->wait_frame();
    CHECK(player->next_change_in() == 0.0);  // stepped: the new frame waits to be taken
    REQUIRE(player->take_frame() != nullptr);
    CHECK(player->next_change_in() < 0);
}

TEST_CASE("frames are scaled to fit the side they are drawn at", "[engine][clip]") {
    SECTION("the clip's own max_side") {
        auto player = open_clip("vp9.webm", {}, 160);
        CHECK(player->width() == 160);
        CHECK(player->height() == 120);
        CHECK(player->source_width() == kWidth);
        player->wait_frame();
        SDL_Surface* frame = player->take_frame();
        REQUIRE(frame != nullptr);
        CHECK(frame->w == 160);
        CHECK(frame->h == 120);
    }
    SECTION("the limits' max_side bounds it") {
        ClipLimits limits;
        limits.max_side = 100;
        auto player = open_clip("h264.mp4", limits, 160);
        CHECK(player->width() == 100);
        CHECK(player->height() == 75);
    }
}

TEST_CASE("a phone clip's display matrix turns its frames upright", "[engine][clip]") {
    // FFmpeg 5.1 writes `rotate=90` as a matrix that turns the picture 90° counterclockwise
    // (the ffmpeg command shows it so); the reference is the ffmpeg command's own decode.
    const std::string name = GENERATE("rot90.mp4", "rot180.mp4", "rot270.mp4");
    CAPTURE(name);
    const bool quarter = name != "rot180.mp4";
    const int width = quarter ? kHeight : kWidth;
    const int height = quarter ? kWidth : kHeight;
    const Reference& ref = reference(name, width, height);
    REQUIRE(ref.count() == kFrames);
    auto player = open_clip(name);
    CHECK(player->width() == width);
    CHECK(player->height() == height);
    CHECK(player->source_width() == width);
    CHECK(player->source_height() == height);
    CHECK(shown_frame(*player, ref) == 0);
    player->seek(1.0);
    CHECK(shown_frame(*player, ref) == 25);
}

namespace {

std::vector<std::uint8_t> damaged(const std::string& name) {
    auto bytes = bytes_of(clip(name));
    for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 2000; ++i)
        bytes[i] = static_cast<std::uint8_t>(i * 7);
    return bytes;
}

std::vector<std::uint8_t> truncated(const std::string& name) {
    auto bytes = bytes_of(clip(name));
    bytes.resize(bytes.size() / 2);
    return bytes;
}

}  // namespace

TEST_CASE("clips that cannot play are refused with the reason, by the player and the check",
          "[engine][clip]") {
    struct Case {
        std::string what;
        std::vector<std::uint8_t> bytes;
        ClipLimits limits;
        std::string error;
    };
    ClipLimits few_pixels;
    few_pixels.max_pixels = 320 * 200;
    ClipLimits short_clips;
    short_clips.max_seconds = 1.5;
    const std::string png = "\x89PNG\r\n\x1a\n0000000000000000";
    const std::vector<Case> cases = {
        {"audio only (WebM)", bytes_of(clip("sine.webm")), {}, "has no video stream"},
        {"audio only, named .mp4", bytes_of(clip("sine.mp4")), {}, "has no video stream"},
        {"a picture", {png.begin(), png.end()}, {}, "not an MP4 or WebM clip"},
        {"nothing", {}, {}, "not an MP4 or WebM clip"},
        {"an unknown codec",
         bytes_of(clip("mpeg4.mp4")),
         {},
         "its video codec is mpeg4, not H.264, VP8 or VP9"},
        {"over the pixel limit", bytes_of(clip("h264.mp4")), few_pixels,
         "frames of 320×240 pixels (0.1 megapixels) are over the 0.1 megapixel limit"},
        {"over the duration limit", bytes_of(clip("vp9.webm")), short_clips,
         "lasts 2.0 s, over the 1.5 s limit"},
        {"a truncated MP4",
         truncated("h264.mp4"),
         {},
         "cannot read: Invalid data found when processing input (moov atom not found)"},
        {"a truncated MP4, its index first", truncated("fast.mp4"), {}, "is damaged"},
        {"a truncated WebM",
         truncated("vp8.webm"),
         {},
         "is truncated: its data ends at byte " +
             std::to_string(bytes_of(clip("vp8.webm")).size()) + " but the file has " +
             std::to_string(bytes_of(clip("vp8.webm")).size() / 2) + " bytes"},
        {"an MP4 damaged in the middle", damaged("h264.mp4"), {}, "is damaged: "},
        {"a WebM damaged in the middle", damaged("vp9.webm"), {}, "is damaged: Element at"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        std::string why;
        CHECK_FALSE(check_clip(c.bytes, c.limits, &why));
        CHECK(why.starts_with(c.error));
        auto player = ClipPlayer::open(source_of(c.bytes, "media/x.mp4"), c.limits, 0);
        player->wait_frame();
        CHECK(player->state() == ClipState::Failed);
        CHECK(player->error().starts_with("media/x.mp4: " + c.error));
        CHECK(player->error() == "media/x.mp4: " + why);
        CHECK(player->take_frame() == nullptr);
        CHECK(player->next_change_in() < 0);
    }
}

TEST_CASE("damage inside a frame's data: H.264 fails where playing reaches it, never a crash",
          "[engine][clip]") {
    // A few bytes flipped inside the frames, not the structure: the demuxer cannot see it.
    // H.264 decoding finds most such damage (the player fails then, after the frames before
    // it); VP8 and VP9 carry no checksum and decode it into a blemish, as browsers do.
    const std::string name = GENERATE("h264.mp4", "vp8.webm", "vp9.webm");
    CAPTURE(name);
    const auto sound = bytes_of(clip(name));
    int failed_while_playing = 0;
    for (std::size_t at = sound.size() / 2; at < sound.size() / 2 + 1500; at += 150) {
        CAPTURE(at);
        auto bytes = sound;
        for (std::size_t i = at; i < at + 8; ++i)
            bytes[i] ^= 0x5A;
        auto player = ClipPlayer::open(source_of(bytes), {}, 0);
        int shown = 0;
        for (int i = 0; i <= kFrames && player->state() != ClipState::Failed; ++i) {
            player->wait_frame();
            shown += player->take_frame() != nullptr;
            player->advance(kInterval);
        }
        if (player->state() == ClipState::Failed) {
            INFO(player->error());
            CHECK((player->error().starts_with("media/v.mp4: cannot decode near ") ||
                   player->error().starts_with("media/v.mp4: is damaged: ")));
            std::string why;
            failed_while_playing += shown > 0 && check_clip(bytes, {}, &why);
        } else {
            CHECK(shown == kFrames + 1);
        }
    }
    if (name == "h264.mp4")
        CHECK(failed_while_playing > 0);
}

TEST_CASE("the player fails with the read function's reason", "[engine][clip]") {
    ClipSource source;
    source.label = "media/v.webm";
    source.read = [](std::vector<std::uint8_t>*, std::string* why) {
        *why = "cannot open: No such file or directory";
        return false;
    };
    auto player = ClipPlayer::open(std::move(source), {}, 0);
    player->wait_frame();
    CHECK(player->state() == ClipState::Failed);
    CHECK(player->error() == "media/v.webm: cannot open: No such file or directory");
    CHECK(player->width() == 0);
    CHECK(player->duration() == 0);
}

TEST_CASE("a player is destroyed promptly whatever its worker is doing", "[engine][clip]") {
    const auto bytes = bytes_of(clip("big.mp4"));
    const auto before = std::chrono::steady_clock::now();
    for (int moment = 0; moment < 4; ++moment) {
        auto player = ClipPlayer::open(source_of(bytes), {}, 0);
        if (moment >= 1)
            player->wait_frame();  // Ready, decoding ahead
        if (moment >= 2)
            player->seek(3.9);  // decoding forward from the keyframe at 0
        if (moment == 3)
            player->step(-1);
    }
    const auto spent = std::chrono::steady_clock::now() - before;
    CHECK(spent < std::chrono::seconds(2));
}

TEST_CASE("the wake event is pushed when the clip is ready and when an awaited frame is",
          "[engine][clip]") {
    REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
    const Uint32 wake = SDL_RegisterEvents(1);
    REQUIRE(wake != static_cast<Uint32>(-1));
    auto pending = [wake] {  // wake events since the last call
        SDL_PumpEvents();
        SDL_Event events[64];
        return SDL_PeepEvents(events, 64, SDL_GETEVENT, wake, wake);
    };
    pending();
    auto player = ClipPlayer::open(source_of(bytes_of(clip("h264.mp4"))), {}, wake);
    player->wait_frame();
    CHECK(pending() >= 1);  // Ready, and the first frame
    player->take_frame();
    player->set_playing(false);
    player->seek(1.32);
    player->wait_frame();
    // The event follows the frame (a loop woken before it would find nothing and sleep).
    int wakes = 0;
    for (int tries = 0; tries < 100 && wakes == 0; ++tries, SDL_Delay(10))
        wakes = pending();
    CHECK(wakes >= 1);
    SDL_QuitSubSystem(SDL_INIT_EVENTS);
}

TEST_CASE("the media loader checks a pack's clips: the header check, then a decode",
          "[engine][clip]") {
    const auto good = bytes_of(clip("vp8.webm"));
    DecodeLimits limits;
    limits.check_header = [](std::span<const std::uint8_t>) { return std::string("not used"); };
    MediaRequest request;
    request.label = "media/c.webm";
    request.type = MediaType::Clip;
    request.use = MediaUse::Check;

    SECTION("a sound clip passes, with or without a header check") {
        CHECK(load_media(request, good, limits).ok);
        limits.check_clip_header = [](std::span<const std::uint8_t>) { return std::string(); };
        const MediaResult result = load_media(request, good, limits);
        CHECK(result.ok);
        CHECK(result.error.empty());
        CHECK_FALSE(result.image.full);
    }
    SECTION("the header check's refusal comes first") {
        limits.check_clip_header = [](std::span<const std::uint8_t>) {
            return std::string("HEVC (H.265) clips cannot play everywhere");
        };
        const MediaResult result = load_media(request, good, limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == "media/c.webm: HEVC (H.265) clips cannot play everywhere");
    }
    SECTION("then the decoder's, within the clip limits") {
        limits.clip.max_seconds = 1.0;
        const MediaResult result = load_media(request, good, limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == "media/c.webm: lasts 2.0 s, over the 1 s limit");
        CHECK_FALSE(load_media(request, truncated("h264.mp4"), {}).ok);
    }
    SECTION("a clip is not shown as a picture") {
        request.use = MediaUse::Show;
        const MediaResult result = load_media(request, good, limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error ==
              "media/c.webm: is a clip: ClipPlayer plays it, the media loader only checks it");
    }
}
