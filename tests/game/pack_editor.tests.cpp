// The pack editor's model: every command and its undo and redo, tells kept on the picture,
// fractions whatever the zoom, the live checks, saving (with .bak and the fields it does
// not know) and the journal after a crash.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "content/test_images.h"
#include "game/pack_editor.h"
#include "support/clip_pack.h"
#include "support/temp_dir.h"
#include "support/zip_writer.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;
using rc::content::Lang;
using rc::content::Severity;
using rc::game::EditField;
using rc::game::PackEditor;
using rc::game::TellPlace;

// A pack of three 400×200 PNG pictures ("a", "b", "c"), with fields the editor does not
// know at every level.
fs::path write_pack(const rc::tests::TempDir& dir, json items = json()) {
    if (items.is_null()) {
        items = json::array();
        for (const char* id : {"a", "b", "c"}) {
            json item = rc::tests::item_json(id, std::string("media/") + id + ".png");
            item["origin"] = {{"file", std::string(id) + ".jpg"}};  // unknown to the editor
            items.push_back(item);
        }
    }
    for (const auto& item : items)
        if (item.contains("media") && item["media"].is_string())
            dir.write("pack/" + item["media"].get<std::string>(), rc::tests::png_bytes(400, 200));
    json pack = rc::tests::pack_json(items);
    pack["x-made-by"] = "hand";
    dir.write("pack/pack.json", pack.dump(2));
    return dir.path() / "pack";
}

std::unique_ptr<PackEditor> open_editor(const fs::path& pack, std::function<double()> clock = {}) {
    rc::game::PackEditorDesc desc;
    desc.clock = std::move(clock);
    auto opened = PackEditor::open(pack, desc);
    INFO((opened.problems.empty() ? "" : rc::content::to_string(opened.problems.front())));
    REQUIRE(opened.ok());
    return std::move(*opened.value);
}

std::vector<std::string> problem_texts(const std::vector<rc::content::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(rc::content::to_string(problem));
    return out;
}

bool contains(const std::vector<std::string>& texts, const std::string& wanted) {
    for (const auto& text : texts)
        if (text == wanted)
            return true;
    return false;
}

}  // namespace

TEST_CASE("every command changes the item, undo brings it back, redo again", "[game][editor]") {
    rc::tests::TempDir dir;
    auto editor = open_editor(write_pack(dir));
    REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());
    const ordered_json start = editor->document();

    struct Command {
        const char* name;
        std::function<std::string(PackEditor&)> run;
    };
    const Command command = GENERATE(
        Command{"add a tell",
                [](PackEditor& e) {
                    return e.add_tell(0, {0.3f, 0.4f, 0.1f});
                }},
        Command{"move a tell", [](PackEditor& e) { return e.move_tell(0, 0, 0.3f, 0.6f); }},
        Command{"resize a tell", [](PackEditor& e) { return e.resize_tell(0, 0, 0.2f); }},
        Command{"note in French",
                [](PackEditor& e) { return e.set_tell_note(0, 0, Lang::Fr, "Six doigts"); }},
        Command{"note in English",
                [](PackEditor& e) { return e.set_tell_note(0, 0, Lang::En, "Six fingers"); }},
        Command{"times", [](PackEditor& e) { return e.set_tell_times(0, 0, 1.5, 2.5); }},
        Command{"delete a tell", [](PackEditor& e) { return e.delete_tell(0, 0); }},
        Command{"answer",
                [](PackEditor& e) { return e.set_field(0, EditField::Answer, "generated"); }},
        Command{"explanation fr",
                [](PackEditor& e) {
                    return e.set_field(0, EditField::Explanation, "Ligne 1\nLigne 2", Lang::Fr);
                }},
        Command{"explanation en",
                [](PackEditor& e) {
                    return e.set_field(0, EditField::Explanation, "Line 1\nLine 2", Lang::En);
                }},
        Command{"credit", [](PackEditor& e) { return e.set_field(0, EditField::Credit, "Ana"); }},
        Command{"license",
                [](PackEditor& e) { return e.set_field(0, EditField::License, "CC-BY-4.0"); }},
        Command{"url",
                [](PackEditor& e) { return e.set_field(0, EditField::Url, "https://x.org/a"); }},
        Command{"generator",
                [](PackEditor& e) { return e.set_field(0, EditField::Generator, "Model X"); }},
        Command{"prompt",
                [](PackEditor& e) { return e.set_field(0, EditField::Prompt, "a cat, 8k"); }},
        Command{"category",
                [](PackEditor& e) { return e.set_field(0, EditField::Category, "food"); }},
        Command{"difficulty",
                [](PackEditor& e) { return e.set_field(0, EditField::Difficulty, "2"); }});
    INFO(command.name);
    REQUIRE(command.run(*editor).empty());
    const ordered_json after = editor->document();
    CHECK(after != start);
    CHECK(editor->last_touched() == 0u);
    CHECK(editor->modified());
    REQUIRE(editor->undo());
    CHECK(editor->document() == start);
    CHECK(editor->can_redo());
    REQUIRE(editor->redo());
    CHECK(editor->document() == after);
    CHECK_FALSE(editor->redo());
}

TEST_CASE("the fields read back as they were set, and clearing removes optional ones",
          "[game][editor]") {
    rc::tests::TempDir dir;
    auto editor = open_editor(write_pack(dir));
    REQUIRE(editor->set_field(1, EditField::Explanation, "Deux\nlignes", Lang::Fr).empty());
    REQUIRE(editor->set_field(1, EditField::Url, "https://example.org/p").empty());
    REQUIRE(editor->set_field(1, EditField::Difficulty, "3").empty());
    REQUIRE(editor->set_field(1, EditField::Prompt, "un chat").empty());
    CHECK(editor->field_text(1, EditField::Explanation, Lang::Fr) == "Deux\nlignes");
    CHECK(editor->field_text(1, EditField::Explanation, Lang::En) == "Explanation");
    CHECK(editor->field_text(1, EditField::Url) == "https://example.org/p");
    CHECK(editor->item_json(1)["difficulty"] == 3);
    CHECK(editor->field_text(1, EditField::Difficulty) == "3");
    CHECK(editor->field_text(1, EditField::Prompt) == "un chat");

    REQUIRE(editor->set_field(1, EditField::Url, "").empty());
    REQUIRE(editor->set_field(1, EditField::Difficulty, "").empty());
    CHECK_FALSE(editor->item_json(1)["source"].contains("url"));
    CHECK_FALSE(editor->item_json(1).contains("difficulty"));
    CHECK(editor->item_json(1)["origin"]["file"] == "b.jpg");  // unknown fields stay

    SECTION("field names as the script writes them") {
        CHECK(rc::game::edit_field_named("licence") == EditField::License);
        CHECK(rc::game::edit_field_named("license") == EditField::License);
        CHECK(rc::game::edit_field_named("explanation") == EditField::Explanation);
        CHECK_FALSE(rc::game::edit_field_named("colour"));
    }
}

TEST_CASE("commands on what does not exist are refused with a reason, nothing changes",
          "[game][editor]") {
    rc::tests::TempDir dir;
    auto editor = open_editor(write_pack(dir));
    const ordered_json start = editor->document();
    CHECK(editor->move_tell(0, 0, 0.5f, 0.5f) == "item \"a\" has no tell 1 (it has 0)");
    CHECK(editor->add_tell(7, {}) == "no item 8 (the pack has 3)");
    CHECK(editor->delete_tell(2, 3) == "item \"c\" has no tell 4 (it has 0)");
    CHECK(editor->document() == start);
    CHECK_FALSE(editor->can_undo());
    CHECK_FALSE(editor->undo());
    CHECK_FALSE(editor->modified());
}

TEST_CASE("tells stay inside the picture", "[game][editor]") {
    rc::tests::TempDir dir;
    auto editor = open_editor(write_pack(dir));  // 400×200: the radius spans twice as much
    REQUIRE(editor->media_shape(0).width == 400);
    REQUIRE(editor->media_shape(0).height == 200);

    SECTION("a circle added at a corner moves in until it is whole") {
        REQUIRE(editor->add_tell(0, {0.f, 0.f, 0.1f}).empty());
        const auto tell = editor->tells(0).at(0);
        CHECK(tell.x == Approx(0.1f));
        CHECK(tell.y == Approx(0.2f));  // 0.1 of the width is 0.2 of the height
        CHECK(tell.r == Approx(0.1f));
    }
    SECTION("moved past the edges, it stops at them") {
        REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.05f}).empty());
        REQUIRE(editor->move_tell(0, 0, 3.f, -2.f).empty());
        const auto tell = editor->tells(0).at(0);
        CHECK(tell.x == Approx(0.95f));
        CHECK(tell.y == Approx(0.1f));
    }
    SECTION("grown too large, it is as large as the picture allows, centred to fit") {
        REQUIRE(editor->add_tell(0, {0.9f, 0.5f, 0.05f}).empty());
        REQUIRE(editor->resize_tell(0, 0, 0.9f).empty());
        const auto tell = editor->tells(0).at(0);
        CHECK(tell.r == Approx(0.25f));  // the height is the limit: 0.25 × 2 × 2 = 1
        CHECK(tell.x == Approx(0.75f));
        CHECK(tell.y == Approx(0.5f));
    }
    SECTION("shrunk to nothing, it keeps the smallest radius") {
        REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());
        REQUIRE(editor->resize_tell(0, 0, 0.f).empty());
        CHECK(editor->tells(0).at(0).r == Approx(rc::game::kMinTellRadius));
    }
    SECTION("not a number is the middle, never NaN in pack.json") {
        REQUIRE(editor->add_tell(0, {NAN, INFINITY, NAN}).empty());
        const auto tell = editor->tells(0).at(0);
        CHECK(tell.x == Approx(0.5f));
        CHECK(tell.y == Approx(0.5f));
        CHECK(tell.r == Approx(rc::game::kDefaultTellRadius));
    }
    SECTION("fractions are written short") {
        REQUIRE(editor->add_tell(0, {0.42f, 0.61f, 0.08f}).empty());
        CHECK(editor->item_json(0)["tells"][0].dump() ==
              R"({"x":0.42,"y":0.61,"r":0.08,"note":{}})");
    }
}

TEST_CASE("the fractions do not depend on the zoom", "[game][editor]") {
    // A 400×300 picture drawn whole at (100, 50), then zoomed 3× and panned.
    const rc::game::PictureFrame fit{100.f, 50.f, 400.f, 300.f};
    const rc::game::PictureFrame zoomed{-300.f, -200.f, 1200.f, 900.f};
    // The same point of the picture, 30 % across and 60 % down, radius 10 % of the width.
    const TellPlace at_fit = rc::game::place_from_pixels(fit, 100.f + 120.f, 50.f + 180.f, 40.f);
    const TellPlace at_zoom =
        rc::game::place_from_pixels(zoomed, -300.f + 360.f, -200.f + 540.f, 120.f);
    CHECK(at_fit.x == Approx(0.3f));
    CHECK(at_fit.y == Approx(0.6f));
    CHECK(at_fit.r == Approx(0.1f));
    CHECK(at_zoom.x == Approx(at_fit.x));
    CHECK(at_zoom.y == Approx(at_fit.y));
    CHECK(at_zoom.r == Approx(at_fit.r));
    const TellPlace point = rc::game::point_from_pixels(zoomed, 300.f, 250.f);
    CHECK(point.x == Approx(0.5f));
    CHECK(point.y == Approx(0.5f));
    SECTION("a picture not drawn yet gives the middle") {
        const TellPlace none = rc::game::place_from_pixels({}, 10.f, 10.f, 5.f);
        CHECK(none.x == Approx(0.5f));
        CHECK(none.y == Approx(0.5f));
    }
}

TEST_CASE("a drag is one undo step", "[game][editor]") {
    rc::tests::TempDir dir;
    auto editor = open_editor(write_pack(dir));
    REQUIRE(editor->add_tell(0, {0.3f, 0.3f, 0.1f}).empty());
    const ordered_json before_drag = editor->document();
    editor->begin_gesture();
    for (int step = 1; step <= 20; ++step)
        REQUIRE(editor->move_tell(0, 0, 0.3f + step * 0.02f, 0.5f).empty());
    editor->end_gesture();
    CHECK(editor->tells(0).at(0).x == Approx(0.7f));
    REQUIRE(editor->undo());
    CHECK(editor->document() == before_drag);  // the whole drag, at once
    REQUIRE(editor->undo());
    CHECK(editor->tells(0).empty());
    REQUIRE(editor->redo());
    REQUIRE(editor->redo());
    CHECK(editor->tells(0).at(0).x == Approx(0.7f));

    SECTION("typing in a field is one step too") {
        editor->begin_gesture();
        for (const char* text : {"L", "Lo", "Loo", "Look"})
            REQUIRE(editor->set_field(0, EditField::Explanation, text, Lang::En).empty());
        editor->end_gesture();
        REQUIRE(editor->undo());
        CHECK(editor->field_text(0, EditField::Explanation, Lang::En) == "Explanation");
    }
}

TEST_CASE("an item's state: what it lacks and the validator's problems, live", "[game][editor]") {
    rc::tests::TempDir dir;
    json items = json::array();
    items.push_back(rc::tests::item_json("a", "media/0001.png"));
    items.push_back(rc::tests::item_json("b", "media/0002.png"));
    items.push_back(rc::tests::item_json("c", "media/fake-3.png"));
    items[1]["explanation"] = {{"fr", "Seulement en français"}};
    auto editor = open_editor(write_pack(dir, items));

    auto state = editor->item_state(0);
    CHECK(state.plays);
    CHECK(state.no_tells);
    CHECK_FALSE(state.no_explanation);
    CHECK_FALSE(state.missing_en);
    CHECK(state.problems.empty());

    state = editor->item_state(1);
    CHECK(state.plays);
    CHECK(state.missing_en);
    CHECK_FALSE(state.missing_fr);
    CHECK(problem_texts(state.problems) ==
          std::vector<std::string>{"pack.json: items[1].explanation.en: no English explanation: "
                                   "English players will read the French one"});
    CHECK(state.problems[0].severity == Severity::Warning);

    state = editor->item_state(2);
    CHECK(state.plays);  // the game would play it, but the name tells the answer
    CHECK(state.has_errors());
    CHECK(problem_texts(state.problems) ==
          std::vector<std::string>{
              "pack.json: items[2].media: \"media/fake-3.png\": the name gives the answer away "
              "(\"fake\"); import the pictures with realcheck-pack to get opaque names"});

    SECTION("a new tell without a note keeps the item from playing until it has one") {
        REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());
        state = editor->item_state(0);
        CHECK_FALSE(state.plays);
        CHECK_FALSE(state.no_tells);
        CHECK(state.has_errors());
        CHECK(problem_texts(state.problems) ==
              std::vector<std::string>{
                  R"(pack.json: items[0].tells[0].note: needs a non-empty "fr" or "en" text)"});
        REQUIRE(editor->set_tell_note(0, 0, Lang::En, "Six fingers").empty());
        state = editor->item_state(0);
        CHECK(state.plays);
        CHECK(state.missing_fr);  // the note has no French yet
        CHECK_FALSE(state.missing_en);
    }
    SECTION("an invalid edit is shown, not dropped: an empty credit, a wrong answer") {
        REQUIRE(editor->set_field(0, EditField::Credit, "").empty());
        REQUIRE(editor->set_field(0, EditField::Answer, "fake").empty());
        REQUIRE(editor->set_field(1, EditField::Answer, "").empty());
        CHECK(editor->item_json(0)["answer"] == "fake");
        state = editor->item_state(0);
        CHECK_FALSE(state.plays);
        const auto texts = problem_texts(state.problems);
        CHECK(contains(texts, "pack.json: items[0].source.credit: must not be empty"));
        CHECK(contains(texts,
                       "pack.json: items[0].answer: expected \"real\", \"generated\" or "
                       "\"edited\", got \"fake\""));
        // Two items left out of three: the pack would not play.
        const auto all = problem_texts(editor->problems());
        CHECK(contains(all, "pack.json: only 1 playable item, a pack needs at least 2"));
        CHECK(editor->has_errors());
    }
    SECTION("a tell's end before its start is shown") {
        REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());
        REQUIRE(editor->set_tell_note(0, 0, Lang::Fr, "ici").empty());
        REQUIRE(editor->set_tell_times(0, 0, 3.0, 1.0).empty());
        CHECK(contains(problem_texts(editor->item_state(0).problems),
                       "pack.json: items[0].tells[0].t1: expected a time after t0 (3.0), got 1.0"));
        REQUIRE(editor->set_tell_times(0, 0, 1.0, std::nullopt).empty());
        CHECK(editor->item_state(0).plays);
        CHECK_FALSE(editor->item_json(0)["tells"][0].contains("t1"));
    }
    SECTION("no explanation at all") {
        REQUIRE(editor->set_field(1, EditField::Explanation, "", Lang::Fr).empty());
        state = editor->item_state(1);
        CHECK(state.no_explanation);
        CHECK_FALSE(state.plays);
    }
    SECTION("a text over its cap is shown as cut, the item still plays") {
        REQUIRE(editor->set_field(0, EditField::Prompt, std::string(2001, 'p')).empty());
        state = editor->item_state(0);
        CHECK(state.plays);
        CHECK(problem_texts(state.problems) ==
              std::vector<std::string>{"pack.json: items[0].prompt: 2001 characters, cut to 2000"});
    }
}

TEST_CASE("saving writes pack.json with every unknown field, keeps a .bak, reloads the same",
          "[game][editor]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const std::string original = rc::tests::read_file(pack / "pack.json");
    ordered_json edited;
    {
        auto editor = open_editor(pack);
        REQUIRE(editor->add_tell(1, {0.3f, 0.4f, 0.1f}).empty());
        REQUIRE(editor->set_tell_note(1, 0, Lang::Fr, "L'ombre « saute »").empty());
        REQUIRE(editor->set_tell_note(1, 0, Lang::En, "The shadow jumps").empty());
        REQUIRE(editor->set_field(1, EditField::Explanation, "A\nB", Lang::En).empty());
        CHECK(editor->modified());
        REQUIRE(fs::exists(pack / "pack.json.journal"));
        REQUIRE(editor->save().empty());
        CHECK_FALSE(editor->modified());
        CHECK_FALSE(fs::exists(pack / "pack.json.journal"));
        edited = editor->document();
    }
    CHECK(rc::tests::read_file(pack / "pack.json.bak") == original);
    const auto saved = json::parse(rc::tests::read_file(pack / "pack.json"));
    CHECK(saved["x-made-by"] == "hand");
    CHECK(saved["items"][1]["origin"]["file"] == "b.jpg");
    CHECK(saved["items"][1]["tells"][0]["note"]["fr"] == "L'ombre « saute »");
    CHECK(saved["items"][1]["explanation"]["en"] == "A\nB");

    auto reopened = open_editor(pack);
    CHECK(reopened->document() == edited);
    CHECK_FALSE(reopened->has_journal());
    CHECK(reopened->item_state(1).plays);
    const auto parsed = rc::content::parse_manifest(rc::tests::read_file(pack / "pack.json"));
    REQUIRE(parsed.ok());
    CHECK(parsed.value->items.at(1).tells.size() == 1);

    SECTION("a second save keeps the first as the .bak") {
        const std::string first = rc::tests::read_file(pack / "pack.json");
        REQUIRE(reopened->set_field(0, EditField::Category, "food").empty());
        REQUIRE(reopened->save().empty());
        CHECK(rc::tests::read_file(pack / "pack.json.bak") == first);
    }
    SECTION("undo after a save is a change to save again") {
        REQUIRE(reopened->set_field(0, EditField::Category, "food").empty());
        REQUIRE(reopened->save().empty());
        REQUIRE(reopened->undo());
        CHECK(reopened->modified());
        REQUIRE(reopened->redo());
        CHECK_FALSE(reopened->modified());
    }
}

TEST_CASE("after a crash the journal brings the edits back", "[game][editor][journal]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    const std::string original = rc::tests::read_file(pack / "pack.json");
    ordered_json before_crash;
    {
        auto editor = open_editor(pack);
        REQUIRE(editor->add_tell(0, {0.2f, 0.3f, 0.1f}).empty());
        REQUIRE(editor->set_tell_note(0, 0, Lang::Fr, "Mains floues").empty());
        REQUIRE(editor->add_tell(0, {0.7f, 0.6f, 0.15f}).empty());
        REQUIRE(editor->set_field(2, EditField::Answer, "generated").empty());
        REQUIRE(editor->undo());
        REQUIRE(editor->set_field(2, EditField::Generator, "Model Y").empty());
        editor->begin_gesture();
        REQUIRE(editor->move_tell(0, 1, 0.5f, 0.5f).empty());
        REQUIRE(editor->move_tell(0, 1, 0.6f, 0.4f).empty());  // the crash comes mid-drag
        before_crash = editor->document();
    }  // dropped without saving, as a crash would
    CHECK(rc::tests::read_file(pack / "pack.json") == original);

    auto editor = open_editor(pack);
    REQUIRE(editor->has_journal());
    CHECK(editor->document() != before_crash);
    CHECK(editor->add_tell(1, {}) ==
          (pack / "pack.json.journal").string() +
              ": unsaved edits from an earlier session: recover or discard them first");

    SECTION("recover: the same state, and the same history") {
        REQUIRE(editor->recover().empty());
        CHECK_FALSE(editor->has_journal());
        CHECK(editor->document() == before_crash);
        CHECK(editor->modified());
        REQUIRE(editor->undo());  // the interrupted drag, as one step
        CHECK(editor->tells(0).at(1).x == Approx(0.7f));
        REQUIRE(editor->undo());
        CHECK(editor->field_text(2, EditField::Generator).empty());

        SECTION("and a second crash after the recovery recovers both sessions") {
            REQUIRE(editor->set_field(1, EditField::Category, "night").empty());
            const ordered_json second = editor->document();
            editor.reset();
            auto again = open_editor(pack);
            REQUIRE(again->has_journal());
            REQUIRE(again->recover().empty());
            CHECK(again->document() == second);
        }
    }
    SECTION("discard: the pack as saved") {
        REQUIRE(editor->discard_journal().empty());
        CHECK_FALSE(fs::exists(pack / "pack.json.journal"));
        CHECK(editor->document() == ordered_json::parse(original));
        CHECK(editor->add_tell(1, {}).empty());
    }
    SECTION("a journal cut short by a power cut replays up to its last whole line") {
        editor.reset();
        const std::string journal = rc::tests::read_file(pack / "pack.json.journal");
        dir.write("pack/pack.json.journal", journal + R"({"op":"set","item":0,"fie)");
        auto cut = open_editor(pack);
        REQUIRE(cut->recover().empty());
        CHECK(cut->document() == before_crash);
    }
    SECTION("a journal for another pack.json is refused and kept") {
        editor.reset();
        dir.write("pack/pack.json", original + " ");
        auto changed = open_editor(pack);
        CHECK(changed->recover() ==
              (pack / "pack.json.journal").string() +
                  ": written for another version of pack.json (it changed since); kept as it is");
        CHECK(fs::exists(pack / "pack.json.journal"));
    }
    SECTION("a damaged line stops the replay there, with its place") {
        editor.reset();
        std::string journal = rc::tests::read_file(pack / "pack.json.journal");
        const auto third_line = journal.find('\n', journal.find('\n') + 1) + 1;
        journal.insert(third_line, "{\"op\":\"juggle\"}\n");
        dir.write("pack/pack.json.journal", journal);
        auto damaged = open_editor(pack);
        CHECK(damaged->recover() == (pack / "pack.json.journal").string() +
                                        ":3: unknown command \"juggle\"; the edits from there "
                                        "on are lost");
        CHECK(damaged->tells(0).size() == 1);  // the first line replayed
    }
}

TEST_CASE("the journal is flushed to the disk at most every second", "[game][editor][journal]") {
    rc::tests::TempDir dir;
    double now = 100.0;
    auto editor = open_editor(write_pack(dir), [&now] { return now; });
    REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());  // the header and the line
    const std::size_t after_start = editor->journal().syncs();
    for (int i = 0; i < 50; ++i)
        REQUIRE(editor->move_tell(0, 0, 0.3f + i * 0.01f, 0.5f).empty());
    CHECK(editor->journal().syncs() == after_start);  // all within the same second
    editor->tick();
    CHECK(editor->journal().syncs() == after_start);
    now += rc::game::kJournalSyncSeconds;
    editor->tick();
    CHECK(editor->journal().syncs() == after_start + 1);
    editor->tick();  // nothing new to flush
    CHECK(editor->journal().syncs() == after_start + 1);
    // Every line is in the file already, flushed or not (a kill loses nothing).
    std::string why;
    const auto lines = rc::game::EditJournal::read_lines(editor->journal().file(), &why);
    REQUIRE(lines);
    CHECK(lines->size() == 1 + 1 + 50);
}

TEST_CASE("a pack that cannot be edited is refused with its place", "[game][editor]") {
    rc::tests::TempDir dir;
    // The parser's own message, from its start (nlohmann words the rest of a syntax error).
    const auto [text, expected] = GENERATE(
        std::pair<std::string, std::string>{"{", "pack.json: not valid JSON: line 1, column 2"},
        std::pair<std::string, std::string>{"[1]",
                                            "pack.json: expected an object like {\"format\": 1, "
                                            "\"id\": …, \"items\": […]}, got an array"},
        std::pair<std::string, std::string>{R"({"format": 2, "id": "x", "items": []})",
                                            "pack.json: format: unsupported format 2; supported "
                                            "formats: 1 (the pack may need a newer realcheck)"},
        std::pair<std::string, std::string>{R"({"format": 1, "id": "x", "title": {"en": "x"}})",
                                            "pack.json: items: required field is missing"});
    dir.write("pack/pack.json", text);
    auto opened = PackEditor::open(dir.path() / "pack");
    CHECK_FALSE(opened.ok());
    REQUIRE_FALSE(opened.problems.empty());
    CHECK_THAT(rc::content::to_string(opened.problems.front()), Catch::StartsWith(expected));
}

TEST_CASE("a link is refused with how to edit the pack it leads to", "[game][editor]") {
    for (const char* link : {"https://example.org/atelier.zip", "http://192.0.2.1/pack/"}) {
        auto opened = PackEditor::open(link);
        CHECK_FALSE(opened.ok());
        REQUIRE(opened.problems.size() == 1);
        CHECK(rc::content::to_string(opened.problems.front()) ==
              std::string(link) + ": " + rc::game::kLinkNotEditable);
    }
}

TEST_CASE("items the format refuses can still be opened, shown and fixed", "[game][editor]") {
    rc::tests::TempDir dir;
    json items = json::array({rc::tests::item_json("a", "media/0001.png"), "not an item",
                              rc::tests::item_json("a", "media/0002.png"),
                              rc::tests::item_json("d", "../outside.png")});
    items[0]["tells"] = json::array({{{"x", "left"}, {"y", 0.5}, {"r", 0.1}}, 7});
    auto editor = open_editor(write_pack(dir, items));
    CHECK(editor->tells(0).size() == 2);                 // read leniently for drawing
    CHECK(editor->move_tell(0, 1, 0.5f, 0.5f).empty());  // a shape again
    CHECK(editor->add_tell(1, {}) ==
          "pack.json: items[1]: not an object; correct it in "
          "pack.json first");
    CHECK(contains(problem_texts(editor->item_state(2).problems),
                   "pack.json: items[2].id: duplicate id \"a\" (first used by items[0])"));
    CHECK_FALSE(editor->item_state(3).plays);
    CHECK(editor->item_state(99).problems.empty());
}

TEST_CASE("a zip is saved as a new folder beside it, the zip untouched", "[game][editor][zip]") {
    rc::tests::TempDir dir;
    json items = json::array(
        {rc::tests::item_json("a", "media/0001.png"), rc::tests::item_json("b", "media/0002.png")});
    const std::string manifest = rc::tests::pack_json(items).dump();
    const fs::path zip = dir.path() / "atelier.zip";
    rc::tests::write_zip(zip, {{"pack.json", manifest},
                               {"media/0001.png", rc::tests::png_bytes(64, 48)},
                               {"media/0002.png", rc::tests::png_bytes(64, 48)},
                               {"README.txt", "credits"}});
    const std::string zip_bytes = rc::tests::read_file(zip);
    dir.write("atelier-edited/keep.txt", "someone's folder");  // the name is taken

    auto editor = open_editor(zip);
    CHECK(editor->from_zip());
    CHECK(editor->save_folder() == dir.path() / "atelier-edited-2");
    REQUIRE(editor->set_field(1, EditField::Category, "snow").empty());
    CHECK(fs::exists(dir.path() / "atelier.zip.journal"));
    REQUIRE(editor->save().empty());
    CHECK_FALSE(fs::exists(dir.path() / "atelier.zip.journal"));
    CHECK(rc::tests::read_file(zip) == zip_bytes);
    const fs::path folder = dir.path() / "atelier-edited-2";
    CHECK(rc::tests::read_file(folder / "media/0002.png") == rc::tests::png_bytes(64, 48));
    CHECK(rc::tests::read_file(folder / "README.txt") == "credits");
    CHECK_FALSE(fs::exists(folder / "pack.json.bak"));
    CHECK(json::parse(rc::tests::read_file(folder / "pack.json"))["items"][1]["category"] ==
          "snow");

    SECTION("the next save is the folder's, with its .bak") {
        CHECK_FALSE(editor->from_zip());
        REQUIRE(editor->set_field(1, EditField::Category, "ice").empty());
        CHECK(fs::exists(folder / "pack.json.journal"));
        REQUIRE(editor->save().empty());
        CHECK(json::parse(rc::tests::read_file(folder / "pack.json.bak"))["items"][1]["category"] ==
              "snow");
    }
}

TEST_CASE("a clip's tell starts at the time shown, its ends are set one at a time",
          "[game][editor][video]") {
    rc::tests::TempDir dir;
    const fs::path pack = rc::tests::write_clip_pack(dir);
    ordered_json before_crash;
    {
        auto editor = open_editor(pack);
        const double seconds = editor->media_shape(0).seconds;
        REQUIRE(seconds > 0.5);
        REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}, 0.4).empty());
        auto tell = editor->tells(0).at(0);
        CHECK(tell.t0 == Approx(0.4f));
        CHECK_FALSE(tell.t1);

        SECTION("the end, then the start, each keeping the other; each one undo step") {
            REQUIRE(editor->set_tell_time(0, 0, rc::game::TellEnd::End, 0.8).empty());
            tell = editor->tells(0).at(0);
            CHECK(tell.t0 == Approx(0.4f));
            CHECK(tell.t1 == Approx(0.8f));
            REQUIRE(editor->set_tell_time(0, 0, rc::game::TellEnd::Start, 0.2).empty());
            tell = editor->tells(0).at(0);
            CHECK(tell.t0 == Approx(0.2f));
            CHECK(tell.t1 == Approx(0.8f));
            REQUIRE(editor->undo());
            CHECK(editor->tells(0).at(0).t0 == Approx(0.4f));
            REQUIRE(editor->undo());
            CHECK_FALSE(editor->tells(0).at(0).t1);
        }
        SECTION("kept within the clip; no time opens that end") {
            REQUIRE(editor->set_tell_time(0, 0, rc::game::TellEnd::End, 99.0).empty());
            CHECK(editor->tells(0).at(0).t1 == Approx(seconds).margin(0.001));
            REQUIRE(editor->set_tell_time(0, 0, rc::game::TellEnd::Start, std::nullopt).empty());
            CHECK_FALSE(editor->item_json(0)["tells"][0].contains("t0"));
        }
        SECTION("an end before the start is kept and shown") {
            REQUIRE(editor->set_tell_note(0, 0, Lang::Fr, "ici").empty());
            REQUIRE(editor->set_tell_time(0, 0, rc::game::TellEnd::End, 0.1).empty());
            CHECK(editor->tells(0).at(0).t1 == Approx(0.1f));
            CHECK(contains(problem_texts(editor->item_state(0).problems),
                           "pack.json: items[0].tells[0].t1: expected a time after t0 (0.4), "
                           "got 0.1"));
        }
        SECTION("a tell that is not there is refused") {
            CHECK_FALSE(editor->set_tell_time(0, 3, rc::game::TellEnd::End, 0.5).empty());
        }
        REQUIRE(editor->set_tell_time(0, 0, rc::game::TellEnd::End, 0.9).empty());
        before_crash = editor->document();
    }  // dropped without saving, as a crash would
    auto editor = open_editor(pack);
    REQUIRE(editor->has_journal());
    REQUIRE(editor->recover().empty());
    CHECK(editor->document() == before_crash);
}

TEST_CASE("a clip's tell times stay within the clip", "[game][editor][video]") {
    rc::tests::TempDir dir;
    const fs::path pack = rc::tests::write_clip_pack(dir);
    auto editor = open_editor(pack);
    const double seconds = editor->media_shape(0).seconds;
    REQUIRE(seconds > 0.0);
    REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());
    REQUIRE(editor->set_tell_times(0, 0, -4.0, 1000.0).empty());
    const auto tell = editor->tells(0).at(0);
    CHECK(tell.t0 == Approx(0.f));
    CHECK(tell.t1 == Approx(seconds).margin(0.001));
    CHECK(editor->item_state(0).problems.size() == 1);  // only the missing note
}

TEST_CASE("a hostile journal is refused line by line, never a crash", "[game][editor][journal]") {
    rc::tests::TempDir dir;
    const fs::path pack = write_pack(dir);
    {
        auto editor = open_editor(pack);
        REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}).empty());
    }
    const std::string journal = rc::tests::read_file(pack / "pack.json.journal");
    const auto [line, message] = GENERATE(
        std::pair<std::string, std::string>{R"({"op":"add_tell","item":1e300})",
                                            "no item 1000000001 (the pack has 3)"},
        std::pair<std::string, std::string>{R"({"op":"move_tell","item":0,"tell":-1,"x":0})",
                                            "item \"a\" has no tell 1000000001 (it has 1)"},
        std::pair<std::string, std::string>{R"({"op":"set","item":0,"field":"colour"})",
                                            "unknown field"},
        std::pair<std::string, std::string>{"[1,2]", "not a command"},
        std::pair<std::string, std::string>{R"({"op":7})", "unknown command \"7\""},
        std::pair<std::string, std::string>{"{\"op\":", "not JSON"},
        std::pair<std::string, std::string>{R"({"op":"redo"})", "nothing to redo"});
    dir.write("pack/pack.json.journal", journal + line + "\n");
    auto editor = open_editor(pack);
    CHECK(editor->recover() == (pack / "pack.json.journal").string() + ":3: " + message +
                                   "; the edits from there on are lost");
    CHECK(editor->tells(0).size() == 1);  // what came before the bad line
    CHECK(editor->add_tell(1, {}).empty());
}
