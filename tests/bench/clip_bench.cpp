// realcheck_clip_bench CLIP [SIDE]: the native clip player's cost on one clip, for
// tools/bench (figures only, nothing asserted). Two passes through the public ClipPlayer:
//   decode: every frame as fast as the player gives them (decode, convert, scale to fit
//           SIDE, default 1280): CPU per frame, all threads counted;
//   play:   ten seconds on a real clock, the way the game's loop does it (sleep until
//           next_change_in, advance, take_frame): CPU as a share of one core, and how many
//           frames were shown of those due.
// Also the cost of loading the clip module, and the process's peak RSS. No window, no
// texture upload (that is the renderer's).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "engine/media/clip_player.h"

using namespace rc::engine;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kPlaySeconds = 10.0;
constexpr int kDefaultSide = 1280;

double cpu_seconds() {  // user + system, every thread of the process
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<ClipPlayer> open_ready(const std::vector<std::uint8_t>& bytes, int side) {
    ClipSource source;
    source.read = [&bytes](std::vector<std::uint8_t>* out, std::string*) {
        *out = bytes;
        return true;
    };
    source.label = "bench";
    source.max_side = side;
    auto player = ClipPlayer::open(std::move(source), {}, 0);
    player->wait_frame();
    return player;
}

void decode_pass(ClipPlayer& player) {
    const auto frames = static_cast<int>(player.duration() / player.frame_interval() + 0.5);
    const double cpu = cpu_seconds();
    const auto start = Clock::now();
    for (int i = 0; i < frames; ++i) {
        player.wait_frame();
        player.take_frame();
        player.advance(player.frame_interval());
    }
    std::printf("  decode: %d frames of %dx%d: %.2f ms CPU per frame (%.2f ms wall)\n", frames,
                player.width(), player.height(), (cpu_seconds() - cpu) * 1000 / frames,
                since(start) * 1000 / frames);
}

void play_pass(ClipPlayer& player) {
    player.seek(0);
    player.wait_frame();
    player.take_frame();
    const double cpu = cpu_seconds();
    const auto start = Clock::now();
    auto last = start;
    int shown = 0;
    while (since(start) < kPlaySeconds) {
        const double wait = player.next_change_in();
        std::this_thread::sleep_for(std::chrono::duration<double>(wait >= 0 ? wait : 0.01));
        const auto now = Clock::now();
        player.advance(std::chrono::duration<double>(now - last).count());
        last = now;
        shown += player.take_frame() != nullptr;
    }
    const double wall = since(start);
    std::printf("  play: %.0f s in real time: %.1f%% of one core, %d frames shown of %.0f due\n",
                wall, (cpu_seconds() - cpu) / wall * 100, shown, wall / player.frame_interval());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: realcheck_clip_bench CLIP [SIDE]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    const int side = argc > 2 ? std::atoi(argv[2]) : kDefaultSide;
    // The first open loads librealcheck-clips.so and FFmpeg's libraries (clip_module.h).
    const double load_cpu = cpu_seconds();
    const auto load_start = Clock::now();
    std::string why;
    check_clip({}, {}, &why);
    std::printf("loading the clip module: %.1f ms wall, %.1f ms CPU\n", since(load_start) * 1000,
                (cpu_seconds() - load_cpu) * 1000);
    auto player = open_ready(bytes, side);
    if (player->state() != ClipState::Ready) {
        std::fprintf(stderr, "%s\n", player->error().c_str());
        return 1;
    }
    std::printf("%s: %.1f s, %.0f frames per second\n", argv[1], player->duration(),
                1 / player->frame_interval());
    decode_pass(*player);
    play_pass(*player);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("  peak RSS: %ld MB (the clip's bytes included)\n", usage.ru_maxrss / 1024);
    return player->state() == ClipState::Ready ? 0 : 1;
}
