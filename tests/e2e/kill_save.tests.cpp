// Saves that survive a kill, end to end: the game itself is killed with SIGKILL while it
// writes its settings, deck and results, again and again. The moment is taken from the
// data folder (inotify: the first writes of a save), so the kills land inside the saves
// and not only around them. After each kill every saved file must be whole, the old
// version or the new one; the next game reads them all and sets none aside.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/e2e_game.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A results file of this many games takes the game a few milliseconds to write, long
// enough for a kill to fall in the middle of it.
constexpr int kSeededGames = 900;
constexpr int kKills = 40;

pid_t start_game(const fs::path& pack, const fs::path& data, int seed) {
    const std::string seed_text = std::to_string(seed);
    const std::string pack_text = pack.string();
    const std::string data_text = data.string();
    std::vector<const char*> argv = {REALCHECK_BINARY,  "--headless", "--pack",
                                     pack_text.c_str(), "--seed",     seed_text.c_str(),
                                     "--answers",       "rg",         "--data-dir",
                                     data_text.c_str(), nullptr};
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execv(argv[0], const_cast<char* const*>(argv.data()));
        ::_exit(127);
    }
    return pid;
}

// Write events in `watch` read so far (creations, writes, renames into the folder) on
// `target` or its temporary files (target.tmp-PID); every event when `target` is empty.
int count_write_events(int watch, const std::string& target = {}) {
    alignas(inotify_event) std::array<char, 4096> buffer;
    int events = 0;
    for (;;) {
        const auto got = ::read(watch, buffer.data(), buffer.size());
        if (got <= 0)
            return events;
        for (ssize_t at = 0; at < got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
            const std::string name = event->len ? event->name : "";
            events += name.starts_with(target);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

// Kills the game once `skip` write events on `target` have passed and `delay` more has
// elapsed, or lets it finish. Returns true when it was killed.
bool kill_during_save(pid_t game, int watch, const std::string& target, int skip,
                      std::chrono::microseconds delay) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int seen = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd poll_fd{watch, POLLIN, 0};
        ::poll(&poll_fd, 1, 5);
        seen += count_write_events(watch, target);
        if (seen > skip) {
            std::this_thread::sleep_for(delay);
            break;
        }
        if (::waitpid(game, nullptr, WNOHANG) == game)
            return false;
    }
    ::kill(game, SIGKILL);
    int status = 0;
    ::waitpid(game, &status, 0);
    return WIFSIGNALED(status);
}

json parsed(const fs::path& file) {
    return json::parse(rc::tests::read_file(file), nullptr, false);
}

std::size_t games_in(const fs::path& data) {
    const json results = parsed(data / "results.json");
    REQUIRE(results.is_object());
    REQUIRE(results["games"].is_array());
    return results["games"].size();
}

// A results file of kSeededGames games, made from the one game already saved.
void seed_results(const fs::path& data) {
    json results = parsed(data / "results.json");
    REQUIRE(results["games"].size() == 1);
    const json game = results["games"][0];
    for (int i = 1; i < kSeededGames; ++i)
        results["games"].push_back(game);
    std::ofstream(data / "results.json", std::ios::binary | std::ios::trunc) << results.dump(1);
}

}  // namespace

TEST_CASE("the game killed while it saves leaves every file whole, old or new", "[e2e][crash]") {
    rc::tests::TempDir dir;
    const fs::path pack = rc::tests::make_pack(dir, 6, 6);
    const fs::path data = dir.path() / "data";
    const auto first = rc::tests::run_game(
        "--pack '" + pack.string() + "' --seed 1 --answers rg --data-dir '" + data.string() + "'",
        dir.path());
    REQUIRE(first.status == 0);
    for (const char* name : {"settings.json", "deck.json", "results.json"})
        REQUIRE(fs::exists(data / name));
    seed_results(data);

    const int watch = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    REQUIRE(watch >= 0);
    REQUIRE(::inotify_add_watch(watch, data.c_str(),
                                IN_CREATE | IN_MODIFY | IN_MOVED_TO | IN_CLOSE_WRITE) >= 0);
    std::mt19937 random(20261202);  // seeded: the same kill moments on every run
    // Mostly the results (the largest file, the longest write), also the deck and settings;
    // the kill lands from the save's first event to a little after (a write, the fsync, the
    // rename, the next save).
    const std::array<std::string, 5> targets = {"results.json", "results.json", "results.json",
                                                "deck.json", "settings.json"};
    std::uniform_int_distribution<std::size_t> pick_target(0, targets.size() - 1);
    std::uniform_int_distribution<int> skip_events(0, 2);
    std::uniform_int_distribution<int> delay_us(0, 800);
    std::size_t games = games_in(data);
    int killed = 0;
    for (int run = 0; run < kKills; ++run) {
        count_write_events(watch);  // what the last run left
        const pid_t game = start_game(pack, data, run + 2);
        REQUIRE(game > 0);
        const std::string& target = targets[pick_target(random)];
        killed += kill_during_save(game, watch, target, skip_events(random),
                                   std::chrono::microseconds(delay_us(random)));
        INFO("run " << run << ", killed in a save of " << target);
        for (const char* name : {"settings.json", "deck.json", "results.json"}) {
            INFO(name << ": " << rc::tests::read_file(data / name).substr(0, 200));
            const json file = parsed(data / name);
            REQUIRE(file.is_object());  // whole: never empty, never cut
            REQUIRE(file.contains("format"));
        }
        const std::size_t now = games_in(data);
        REQUIRE((now == games || now == games + 1));  // the old results or the new ones
        games = now;
    }
    ::close(watch);
    CHECK(killed >= kKills / 2);  // most runs really were killed mid-way

    // The next game reads every file; nothing was found corrupt and set aside.
    const auto after = rc::tests::run_game(
        "--pack '" + pack.string() + "' --seed 99 --answers rg --data-dir '" + data.string() + "'",
        dir.path());
    INFO(after.err);
    CHECK(after.status == 0);
    CHECK(games_in(data) == games + 1);
    for (const auto& name : rc::tests::file_names(data)) {
        INFO(name);
        CHECK(name.find(".corrupt-") == std::string::npos);
    }
}
