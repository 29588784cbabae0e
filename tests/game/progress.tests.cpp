// What the device remembers: settings, deck history and results as versioned JSON files;
// unreadable files are moved aside and defaults used; the headless summary's shape.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/manifest.h"
#include "game/progress.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using rc::content::Answer;
using rc::content::Lang;
using rc::game::DeckHistory;
using rc::game::GameResult;
using rc::game::LoadNote;
using rc::game::Progress;
using rc::game::Settings;
using rc::tests::file_names;
using rc::tests::read_file;

GameResult make_result(const std::string& pack, std::uint64_t seed, std::size_t score) {
    GameResult result;
    result.pack_id = pack;
    result.seed = seed;
    result.score = score;
    result.out_of = 2;
    result.items = {{"a", Answer::Real, Answer::Real, true, std::nullopt, {}},
                    {"b", Answer::Edited, Answer::Generated, false, std::nullopt, {}}};
    return result;
}

}  // namespace

TEST_CASE("Progress keeps the settings", "[game][progress]") {
    rc::tests::TempDir dir;
    const Progress progress(dir.path());

    SECTION("absent settings give the defaults and no note") {
        LoadNote note;
        const auto settings = progress.load_settings(&note);
        CHECK(note.message.empty());
        CHECK(settings.lang == Lang::En);
        CHECK_FALSE(settings.lang_chosen);
        CHECK(settings.text_size == 1);
        CHECK(settings.last_pack.empty());
        CHECK_FALSE(fs::exists(dir.path() / "settings.json"));
    }

    SECTION("a chosen language, text size and last pack round-trip") {
        Settings saved;
        saved.lang = Lang::Fr;
        saved.lang_chosen = true;
        saved.text_size = 3;
        saved.last_pack = "/home/anne/packs/café-ia/pack.json";
        REQUIRE(progress.save_settings(saved) == "");
        REQUIRE(fs::exists(dir.path() / "settings.json"));

        LoadNote note;
        const auto loaded = progress.load_settings(&note);
        CHECK(note.message.empty());
        CHECK(loaded.lang == Lang::Fr);
        CHECK(loaded.lang_chosen);
        CHECK(loaded.text_size == 3);
        CHECK(loaded.last_pack == saved.last_pack);

        const auto file = json::parse(read_file(dir.path() / "settings.json"));
        CHECK(file["format"] == rc::game::kSettingsFormat);
        CHECK(file["lang"] == "fr");
    }

    SECTION("a last pack path that is not UTF-8 round-trips byte for byte") {
        Settings saved;
        saved.last_pack = "/home/anne/packs/caf\xE9/pack.json";  // Latin-1 é
        REQUIRE(progress.save_settings(saved).empty());
        const auto file = json::parse(read_file(dir.path() / "settings.json"), nullptr, false);
        REQUIRE_FALSE(file.is_discarded());
        CHECK(
            file["last_pack"] ==
            json{{"bytes_hex", "2f686f6d652f616e6e652f7061636b732f636166e92f7061636b2e6a736f6e"}});
        LoadNote note;
        CHECK(progress.load_settings(&note).last_pack == saved.last_pack);
        CHECK(note.message.empty());
    }

    SECTION("every kind of broken UTF-8 is kept as bytes, valid UTF-8 as a string") {
        for (const std::string& path :
             std::vector<std::string>{"/p/\xC3", "/p/\xC0\xAF", "/p/\xED\xA0\x80",
                                      "/p/\xF4\x90\x80\x80", "/p/\xFF", std::string("/p/\0x", 4)}) {
            Settings saved;
            saved.last_pack = path;
            REQUIRE(progress.save_settings(saved).empty());
            CHECK(progress.load_settings(nullptr).last_pack == path);
        }
        Settings saved;
        saved.last_pack = "/p/\xF0\x9F\x98\x80";  // 😀: valid, stays readable
        REQUIRE(progress.save_settings(saved).empty());
        const auto file = json::parse(read_file(dir.path() / "settings.json"));
        CHECK(file["last_pack"] == "/p/😀");
    }

    SECTION("a hand-edited last pack that is neither form is ignored") {
        for (const char* text : {R"({"format": 1, "last_pack": {"bytes_hex": "2f7"}})",
                                 R"({"format": 1, "last_pack": {"bytes_hex": "zz"}})",
                                 R"({"format": 1, "last_pack": 42})"}) {
            dir.write("settings.json", text);
            CHECK(progress.load_settings(nullptr).last_pack.empty());
        }
    }

    SECTION("English chosen explicitly is remembered as chosen") {
        Settings saved;
        saved.lang = Lang::En;
        saved.lang_chosen = true;
        REQUIRE(progress.save_settings(saved).empty());
        const auto loaded = progress.load_settings(nullptr);
        CHECK(loaded.lang == Lang::En);
        CHECK(loaded.lang_chosen);
    }

    SECTION("a language not chosen stays not chosen, whatever lang held") {
        Settings saved;
        saved.lang = Lang::Fr;
        saved.lang_chosen = false;
        saved.text_size = 0;
        REQUIRE(progress.save_settings(saved).empty());
        const auto file = json::parse(read_file(dir.path() / "settings.json"));
        CHECK_FALSE(file.contains("lang"));
        CHECK_FALSE(file.contains("last_pack"));

        const auto loaded = progress.load_settings(nullptr);
        CHECK_FALSE(loaded.lang_chosen);
        CHECK(loaded.lang == Lang::En);
        CHECK(loaded.text_size == 0);
        CHECK(loaded.last_pack.empty());
    }

    SECTION("saving again replaces the previous settings") {
        Settings first;
        first.text_size = 2;
        first.last_pack = "a";
        REQUIRE(progress.save_settings(first).empty());
        Settings second;
        second.text_size = 0;
        REQUIRE(progress.save_settings(second).empty());
        const auto loaded = progress.load_settings(nullptr);
        CHECK(loaded.text_size == 0);
        CHECK(loaded.last_pack.empty());
        CHECK(file_names(dir.path()) == std::vector<std::string>{"settings.json"});
    }

    SECTION("a corrupt settings file gives defaults, a note, and is kept aside unchanged") {
        const std::string garbage = "{\"format\": 1, \"lang\": \"fr\", oops";
        dir.write("settings.json", garbage);
        LoadNote note;
        const auto settings = progress.load_settings(&note);
        CHECK_FALSE(settings.lang_chosen);
        CHECK(settings.text_size == 1);
        CHECK_THAT(note.message, Catch::Contains("settings.json"));
        CHECK_THAT(note.message, Catch::Contains("settings.json.corrupt-1"));
        CHECK_FALSE(fs::exists(dir.path() / "settings.json"));
        REQUIRE(fs::exists(dir.path() / "settings.json.corrupt-1"));
        CHECK(read_file(dir.path() / "settings.json.corrupt-1") == garbage);

        // Saving works again afterwards, and the corrupt copy is left alone.
        Settings saved;
        saved.text_size = 2;
        REQUIRE(progress.save_settings(saved).empty());
        CHECK(progress.load_settings(nullptr).text_size == 2);
        CHECK(read_file(dir.path() / "settings.json.corrupt-1") == garbage);
    }

    SECTION("a second corrupt file is kept as corrupt-2") {
        dir.write("settings.json", "first");
        progress.load_settings(nullptr);
        dir.write("settings.json", "second");
        LoadNote note;
        progress.load_settings(&note);
        CHECK_THAT(note.message, Catch::Contains("settings.json.corrupt-2"));
        CHECK(read_file(dir.path() / "settings.json.corrupt-1") == "first");
        CHECK(read_file(dir.path() / "settings.json.corrupt-2") == "second");
    }

    SECTION("valid JSON that is not an object is treated as corrupt") {
        dir.write("settings.json", "[1, 2, 3]");
        LoadNote note;
        progress.load_settings(&note);
        CHECK_THAT(note.message, Catch::Contains("settings.json"));
        CHECK(fs::exists(dir.path() / "settings.json.corrupt-1"));
    }

    SECTION("a wrong or missing format number is treated like a corrupt file") {
        const std::string future = R"({"format": 2, "lang": "fr", "text_size": 3})";
        dir.write("settings.json", future);
        LoadNote note;
        const auto settings = progress.load_settings(&note);
        CHECK_FALSE(settings.lang_chosen);
        CHECK(settings.text_size == 1);
        CHECK_THAT(note.message, Catch::Contains("settings.json"));
        CHECK_THAT(note.message, Catch::Contains("format"));
        CHECK(read_file(dir.path() / "settings.json.corrupt-1") == future);

        dir.write("settings.json", R"({"lang": "fr"})");
        LoadNote missing;
        CHECK_FALSE(progress.load_settings(&missing).lang_chosen);
        CHECK_THAT(missing.message, Catch::Contains("settings.json.corrupt-2"));

        dir.write("settings.json", R"({"format": "1", "lang": "fr"})");
        LoadNote text;
        CHECK_FALSE(progress.load_settings(&text).lang_chosen);
        CHECK_THAT(text.message, Catch::Contains("settings.json.corrupt-3"));
    }

    SECTION("wrong-typed or out-of-range fields are ignored, the others kept") {
        dir.write("settings.json",
                  R"({"format": 1, "lang": 3, "text_size": "big", "last_pack": ["x"]})");
        LoadNote note;
        auto settings = progress.load_settings(&note);
        CHECK(note.message.empty());
        CHECK_FALSE(settings.lang_chosen);
        CHECK(settings.text_size == 1);
        CHECK(settings.last_pack.empty());
        CHECK(fs::exists(dir.path() / "settings.json"));  // a readable file is not moved

        dir.write("settings.json",
                  R"({"format": 1, "lang": "de", "text_size": 4, "last_pack": "p"})");
        settings = progress.load_settings(&note);
        CHECK_FALSE(settings.lang_chosen);
        CHECK(settings.text_size == 1);
        CHECK(settings.last_pack == "p");

        dir.write("settings.json", R"({"format": 1, "lang": "fr", "text_size": -1})");
        settings = progress.load_settings(&note);
        CHECK(settings.lang_chosen);
        CHECK(settings.lang == Lang::Fr);
        CHECK(settings.text_size == 1);

        dir.write("settings.json", R"({"format": 1, "text_size": 2.0, "lang": null})");
        settings = progress.load_settings(&note);
        CHECK(settings.text_size == 1);
        CHECK_FALSE(settings.lang_chosen);
        CHECK(note.message.empty());
    }

    SECTION("unknown fields are ignored") {
        dir.write("settings.json", R"({"format": 1, "text_size": 0, "volume": 11, "x": {}})");
        LoadNote note;
        CHECK(progress.load_settings(&note).text_size == 0);
        CHECK(note.message.empty());
    }

    SECTION("saving creates the data folder") {
        const Progress nested(dir.path() / "a" / "b");
        Settings saved;
        saved.text_size = 2;
        REQUIRE(nested.save_settings(saved).empty());
        CHECK(nested.load_settings(nullptr).text_size == 2);
    }
}

TEST_CASE("Progress keeps the deck history per pack", "[game][progress]") {
    rc::tests::TempDir dir;
    const Progress progress(dir.path());

    SECTION("absent history is empty, with no note") {
        LoadNote note;
        CHECK(progress.load_deck(&note).empty());
        CHECK(note.message.empty());
    }

    SECTION("two packs round-trip") {
        DeckHistory deck;
        deck["demo"] = {"coffee-cup", "cat", "moon"};
        deck["café-ia/2025"] = {"a", "b"};
        deck["empty"] = {};
        REQUIRE(progress.save_deck(deck).empty());
        LoadNote note;
        const auto loaded = progress.load_deck(&note);
        CHECK(note.message.empty());
        CHECK(loaded == deck);
    }

    SECTION("saving replaces the whole history") {
        REQUIRE(progress.save_deck({{"demo", {"a"}}, {"other", {"b"}}}).empty());
        REQUIRE(progress.save_deck({{"demo", {"c"}}}).empty());
        const DeckHistory expected = {{"demo", {"c"}}};
        CHECK(progress.load_deck(nullptr) == expected);
    }

    SECTION("a corrupt history file is kept aside and starts empty") {
        dir.write("deck.json", "not json");
        LoadNote note;
        CHECK(progress.load_deck(&note).empty());
        CHECK_THAT(note.message, Catch::Contains("deck.json.corrupt-1"));
        CHECK(read_file(dir.path() / "deck.json.corrupt-1") == "not json");
    }

    SECTION("wrong-typed entries are skipped, the rest kept") {
        dir.write("deck.json", R"({"format": 1, "packs": {
            "good": {"seen": ["a", 3, "b", null]},
            "no-seen": {"other": []},
            "seen-not-array": {"seen": "a"},
            "not-object": ["a"]
        }})");
        LoadNote note;
        const auto deck = progress.load_deck(&note);
        CHECK(note.message.empty());
        REQUIRE(deck.count("good") == 1);
        CHECK(deck.at("good") == std::set<std::string>{"a", "b"});
        CHECK(deck.count("no-seen") == 0);
        CHECK(deck.count("seen-not-array") == 0);
        CHECK(deck.count("not-object") == 0);

        dir.write("deck.json", R"({"format": 1, "packs": []})");
        CHECK(progress.load_deck(&note).empty());
        CHECK(note.message.empty());
    }
}

TEST_CASE("Progress appends finished games", "[game][progress]") {
    rc::tests::TempDir dir;
    const Progress progress(dir.path());

    SECTION("absent results are empty, with no note") {
        LoadNote note;
        CHECK(progress.load_results(&note).empty());
        CHECK(note.message.empty());
    }

    SECTION("appended games come back in order with all their fields") {
        auto first = make_result("demo", 7, 1);
        first.finished_at = "2025-03-14T09:26:53Z";
        REQUIRE(progress.append_result(first).empty());
        REQUIRE(progress.append_result(make_result("other", 8, 2)).empty());
        REQUIRE(progress.append_result(make_result("demo", 9, 0)).empty());

        LoadNote note;
        const auto results = progress.load_results(&note);
        CHECK(note.message.empty());
        REQUIRE(results.size() == 3);
        CHECK(results[0].pack_id == "demo");
        CHECK(results[0].seed == 7);
        CHECK(results[0].score == 1);
        CHECK(results[0].out_of == 2);
        CHECK(results[0].finished_at == "2025-03-14T09:26:53Z");
        REQUIRE(results[0].items.size() == 2);
        CHECK(results[0].items[0].id == "a");
        CHECK(results[0].items[0].answer == Answer::Real);
        CHECK(results[0].items[0].correct);
        CHECK(results[0].items[1].id == "b");
        CHECK(results[0].items[1].answer == Answer::Edited);
        CHECK(results[0].items[1].given == Answer::Generated);
        CHECK_FALSE(results[0].items[1].correct);
        CHECK(results[1].pack_id == "other");
        CHECK(results[1].seed == 8);
        CHECK(results[1].finished_at.empty());
        CHECK(results[2].seed == 9);
        CHECK(results[2].score == 0);

        const auto file = json::parse(read_file(dir.path() / "results.json"));
        CHECK(file["format"] == rc::game::kResultsFormat);
        REQUIRE(file["games"].is_array());
        CHECK(file["games"].size() == 3);
        CHECK_FALSE(file["games"][0].contains("format"));
    }

    SECTION("a 64-bit seed survives the round-trip") {
        REQUIRE(progress.append_result(make_result("demo", 0xFEDCBA9876543210ull, 1)).empty());
        const auto results = progress.load_results(nullptr);
        REQUIRE(results.size() == 1);
        CHECK(results[0].seed == 0xFEDCBA9876543210ull);
    }

    SECTION("only the last kMaxKeptResults games are kept") {
        // Writing 1000 games through append_result would cost 1000 fsyncs; the file is
        // written directly instead, then one append must push the oldest game out.
        const auto cap = Progress::kMaxKeptResults;
        json games = json::array();
        for (std::size_t i = 0; i < cap; ++i)
            games.push_back({{"pack", "demo"}, {"seed", i}, {"score", 0}, {"out_of", 0}});
        dir.write("results.json", json{{"format", 1}, {"games", games}}.dump());
        REQUIRE(progress.load_results(nullptr).size() == cap);

        REQUIRE(progress.append_result(make_result("demo", 5000, 1)).empty());
        auto results = progress.load_results(nullptr);
        REQUIRE(results.size() == cap);
        CHECK(results.front().seed == 1);
        CHECK(results[cap - 2].seed == cap - 1);
        CHECK(results.back().seed == 5000);

        REQUIRE(progress.append_result(make_result("demo", 5001, 1)).empty());
        results = progress.load_results(nullptr);
        REQUIRE(results.size() == cap);
        CHECK(results.front().seed == 2);
        CHECK(results.back().seed == 5001);
    }

    SECTION("a file over the cap is trimmed to the newest games on the next append") {
        const auto cap = Progress::kMaxKeptResults;
        json games = json::array();
        for (std::size_t i = 0; i < cap + 10; ++i)
            games.push_back({{"seed", i}});
        dir.write("results.json", json{{"format", 1}, {"games", games}}.dump());
        REQUIRE(progress.append_result(make_result("demo", 99999, 1)).empty());
        const auto results = progress.load_results(nullptr);
        REQUIRE(results.size() == cap);
        CHECK(results.front().seed == 11);
        CHECK(results.back().seed == 99999);
    }

    SECTION("a corrupt results file is kept aside and the new game starts a fresh file") {
        dir.write("results.json", "{\"format\": 1, \"games\": [");
        REQUIRE(progress.append_result(make_result("demo", 1, 1)).empty());
        CHECK(read_file(dir.path() / "results.json.corrupt-1") == "{\"format\": 1, \"games\": [");
        const auto results = progress.load_results(nullptr);
        REQUIRE(results.size() == 1);
        CHECK(results[0].seed == 1);
    }

    SECTION("malformed games and items are skipped, the rest read") {
        dir.write("results.json", R"({"format": 1, "games": [
            "not an object",
            {"pack": "demo", "seed": 3, "score": 1, "out_of": 3, "items": [
                {"id": "a", "answer": "real", "given": "real", "correct": true},
                {"id": "b", "answer": "fake", "given": "real", "correct": false},
                {"id": "c", "answer": "real", "given": "generated"},
                {"id": "d", "answer": "real", "given": "generated", "correct": "no"},
                42
            ]},
            {"pack": 5, "seed": "x", "items": "none"}
        ]})");
        LoadNote note;
        const auto results = progress.load_results(&note);
        CHECK(note.message.empty());
        REQUIRE(results.size() == 2);
        CHECK(results[0].pack_id == "demo");
        CHECK(results[0].seed == 3);
        REQUIRE(results[0].items.size() == 1);
        CHECK(results[0].items[0].id == "a");
        CHECK(results[1].pack_id.empty());
        CHECK(results[1].seed == 0);
        CHECK(results[1].items.empty());
    }
}

// A results.json that exists but cannot be read (over read_small_file's 16 MiB cap,
// unreadable, I/O error) must never be overwritten by the next append.
TEST_CASE("append_result does not overwrite a results file it could not read", "[game][progress]") {
    rc::tests::TempDir dir;
    const Progress progress(dir.path());
    REQUIRE(progress.append_result(make_result("demo", 1, 1)).empty());
    REQUIRE(progress.append_result(make_result("demo", 2, 1)).empty());
    {
        // Still valid JSON, but larger than read_small_file's default 16 MiB cap.
        std::ofstream out(dir.path() / "results.json", std::ios::binary | std::ios::app);
        out << std::string(17 * 1024 * 1024, ' ');
    }
    const auto before = fs::file_size(dir.path() / "results.json");

    const auto message = progress.append_result(make_result("demo", 3, 1));
    // Either the append is refused (message set, file untouched) or the old file is kept aside.
    bool old_games_kept = fs::exists(dir.path() / "results.json.corrupt-1") ||
                          fs::file_size(dir.path() / "results.json") >= before;
    INFO("append_result returned: \"" << message << "\"");
    CHECK(old_games_kept);
    CHECK_THAT(message, Catch::Contains("results.json"));
    CHECK(fs::file_size(dir.path() / "results.json") == before);
}

TEST_CASE("summary_json has the documented shape", "[game][progress]") {
    SECTION("all fields, items in order, no finished_at when empty") {
        const auto text = rc::game::summary_json(make_result("demo", 42, 1));
        REQUIRE_FALSE(text.empty());
        CHECK(text.back() == '\n');
        CHECK(std::count(text.begin(), text.end(), '\n') == 1);  // one line

        const auto summary = json::parse(text);
        REQUIRE(summary.is_object());
        std::vector<std::string> keys;
        for (const auto& [key, value] : summary.items())
            keys.push_back(key);
        std::sort(keys.begin(), keys.end());
        CHECK(keys ==
              std::vector<std::string>{"format", "items", "out_of", "pack", "score", "seed"});
        CHECK(summary["format"] == 1);
        CHECK(summary["pack"] == "demo");
        CHECK(summary["seed"] == 42);
        CHECK(summary["score"] == 1);
        CHECK(summary["out_of"] == 2);
        REQUIRE(summary["items"].is_array());
        REQUIRE(summary["items"].size() == 2);
        const auto& a = summary["items"][0];
        CHECK(a.size() == 4);
        CHECK(a["id"] == "a");
        CHECK(a["answer"] == "real");
        CHECK(a["given"] == "real");
        CHECK(a["correct"] == true);
        const auto& b = summary["items"][1];
        CHECK(b["id"] == "b");
        CHECK(b["answer"] == "edited");
        CHECK(b["given"] == "generated");
        CHECK(b["correct"] == false);
    }

    SECTION("finished_at appears when set") {
        auto result = make_result("demo", 1, 0);
        result.finished_at = "2025-01-02T03:04:05Z";
        const auto summary = json::parse(rc::game::summary_json(result));
        CHECK(summary["finished_at"] == "2025-01-02T03:04:05Z");
    }

    SECTION("an empty game still has an items array") {
        GameResult result;
        const auto summary = json::parse(rc::game::summary_json(result));
        CHECK(summary["items"].is_array());
        CHECK(summary["items"].empty());
        CHECK(summary["pack"] == "");
        CHECK(summary["out_of"] == 0);
    }

    SECTION("the seed is written as an unsigned 64-bit number") {
        const auto summary =
            json::parse(rc::game::summary_json(make_result("demo", 0xFFFFFFFFFFFFFFFFull, 0)));
        CHECK(summary["seed"].get<std::uint64_t>() == 0xFFFFFFFFFFFFFFFFull);
    }
}

TEST_CASE("saving never throws on text that is not UTF-8", "[game][progress]") {
    rc::tests::TempDir dir;
    const Progress progress(dir.path());
    // Ids are checked by the manifest; this is the last line of defence if one is not.
    DeckHistory deck{{"pack-\xE9", {"item-\xFF"}}};
    REQUIRE(progress.save_deck(deck).empty());
    const auto file = json::parse(read_file(dir.path() / "deck.json"), nullptr, false);
    CHECK_FALSE(file.is_discarded());
    CHECK(progress.load_deck(nullptr).size() == 1);
    GameResult result = make_result("pack-\xE9", 1, 1);
    CHECK(progress.append_result(result).empty());
    CHECK_FALSE(json::parse(rc::game::summary_json(result), nullptr, false).is_discarded());
}
