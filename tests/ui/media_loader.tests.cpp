// The native media loader's queue: urgent requests (the picture a player waits for) are
// served before background checks and in the order asked; cancel_all drops queued work
// and throws away what was running; Check decodes keep no pixels.
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include <SDL_image.h>

#include "content/pack.h"
#include "engine/media/media_loader.h"

using namespace rc::engine;

namespace {

// A real 16×12 PNG, encoded by SDL_image.
std::string real_png() {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 16, 12, 32, SDL_PIXELFORMAT_RGBA32));
    SDL_FillRect(surface.get(), nullptr, 0xFF336699u);
    std::vector<char> buffer(64 * 1024);
    SDL_RWops* out = SDL_RWFromMem(buffer.data(), static_cast<int>(buffer.size()));
    IMG_SavePNG_RW(surface.get(), out, 0);
    const auto size = SDL_RWtell(out);
    SDL_RWclose(out);
    return std::string(buffer.data(), static_cast<std::size_t>(size));
}

// Reads that record their order; a gate read waits for `release` so the queue can fill
// behind it (wait_for_gate: until the worker is inside it).
struct Recorder {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> order;
    bool released = false;
    bool gate_entered = false;
    const std::string png = real_png();

    ReadBytes read(std::string name, bool gate = false) {
        return [this, name, gate](std::vector<std::uint8_t>* bytes, std::string*) {
            std::unique_lock lock(mutex);
            if (gate) {
                gate_entered = true;
                changed.notify_all();
                changed.wait(lock, [this] { return released; });
            }
            order.push_back(name);
            bytes->assign(png.begin(), png.end());
            return true;
        };
    }
    void wait_for_gate() {
        std::unique_lock lock(mutex);
        changed.wait(lock, [this] { return gate_entered; });
    }
    void release() {
        std::lock_guard lock(mutex);
        released = true;
        changed.notify_all();
    }
};

DecodeLimits limits() {
    DecodeLimits limits;
    limits.check_header = [](std::span<const std::uint8_t> bytes) {
        return rc::content::image_problem(bytes, rc::content::kMaxPixels);
    };
    return limits;
}

MediaRequest request(ReadBytes read, MediaPriority priority, MediaUse use = MediaUse::Show) {
    MediaRequest r;
    r.read = std::move(read);
    r.label = "media/x.png";
    r.priority = priority;
    r.use = use;
    return r;
}

std::vector<MediaResult> collect_all(MediaLoader& loader) {
    std::vector<MediaResult> all;
    while (loader.pending()) {
        loader.wait();
        for (auto& result : loader.collect())
            all.push_back(std::move(result));
    }
    return all;
}

}  // namespace

TEST_CASE("urgent pictures go first, in the order asked", "[engine][media]") {
    Recorder recorder;
    auto loader = MediaLoader::create(limits(), 0);
    loader->request(request(recorder.read("gate", true), MediaPriority::Background));
    recorder.wait_for_gate();
    for (const char* name : {"check-1", "check-2"})
        loader->request(request(recorder.read(name), MediaPriority::Background, MediaUse::Check));
    for (const char* name : {"urgent-1", "urgent-2", "urgent-3"})
        loader->request(request(recorder.read(name), MediaPriority::Urgent));
    recorder.release();
    const auto results = collect_all(*loader);
    CHECK(results.size() == 6);
    CHECK(recorder.order == std::vector<std::string>{"gate", "urgent-1", "urgent-2", "urgent-3",
                                                     "check-1", "check-2"});
}

TEST_CASE("a check decodes the picture and keeps no pixels", "[engine][media]") {
    Recorder recorder;
    auto loader = MediaLoader::create(limits(), 0);
    loader->request(request(recorder.read("a"), MediaPriority::Background, MediaUse::Check));
    loader->request(request(recorder.read("b"), MediaPriority::Urgent, MediaUse::Show));
    auto results = collect_all(*loader);
    REQUIRE(results.size() == 2);
    for (const auto& result : results) {
        CHECK(result.ok);
        const bool shown = result.image.full != nullptr;
        CHECK(shown == (result.image.thumbnail != nullptr));
    }
    CHECK((results[0].image.full == nullptr) != (results[1].image.full == nullptr));
}

TEST_CASE("cancel_all drops queued work and the result of the running one", "[engine][media]") {
    Recorder recorder;
    auto loader = MediaLoader::create(limits(), 0);
    const auto running =
        loader->request(request(recorder.read("gate", true), MediaPriority::Urgent));
    recorder.wait_for_gate();
    loader->request(request(recorder.read("queued"), MediaPriority::Urgent));
    loader->cancel_all();
    const auto after = loader->request(request(recorder.read("after"), MediaPriority::Urgent));
    recorder.release();
    const auto results = collect_all(*loader);
    REQUIRE(results.size() == 1);
    CHECK(results[0].ticket == after);
    CHECK(results[0].ticket != running);
    CHECK(recorder.order == std::vector<std::string>{"gate", "after"});
}

TEST_CASE("bytes the header check refuses are never decoded", "[engine][media]") {
    auto loader = MediaLoader::create(limits(), 0);
    MediaRequest r;
    r.label = "media/fake.jpg";
    r.read = [](std::vector<std::uint8_t>* bytes, std::string*) {
        const std::string text = "not a picture at all";
        bytes->assign(text.begin(), text.end());
        return true;
    };
    loader->request(std::move(r));
    const auto results = collect_all(*loader);
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].ok);
    CHECK_THAT(results[0].error, Catch::StartsWith("media/fake.jpg: not a PNG, JPEG, GIF or WebP"));
}
