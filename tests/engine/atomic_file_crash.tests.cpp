// Saves that survive a kill and a full disk: a child process saves in a loop and is killed
// with SIGKILL at random moments; another saves under a file size limit (RLIMIT_FSIZE, the
// way a full disk looks to a program). The file must always be one whole version.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/store/atomic_file.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using rc::engine::write_file_atomically;
using rc::tests::file_names;
using rc::tests::read_file;

// Version n of the file: a header naming n and its size, megabytes of a pattern that
// depends on n, and a trailer. Sizes grow and shrink so a torn file cannot pass for whole.
std::string version(std::uint64_t n) {
    const std::size_t blocks = 64 * (1 + n % 4);  // 256 KB to 1 MB
    std::string body;
    body.reserve(blocks * 4096);
    for (std::size_t i = 0; i < blocks; ++i)
        body.append(4096, static_cast<char>('a' + (n + i) % 26));
    const std::size_t size = body.size();
    return "version " + std::to_string(n) + " size " + std::to_string(size) + "\n" + body +
           "\nend " + std::to_string(n) + "\n";
}

// The version a file holds when it is exactly one whole version, else nullopt.
std::optional<std::uint64_t> whole_version(const std::string& contents) {
    std::uint64_t n = 0;
    if (std::sscanf(contents.c_str(), "version %lu", &n) != 1)
        return std::nullopt;
    if (contents != version(n))
        return std::nullopt;
    return n;
}

// Saves versions first, first + 1, ... until killed; exits 3 if a save fails. Writes a
// byte to `saved_fd` once the first save has returned.
[[noreturn]] void save_forever(const fs::path& file, std::uint64_t first, int saved_fd) {
    for (std::uint64_t n = first;; ++n) {
        if (!write_file_atomically(file, version(n)).empty())
            ::_exit(3);
        if (n == first && ::write(saved_fd, "s", 1) != 1)
            ::_exit(4);
    }
}

// Waits for the child's byte: its first save is done.
bool first_save_done(int fd) {
    char byte = 0;
    return ::read(fd, &byte, 1) == 1;
}

}  // namespace

TEST_CASE("a save killed at any moment leaves the old or the new file, whole",
          "[engine][store][crash]") {
    rc::tests::TempDir dir;
    const fs::path file = dir.path() / "deck.json";
    REQUIRE(write_file_atomically(file, version(0)).empty());
    std::mt19937 random(20261201);  // seeded: the same kill moments on every run
    std::uniform_int_distribution<int> delay_us(0, 30'000);
    std::uint64_t last = 0;
    int progressed = 0;
    for (int kill = 0; kill < 50; ++kill) {
        int pipe_fds[2];
        REQUIRE(::pipe(pipe_fds) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0)
            save_forever(file, last + 1, pipe_fds[1]);
        ::close(pipe_fds[1]);
        // The kill falls at a random moment of the saves after the first one.
        const bool saved = first_save_done(pipe_fds[0]);
        ::close(pipe_fds[0]);
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        INFO("kill " << kill << ", child status " << status);
        REQUIRE(saved);
        REQUIRE(WIFSIGNALED(status));  // it was still saving, not failed
        const auto held = whole_version(read_file(file));
        REQUIRE(held.has_value());
        REQUIRE(*held >= last);
        progressed += *held > last;
        last = *held;
    }
    // A save that returned is on disk: every child got at least one version further.
    CHECK(progressed == 50);
    // The killed saves' temporary files go with the next save.
    REQUIRE(write_file_atomically(file, version(last + 1)).empty());
    CHECK(file_names(dir.path()) == std::vector<std::string>{"deck.json"});
}

TEST_CASE("a save on a full disk fails with the file named and keeps the old file",
          "[engine][store][crash]") {
    rc::tests::TempDir dir;
    const fs::path file = dir.path() / "results.json";
    REQUIRE(write_file_atomically(file, "old results\n").empty());
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // Writing past RLIMIT_FSIZE fails with EFBIG once SIGXFSZ is ignored, like ENOSPC.
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{64 * 1024, 64 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const std::string error = write_file_atomically(file, version(1));
        [[maybe_unused]] auto written = ::write(pipe_fds[1], error.data(), error.size());
        ::_exit(error.empty() ? 0 : 1);
    }
    ::close(pipe_fds[1]);
    std::string error;
    char buffer[512];
    for (ssize_t got; (got = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        error.append(buffer, static_cast<std::size_t>(got));
    ::close(pipe_fds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK_THAT(error, Catch::StartsWith(file.string() + ": cannot write: File too large"));
    CHECK_THAT(error, Catch::Contains("no room left to save it"));
    CHECK(read_file(file) == "old results\n");
    CHECK(file_names(dir.path()) == std::vector<std::string>{"results.json"});  // no temp file
}
