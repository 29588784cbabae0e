// Library::fetch against a local server (tests/support/pack_server.py): zip and folder
// links, the copy kept on 304 or when the link is unreachable, and every failure leaving
// the library exactly as it was.
#include <zip.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <thread>

#include "content/test_images.h"
#include "game/library.h"
#include "support/pack_server.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using rc::game::FetchDesc;
using rc::game::FetchOutcome;
using rc::game::Library;

// The pack's files: pack.json and `count` PNGs (headers the media checks accept), each
// padded to `media_bytes` so progress and cancelling have something to measure.
std::map<std::string, std::string> pack_files(int count, std::size_t media_bytes = 1000,
                                              const std::string& title = "Test") {
    std::map<std::string, std::string> files;
    json items = json::array();
    for (int i = 0; i < count; ++i) {
        const std::string media = "media/" + std::to_string(i) + ".png";
        std::string png = rc::tests::png_bytes(8, 8);
        png.resize(std::max(png.size(), media_bytes), '\0');
        files[media] = png;
        items.push_back(
            rc::tests::item_json("i" + std::to_string(i), media, i % 2 ? "generated" : "real"));
    }
    json manifest = rc::tests::pack_json(items);
    manifest["title"]["en"] = title;
    files["pack.json"] = manifest.dump();
    return files;
}

// A real zip archive made with libzip (stored, so its size tracks its contents).
std::string zip_of(const std::map<std::string, std::string>& files, const fs::path& work) {
    const fs::path file = work / "build.zip";
    int error = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    for (const auto& [name, data] : files) {
        zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
        REQUIRE(source != nullptr);
        const auto index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        REQUIRE(index >= 0);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    REQUIRE(zip_close(archive) == 0);
    const std::string bytes = rc::tests::read_file(file);
    fs::remove(file);
    return bytes;
}

void write_folder(const rc::tests::TempDir& served, const std::string& folder,
                  const std::map<std::string, std::string>& files) {
    for (const auto& [name, data] : files)
        served.write(folder + "/" + name, data);
}

// Every path under the library with its contents: equal snapshots, unchanged library.
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    if (!fs::exists(root, ec))
        return out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto relative = fs::relative(entry.path(), root).string();
        out[relative] = entry.is_regular_file() ? rc::tests::read_file(entry.path()) : "<dir>";
    }
    return out;
}

struct Fixture {
    rc::tests::TempDir served;
    rc::tests::TempDir data;
    Library library{data.path()};
    FetchDesc desc;
    std::unique_ptr<rc::tests::PackServer> server =
        std::make_unique<rc::tests::PackServer>(served.path());

    Fixture() {
        desc.connect_timeout_seconds = 5;
        desc.stall_timeout_seconds = 2;
        served.write("pack.zip", zip_of(pack_files(4, 50'000), data.path()));
        write_folder(served, "folder", pack_files(3));
    }
    FetchOutcome fetch(const std::string& path, rc::engine::DownloadControl* control = nullptr) {
        return library.fetch(server->url(path), desc, control);
    }
    std::string problems(const FetchOutcome& outcome) const {
        std::string text;
        for (const auto& problem : outcome.problems)
            text += rc::content::to_string(problem) + "\n";
        return text;
    }
};

void check_opens(const FetchOutcome& outcome, std::size_t items) {
    REQUIRE(outcome.ok());
    auto loaded = rc::content::load_pack(outcome.location);
    REQUIRE(loaded.ok());
    CHECK(loaded.value->manifest.items.size() == items);
}

}  // namespace

TEST_CASE("a zip link is downloaded, validated and kept in the library", "[library]") {
    Fixture f;
    rc::engine::DownloadControl control;
    const auto outcome = f.fetch("/files/pack.zip", &control);
    INFO(f.problems(outcome));
    check_opens(outcome, 4);
    CHECK_FALSE(outcome.from_copy);
    CHECK(outcome.location == f.library.folder() / "packs" / (outcome.key + ".zip"));
    const auto size = fs::file_size(f.served.path() / "pack.zip");
    CHECK(control.progress().received == size);
    REQUIRE(control.progress().total);
    CHECK(*control.progress().total == size);

    const auto entries = f.library.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].origin == rc::game::Origin::Link);
    CHECK(entries[0].url == f.server->url("/files/pack.zip"));
    CHECK(entries[0].counts.real == 2);
    CHECK(entries[0].counts.generated == 2);
    CHECK(entries[0].size_bytes == size);
    CHECK_FALSE(entries[0].etag.empty());
    CHECK(rc::tests::file_names(f.library.folder()) ==
          std::vector<std::string>{"library.json", "packs"});

    SECTION("an unchanged link (304) opens the copy as it is") {
        const auto before = snapshot(f.library.folder());
        const auto again = f.fetch("/files/pack.zip");
        CHECK(again.ok());
        CHECK(again.from_copy);
        CHECK(again.note.empty());
        CHECK(again.location == outcome.location);
        CHECK(snapshot(f.library.folder()) == before);
    }
    SECTION("a new version replaces the copy once it validates") {
        f.served.write("pack.zip", zip_of(pack_files(6, 1000, "Second"), f.data.path()));
        const auto again = f.fetch("/files/pack.zip");
        check_opens(again, 6);
        CHECK_FALSE(again.from_copy);
        REQUIRE(f.library.entries().size() == 1);
        CHECK(f.library.entries()[0].title.en == "Second");
        CHECK(f.library.entries()[0].added_at == entries[0].added_at);
    }
    SECTION("an unreachable link opens the copy with a note") {
        const std::string url = f.server->url("/files/pack.zip");
        const auto before = snapshot(f.library.folder());
        f.server->stop();
        const auto again = f.library.fetch(url, f.desc, nullptr);
        CHECK(again.ok());
        CHECK(again.from_copy);
        CHECK(again.note == "could not reach " + url + " (connection refused); opened the copy " +
                                "downloaded on " + entries[0].updated_at.substr(0, 10));
        CHECK(snapshot(f.library.folder()) == before);
    }
    SECTION("removing it deletes the downloaded copy") {
        CHECK(f.library.remove(outcome.key).empty());
        CHECK_FALSE(fs::exists(outcome.location));
        CHECK(f.library.entries().empty());
    }
}

TEST_CASE("a folder link is downloaded file by file and swapped in", "[library]") {
    Fixture f;
    rc::engine::DownloadControl control;
    const auto outcome = f.fetch("/files/folder/pack.json", &control);
    INFO(f.problems(outcome));
    check_opens(outcome, 3);
    CHECK(outcome.location == f.library.folder() / "packs" / outcome.key);
    CHECK_FALSE(control.progress().total);  // unknown for a folder
    CHECK(control.progress().received > 3000);
    CHECK(f.library.entries().at(0).url == f.server->url("/files/folder/"));

    SECTION("the same link without pack.json is the same pack, unchanged (304)") {
        const auto before = snapshot(f.library.folder());
        const auto again = f.fetch("/files/folder");
        CHECK(again.from_copy);
        CHECK(again.key == outcome.key);
        CHECK(snapshot(f.library.folder()) == before);
    }
    SECTION("a changed pack replaces the old folder") {
        write_folder(f.served, "folder", pack_files(5, 1000, "Second"));
        const auto again = f.fetch("/files/folder/");
        check_opens(again, 5);
        CHECK(rc::tests::file_names(f.library.folder() / "packs") ==
              std::vector<std::string>{outcome.key});
        CHECK(rc::tests::file_names(f.library.folder()) ==
              std::vector<std::string>{"library.json", "packs"});
    }
}

TEST_CASE("a failed fetch says why, at the link, and changes nothing", "[library]") {
    Fixture f;
    // A library holding a pack already, so "unchanged" covers the catalog and a copy.
    REQUIRE(f.fetch("/files/folder/").ok());
    const auto before = snapshot(f.library.folder());
    REQUIRE(before.size() > 3);
    std::string path;
    std::string expected;
    rc::engine::DownloadControl control;
    std::optional<FetchOutcome> outcome;

    SECTION("404") {
        path = "/404.zip";
        expected = "HTTP 404";
    }
    SECTION("a declared size over the limit") {
        f.desc.max_bytes = 1'000'000;
        path = "/big-declared.zip";
        expected = "larger than the 1 MB limit";
    }
    SECTION("an undeclared size over the limit") {
        f.desc.max_bytes = 1'000'000;
        path = "/big-undeclared.zip";
        expected = "larger than the 1 MB limit";
    }
    SECTION("a stalled answer") {
        path = "/stall.zip";
        expected = "no data received for 2 s";
    }
    SECTION("a redirect to plain http") {
        path = "/redirect-http.zip";
        expected = "the server redirected to a plain http address; only https is followed";
    }
    SECTION("a corrupt zip") {
        path = "/corrupt.zip";
        expected = "is not a valid pack";
    }
    SECTION("a zip that is not a valid pack") {
        f.served.write("invalid.zip", zip_of({{"pack.json", "{\"format\": 1}"}}, f.data.path()));
        path = "/files/invalid.zip";
        expected = "is not a valid pack";
    }
    SECTION("a folder whose media are missing") {
        f.served.write("bare/pack.json", pack_files(3).at("pack.json"));
        path = "/files/bare/";
        expected = "is not a valid pack";
    }
    SECTION("a new version of a kept pack that does not validate") {
        f.served.write("folder/pack.json", "{\"format\": 1, \"id\": 3}");
        path = "/files/folder/";
        expected = "is not a valid pack";
    }
    SECTION("cancelled half-way") {
        f.served.write("slow.zip", zip_of(pack_files(4, 100'000), f.data.path()));
        std::thread worker([&] { outcome = f.fetch("/slow/slow.zip", &control); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (control.received < 150'000 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        control.cancelled = true;
        worker.join();
        CHECK(control.received < 400'000);
        expected = "cancelled";
    }
    if (!outcome)
        outcome = f.fetch(path);
    INFO(f.problems(*outcome));
    CHECK_FALSE(outcome->ok());
    REQUIRE_FALSE(outcome->problems.empty());
    const auto url = f.server->url(path.empty() ? "/slow/slow.zip" : path);
    bool found = false;
    for (const auto& problem : outcome->problems) {
        CHECK(problem.where == rc::game::normalized_link(url));
        found = found ||
                (problem.severity == rc::content::Severity::Error && problem.message == expected);
    }
    CHECK(found);
    CHECK(snapshot(f.library.folder()) == before);
}

TEST_CASE("a first fetch that fails leaves no library folder behind", "[library]") {
    Fixture f;
    const auto outcome = f.fetch("/corrupt.zip");
    CHECK_FALSE(outcome.ok());
    CHECK_FALSE(fs::exists(f.library.folder()));
}
