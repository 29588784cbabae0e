// Atomic file writes, small-file reads and keeping corrupt files aside.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/store/atomic_file.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using rc::engine::keep_corrupt_file;
using rc::engine::read_small_file;
using rc::engine::write_file_atomically;
using rc::tests::file_names;
using rc::tests::read_file;

// Gives a directory its permissions back when the test leaves, so TempDir can remove it.
class RestorePermissions {
  public:
    explicit RestorePermissions(fs::path dir) : dir_(std::move(dir)) {}
    ~RestorePermissions() {
        std::error_code ignored;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    RestorePermissions(const RestorePermissions&) = delete;
    RestorePermissions& operator=(const RestorePermissions&) = delete;

  private:
    fs::path dir_;
};

}  // namespace

TEST_CASE("write_file_atomically writes whole files", "[engine][store]") {
    rc::tests::TempDir dir;
    const auto file = dir.path() / "deck.json";

    SECTION("what is written reads back the same, bytes included") {
        std::string contents = "{\"a\": \"é’\"}\n";
        contents.push_back('\0');
        contents += "\r\nend";
        REQUIRE(write_file_atomically(file, contents) == "");
        CHECK(read_file(file) == contents);
        std::string why = "unchanged";
        const auto read = read_small_file(file, &why);
        REQUIRE(read.has_value());
        CHECK(*read == contents);
    }

    SECTION("an empty file can be written and read") {
        REQUIRE(write_file_atomically(file, "").empty());
        CHECK(fs::exists(file));
        CHECK(fs::file_size(file) == 0);
        const auto read = read_small_file(file, nullptr);
        REQUIRE(read.has_value());
        CHECK(read->empty());
    }

    SECTION("overwriting replaces the whole content, even with a shorter one") {
        REQUIRE(write_file_atomically(file, std::string(10000, 'x')).empty());
        REQUIRE(write_file_atomically(file, "short").empty());
        CHECK(read_file(file) == "short");
        CHECK(fs::file_size(file) == 5);
    }

    SECTION("missing parent folders are created") {
        const auto nested = dir.path() / "a" / "b" / "c" / "settings.json";
        REQUIRE(write_file_atomically(nested, "nested").empty());
        CHECK(read_file(nested) == "nested");
    }

    SECTION("no temporary file is left behind") {
        REQUIRE(write_file_atomically(file, "one").empty());
        REQUIRE(write_file_atomically(file, "two").empty());
        REQUIRE(write_file_atomically(dir.path() / "other.json", "three").empty());
        CHECK(file_names(dir.path()) == std::vector<std::string>{"deck.json", "other.json"});
    }

    SECTION("a large file is written completely") {
        std::string big(3 * 1024 * 1024 + 17, '\0');
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>(i * 31 % 251);
        REQUIRE(write_file_atomically(file, big).empty());
        CHECK(fs::file_size(file) == big.size());
        CHECK(read_file(file) == big);
    }
}

TEST_CASE("write_file_atomically reports failures and keeps the old file", "[engine][store]") {
    rc::tests::TempDir dir;

    SECTION("a folder that cannot be written") {
        if (::geteuid() == 0) {
            // Root ignores permissions: make the parent a regular file instead, which fails
            // for everyone.
            const auto blocker = dir.write("blocker", "old contents");
            const auto file = blocker / "settings.json";
            const auto message = write_file_atomically(file, "new");
            INFO(message);
            CHECK_FALSE(message.empty());
            CHECK_THAT(message, Catch::Contains(blocker.string()));
            CHECK(read_file(blocker) == "old contents");
            CHECK(file_names(dir.path()) == std::vector<std::string>{"blocker"});
        } else {
            const auto locked = dir.path() / "locked";
            fs::create_directory(locked);
            const auto file = locked / "settings.json";
            REQUIRE(write_file_atomically(file, "old contents").empty());
            fs::permissions(locked, fs::perms(0555));
            RestorePermissions restore(locked);

            const auto message = write_file_atomically(file, "new");
            INFO(message);
            CHECK_FALSE(message.empty());
            CHECK_THAT(message, Catch::Contains(file.string()));
            CHECK(read_file(file) == "old contents");
            CHECK(file_names(locked) == std::vector<std::string>{"settings.json"});
        }
    }

    SECTION("a target that is a folder is not replaced") {
        const auto target = dir.path() / "results.json";
        fs::create_directory(target);
        dir.write("results.json/inside", "kept");
        const auto message = write_file_atomically(target, "new");
        INFO(message);
        CHECK_FALSE(message.empty());
        CHECK_THAT(message, Catch::Contains(target.string()));
        CHECK(fs::is_directory(target));
        CHECK(read_file(target / "inside") == "kept");
        CHECK(file_names(dir.path()) == std::vector<std::string>{"results.json"});
    }
}

TEST_CASE("read_small_file reads bounded files", "[engine][store]") {
    rc::tests::TempDir dir;

    SECTION("a missing file gives nullopt and an empty reason") {
        std::string why = "left over from before";
        CHECK_FALSE(read_small_file(dir.path() / "absent.json", &why).has_value());
        CHECK(why.empty());
        CHECK_FALSE(read_small_file(dir.path() / "absent.json", nullptr).has_value());
    }

    SECTION("a file over max_bytes gives nullopt and a message naming it") {
        const auto file = dir.write("big.json", std::string(101, 'x'));
        std::string why;
        CHECK_FALSE(read_small_file(file, &why, 100).has_value());
        CHECK_THAT(why, Catch::Contains(file.string()));
        CHECK_THAT(why, Catch::Contains("101"));
        CHECK_FALSE(read_small_file(file, nullptr, 100).has_value());
    }

    SECTION("a file of exactly max_bytes is read") {
        const auto file = dir.write("edge.json", std::string(100, 'y'));
        std::string why;
        const auto read = read_small_file(file, &why, 100);
        REQUIRE(read.has_value());
        CHECK(read->size() == 100);
    }

    SECTION("a folder is not read as a file") {
        fs::create_directory(dir.path() / "folder");
        std::string why;
        CHECK_FALSE(read_small_file(dir.path() / "folder", &why).has_value());
        CHECK_THAT(why, Catch::Contains("folder"));
    }

    SECTION("a named pipe is refused at once, not waited on") {
        const auto pipe = dir.path() / "votes.csv";
        REQUIRE(mkfifo(pipe.c_str(), 0600) == 0);
        std::string why;
        CHECK_FALSE(read_small_file(pipe, &why).has_value());
        CHECK(why == pipe.string() + ": is not a regular file");
    }
}

TEST_CASE("keep_corrupt_file moves files aside with a number", "[engine][store]") {
    rc::tests::TempDir dir;
    const auto file = dir.path() / "settings.json";

    SECTION("successive corrupt files become -1, -2, … and keep their contents") {
        dir.write("settings.json", "first");
        const auto one = keep_corrupt_file(file);
        CHECK(one == dir.path() / "settings.json.corrupt-1");
        CHECK_FALSE(fs::exists(file));
        CHECK(read_file(one) == "first");

        dir.write("settings.json", "second");
        const auto two = keep_corrupt_file(file);
        CHECK(two == dir.path() / "settings.json.corrupt-2");
        CHECK(read_file(one) == "first");
        CHECK(read_file(two) == "second");
    }

    SECTION("a free lower number is reused, existing ones are never overwritten") {
        dir.write("settings.json.corrupt-2", "older");
        dir.write("settings.json", "newer");
        CHECK(keep_corrupt_file(file) == dir.path() / "settings.json.corrupt-1");
        dir.write("settings.json", "newest");
        CHECK(keep_corrupt_file(file) == dir.path() / "settings.json.corrupt-3");
        CHECK(read_file(dir.path() / "settings.json.corrupt-2") == "older");
        CHECK(read_file(dir.path() / "settings.json.corrupt-3") == "newest");
    }

    SECTION("a missing file gives an empty path") {
        CHECK(keep_corrupt_file(dir.path() / "absent.json").empty());
        CHECK(file_names(dir.path()).empty());
    }
}
