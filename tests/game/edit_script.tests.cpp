// The scripted editing session behind `realcheck --headless --edit PACK --edit-script FILE`:
// what a script does to the pack, and located mistakes (status 2) for every bad line.
#include <catch2/catch.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "content/pack.h"
#include "content/test_images.h"
#include "game/edit_script.h"
#include "game/pack_editor.h"
#include "support/clip_pack.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path write_pack(const rc::tests::TempDir& dir) {
    json items = json::array();
    for (const char* id : {"a", "b", "c"}) {
        json item = rc::tests::item_json(id, std::string("media/") + id + ".png");
        item["origin"] = {{"file", "IMG_0001.JPG"}};
        items.push_back(item);
        dir.write(std::string("pack/media/") + id + ".png", rc::tests::png_bytes(400, 300));
    }
    dir.write("pack/pack.json", rc::tests::pack_json(items).dump(2));
    return dir.path() / "pack";
}

struct Outcome {
    int status = -1;
    std::string out;
    std::string err;
};

std::string read_all(std::FILE* file) {
    std::string text;
    std::rewind(file);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
        text.append(buffer, n);
    std::fclose(file);
    return text;
}

Outcome run_script(const rc::tests::TempDir& dir, const fs::path& pack, const std::string& script,
                   std::vector<int>* slept = nullptr) {
    dir.write("edits.txt", script);
    rc::game::EditScriptDesc desc;
    desc.pack = pack;
    desc.script = dir.path() / "edits.txt";
    desc.out = std::tmpfile();
    desc.err = std::tmpfile();
    desc.sleep = [slept](int ms) {
        if (slept)
            slept->push_back(ms);
    };
    Outcome outcome;
    outcome.status = rc::game::run_edit_script(desc);
    outcome.out = read_all(desc.out);
    outcome.err = read_all(desc.err);
    return outcome;
}

json saved(const fs::path& pack) {
    return json::parse(rc::tests::read_file(pack / "pack.json"));
}

}  // namespace

TEST_CASE("a script adds two tells and an explanation, saves, and the pack plays them",
          "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const auto outcome = run_script(dir, pack,
                                    "# two tells on b\n"
                                    "item b\n"
                                    "add-tell 0.25 0.3 0.1\n"
                                    "note 1 fr Six doigts\n"
                                    "note 1 en Six fingers\n"
                                    "add-tell 0.7 0.6\n"
                                    "note 2 fr L'ombre saute\n"
                                    "note 2 en The shadow jumps\n"
                                    "set explanation fr Regardez les mains.\\nPuis l'ombre.\n"
                                    "set explanation en Look at the hands.\\nThen the shadow.\n"
                                    "set licence CC-BY-4.0\n"
                                    "save\n");
    INFO(outcome.err);
    REQUIRE(outcome.status == 0);
    CHECK(outcome.out == "saved " + (pack / "pack.json").string() + " (0 problems)\n");
    CHECK(outcome.err.empty());
    const json item = saved(pack)["items"][1];
    REQUIRE(item["tells"].size() == 2);
    CHECK(item["tells"][0] == json::parse(R"({"x": 0.25, "y": 0.3, "r": 0.1,
                                              "note": {"fr": "Six doigts", "en": "Six fingers"}})"));
    CHECK(item["tells"][1]["r"] == 0.08);  // kDefaultTellRadius when R is left out
    CHECK(item["explanation"]["fr"] == "Regardez les mains.\nPuis l'ombre.");
    CHECK(item["source"]["license"] == "CC-BY-4.0");
    CHECK(item["origin"]["file"] == "IMG_0001.JPG");
    CHECK(fs::exists(pack / "pack.json.bak"));
    auto loaded = rc::content::load_pack(pack);
    REQUIRE(loaded.ok());
    CHECK(loaded.value->manifest.items.at(1).tells.size() == 2);
}

TEST_CASE("a script saved by Windows Notepad (a BOM, CRLF line ends) runs as written",
          "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const auto outcome = run_script(dir, pack,
                                    "\xEF\xBB\xBFitem c\r\nadd-tell 0.5 0.5 0.1\r\n"
                                    "note 1 en Too smooth\r\nsave\r\n");
    INFO(outcome.err);
    REQUIRE(outcome.status == 0);
    const json item = saved(pack)["items"][2];
    REQUIRE(item["tells"].size() == 1);
    CHECK(item["tells"][0]["note"]["en"] == "Too smooth");
}

TEST_CASE("undo, redo, move, resize, times and delete from a script", "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const auto outcome = run_script(dir, pack,
                                    "item a\n"
                                    "add-tell 0.5 0.5 0.1\n"
                                    "note 1 en here\n"
                                    "move-tell 1 0.2 0.8\n"
                                    "resize-tell 1 0.15\n"
                                    "times 1 1.5 -\n"
                                    "add-tell 0.9 0.1 0.05\n"
                                    "set category   night   city  \n"
                                    "undo\n"
                                    "undo\n"
                                    "redo\n"
                                    "redo\n"
                                    "delete-tell 2\n"
                                    "set url\n"
                                    "save\n"
                                    "quit\n"
                                    "this line is never read\n");
    INFO(outcome.err);
    REQUIRE(outcome.status == 0);
    const json item = saved(pack)["items"][0];
    REQUIRE(item["tells"].size() == 1);
    CHECK(item["tells"][0]["x"] == 0.2);
    CHECK(item["tells"][0]["y"] == 0.8);
    CHECK(item["tells"][0]["r"] == 0.15);
    CHECK(item["tells"][0]["t0"] == 1.5);
    CHECK_FALSE(item["tells"][0].contains("t1"));
    CHECK(item["category"] == "night   city  ");  // the text as typed, after one space
}

TEST_CASE("a mistake in a script stops it with its place and status 2", "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const std::string original = rc::tests::read_file(pack / "pack.json");
    const auto [line, message] = GENERATE(
        std::pair<std::string, std::string>{"add-tell 0.5 0.5",
                                            "add-tell: no item chosen yet "
                                            "(start with: item ID)"},
        std::pair<std::string, std::string>{"item zz", "item: no item has the id \"zz\""},
        std::pair<std::string, std::string>{"item", "item: expected one item id"},
        std::pair<std::string, std::string>{"fly away",
                                            "unknown command \"fly\" (item, add-tell, move-tell, "
                                            "resize-tell, note, times, seek, start-tell, "
                                            "end-tell, delete-tell, set, undo, redo, save, check, "
                                            "recover, discard-journal, sleep, echo, shot, quit)"},
        std::pair<std::string, std::string>{"undo", "undo: nothing to undo"},
        std::pair<std::string, std::string>{"sleep soon",
                                            "sleep: expected milliseconds (0 to 3600000)"});
    const auto outcome = run_script(dir, pack, "# a comment\n\n" + line + "\nsave\n");
    CHECK(outcome.status == 2);
    CHECK(outcome.err == (dir.path() / "edits.txt").string() + ":3: " + message + "\n");
    CHECK(rc::tests::read_file(pack / "pack.json") == original);
}

TEST_CASE("bad arguments to each command are located", "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const auto [line, message] = GENERATE(
        std::pair<std::string, std::string>{
            "add-tell left 0.5",
            "add-tell: expected X Y [R], fractions of the picture (0.42 0.61 "
            "0.08)"},
        std::pair<std::string, std::string>{"add-tell 0.5 0.5 0.1 0.2",
                                            "add-tell: expected X Y [R], fractions of the picture "
                                            "(0.42 0.61 0.08)"},
        std::pair<std::string, std::string>{"move-tell 0 0.5 0.5",
                                            "move-tell: expected a tell number (1 for the first) "
                                            "after move-tell"},
        std::pair<std::string, std::string>{"move-tell 3 0.5 0.5",
                                            "move-tell: item \"a\" has no tell 3 (it has 1)"},
        std::pair<std::string, std::string>{"move-tell 1 0.5",
                                            "move-tell: expected N X Y, fractions of the picture"},
        std::pair<std::string, std::string>{"resize-tell 1 big",
                                            "resize-tell: expected N R, a fraction of the "
                                            "picture's width"},
        std::pair<std::string, std::string>{"note 1 de Hallo", "note: expected N fr|en TEXT"},
        std::pair<std::string, std::string>{"times 1 1 2 3",
                                            "times: expected N T0 T1, seconds or - for an open "
                                            "end"},
        std::pair<std::string, std::string>{"delete-tell 1 2", "delete-tell: expected only N"},
        std::pair<std::string, std::string>{"set colour red",
                                            "set: unknown field \"colour\" (answer, explanation, "
                                            "credit, license, url, generator, prompt, category, "
                                            "difficulty)"},
        std::pair<std::string, std::string>{"set explanation Look",
                                            "set: explanation needs a language: set explanation "
                                            "fr|en TEXT"},
        std::pair<std::string, std::string>{"redo", "redo: nothing to redo"},
        std::pair<std::string, std::string>{"recover", "recover: JOURNAL: no journal to recover"});
    std::string expected = message;
    if (const auto at = expected.find("JOURNAL"); at != std::string::npos)
        expected.replace(at, 7, (pack / "pack.json.journal").string());
    const auto outcome = run_script(dir, pack, "item a\nadd-tell 0.5 0.5 0.1\n" + line + "\n");
    CHECK(outcome.status == 2);
    CHECK(outcome.err == (dir.path() / "edits.txt").string() + ":3: " + expected + "\n");
}

TEST_CASE("a pack that cannot be edited, or a missing script, ends the session",
          "[game][editor][script]") {
    rc::tests::TempDir dir;
    SECTION("a pack that is not one: status 2, its problem") {
        dir.write("pack/pack.json", "not json");
        const auto outcome = run_script(dir, dir.path() / "pack", "save\n");
        CHECK(outcome.status == 2);
        CHECK_THAT(outcome.err, Catch::StartsWith("pack.json: not valid JSON: line 1"));
    }
    SECTION("no script: status 1") {
        rc::game::EditScriptDesc desc;
        desc.pack = write_pack(dir);
        desc.script = dir.path() / "missing.txt";
        desc.err = std::tmpfile();
        CHECK(rc::game::run_edit_script(desc) == 1);
        CHECK(read_all(desc.err) == "realcheck: " + desc.script.string() + ": no such file\n");
    }
}

TEST_CASE("a script recovers what a crashed session left in the journal",
          "[game][editor][script][journal]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    // The first session ends without saving: its edits stay in the journal.
    auto first = run_script(dir, pack, "item c\nadd-tell 0.4 0.4 0.1\nnote 1 fr ici\n");
    REQUIRE(first.status == 0);
    CHECK(first.err == "realcheck: the edits made after the last save are kept in " +
                           (pack / "pack.json.journal").string() +
                           "; the next session can recover them\n");
    const std::string notice = "realcheck: " + (pack / "pack.json.journal").string() +
                               " holds edits an earlier session did not save: the script must "
                               "recover or discard them (recover, discard-journal)\n";
    SECTION("an edit before choosing is refused") {
        auto second = run_script(dir, pack, "item c\nadd-tell 0.5 0.5\n");
        CHECK(second.status == 2);
        CHECK(second.err == notice + (dir.path() / "edits.txt").string() +
                                ":2: add-tell: " + (pack / "pack.json.journal").string() +
                                ": unsaved edits from an earlier session: recover or discard "
                                "them first\n");
    }
    SECTION("recover, then save") {
        auto second = run_script(dir, pack, "recover\nsave\n");
        CHECK(second.status == 0);
        CHECK(saved(pack)["items"][2]["tells"][0]["note"]["fr"] == "ici");
        CHECK_FALSE(fs::exists(pack / "pack.json.journal"));
    }
    SECTION("discard, then the pack is as it was saved") {
        auto second = run_script(dir, pack, "discard-journal\nitem c\nset category x\nsave\n");
        CHECK(second.status == 0);
        CHECK_FALSE(saved(pack)["items"][2].contains("tells"));
        CHECK(saved(pack)["items"][2]["category"] == "x");
    }
}

TEST_CASE("sleep waits in slices and echo reports at once", "[game][editor][script]") {
    rc::tests::TempDir dir;
    std::vector<int> slept;
    const auto outcome =
        run_script(dir, write_pack(dir), "sleep 250\necho  waited  \nsleep 0\n", &slept);
    CHECK(outcome.status == 0);
    CHECK(slept == std::vector<int>{100, 100, 50});
    CHECK(outcome.out == "waited  \n");
}

TEST_CASE("no script line makes the editor crash", "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    // Every command with every kind of argument, including hostile ones.
    const std::vector<std::string> commands = {
        "item", "add-tell", "move-tell", "resize-tell", "note", "times",   "delete-tell",    "set",
        "undo", "redo",     "check",     "sleep",       "echo", "recover", "discard-journal"};
    const std::vector<std::string> arguments = {"",
                                                "1",
                                                "0",
                                                "-1",
                                                "nan",
                                                "inf",
                                                "1e308",
                                                "99999999999999999999",
                                                "a",
                                                "fr",
                                                "en x",
                                                "1 1 1 1",
                                                "1 fr \xff\xfe",
                                                "answer x",
                                                "explanation fr \\",
                                                "- -",
                                                "1 - -",
                                                "difficulty 7",
                                                "credit",
                                                "0.5 0.5 0.5"};
    std::string script = "item b\n";
    for (const auto& command : commands)
        for (const auto& argument : arguments)
            script += command + " " + argument + "\n";
    // Each line on its own, so a mistake does not stop the rest from being tried.
    std::size_t start = 0;
    while (start < script.size()) {
        const auto end = script.find('\n', start);
        const std::string line = script.substr(start, end - start);
        start = end + 1;
        const auto outcome = run_script(dir, pack, "item b\n" + line + "\n");
        CHECK((outcome.status == 0 || outcome.status == 2));
        run_script(dir, pack, "discard-journal\n");
    }
}

TEST_CASE("on a clip, seek sets the time add-tell, start-tell and end-tell use",
          "[game][editor][script][video]") {
    rc::tests::TempDir dir;
    const fs::path pack = rc::tests::write_clip_pack(dir);

    SECTION("a tell from 0.3 s to 0.7 s, another whose start moves to 0.5 s") {
        const auto outcome = run_script(dir, pack,
                                        "item clip\n"
                                        "seek 0.3\n"
                                        "add-tell 0.5 0.5\n"
                                        "seek 0.7\n"
                                        "end-tell 1\n"
                                        "add-tell 0.2 0.2\n"
                                        "seek 0.5\n"
                                        "start-tell 2\n"
                                        "save\n");
        INFO(outcome.err);
        REQUIRE(outcome.status == 0);
        const json tells = saved(pack)["items"][0]["tells"];
        REQUIRE(tells.size() == 2);
        CHECK(tells[0]["t0"] == 0.3);
        CHECK(tells[0]["t1"] == 0.7);
        CHECK(tells[1]["t0"] == 0.5);
        CHECK_FALSE(tells[1].contains("t1"));
    }
    SECTION("a time past the clip's end is its end") {
        const auto outcome =
            run_script(dir, pack, "item clip\nadd-tell 0.5 0.5\nseek 60\nend-tell 1\nsave\n");
        REQUIRE(outcome.status == 0);
        const json tell = saved(pack)["items"][0]["tells"][0];
        CHECK_FALSE(tell.contains("t0"));  // added before any seek: from the start
        CHECK(tell["t1"].get<double>() == Approx(1.0).margin(0.05));
    }
    SECTION("mistakes: no time sought, a picture, a time that is not one") {
        const auto [script, message] = GENERATE(
            std::pair<std::string, std::string>{"item clip\nadd-tell 0.5 0.5\nend-tell 1\n",
                                                ":3: end-tell: no time sought on this clip yet "
                                                "(seek SECONDS first)\n"},
            std::pair<std::string, std::string>{"item b\nseek 1\n",
                                                ":2: seek: item \"b\" is not a clip\n"},
            std::pair<std::string, std::string>{"item clip\nseek -1\n",
                                                ":2: seek: expected seconds from the clip's start "
                                                "(1.5)\n"},
            // A new item forgets the time sought on the last one.
            std::pair<std::string, std::string>{"item clip\nseek 0.5\nitem clip\nadd-tell 0.5 "
                                                "0.5\nstart-tell 1\n",
                                                ":5: start-tell: no time sought on this clip yet "
                                                "(seek SECONDS first)\n"});
        const auto outcome = run_script(dir, pack, script);
        CHECK(outcome.status == 2);
        CHECK(outcome.err == (dir.path() / "edits.txt").string() + message);
        run_script(dir, pack, "discard-journal\n");
    }
}

TEST_CASE("shot NAME hands the editor and the chosen item to the screenshot taker",
          "[game][editor][script]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    dir.write("edits.txt", "shot start\nitem b\nadd-tell 0.5 0.5\nshot after-tell\n");
    rc::game::EditScriptDesc desc;
    desc.pack = pack;
    desc.script = dir.path() / "edits.txt";
    desc.out = std::tmpfile();
    desc.err = std::tmpfile();
    struct Shot {
        std::string name;
        std::optional<std::size_t> item;
        std::size_t tells = 0;
        std::optional<std::size_t> tell;
        double clip_time = 0.0;
    };
    std::vector<Shot> shots;
    desc.shot = [&shots](rc::game::PackEditor& editor, const rc::game::EditShot& shot) {
        shots.push_back({shot.name, shot.item, shot.item ? editor.tells(*shot.item).size() : 0,
                         shot.tell, shot.clip_time});
        return std::string();
    };

    SECTION("at each shot, then once at the end as \"editor\"") {
        CHECK(rc::game::run_edit_script(desc) == 0);
        REQUIRE(shots.size() == 3);
        CHECK(shots[0].name == "start");
        CHECK_FALSE(shots[0].item);
        CHECK(shots[1].name == "after-tell");
        CHECK(shots[1].item == std::optional<std::size_t>(1));
        CHECK(shots[1].tells == 1);
        CHECK(shots[1].tell == std::optional<std::size_t>(0));  // the tell just added
        CHECK(shots[2].name == "editor");
    }
    SECTION("a shot that fails stops the script with status 1") {
        desc.shot = [](rc::game::PackEditor&, const rc::game::EditShot&) {
            return std::string("no screen");
        };
        CHECK(rc::game::run_edit_script(desc) == 1);
        CHECK(read_all(desc.err) == (dir.path() / "edits.txt").string() + ":1: shot: no screen\n");
        desc.err = nullptr;
    }
    SECTION("a name that is not a plain file name is a mistake") {
        dir.write("edits.txt", "shot ../x\n");
        CHECK(rc::game::run_edit_script(desc) == 2);
        CHECK(shots.empty());
    }
    if (desc.err)
        std::fclose(desc.err);
    std::fclose(desc.out);
}
