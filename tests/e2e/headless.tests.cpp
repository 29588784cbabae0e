// End-to-end: runs `realcheck --headless` as a player would run the game, on packs made
// here with real PNG/JPEG files, and checks exit codes, messages, summaries and screenshots.
#include <SDL.h>
#include <SDL_image.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "content/pack_check.h"
#include "support/e2e_game.h"
#include "support/temp_dir.h"
#include "support/zip_writer.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

using rc::tests::item_json;
using rc::tests::make_pack;
using rc::tests::run_game;
using rc::tests::write_picture;
using Run = rc::tests::GameRun;

json read_summary(const fs::path& file) {
    auto summary = json::parse(rc::tests::read_file(file), nullptr, false);
    REQUIRE_FALSE(summary.is_discarded());
    return summary;
}

std::set<std::string> ids_of(const json& summary) {
    std::set<std::string> ids;
    for (const auto& item : summary["items"])
        ids.insert(item["id"].get<std::string>());
    return ids;
}

struct SdlImage {
    SdlImage() { IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG); }
    ~SdlImage() { IMG_Quit(); }
};

}  // namespace

TEST_CASE("a whole headless game plays 20 items and reports them", "[e2e]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 14, 12);
    const auto summary_file = dir.path() / "summary.json";
    const auto shots = dir.path() / "shots";
    const auto run = run_game(
        "--pack '" + pack.string() + "' --seed 7 --answers rg --lang fr --screenshot-dir '" +
            shots.string() + "' --summary-json '" + summary_file.string() + "'",
        dir.path());
    REQUIRE(run.status == 0);
    const json summary = read_summary(summary_file);

    SECTION("the summary has the documented shape and a consistent score") {
        CHECK(summary["format"] == 1);
        CHECK(summary["pack"] == "e2e");
        CHECK(summary["seed"] == 7);
        CHECK(summary["out_of"] == 20);
        REQUIRE(summary["items"].size() == 20);
        int correct = 0;
        int real = 0;
        for (std::size_t i = 0; i < 20; ++i) {
            const auto& item = summary["items"][i];
            CHECK(item["given"] == (i % 2 == 0 ? "real" : "generated"));
            CHECK(item["correct"] == (item["given"] == item["answer"]));
            correct += item["correct"].get<bool>();
            real += item["answer"] == "real";
        }
        CHECK(summary["score"] == correct);
        CHECK(real >= 8);
        CHECK(real <= 12);
        CHECK(ids_of(summary).size() == 20);
    }
    SECTION("every screen is saved as a PNG of the window size") {
        for (const char* name : {"00-title.png", "q01-question.png", "q01-zoom.png",
                                 "q01-answer.png", "q20-answer.png", "zz-end.png"}) {
            SDL_Surface* shot = IMG_Load((shots / name).c_str());
            INFO(name);
            REQUIRE(shot != nullptr);
            CHECK(shot->w == 1280);
            CHECK(shot->h == 720);
            SDL_FreeSurface(shot);
        }
    }
    SECTION("the same seed and pack give the same items in the same order") {
        const auto again = dir.path() / "again.json";
        REQUIRE(run_game("--pack '" + pack.string() + "' --seed 7 --answers rg --summary-json '" +
                             again.string() + "'",
                         dir.path())
                    .status == 0);
        CHECK(read_summary(again) == summary);
        const auto other = dir.path() / "other.json";
        REQUIRE(run_game("--pack '" + pack.string() + "' --seed 8 --answers rg --summary-json '" +
                             other.string() + "'",
                         dir.path())
                    .status == 0);
        CHECK(read_summary(other)["items"] != summary["items"]);
    }
}

TEST_CASE("a small pack plays all its items, scored out of their number", "[e2e]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 3, 2);
    const auto summary_file = dir.path() / "summary.json";
    REQUIRE(run_game("--pack '" + (pack / "pack.json").string() +
                         "' --seed 1 --answers g --summary-json '" + summary_file.string() + "'",
                     dir.path())
                .status == 0);
    const auto summary = read_summary(summary_file);
    CHECK(summary["out_of"] == 5);
    CHECK(summary["score"] == 2);
}

TEST_CASE("broken items are left out with located warnings and the game goes on", "[e2e]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    json extra = json::array({item_json("missing", "media/none.png", "real"),
                              item_json("outside", "../secret.png", "real"),
                              item_json("corrupt", "media/corrupt.png", "generated"),
                              item_json("bad-answer", "media/1000.png", "fake")});
    const auto pack = make_pack(dir, 3, 3, extra);
    // A PNG whose header is fine but whose pixel data is garbage: only a real decode finds it.
    std::string corrupt =
        rc::tests::read_file(pack / "media/1000.png").substr(0, 40) + std::string(200, '\x5a');
    dir.write("pack/media/corrupt.png", corrupt);
    const auto summary_file = dir.path() / "summary.json";
    const auto run =
        run_game("--pack '" + pack.string() + "' --seed 3 --answers r --summary-json '" +
                     summary_file.string() + "'",
                 dir.path());
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[6].media"));
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[7].media"));
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[8].media"));
    CHECK_THAT(run.err, Catch::Contains("media/corrupt.png"));
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[9].answer: expected \"real\", "
                                        "\"generated\" or \"edited\", got \"fake\""));
    const auto summary = read_summary(summary_file);
    CHECK(summary["out_of"] == 6);
    for (const auto& id : ids_of(summary))
        CHECK(id.rfind("item-", 0) == 0);
}

TEST_CASE("a pack with fewer than 2 playable items is refused with exit status 2", "[e2e]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack =
        make_pack(dir, 1, 0, json::array({item_json("gone", "media/gone.jpg", "generated")}));
    const auto run = run_game("--pack '" + pack.string() + "' --seed 1 --answers r", dir.path());
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[1].media"));
    CHECK_THAT(run.err, Catch::Contains("only 1 playable item"));

    SECTION("pictures that fail to decode leave too few: refused before any round") {
        // Two items whose headers are fine; the second's pixel data is garbage.
        const auto two = make_pack(
            dir, 1, 0, json::array({item_json("corrupt", "media/corrupt.png", "generated")}));
        const std::string good = rc::tests::read_file(two / "media/1000.png");
        dir.write("pack/media/corrupt.png", good.substr(0, 40) + std::string(200, '\x5a'));
        const auto one_left =
            run_game("--pack '" + two.string() + "' --seed 1 --answers r --summary-json '" +
                         (dir.path() / "s.json").string() + "'",
                     dir.path());
        CHECK(one_left.status == 2);
        CHECK_THAT(one_left.err, Catch::Contains("media/corrupt.png"));
        CHECK_THAT(one_left.err, Catch::Contains("only 1 playable item"));
        CHECK_FALSE(fs::exists(dir.path() / "s.json"));  // no game was played
        // Every picture corrupt: none left.
        dir.write("pack/media/1000.png", good.substr(0, 40) + std::string(200, '\x5a'));
        const auto none_left =
            run_game("--pack '" + two.string() + "' --seed 1 --answers r", dir.path());
        CHECK(none_left.status == 2);
        CHECK_THAT(none_left.err, Catch::Contains("no playable item"));
    }
    SECTION("a pack.json that is not JSON names the file and the position") {
        dir.write("pack/pack.json", "{\"format\": 1, \"id\": \"x\",, }");
        const auto broken =
            run_game("--pack '" + pack.string() + "' --seed 1 --answers r", dir.path());
        CHECK(broken.status == 2);
        CHECK_THAT(broken.err, Catch::Contains("pack.json"));
    }
    SECTION("a folder without pack.json is refused") {
        const auto empty = run_game(
            "--pack '" + dir.path().string() + "/nowhere' --seed 1 --answers r", dir.path());
        CHECK(empty.status == 2);
        CHECK_THAT(empty.err, Catch::Contains("nowhere"));
    }
}

TEST_CASE("play again draws unseen items until the pack is exhausted", "[e2e]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 20, 20);
    const auto data = dir.path() / "data";
    const auto round = [&](int seed) {
        const auto file = dir.path() / ("round" + std::to_string(seed) + ".json");
        REQUIRE(run_game("--pack '" + pack.string() + "' --seed " + std::to_string(seed) +
                             " --answers r --data-dir '" + data.string() + "' --summary-json '" +
                             file.string() + "'",
                         dir.path())
                    .status == 0);
        return ids_of(read_summary(file));
    };
    const auto first = round(1);
    const auto second = round(2);
    std::set<std::string> both = first;
    both.insert(second.begin(), second.end());
    CHECK(both.size() == 40);
    CHECK(fs::exists(data / "deck.json"));
    CHECK(fs::exists(data / "results.json"));

    SECTION("a corrupt deck file is kept aside, not lost, and the game still plays") {
        dir.write("data/deck.json", "{ not json");
        const auto third = round(3);
        CHECK(third.size() == 20);
        CHECK(rc::tests::read_file(data / "deck.json.corrupt-1") == "{ not json");
    }
}

TEST_CASE("one headless game on the real demo pack", "[e2e][demo]") {
    SdlImage sdl_image;
    const char* cache = std::getenv("REALCHECK_CACHE_DIR");
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const fs::path cache_dir = cache && *cache ? fs::path(cache)
                               : xdg && *xdg   ? fs::path(xdg) / "realcheck"
                                             : fs::path(home ? home : "/root") / ".cache/realcheck";
    const fs::path pack = cache_dir / "packs/demo";
    INFO("the demo pack is assembled by tools/demo-pack into " << pack);
    REQUIRE(fs::exists(pack / "pack.json"));
    rc::tests::TempDir dir;
    const auto summary_file = dir.path() / "summary.json";
    const auto run = run_game("--pack '" + pack.string() +
                                  "' --seed 2026 --answers rgg --lang fr --summary-json '" +
                                  summary_file.string() + "'",
                              dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.empty());  // the demo pack has no broken item
    const auto summary = read_summary(summary_file);
    CHECK(summary["out_of"] == 20);
    CHECK(summary["pack"] == "demo");
    int real = 0;
    for (const auto& item : summary["items"])
        real += item["answer"] == "real";
    CHECK(real >= 8);
    CHECK(real <= 12);
}

namespace {

// A static file server on 127.0.0.1 for the remote-pack tests (python3's http.server),
// stopped when the object leaves scope.
class LocalHttpServer {
  public:
    explicit LocalHttpServer(const fs::path& root) {
        port_ = 20000 + static_cast<int>(::getpid() % 20000);
        pid_ = ::fork();
        if (pid_ == 0) {
            const std::string port = std::to_string(port_);
            std::freopen("/dev/null", "w", stderr);
            ::execlp("python3", "python3", "-m", "http.server", port.c_str(), "--bind", "127.0.0.1",
                     "--directory", root.c_str(), static_cast<char*>(nullptr));
            std::_Exit(127);
        }
        wait_until_listening();
    }
    ~LocalHttpServer() { stop(); }
    LocalHttpServer(const LocalHttpServer&) = delete;
    LocalHttpServer& operator=(const LocalHttpServer&) = delete;
    // Stops serving now (to test a link that cannot be reached); safe to call twice.
    void stop() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
    }

  private:
    void wait_until_listening() const {
        for (int attempt = 0; attempt < 100; ++attempt) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(static_cast<std::uint16_t>(port_));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const bool open =
                ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
            ::close(fd);
            if (open)
                return;
            ::usleep(100'000);
        }
    }

    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("a pack served over HTTP plays like a folder", "[e2e][http]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    make_pack(dir, 3, 3);
    LocalHttpServer server(dir.path());
    const auto summary_file = dir.path() / "summary.json";
    const auto run =
        run_game("--pack " + server.url("pack/") + " --seed 4 --answers g --summary-json '" +
                     summary_file.string() + "'",
                 dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto summary = read_summary(summary_file);
    CHECK(summary["out_of"] == 6);
    CHECK(summary["score"] == 3);

    SECTION("a missing remote pack is refused with the URL and the HTTP status") {
        const auto missing =
            run_game("--pack " + server.url("nowhere/") + " --seed 1 --answers r", dir.path());
        CHECK(missing.status == 2);
        CHECK_THAT(missing.err, Catch::Contains(server.url("nowhere/pack.json")));
        CHECK_THAT(missing.err, Catch::Contains("HTTP 404"));
    }
}

TEST_CASE("60,000-character texts are cut with warnings and the game plays", "[e2e][limits]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 2, 2);
    json doc = json::parse(rc::tests::read_file(pack / "pack.json"));
    // 60,000 characters (some of two bytes): words, so the text wraps over many lines, then
    // a long unbroken run.
    const std::string word = "mot très long ";  // 14 characters
    std::string long_text;
    for (int i = 0; i < 59'000 / 14; ++i)
        long_text += word;
    long_text += std::string(60'000 - 59'000 / 14 * 14, 'x');
    doc["title"] = {{"fr", long_text}, {"en", long_text}};
    for (auto& item : doc["items"]) {
        item["explanation"]["en"] = long_text;
        item["tells"][0]["note"]["fr"] = std::string(60'000, 'n');
    }
    dir.write("pack/pack.json", doc.dump());
    const auto summary_file = dir.path() / "summary.json";
    const auto run = run_game(
        "--pack '" + pack.string() + "' --seed 5 --answers rg --lang en --screenshot-dir '" +
            (dir.path() / "shots").string() + "' --summary-json '" + summary_file.string() + "'",
        dir.path());
    INFO(run.err.substr(0, 2000));
    REQUIRE(run.status == 0);
    CHECK(read_summary(summary_file)["out_of"] == 4);
    CHECK_THAT(run.err, Catch::Contains("pack.json: title.fr: 60000 characters, cut to 200"));
    CHECK_THAT(run.err, Catch::Contains("pack.json: title.en: 60000 characters, cut to 200"));
    CHECK_THAT(run.err, Catch::Contains(
                            "pack.json: items[0].explanation.en: 60000 characters, cut to 4000"));
    CHECK_THAT(run.err, Catch::Contains(
                            "pack.json: items[3].tells[0].note.fr: 60000 characters, cut to 500"));
}

TEST_CASE("a pack in a folder whose name is not UTF-8 plays and is remembered", "[e2e][paths]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto built = make_pack(dir, 2, 2);
    const fs::path latin1 = dir.path() / "caf\xE9";  // Latin-1 é: not UTF-8
    fs::rename(built, latin1);
    const auto data = dir.path() / "data";
    const auto summary_file = dir.path() / "summary.json";
    const auto run =
        run_game("--pack '" + latin1.string() + "' --seed 1 --answers r --data-dir '" +
                     data.string() + "' --summary-json '" + summary_file.string() + "'",
                 dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(read_summary(summary_file)["out_of"] == 4);
    const auto settings = json::parse(rc::tests::read_file(data / "settings.json"), nullptr, false);
    REQUIRE_FALSE(settings.is_discarded());
    CHECK(settings["last_pack"].contains("bytes_hex"));

    SECTION("the next game without --pack opens the same folder from the settings") {
        const auto again = dir.path() / "again.json";
        const auto next = run_game("--seed 2 --answers g --data-dir '" + data.string() +
                                       "' --summary-json '" + again.string() + "'",
                                   dir.path());
        INFO(next.err);
        REQUIRE(next.status == 0);
        CHECK(read_summary(again)["pack"] == "e2e");
    }
}

TEST_CASE("a full disk: the results cannot be saved, the old file stays, the game goes on",
          "[e2e][store]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 2, 2);
    // Old results just under the limit: the game's rewrite of them with one more is over.
    json games = json::array();
    while (json{{"format", 1}, {"games", games}}.dump().size() < 3'600)
        games.push_back({{"pack", "old"}, {"seed", 1}, {"score", 1}, {"out_of", 2}});
    const std::string old_results = json{{"format", 1}, {"games", games}}.dump();
    dir.write("data/results.json", old_results);
    const auto data = dir.path() / "data";
    // sh's ulimit -f counts 512-byte blocks: files stop at 4 KB. SIGXFSZ ignored (it survives
    // exec) so a write over the limit fails with EFBIG, as on a full disk.
    const auto run = run_game(
        "--pack '" + pack.string() + "' --seed 1 --answers r --data-dir '" + data.string() + "'",
        dir.path(), "trap '' XFSZ; ulimit -f 8; ");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains((data / "results.json").string() +
                                        ": cannot write: File too large"));
    CHECK(rc::tests::read_file(data / "results.json") == old_results);
    CHECK(rc::tests::file_names(data) ==
          std::vector<std::string>{"deck.json", "library", "results.json", "settings.json"});
}

namespace {

// The files of a pack folder as zip entries, `prefix` before each name.
std::vector<rc::tests::ZipEntry> zip_entries_of(const fs::path& folder, const std::string& prefix) {
    std::vector<rc::tests::ZipEntry> entries;
    for (const auto& file : fs::recursive_directory_iterator(folder))
        if (file.is_regular_file())
            entries.push_back({prefix + file.path().lexically_relative(folder).generic_string(),
                               rc::tests::read_file(file.path())});
    return entries;
}

// A headless game of `pack` with its own data folder; the summary, or a failed test.
json play(const rc::tests::TempDir& dir, const std::string& pack, const std::string& name,
          Run* run_out = nullptr) {
    const auto summary_file = dir.path() / (name + ".json");
    const auto data = dir.path() / ("data-" + name);
    const auto run = run_game("--pack '" + pack + "' --seed 1 --answers rg --summary-json '" +
                                  summary_file.string() + "' --data-dir '" + data.string() + "'",
                              dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    if (run_out)
        *run_out = run;
    return read_summary(summary_file);
}

}  // namespace

TEST_CASE("a pack in a zip file plays as its folder does", "[e2e][zip]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto folder = make_pack(dir, 3, 3);
    const json from_folder = play(dir, folder.string(), "folder");
    REQUIRE(from_folder["out_of"] == 6);

    SECTION("the pack at the archive's root") {
        const auto zip = dir.path() / "pack.zip";
        rc::tests::write_zip(zip, zip_entries_of(folder, ""));
        const json summary = play(dir, zip.string(), "zip");
        CHECK(summary["pack"] == "e2e");
        CHECK(summary == from_folder);
    }
    SECTION("the pack in one top folder, with macOS leftovers beside it") {
        auto entries = zip_entries_of(folder, "my-pack/");
        entries.push_back({"__MACOSX/my-pack/._pack.json", "mac"});
        entries.push_back({"my-pack/.DS_Store", "mac"});
        const auto zip = dir.path() / "zipped-folder.zip";
        rc::tests::write_zip(zip, entries);
        const json summary = play(dir, zip.string(), "top-folder");
        CHECK(summary == from_folder);
    }
}

TEST_CASE("a zip with a zip-slip entry is refused with exit status 2, naming it", "[e2e][zip]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto folder = make_pack(dir, 3, 3);
    auto entries = zip_entries_of(folder, "");
    entries.push_back({"../evil.png", "gotcha"});
    const auto zip = dir.path() / "slip.zip";
    rc::tests::write_zip(zip, entries);
    const auto run = run_game("--pack '" + zip.string() + "' --seed 1 --answers r --data-dir '" +
                                  (dir.path() / "data").string() + "'",
                              dir.path());
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains(zip.string() + ": ../evil.png: climbs out of the archive "
                                                       "with \"..\""));
    CHECK_FALSE(fs::exists(dir.path() / "evil.png"));
}

TEST_CASE("a zip link is downloaded into the library, then plays offline", "[e2e][zip][http]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto folder = make_pack(dir, 3, 3);
    const json from_folder = play(dir, folder.string(), "folder");
    rc::tests::TempDir served;
    rc::tests::write_zip(served.path() / "pack.zip", zip_entries_of(folder, "my-pack/"));
    LocalHttpServer server(served.path());
    const auto data = dir.path() / "data";
    const auto round = [&](const std::string& name) {
        const auto summary_file = dir.path() / (name + ".json");
        const auto run = run_game(
            "--pack " + server.url("pack.zip") + " --seed 1 --answers rg --summary-json '" +
                summary_file.string() + "' --data-dir '" + data.string() + "'",
            dir.path());
        INFO(run.err);
        REQUIRE(run.status == 0);
        return std::make_pair(run, read_summary(summary_file));
    };

    const auto [first, online] = round("online");
    CHECK(online == from_folder);
    CHECK(first.err.empty());
    // The copy is in the library, as a zip file under library/packs/.
    std::vector<fs::path> copies;
    for (const auto& file : fs::directory_iterator(data / "library/packs"))
        copies.push_back(file.path());
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].extension() == ".zip");
    CHECK(rc::tests::read_file(copies[0]) == rc::tests::read_file(served.path() / "pack.zip"));
    CHECK_THAT(rc::tests::read_file(data / "library/library.json"),
               Catch::Contains(server.url("pack.zip")));

    SECTION("with the server stopped, the library's copy plays, with a note") {
        server.stop();
        const auto [second, offline] = round("offline");
        CHECK(offline == from_folder);
        CHECK_THAT(second.err, Catch::Contains("could not reach " + server.url("pack.zip")));
        CHECK_THAT(second.err, Catch::Contains("opened the copy downloaded on"));
    }
}

TEST_CASE("without --data-dir a headless run leaves the player's data alone", "[e2e][zip][http]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto folder = make_pack(dir, 3, 3);
    rc::tests::TempDir served;
    rc::tests::write_zip(served.path() / "pack.zip", zip_entries_of(folder, "my-pack/"));
    LocalHttpServer server(served.path());
    const auto home = dir.path() / "home";
    const auto tmp = dir.path() / "tmp";
    fs::create_directories(home);
    fs::create_directories(tmp);
    const auto summary_file = dir.path() / "summary.json";
    // The player's data folder and the temporary folder, both watched.
    const std::string env = "XDG_DATA_HOME='" + home.string() + "' TMPDIR='" + tmp.string() + "' ";
    const auto run =
        run_game("--pack " + server.url("pack.zip") + " --seed 1 --answers rg --summary-json '" +
                     summary_file.string() + "'",
                 dir.path(), env);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(read_summary(summary_file)["out_of"] == 6);
    CHECK(fs::is_empty(home));  // no library, no downloaded copy, no settings
    CHECK(fs::is_empty(tmp));   // the scratch folder is gone
}

namespace {

// A clip made here by Debian's ffmpeg: a moving test pattern (its frame counter changes
// every frame). Missing ffmpeg fails the test: the clip tests must not pass by skipping.
void make_clip(const fs::path& file, const std::string& codec_args, double seconds = 2.0) {
    fs::create_directories(file.parent_path());
    const std::string command = "ffmpeg -v error -y -f lavfi -i testsrc=size=320x180:rate=24 -t " +
                                std::to_string(seconds) + " " + codec_args + " -an '" +
                                file.string() + "' </dev/null";
    INFO("needs Debian's ffmpeg (tools/setup-native installs it): " << command);
    REQUIRE(std::system(command.c_str()) == 0);
}

json clip_item_json(const std::string& id, const std::string& media, const std::string& answer) {
    json item = item_json(id, media, answer);
    item["kind"] = "video";
    item["tells"][0]["t0"] = 0.5;
    item["tells"][0]["t1"] = 1.5;
    return item;
}

// Whether two PNG files hold different pixels.
bool pictures_differ(const fs::path& a, const fs::path& b) {
    SDL_Surface* first = IMG_Load(a.c_str());
    SDL_Surface* second = IMG_Load(b.c_str());
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    bool differ = first->w != second->w || first->h != second->h;
    for (int y = 0; !differ && y < first->h; ++y)
        differ = std::memcmp(static_cast<Uint8*>(first->pixels) + y * first->pitch,
                             static_cast<Uint8*>(second->pixels) + y * second->pitch,
                             static_cast<std::size_t>(first->w) * 4) != 0;
    SDL_FreeSurface(first);
    SDL_FreeSurface(second);
    return differ;
}

}  // namespace

TEST_CASE("a headless game with video items plays them on a virtual clock", "[e2e][video]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    json clips = json::array({clip_item_json("clip-h264", "media/2000.mp4", "real"),
                              clip_item_json("clip-vp9", "media/2001.webm", "generated")});
    const auto pack = make_pack(dir, 1, 1, clips);
    make_clip(pack / "media/2000.mp4", "-c:v libx264 -pix_fmt yuv420p");
    make_clip(pack / "media/2001.webm", "-c:v libvpx-vp9 -b:v 200k");
    const auto shots = dir.path() / "shots";
    const auto summary_file = dir.path() / "summary.json";
    const auto run =
        run_game("--pack '" + pack.string() + "' --seed 2 --answers r --screenshot-dir '" +
                     shots.string() + "' --summary-json '" + summary_file.string() + "'",
                 dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto summary = read_summary(summary_file);
    CHECK(summary["out_of"] == 4);
    CHECK(ids_of(summary).count("clip-h264") == 1);
    CHECK(ids_of(summary).count("clip-vp9") == 1);
    // Each clip is saved at two times of the virtual clock, and the frames differ.
    int clips_seen = 0;
    for (int n = 1; n <= 4; ++n) {
        const std::string number = (n < 10 ? "0" : "") + std::to_string(n);
        const auto later = shots / ("q" + number + "-question-later.png");
        if (!fs::exists(later))
            continue;
        ++clips_seen;
        CHECK(pictures_differ(shots / ("q" + number + "-question.png"), later));
    }
    CHECK(clips_seen == 2);
}

TEST_CASE("clips that cannot play are left out with located warnings", "[e2e][video]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    json clips = json::array({clip_item_json("truncated", "media/3000.mp4", "real"),
                              clip_item_json("audio-only", "media/3001.mp4", "real"),
                              clip_item_json("not-a-clip", "media/3002.webm", "generated"),
                              clip_item_json("good", "media/3003.webm", "generated")});
    const auto pack = make_pack(dir, 2, 1, clips);
    make_clip(pack / "media/3000.mp4", "-c:v libx264 -pix_fmt yuv420p -movflags +faststart");
    const std::string whole = rc::tests::read_file(pack / "media/3000.mp4");
    dir.write("pack/media/3000.mp4", whole.substr(0, whole.size() / 2));
    const std::string audio = "ffmpeg -v error -y -f lavfi -i sine=frequency=440:duration=1 '" +
                              (pack / "media/3001.mp4").string() + "' </dev/null";
    REQUIRE(std::system(audio.c_str()) == 0);
    dir.write("pack/media/3002.webm", std::string(5000, 'x'));
    make_clip(pack / "media/3003.webm", "-c:v libvpx -b:v 200k");
    const auto summary_file = dir.path() / "summary.json";
    const auto run =
        run_game("--pack '" + pack.string() + "' --seed 4 --answers g --summary-json '" +
                     summary_file.string() + "'",
                 dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[3].media"));
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[4].media"));
    CHECK_THAT(run.err, Catch::Contains("pack.json: items[5].media"));
    const auto ids = ids_of(read_summary(summary_file));
    CHECK(ids.count("good") == 1);
    CHECK(ids.count("truncated") == 0);
    CHECK(ids.count("audio-only") == 0);
    CHECK(ids.count("not-a-clip") == 0);
    CHECK(ids.size() == 4);
}

TEST_CASE("the headless editor saves its screen at the requested size, in both languages",
          "[e2e][editor-ui]") {
    rc::tests::TempDir dir;
    const fs::path pack = make_pack(dir, 4, 4);
    dir.write("edits.txt",
              "item item-2\nadd-tell 0.3 0.4 0.12\nnote 2 fr Un reflet\nshot with-tell\n");
    const auto [lang, size, width, height] =
        GENERATE(std::make_tuple(std::string("fr"), std::string("1280x720"), 1280, 720),
                 std::make_tuple(std::string("en"), std::string("1920x1080"), 1920, 1080));
    const fs::path shots = dir.path() / ("shots-" + lang);
    const auto run = run_game("--edit '" + pack.string() + "' --edit-script '" +
                                  (dir.path() / "edits.txt").string() + "' --screenshot-dir '" +
                                  shots.string() + "' --size " + size + " --lang " + lang,
                              dir.path());
    INFO(run.err);
    CHECK(run.status == 0);
    for (const char* name : {"with-tell.png", "editor.png"}) {
        INFO(name);
        SDL_Surface* shot = IMG_Load((shots / name).c_str());
        REQUIRE(shot != nullptr);
        CHECK(shot->w == width);
        CHECK(shot->h == height);
        SDL_FreeSurface(shot);
    }
    // The edits are journalled, not saved: pack.json is as it was.
    CHECK(fs::exists(pack / "pack.json.journal"));
    CHECK(rc::tests::read_file(pack / "pack.json").find("Un reflet") == std::string::npos);
}

namespace {

// Whether two PNG files of one size hold different pixels inside `area`.
bool area_differs(const fs::path& a, const fs::path& b, SDL_Rect area) {
    SDL_Surface* first = IMG_Load(a.c_str());
    SDL_Surface* second = IMG_Load(b.c_str());
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    REQUIRE(first->w == second->w);
    REQUIRE(first->format->format == second->format->format);
    const int bytes = first->format->BytesPerPixel;
    bool differ = false;
    for (int y = area.y; !differ && y < area.y + area.h; ++y)
        differ =
            std::memcmp(static_cast<Uint8*>(first->pixels) + y * first->pitch + area.x * bytes,
                        static_cast<Uint8*>(second->pixels) + y * second->pitch + area.x * bytes,
                        static_cast<std::size_t>(area.w * bytes)) != 0;
    SDL_FreeSurface(first);
    SDL_FreeSurface(second);
    return differ;
}

}  // namespace

TEST_CASE("the headless editor shows a clip's frame at the time sought, the same each time",
          "[e2e][editor-ui][video]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    json clip = clip_item_json("clip", "media/2001.webm", "generated");
    clip.erase("tells");  // nothing drawn over the frame but the frame
    const auto pack = make_pack(dir, 1, 1, json::array({clip}));
    make_clip(pack / "media/2001.webm", "-c:v libvpx-vp9 -b:v 200k");
    dir.write("edits.txt", "item clip\nseek 0.2\nshot early\nseek 1.5\nshot late\nshot again\n");
    const fs::path shots = dir.path() / "shots";
    const auto run = run_game("--edit '" + pack.string() + "' --edit-script '" +
                                  (dir.path() / "edits.txt").string() + "' --screenshot-dir '" +
                                  shots.string() + "' --size 1280x720 --lang en",
                              dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    // The middle of the clip's frame, between the list (a fifth) and the fields (0.3).
    const SDL_Rect middle{320, 220, 500, 200};
    CHECK(area_differs(shots / "early.png", shots / "late.png", middle));
    CHECK_FALSE(pictures_differ(shots / "late.png", shots / "again.png"));
}

TEST_CASE("the windowed editor refuses a script, and a script needs --edit", "[e2e][editor-ui]") {
    rc::tests::TempDir dir;
    const fs::path pack = make_pack(dir, 4, 4);
    dir.write("edits.txt", "check\n");
    const std::string command = std::string(REALCHECK_BINARY) + " --edit-script '" +
                                (dir.path() / "edits.txt").string() + "' 2>/dev/null";
    const int raw = std::system(command.c_str());
    CHECK(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 1);
    const auto run = run_game("--edit '" + (dir.path() / "nowhere").string() + "' --edit-script '" +
                                  (dir.path() / "edits.txt").string() + "'",
                              dir.path());
    CHECK(run.status == 2);
}

namespace {

// A headless workshop run on `pack` with `votes` as VOTES.csv; the exports go to work/out.
Run run_workshop(const rc::tests::TempDir& dir, const fs::path& pack, const std::string& votes,
                 const std::string& extra) {
    const auto votes_file = dir.write("VOTES.csv", votes);
    return run_game("--workshop --pack '" + pack.string() + "' --votes '" + votes_file.string() +
                        "' --export-dir '" + (dir.path() / "out").string() + "' " + extra,
                    dir.path());
}

// The one file of `dir` whose name ends with `suffix`.
fs::path only_file_ending(const fs::path& dir, const std::string& suffix) {
    std::vector<fs::path> found;
    for (const auto& name : rc::tests::file_names(dir))
        if (name.size() > suffix.size() && name.ends_with(suffix))
            found.push_back(dir / name);
    REQUIRE(found.size() == 1);
    return found.front();
}

bool is_real(const json& item) {
    return item["answer"] == "real";
}

// Four items: two real, two generated; three with a category, the last without one.
fs::path make_category_pack(const rc::tests::TempDir& dir) {
    const std::vector<std::pair<std::string, std::string>> kinds = {
        {"real", "portrait"}, {"real", "landscape"}, {"generated", "portrait"}, {"generated", ""}};
    json items = json::array();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string media = "media/" + std::to_string(4000 + i) + ".png";
        write_picture(dir.path() / "pack" / media, static_cast<int>(i));
        json item = item_json("item-" + std::to_string(i), media, kinds[i].first);
        if (!kinds[i].second.empty())
            item["category"] = kinds[i].second;
        items.push_back(item);
    }
    json pack = {{"format", 1},
                 {"id", "solo"},
                 {"title", {{"fr", "Solo"}, {"en", "Solo"}}},
                 {"items", items}};
    dir.write("pack/pack.json", pack.dump(1));
    return dir.path() / "pack";
}

std::string expected_category(const std::string& id) {
    return id == "item-0" || id == "item-2" ? "portrait" : id == "item-1" ? "landscape" : "";
}

json saved_games(const fs::path& data) {
    const json results = read_summary(data / "results.json");
    REQUIRE(results["games"].is_array());
    return results["games"];
}

}  // namespace

TEST_CASE("a headless workshop plays a session from VOTES.csv and exports it", "[e2e][workshop]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 6, 6);
    // Quoted fields, a quoted UTF-8 band name with an en dash, a tie on item 2, item 3 and
    // the band "60 and over" absent, an unknown band and an item out of range.
    const std::string votes =
        "\"item\",band,real,\"generated\"\r\n"
        "1,under 18,5,2\r\n"
        "\"1\",\"18–34\",\"1\",1\r\n"
        "2,under 18,3,3\r\n"
        "4,35–59,0,7\r\n"
        "5,ados,1,1\r\n"
        "99,under 18,1,1\r\n";
    const auto shots = dir.path() / "shots";
    const auto run =
        run_workshop(dir, pack, votes,
                     "--seed 3 --items 8 --lang en --place 'Médiathèque; salle 2' --date '2 déc.' "
                     "--screenshot-dir '" +
                         shots.string() + "'");
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto out = dir.path() / "out";
    const json session = read_summary(only_file_ending(out, ".json"));

    SECTION("bad lines are located warnings and the run goes on") {
        CHECK(run.err.find("VOTES.csv:6: band: \"ados\" is not a band of this session") !=
              std::string::npos);
        CHECK(run.err.find("VOTES.csv:7: item: 99 is more than 8") != std::string::npos);
    }
    SECTION("the JSON holds the items in session order with their votes") {
        CHECK(session["out_of"] == 8);
        CHECK(session["place"] == "Médiathèque; salle 2");
        CHECK(session["date"] == "2 déc.");
        REQUIRE(session["items"].size() == 8);
        std::set<std::string> ids;
        for (const auto& item : session["items"]) {
            ids.insert(item["id"].get<std::string>());
            CHECK((item["answer"] == "real" || item["answer"] == "generated"));
        }
        CHECK(ids.size() == 8);
        const auto& items = session["items"];
        CHECK(items[0]["votes"] == json({{"under 18", {{"real", 5}, {"generated", 2}}},
                                         {"18–34", {{"real", 1}, {"generated", 1}}}}));
        CHECK(items[1]["votes"] == json({{"under 18", {{"real", 3}, {"generated", 3}}}}));
        CHECK(items[2]["votes"] == json::object());
        CHECK(items[3]["votes"] == json({{"35–59", {{"real", 0}, {"generated", 7}}}}));
        for (std::size_t i = 4; i < 8; ++i)
            CHECK(items[i]["votes"] == json::object());
    }
    SECTION("the score counts items whose right votes outnumber the wrong, not ties") {
        const auto& items = session["items"];
        const bool first_right = is_real(items[0]);  // 6 real votes against 3
        const bool fourth_right = !is_real(items[3]);
        CHECK(items[0]["room_right"] == first_right);
        CHECK(items[1]["room_right"] == false);  // 3 against 3
        CHECK(items[2]["room_right"] == false);  // not counted
        CHECK(session["score"] == int(first_right) + int(fourth_right));
    }
    SECTION("the bands hold their name, colour and votes right out of counted") {
        const auto& items = session["items"];
        const auto& bands = session["bands"];
        REQUIRE(bands.size() == 4);
        const char* names[] = {"under 18", "18–34", "35–59", "60 and over"};
        const char* colours[] = {"#e69f00", "#56b4e9", "#009e73", "#cc79a7"};
        for (std::size_t b = 0; b < 4; ++b) {
            CHECK(bands[b]["name"] == names[b]);
            CHECK(bands[b]["colour"] == colours[b]);
        }
        CHECK(bands[0]["total"] == 13);
        CHECK(bands[0]["correct"] == (is_real(items[0]) ? 5 : 2) + 3);
        CHECK(bands[1]["total"] == 2);
        CHECK(bands[1]["correct"] == 1);
        CHECK(bands[2]["total"] == 7);
        CHECK(bands[2]["correct"] == (is_real(items[3]) ? 0 : 7));
        CHECK(bands[3]["total"] == 0);
        CHECK(bands[3]["correct"] == 0);
    }
    SECTION("the CSV opens in French Excel: a BOM, semicolons, CRLF, one row per item and band") {
        const std::string csv = rc::tests::read_file(only_file_ending(out, ".csv"));
        REQUIRE(csv.rfind("\xEF\xBB\xBFsession;started_at;place;date;pack;position;item;answer;"
                          "band_number;band;real;generated;right;wrong\r\n",
                          0) == 0);
        std::size_t rows = 0;
        for (std::size_t at = csv.find("\r\n"); at != std::string::npos;
             at = csv.find("\r\n", at + 2))
            ++rows;
        CHECK(rows == 1 + 8 * 4);
        CHECK(csv.find('\n') == csv.find("\r\n") + 1);
        const std::string first_item = session["items"][0]["id"];
        CHECK(csv.find(";\"Médiathèque; salle 2\";2 déc.;Test;1;" + first_item + ";") !=
              std::string::npos);
        CHECK(csv.find(";1;" + first_item + ";" + session["items"][0]["answer"].get<std::string>() +
                       ";1;under 18;5;2;") != std::string::npos);
        // Not counted: empty votes, not 0.
        CHECK(csv.find(";3;" + session["items"][2]["id"].get<std::string>() + ";" +
                       session["items"][2]["answer"].get<std::string>() + ";4;60 and over;;;") !=
              std::string::npos);
    }
    SECTION("the debrief chart is a PNG beside the exports, and every step has a screenshot") {
        SDL_Surface* chart = IMG_Load(only_file_ending(out, "-debrief.png").c_str());
        REQUIRE(chart != nullptr);
        CHECK(chart->w == 1280);
        SDL_FreeSurface(chart);
        for (const char* name :
             {"w00-setup.png", "w01-vote.png", "w01-reveal.png", "w08-reveal.png",
              "w99-debrief.png", "w99-debrief-item.png", "w99-past.png"}) {
            INFO(name);
            CHECK(fs::exists(shots / name));
        }
    }
}

TEST_CASE("a French headless workshop names its bands in French", "[e2e][workshop]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 3, 3);
    const auto run = run_workshop(dir, pack,
                                  "item,band,real,generated\n1,moins de 18 ans,2,1\n"
                                  "2,under 18,4,4\n",
                                  "--seed 1 --lang fr");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.find("VOTES.csv:3: band: \"under 18\"") != std::string::npos);
    const json session = read_summary(only_file_ending(dir.path() / "out", ".json"));
    CHECK(session["out_of"] == 6);  // the pack is smaller than 20: all its items
    CHECK(session["bands"][0]["name"] == "moins de 18 ans");
    CHECK(session["bands"][3]["name"] == "60 ans et plus");
    CHECK(session["items"][0]["votes"] ==
          json({{"moins de 18 ans", {{"real", 2}, {"generated", 1}}}}));
    CHECK(session["items"][1]["votes"] == json::object());
}

TEST_CASE("a headless workshop without its files stops with a clear message", "[e2e][workshop]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 2, 2);
    const auto out = (dir.path() / "out").string();
    SECTION("a missing VOTES.csv is a usage error naming it") {
        const auto run =
            run_game("--workshop --pack '" + pack.string() + "' --votes '" +
                         (dir.path() / "none.csv").string() + "' --export-dir '" + out + "'",
                     dir.path());
        CHECK(run.status == 1);
        CHECK(run.err.find("none.csv") != std::string::npos);
    }
    SECTION("a VOTES.csv that is not a file is a usage error naming it once") {
        const auto run = run_game("--workshop --pack '" + pack.string() + "' --votes '" +
                                      dir.path().string() + "' --export-dir '" + out + "'",
                                  dir.path());
        CHECK(run.status == 1);
        CHECK(run.err == "realcheck: " + dir.path().string() + ": is not a regular file\n");
    }
    SECTION("no --votes is a usage error") {
        const auto run = run_game(
            "--workshop --pack '" + pack.string() + "' --export-dir '" + out + "'", dir.path());
        CHECK(run.status == 1);
        CHECK(run.err.find("--votes") != std::string::npos);
    }
    SECTION("a pack that cannot be opened is refused with status 2") {
        const auto run = run_workshop(dir, dir.path() / "no-pack", "1,x,1,1\n", "--seed 1");
        CHECK(run.status == 2);
        CHECK_FALSE(fs::exists(dir.path() / "out"));
    }
}

TEST_CASE("a headless workshop leaves out pictures that cannot be decoded", "[e2e][workshop]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack =
        make_pack(dir, 3, 3, json::array({item_json("corrupt", "media/corrupt.png", "generated")}));
    // The header is fine, the pixels are not: only the pack check's decode finds it.
    dir.write("pack/media/corrupt.png",
              rc::tests::read_file(pack / "media/1000.png").substr(0, 40) + std::string(200, 'Z'));
    const auto run = run_workshop(dir, pack, "1,under 18,1,0\n", "--seed 2 --lang en");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.err, Catch::Contains("media/corrupt.png"));
    const json session = read_summary(only_file_ending(dir.path() / "out", ".json"));
    CHECK(session["out_of"] == 6);
    for (const auto& item : session["items"])
        CHECK(item["id"] != "corrupt");
}

TEST_CASE("a solo player's confidence, categories and record on this computer", "[e2e][solo]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_category_pack(dir);
    const auto data = dir.path() / "data";
    // Answers always Real: the real items are right, the generated ones wrong.
    const auto play_game = [&](int seed, const std::string& extra = "") {
        const auto file = dir.path() / ("game" + std::to_string(seed) + ".json");
        const auto run = run_game("--pack '" + pack.string() + "' --seed " + std::to_string(seed) +
                                      " --answers r --sure su- --data-dir '" + data.string() +
                                      "' --summary-json '" + file.string() + "' " + extra,
                                  dir.path());
        INFO(run.err);
        REQUIRE(run.status == 0);
        return read_summary(file);
    };

    const json first = play_game(1);
    REQUIRE(first["items"].size() == 4);

    SECTION("the summary keeps what was said (cycled s, u, -) and each item's category") {
        const std::vector<json> said = {true, false, nullptr, true};
        for (std::size_t i = 0; i < 4; ++i) {
            const auto& item = first["items"][i];
            const auto id = item["id"].get<std::string>();
            INFO("item " << i << ": " << item.dump());
            if (said[i].is_null())
                CHECK_FALSE(item.contains("sure"));
            else
                CHECK(item["sure"] == said[i]);
            if (expected_category(id).empty())
                CHECK_FALSE(item.contains("category"));
            else
                CHECK(item["category"] == expected_category(id));
            CHECK(item["correct"] == (id == "item-0" || id == "item-1"));
            CHECK_FALSE(item.contains("played_here"));
        }
    }

    SECTION("the saved result keeps them as the summary does") {
        const json games = saved_games(data);
        REQUIRE(games.size() == 1);
        for (std::size_t i = 0; i < 4; ++i) {
            INFO("item " << i);
            CHECK(games[0]["items"][i]["id"] == first["items"][i]["id"]);
            CHECK(games[0]["items"][i].value("sure", json()) ==
                  first["items"][i].value("sure", json()));
            CHECK(games[0]["items"][i].value("category", "") ==
                  first["items"][i].value("category", ""));
        }
    }

    SECTION("an item's record here is given once it was played 5 times, and is right") {
        for (int seed = 2; seed <= 5; ++seed) {
            const json earlier = play_game(seed);
            for (const auto& item : earlier["items"])
                CHECK_FALSE(item.contains("played_here"));
        }
        // Counted from the saved games, not assumed: every item was played in each game.
        std::map<std::string, std::pair<int, int>> expected;
        for (const auto& game : saved_games(data))
            for (const auto& item : game["items"]) {
                auto& counts = expected[item["id"].get<std::string>()];
                ++(item["correct"].get<bool>() ? counts.first : counts.second);
            }
        REQUIRE(expected.size() == 4);
        const auto shots = dir.path() / "shots";
        const json sixth = play_game(6, "--screenshot-dir '" + shots.string() + "'");
        for (const auto& item : sixth["items"]) {
            INFO(item.dump());
            REQUIRE(item.contains("played_here"));
            const auto& [right, wrong] = expected.at(item["id"].get<std::string>());
            CHECK(right + wrong == 5);
            CHECK(item["played_here"]["right"] == right);
            CHECK(item["played_here"]["wrong"] == wrong);
        }
        CHECK(expected.at("item-0") == std::pair<int, int>{5, 0});
        CHECK(expected.at("item-3") == std::pair<int, int>{0, 5});
        CHECK(saved_games(data).size() == 6);
        CHECK(fs::exists(shots / "zz-progress.png"));
    }

    SECTION("--sure takes only s, u and -") {
        const auto run =
            run_game("--pack '" + pack.string() + "' --seed 1 --answers r --sure sx", dir.path());
        CHECK(run.status == 1);
        CHECK_THAT(run.err, Catch::Contains("--sure: 'x' is not s, u or -"));
    }
}

// ---- the editor, headless ----

namespace {

// The tells' yellow (widgets.cpp) in the picture's part of a screenshot: left of the
// explanation and below the progress bar, which is yellow too.
int tell_pixels(const fs::path& png) {
    SDL_Surface* loaded = IMG_Load(png.c_str());
    REQUIRE(loaded != nullptr);
    SDL_Surface* shot = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(loaded);
    REQUIRE(shot != nullptr);
    int count = 0;
    for (int y = shot->h / 8; y < shot->h; ++y) {
        const auto* row = static_cast<const Uint8*>(shot->pixels) + y * shot->pitch;
        for (int x = 0; x < shot->w * 3 / 5; ++x) {
            const Uint8* p = row + x * 4;
            count += p[0] > 230 && p[1] > 190 && p[1] < 235 && p[2] < 60;
        }
    }
    SDL_FreeSurface(shot);
    return count;
}

std::size_t position_of(const json& summary, const std::string& id) {
    for (std::size_t i = 0; i < summary["items"].size(); ++i)
        if (summary["items"][i]["id"] == id)
            return i;
    FAIL("no item " << id << " in the game");
    return 0;
}

std::string answer_shot(std::size_t position) {
    const std::size_t n = position + 1;
    return std::string("q") + (n < 10 ? "0" : "") + std::to_string(n) + "-answer.png";
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

}  // namespace

TEST_CASE("a scripted editing session adds tells the game then draws", "[e2e][editor]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 2, 2);
    const std::string original = rc::tests::read_file(pack / "pack.json");
    const auto script = dir.write("edit.txt",
                                  "item item-3\n"
                                  "delete-tell 1\n"
                                  "add-tell 0.25 0.3 0.1\n"
                                  "note 1 fr Six doigts\n"
                                  "note 1 en Six fingers\n"
                                  "add-tell 0.7 0.65 0.12\n"
                                  "note 2 fr L'ombre saute\n"
                                  "note 2 en The shadow jumps\n"
                                  "set explanation fr Deux indices.\\nRegardez bien.\n"
                                  "set explanation en Two tells.\\nLook closely.\n"
                                  "save\n");
    const auto edit =
        run_game("--edit " + quoted(pack) + " --edit-script " + quoted(script), dir.path());
    INFO(edit.err);
    REQUIRE(edit.status == 0);
    CHECK(edit.err.empty());
    CHECK(rc::tests::read_file(pack / "pack.json.bak") == original);
    CHECK_FALSE(fs::exists(pack / "pack.json.journal"));

    // It validates: the game's own checks and the pack tool's, without a single problem.
    auto source = rc::content::open_folder_source(pack);
    REQUIRE(source.ok());
    const auto checked = rc::content::load_pack_as_game(*source.value);
    REQUIRE(checked.ok());
    CHECK(checked.problems.empty());
    const auto saved = json::parse(rc::tests::read_file(pack / "pack.json"));
    for (std::size_t i = 0; i < saved["items"].size(); ++i)
        CHECK(rc::content::check_item(saved["items"][i], i).problems.empty());
    const auto& item = checked.value->manifest.items.at(3);
    REQUIRE(item.id == "item-3");
    REQUIRE(item.tells.size() == 2);
    CHECK(item.tells[1].x == Approx(0.7f));
    CHECK(item.tells[1].note.en == "The shadow jumps");
    CHECK(item.explanation.fr == "Deux indices.\nRegardez bien.");

    // It plays, the two new circles drawn where one was.
    const auto shots = dir.path() / "shots";
    const auto summary_file = dir.path() / "summary.json";
    const auto play =
        run_game("--pack " + quoted(pack) + " --seed 1 --answers r --screenshot-dir " +
                     quoted(shots) + " --summary-json " + quoted(summary_file),
                 dir.path());
    INFO(play.err);
    REQUIRE(play.status == 0);
    const auto summary = read_summary(summary_file);
    const int edited = tell_pixels(shots / answer_shot(position_of(summary, "item-3")));
    const int one_tell = tell_pixels(shots / answer_shot(position_of(summary, "item-0")));
    INFO("yellow pixels: edited " << edited << ", one tell " << one_tell);
    CHECK(one_tell > 100);
    CHECK(edited > one_tell * 3 / 2);
}

TEST_CASE("an editing session killed mid-edit loses at most its last seconds", "[e2e][editor]") {
    rc::tests::TempDir dir;
    const auto pack = make_pack(dir, 2, 2);
    const std::string original = rc::tests::read_file(pack / "pack.json");
    const auto script = dir.write("edit.txt",
                                  "item item-0\n"
                                  "add-tell 0.3 0.3 0.1\n"
                                  "note 2 fr avant la pause\n"
                                  "sleep 1500\n"
                                  "add-tell 0.7 0.7 0.1\n"
                                  "note 3 en after the pause\n"
                                  "set category kitchen\n"
                                  "echo edited\n"
                                  "sleep 60000\n");
    const auto out_file = dir.path() / "out.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    const std::string pack_arg = pack.string();
    const std::string script_arg = script.string();
    const char* argv[] = {REALCHECK_BINARY, "--headless",       "--edit", pack_arg.c_str(),
                          "--edit-script",  script_arg.c_str(), nullptr};
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, REALCHECK_BINARY, &actions, nullptr, const_cast<char**>(argv),
                        environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    // Once the last edit is reported, wait longer than the journal's flush interval, then
    // kill the editor as a crash would: no chance to save or flush anything.
    bool reported = false;
    for (int waited = 0; waited < 30'000 && !reported; waited += 50) {
        reported = rc::tests::read_file(out_file).find("edited\n") != std::string::npos;
        if (!reported)
            usleep(50'000);
    }
    usleep(2'000'000);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(reported);
    REQUIRE(WIFSIGNALED(status));
    CHECK(rc::tests::read_file(pack / "pack.json") == original);
    REQUIRE(fs::exists(pack / "pack.json.journal"));

    const auto recover = dir.write("recover.txt", "recover\nsave\n");
    const auto run =
        run_game("--edit " + quoted(pack) + " --edit-script " + quoted(recover), dir.path());
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err == "realcheck: " + (pack / "pack.json.journal").string() +
                         " holds edits an earlier session did not save: the script must recover "
                         "or discard them (recover, discard-journal)\n");
    const auto saved = json::parse(rc::tests::read_file(pack / "pack.json"));
    const auto& item = saved["items"][0];
    REQUIRE(item["tells"].size() == 3);
    CHECK(item["tells"][1]["note"]["fr"] == "avant la pause");
    CHECK(item["tells"][2]["note"]["en"] == "after the pause");
    CHECK(item["category"] == "kitchen");
    CHECK(rc::tests::read_file(pack / "pack.json.bak") == original);
}
