// Pack sources (source.h): one set of behaviours run against every implementation — a
// folder, a zip archive opened from its file and from memory, and a web folder read
// through a fake fetch — on the same pack content, then what only a folder can meet
// (links, named pipes, folders where a file is expected).
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "content/pack.h"
#include "content/source.h"
#include "content/test_images.h"
#include "support/temp_dir.h"
#include "support/zip_writer.h"

using rc::content::Bytes;
using rc::content::PackSource;
using rc::content::Result;
using rc::content::SourceKind;
using rc::content::SourcePtr;
using namespace rc::tests;
namespace fs = std::filesystem;

namespace {

constexpr const char* kWebBase = "https://packs.example/p/";

// The pack every form holds: a manifest, two pictures, a several-MB file, a file in a
// nested folder and one with an accent in its name.
const std::map<std::string, std::string>& pack_files() {
    static const std::map<std::string, std::string> files = {
        {"pack.json",
         pack_json({item_json("a", "media/a.png"), item_json("b", "media/sub/b.jpg")}).dump(2)},
        {"media/a.png", png_bytes(800, 600)},
        {"media/sub/b.jpg", jpeg_bytes(640, 480)},
        {"media/big.bin", noise(5 << 20, 7)},
        {"media/caf\xC3\xA9.png", png_bytes(320, 200)},
    };
    return files;
}

std::vector<std::string> pack_names() {
    std::vector<std::string> names;
    for (const auto& [name, data] : pack_files())
        names.push_back(name);
    return names;
}

// A server's folder as seen through WebFetch: 404 for what it lacks, the download
// limit's message for what is too big. Counts its calls.
struct FakeWeb {
    std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);

    Result<Bytes> operator()(const std::string& url, std::uint64_t max_bytes) const {
        ++*calls;
        Result<Bytes> result;
        const auto& files = pack_files();
        const auto found = url.starts_with(kWebBase)
                               ? files.find(url.substr(std::string(kWebBase).size()))
                               : files.end();
        if (found == files.end())
            result.problems.push_back({rc::content::Severity::Error, url, "HTTP 404"});
        else if (found->second.size() > max_bytes)
            result.problems.push_back(
                {rc::content::Severity::Error, url,
                 "larger than the " + std::to_string(max_bytes) + " bytes limit"});
        else
            result.value = Bytes(found->second.begin(), found->second.end());
        return result;
    }
};

enum class Form { Folder, ZipFile, ZipMemory, Web };

const char* form_name(Form form) {
    switch (form) {
        case Form::Folder:
            return "folder";
        case Form::ZipFile:
            return "zip file";
        case Form::ZipMemory:
            return "zip in memory";
        case Form::Web:
            return "web";
    }
    return "?";
}

// The pack written once as a folder and as a zip archive, for every test of the run.
struct PackOnDisk {
    TempDir dir;
    fs::path folder = dir.path() / "pack";
    fs::path zip = dir.path() / "pack.zip";

    PackOnDisk() {
        std::vector<ZipEntry> entries;
        for (const auto& [name, data] : pack_files()) {
            dir.write("pack/" + name, data);
            entries.push_back({name, data});
        }
        write_zip(zip, entries);
    }
};

const PackOnDisk& pack_on_disk() {
    static const PackOnDisk pack;
    return pack;
}

struct Opened {
    SourcePtr source;
    std::string missing;  // the message for a file the pack lacks
    std::string where;    // where() of the source
    std::shared_ptr<std::atomic<int>> web_calls;
};

Opened open_form(Form form) {
    const auto& disk = pack_on_disk();
    Opened opened;
    switch (form) {
        case Form::Folder: {
            auto result = rc::content::open_folder_source(disk.folder);
            REQUIRE(result.ok());
            opened = {*result.value, "file not found", fs::canonical(disk.folder).string(), {}};
            break;
        }
        case Form::ZipFile: {
            auto result = rc::content::open_zip_source(disk.zip);
            REQUIRE(result.problems.empty());
            opened = {*result.value, "file not found in the archive", disk.zip.string(), {}};
            break;
        }
        case Form::ZipMemory: {
            const std::string bytes = read_file(disk.zip);
            auto result =
                rc::content::open_zip_source(Bytes(bytes.begin(), bytes.end()), "pack.zip");
            REQUIRE(result.problems.empty());
            opened = {*result.value, "file not found in the archive", "pack.zip", {}};
            break;
        }
        case Form::Web: {
            FakeWeb web;
            opened = {rc::content::open_web_source("https://packs.example/p", web), "HTTP 404",
                      kWebBase, web.calls};
            break;
        }
    }
    REQUIRE(opened.source != nullptr);
    return opened;
}

std::vector<std::string> messages(const std::vector<rc::content::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(rc::content::to_string(problem));
    return out;
}

// Runs `work` on a thread of its own; empty when it has not finished within `limit` (the
// thread is left behind: it is blocked, and the process ends with the test run).
template <class Work>
auto within(std::chrono::milliseconds limit, Work work) -> std::optional<decltype(work())> {
    using Value = decltype(work());
    auto task = std::make_shared<std::packaged_task<Value()>>(std::move(work));
    auto future = task->get_future();
    std::thread([task] { (*task)(); }).detach();
    if (future.wait_for(limit) != std::future_status::ready)
        return std::nullopt;
    return future.get();
}

}  // namespace

TEST_CASE("every pack source reads the same pack the same way", "[content][source]") {
    const Form form = GENERATE(Form::Folder, Form::ZipFile, Form::ZipMemory, Form::Web);
    INFO("source: " << form_name(form));
    const Opened opened = open_form(form);
    const PackSource& source = *opened.source;

    SECTION("a file is read byte for byte") {
        for (const auto& [name, data] : pack_files()) {
            INFO(name);
            auto read = source.read(name);
            REQUIRE(read.problems.empty());
            REQUIRE(read.ok());
            CHECK(text_of(*read.value) == data);
        }
    }
    SECTION("a several-MB file is read back byte-exact") {
        auto read = source.read("media/big.bin");
        REQUIRE(read.ok());
        REQUIRE(read.value->size() == 5u << 20);
        CHECK(text_of(*read.value) == pack_files().at("media/big.bin"));
    }
    SECTION("a missing file is an error located at its relative path") {
        auto read = source.read("media/none.png");
        CHECK_FALSE(read.ok());
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].severity == rc::content::Severity::Error);
        CHECK(read.problems[0].where == "media/none.png");
        CHECK(read.problems[0].message == opened.missing);
    }
    SECTION("an unsafe path is refused before the source looks for it") {
        struct Unsafe {
            std::string path;
            std::string message;
        };
        const auto unsafe = GENERATE(
            Unsafe{"../x", R"(uses ".."; media files must be inside the pack folder)"},
            Unsafe{"media/../../x", R"(uses ".."; media files must be inside the pack folder)"},
            Unsafe{"..", R"(uses ".."; media files must be inside the pack folder)"},
            Unsafe{"/etc/passwd",
                   "is an absolute path; give it relative to the pack folder (media/0001.jpg)"},
            Unsafe{"C:/Windows/win.ini",
                   "is an absolute path; give it relative to the pack folder (media/0001.jpg)"},
            Unsafe{"a\\b", R"(uses "\"; separate folders with "/" (media/0001.jpg))"},
            Unsafe{"", "is empty"}, Unsafe{"media/a.png\n", "contains control characters"});
        INFO("path: " << unsafe.path);
        auto read = source.read(unsafe.path);
        CHECK_FALSE(read.ok());
        CHECK(messages(read.problems) ==
              std::vector<std::string>{rc::content::to_string({{}, unsafe.path, unsafe.message})});
        CHECK(source.url_of(unsafe.path).empty());
        if (opened.web_calls)
            CHECK(*opened.web_calls == 0);
    }
    SECTION("a file over max_bytes is refused with the limit, one at the limit is read") {
        const std::uint64_t size = pack_files().at("media/a.png").size();
        CHECK(source.read("media/a.png", size).ok());
        auto over = source.read("media/a.png", size - 1);
        CHECK_FALSE(over.ok());
        REQUIRE(over.problems.size() == 1);
        CHECK(over.problems[0].where == "media/a.png");
        const std::string limit = std::to_string(size - 1) + " bytes";
        CHECK(over.problems[0].message ==
              (form == Form::Web ? "larger than the " + limit + " limit"
                                 : "is larger than the " + limit + " limit for one file"));
    }
    SECTION("a several-MB file over a limit in MB names the limit in MB") {
        auto over = source.read("media/big.bin", 1 << 20);
        CHECK_FALSE(over.ok());
        REQUIRE(over.problems.size() == 1);
        CHECK(over.problems[0].where == "media/big.bin");
        if (form != Form::Web)
            CHECK(over.problems[0].message == "is larger than the 1 MB limit for one file");
    }
    SECTION("list() gives every file sorted, and nothing for the web") {
        if (form == Form::Web)
            CHECK(source.list().empty());
        else
            CHECK(source.list() == pack_names());
    }
    SECTION("url_of() gives an address on the web only") {
        if (form == Form::Web) {
            CHECK(source.url_of("media/a.png") == "https://packs.example/p/media/a.png");
            CHECK(source.url_of("pack.json") == "https://packs.example/p/pack.json");
        } else {
            CHECK(source.url_of("media/a.png").empty());
        }
    }
    SECTION("kind, where and locate name the pack as a person would") {
        CHECK(source.where() == opened.where);
        CHECK(source.readable());
        switch (form) {
            case Form::Folder:
                CHECK(source.kind() == SourceKind::Folder);
                CHECK(source.locate("media/a.png") ==
                      (fs::path(opened.where) / "media/a.png").string());
                break;
            case Form::ZipFile:
            case Form::ZipMemory:
                CHECK(source.kind() == SourceKind::Zip);
                CHECK(source.locate("media/a.png") == opened.where + ": media/a.png");
                break;
            case Form::Web:
                CHECK(source.kind() == SourceKind::Web);
                CHECK(source.locate("media/a.png") == "https://packs.example/p/media/a.png");
                break;
        }
    }
    SECTION("size_bytes() is the files' total, the archive's size, or unknown on the web") {
        std::uint64_t total = 0;
        for (const auto& [name, data] : pack_files())
            total += data.size();
        switch (form) {
            case Form::Folder:
                CHECK(source.size_bytes() == total);
                break;
            case Form::ZipFile:
            case Form::ZipMemory:
                CHECK(source.size_bytes() == fs::file_size(pack_on_disk().zip));
                break;
            case Form::Web:
                CHECK_FALSE(source.size_bytes().has_value());
                break;
        }
    }
    SECTION("reads from several threads at once all succeed") {
        std::atomic<int> wrong = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int round = 0; round < 5; ++round)
                    for (const auto& [name, data] : pack_files()) {
                        auto read = source.read(name);
                        if (!read.ok() || text_of(*read.value) != data)
                            ++wrong;
                    }
            });
        for (auto& thread : threads)
            thread.join();
        CHECK(wrong == 0);
    }
}

TEST_CASE("a web source names its folder and reads only through its fetch", "[content][source]") {
    SECTION("the base gets its '/' and loses a trailing pack.json") {
        CHECK(rc::content::open_web_source("https://h/p", {})->where() == "https://h/p/");
        CHECK(rc::content::open_web_source("https://h/p/", {})->where() == "https://h/p/");
        CHECK(rc::content::open_web_source("https://h/p/pack.json", {})->where() == "https://h/p/");
    }
    SECTION("without a fetch it is not readable here, but still gives addresses") {
        auto source = rc::content::open_web_source("https://h/p/", {});
        CHECK_FALSE(source->readable());
        CHECK(source->url_of("media/a.png") == "https://h/p/media/a.png");
        auto read = source->read("media/a.png");
        CHECK(messages(read.problems) ==
              std::vector<std::string>{
                  "media/a.png: cannot be read here: web packs are fetched by address"});
    }
    SECTION("a fetch failure is relocated at the relative path") {
        auto source = rc::content::open_web_source("https://h/p/", [](const std::string& url,
                                                                      std::uint64_t) {
            Result<Bytes> failed;
            failed.problems.push_back({rc::content::Severity::Error, url, "cannot connect to h"});
            return failed;
        });
        CHECK(messages(source->read("pack.json").problems) ==
              std::vector<std::string>{"pack.json: cannot connect to h"});
    }
}

TEST_CASE("a folder source refuses what a folder can hide", "[content][source]") {
    TempDir dir;
    const fs::path root = dir.path() / "pack";
    dir.write("pack/media/a.png", png_bytes(8, 8));
    dir.write("outside/secret.png", png_bytes(8, 8));
    auto opened = rc::content::open_folder_source(root);
    REQUIRE(opened.ok());
    const PackSource& source = **opened.value;

    SECTION("a symbolic link leading out of the pack is refused") {
        fs::create_symlink(dir.path() / "outside/secret.png", root / "media/out.png");
        CHECK(messages(source.read("media/out.png").problems) ==
              std::vector<std::string>{
                  "media/out.png: leads outside the pack folder (through a symbolic link)"});
        fs::create_directory_symlink(dir.path() / "outside", root / "ext");
        CHECK(messages(source.read("ext/secret.png").problems) ==
              std::vector<std::string>{
                  "ext/secret.png: leads outside the pack folder (through a symbolic link)"});
    }
    SECTION("a relative link that climbs out is refused too") {
        fs::create_symlink("../../outside/secret.png", root / "media/up.png");
        CHECK(messages(source.read("media/up.png").problems) ==
              std::vector<std::string>{
                  "media/up.png: leads outside the pack folder (through a symbolic link)"});
    }
    SECTION("a link to a sibling folder whose name starts like the pack's is outside") {
        dir.write("pack2/x.png", png_bytes(8, 8));
        fs::create_symlink(dir.path() / "pack2/x.png", root / "x.png");
        CHECK_FALSE(source.read("x.png").ok());
    }
    SECTION("a symbolic link inside the pack is followed") {
        fs::create_symlink("a.png", root / "media/alias.png");
        fs::create_directory_symlink(root / "media", root / "pictures");
        auto alias = source.read("media/alias.png");
        REQUIRE(alias.ok());
        CHECK(text_of(*alias.value) == png_bytes(8, 8));
        CHECK(source.read("pictures/a.png").ok());
    }
    SECTION("list() leaves out links leading out of the pack, keeps those inside") {
        fs::create_symlink(dir.path() / "outside/secret.png", root / "media/out.png");
        fs::create_symlink("a.png", root / "media/alias.png");
        CHECK(source.list() == std::vector<std::string>{"media/a.png", "media/alias.png"});
        CHECK(source.size_bytes() == 2 * png_bytes(8, 8).size());
    }
    SECTION("a folder where a file is expected is refused") {
        fs::create_directories(root / "media/folder.png");
        CHECK(messages(source.read("media/folder.png").problems) ==
              std::vector<std::string>{"media/folder.png: is a folder, not a file"});
        CHECK(messages(source.read("media").problems) ==
              std::vector<std::string>{"media: is a folder, not a file"});
        CHECK(messages(source.read(".").problems) ==
              std::vector<std::string>{".: is the pack folder itself, not a file in it"});
    }
    SECTION("a named pipe is refused at once and never blocks") {
        REQUIRE(::mkfifo((root / "media/pipe.png").c_str(), 0600) == 0);
        REQUIRE(::mkfifo((root / "pack.json").c_str(), 0600) == 0);
        auto source_ptr = *opened.value;
        for (const std::string name : {"media/pipe.png", "pack.json"}) {
            INFO(name);
            auto read = within(std::chrono::seconds(5), [source_ptr, name] {
                return messages(source_ptr->read(name).problems);
            });
            REQUIRE(read.has_value());
            CHECK(*read == std::vector<std::string>{name + ": is not a regular file"});
        }
        SECTION("as pack.json, the pack is refused at its path") {
            auto loaded = within(std::chrono::seconds(5), [root] {
                return messages(rc::content::load_pack(root).problems);
            });
            REQUIRE(loaded.has_value());
            CHECK(*loaded == std::vector<std::string>{(fs::canonical(root) / "pack.json").string() +
                                                      ": is not a regular file"});
        }
        SECTION("given as the pack itself, it is refused") {
            auto loaded = within(std::chrono::seconds(5), [root] {
                return messages(rc::content::load_pack(root / "media/pipe.png").problems);
            });
            REQUIRE(loaded.has_value());
            CHECK(*loaded ==
                  std::vector<std::string>{(root / "media/pipe.png").string() +
                                           ": is not a pack folder, a pack.json or a zip file"});
        }
    }
    SECTION("a file named in another case gets a hint") {
        CHECK(messages(source.read("media/A.PNG").problems) ==
              std::vector<std::string>{
                  "media/A.PNG: file not found (there is \"a.png\": file names are "
                  "case-sensitive)"});
    }
    SECTION("a folder that does not exist cannot be opened") {
        auto missing = rc::content::open_folder_source(dir.path() / "nowhere");
        CHECK_FALSE(missing.ok());
        CHECK(messages(missing.problems) ==
              std::vector<std::string>{(dir.path() / "nowhere").string() +
                                       ": cannot open: No such file or directory"});
    }
}
