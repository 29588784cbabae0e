// pack.json parsing: the schema, located messages, and which items are kept.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "content/test_images.h"

using nlohmann::json;
using rc::content::Answer;
using rc::content::Lang;
using rc::content::Manifest;
using rc::content::parse_manifest;
using rc::content::Problem;
using rc::content::Result;
using rc::content::Severity;
using rc::tests::item_json;
using rc::tests::pack_json;

namespace {

std::vector<std::string> messages(const Result<Manifest>& result) {
    std::vector<std::string> out;
    for (const auto& problem : result.problems)
        out.push_back(rc::content::to_string(problem));
    return out;
}

Result<Manifest> parse(const json& doc) {
    return parse_manifest(doc.dump());
}

// One tell, shown from t0 to t1 on a clip (null: the end is open).
json timed_tell(json t0, json t1) {
    return json::array(
        {{{"x", 0.5}, {"y", 0.5}, {"r", 0.1}, {"t0", t0}, {"t1", t1}, {"note", {{"en", "n"}}}}});
}

// A pack whose item 1 is item_json("b", ...) changed by `edit`; item 0 is always valid.
Result<Manifest> parse_with_second_item(const std::function<void(json&)>& edit) {
    json second = item_json("b", "media/b.jpg");
    edit(second);
    return parse(pack_json({item_json("a", "media/a.jpg"), second}));
}

// Item 1 was left out with exactly one warning, `expected`; item 0 was kept.
void require_item_left_out(const Result<Manifest>& result, const std::string& expected) {
    REQUIRE(result.ok());
    REQUIRE(result.value->items.size() == 1);
    CHECK(result.value->items[0].id == "a");
    REQUIRE(messages(result) == std::vector<std::string>{expected});
    CHECK(result.problems[0].severity == Severity::Warning);
}

// A refused manifest whose only problem is the Error `expected`.
void require_error(const Result<Manifest>& result, const std::string& expected) {
    CHECK_FALSE(result.ok());
    REQUIRE(messages(result) == std::vector<std::string>{expected});
    CHECK(result.problems[0].severity == Severity::Error);
}

}  // namespace

TEST_CASE("a complete manifest parses with every field", "[content][manifest]") {
    const char* text = R"json({
      "format": 1,
      "id": "demo",
      "title": {"fr": "Démo", "en": "Demo"},
      "description": {"fr": "Des images", "en": "Some pictures"},
      "authors": ["Ada", "Linus"],
      "answers": 3,
      "items": [
        {
          "id": "coffee-cup",
          "media": "media/0007.jpg",
          "kind": "image",
          "answer": "edited",
          "source": {"credit": "Jane", "license": "CC0-1.0", "url": "https://example.org/a"},
          "generator": "some-model v2",
          "explanation": {"fr": "La anse", "en": "The handle"},
          "tells": [{"x": 0.42, "y": 0.61, "r": 0.08, "note": {"fr": "ici", "en": "here"}},
                    {"x": 0, "y": 1, "r": 1, "note": {"en": "edge"}}],
          "category": "food",
          "difficulty": 2
        },
        {"id": "b.2_x", "media": "media/0008.png", "answer": "real",
         "source": {"credit": "Joe", "license": "Public domain (NASA)"},
         "generator": null, "explanation": {"fr": "Vrai"}}
      ]
    })json";
    auto result = parse_manifest(text);
    REQUIRE(result.problems.empty());
    REQUIRE(result.ok());
    const Manifest& m = *result.value;
    CHECK(m.format == 1);
    CHECK(m.id == "demo");
    CHECK(m.title.fr == "Démo");
    CHECK(m.title.en == "Demo");
    CHECK(m.description.en == "Some pictures");
    CHECK(m.authors == std::vector<std::string>{"Ada", "Linus"});
    CHECK(m.three_answers);
    REQUIRE(m.items.size() == 2);

    const auto& cup = m.items[0];
    CHECK(cup.id == "coffee-cup");
    CHECK(cup.media == "media/0007.jpg");
    CHECK(cup.kind == rc::content::MediaKind::Image);
    CHECK(cup.answer == Answer::Edited);
    CHECK(cup.source.credit == "Jane");
    CHECK(cup.source.license == "CC0-1.0");
    CHECK(cup.source.url == "https://example.org/a");
    CHECK(cup.generator == "some-model v2");
    CHECK(cup.explanation.en == "The handle");
    REQUIRE(cup.tells.size() == 2);
    CHECK(cup.tells[0].x == Approx(0.42f));
    CHECK(cup.tells[0].y == Approx(0.61f));
    CHECK(cup.tells[0].r == Approx(0.08f));
    CHECK(cup.tells[0].note.fr == "ici");
    CHECK(cup.tells[1].note.fr.empty());
    CHECK(cup.category == "food");
    CHECK(cup.difficulty == 2);
    CHECK(cup.manifest_index == 0);

    const auto& second = m.items[1];
    CHECK(second.answer == Answer::Real);
    CHECK(second.generator.empty());
    CHECK(second.source.url.empty());
    CHECK(second.difficulty == 0);
    CHECK(second.tells.empty());
    CHECK(second.explanation.en.empty());
    CHECK(second.manifest_index == 1);
}

TEST_CASE("manifest top-level problems are errors and give no value", "[content][manifest]") {
    SECTION("invalid JSON is located by line and column") {
        auto result = parse_manifest("{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"title\": 2}");
        require_error(result,
                      "pack.json: not valid JSON: line 4, column 9: syntax error while parsing "
                      "object - unexpected string literal; expected '}'");
        CHECK(result.problems[0].where == "pack.json");
    }
    SECTION("truncated JSON") {
        auto result = parse_manifest(R"({"format": 1, "items": [)");
        REQUIRE(result.problems.size() == 1);
        CHECK_THAT(result.problems[0].message,
                   Catch::StartsWith("not valid JSON: line 1, column 25:") &&
                       Catch::Contains("unexpected end of input"));
    }
    SECTION("columns count characters, not UTF-8 bytes") {
        auto result = parse_manifest("{\"é\": x}");
        REQUIRE(result.problems.size() == 1);
        CHECK_THAT(result.problems[0].message,
                   Catch::StartsWith("not valid JSON: line 1, column 7:"));
    }
    SECTION("an empty file") {
        require_error(parse_manifest(" \n"), "pack.json: the file is empty");
    }
    SECTION("a UTF-16 file") {
        require_error(parse_manifest(std::string("\xFF\xFE{\0}\0", 6)),
                      "pack.json: not valid JSON: the file is saved as UTF-16; save it as UTF-8");
    }
    SECTION("the top level is not an object") {
        require_error(
            parse_manifest("[1, 2]"),
            R"(pack.json: expected an object like {"format": 1, "id": …, "items": […]}, got an array)");
    }
    SECTION("format missing") {
        json doc = pack_json(json::array());
        doc.erase("format");
        require_error(parse(doc),
                      "pack.json: format: required field is missing; this program reads format 1");
    }
    SECTION("a newer format is refused with only that error") {
        json doc = pack_json(json::array({"not even an item"}));
        doc["format"] = 2;
        doc.erase("id");
        require_error(parse(doc),
                      "pack.json: format: unsupported format 2; supported formats: 1 (the pack "
                      "may need a newer realcheck)");
    }
    SECTION("format 0 is unsupported") {
        json doc = pack_json(json::array());
        doc["format"] = 0;
        require_error(parse(doc), "pack.json: format: unsupported format 0; supported formats: 1");
    }
    SECTION("format of the wrong type") {
        json doc = pack_json(json::array());
        doc["format"] = "1";
        require_error(
            parse(doc),
            R"(pack.json: format: expected a whole number, got "1"; this program reads format 1)");
    }
    SECTION("format 1.0 is format 1") {
        json doc = pack_json({item_json("a", "a.png"), item_json("b", "b.png")});
        doc["format"] = 1.0;
        CHECK(parse(doc).ok());
    }
    SECTION("id missing") {
        json doc = pack_json(json::array());
        doc.erase("id");
        require_error(parse(doc), "pack.json: id: required field is missing");
    }
    SECTION("id of the wrong type") {
        json doc = pack_json(json::array());
        doc["id"] = 12;
        require_error(parse(doc), "pack.json: id: expected a string, got 12");
    }
    SECTION("id with characters outside [a-z0-9._-]") {
        json doc = pack_json(json::array());
        doc["id"] = "Mon Pack";
        require_error(
            parse(doc),
            R"(pack.json: id: must use only lowercase letters a-z, digits 0-9, ".", "_" and "-", got "Mon Pack")");
    }
    SECTION("title missing") {
        json doc = pack_json(json::array());
        doc.erase("title");
        require_error(parse(doc), "pack.json: title: required field is missing");
    }
    SECTION("title as a plain string") {
        json doc = pack_json(json::array());
        doc["title"] = "Demo";
        require_error(
            parse(doc),
            R"(pack.json: title: expected an object like {"fr": "…", "en": "…"}, got "Demo")");
    }
    SECTION("title with no text") {
        json doc = pack_json(json::array());
        doc["title"] = {{"fr", ""}, {"en", nullptr}};
        require_error(parse(doc), R"(pack.json: title: needs a non-empty "fr" or "en" text)");
    }
    SECTION("title.en of the wrong type") {
        json doc = pack_json(json::array());
        doc["title"] = {{"fr", "Démo"}, {"en", true}};
        require_error(parse(doc), "pack.json: title.en: expected a string, got true");
    }
    SECTION("items missing") {
        json doc = pack_json(json::array());
        doc.erase("items");
        require_error(parse(doc), "pack.json: items: required field is missing");
    }
    SECTION("items not an array") {
        json doc = pack_json(json::array());
        doc["items"] = json::object();
        require_error(parse(doc), "pack.json: items: expected an array of items, got an object");
    }
    SECTION("every problem is reported at once, item warnings included") {
        json doc = pack_json({item_json("a", "a.png", "fake"), item_json("b", "b.png")});
        doc.erase("id");
        doc["title"] = 3;
        doc.erase("format");
        auto result = parse(doc);
        CHECK_FALSE(result.ok());
        CHECK(
            messages(result) ==
            std::vector<std::string>{
                "pack.json: format: required field is missing; this program reads format 1",
                "pack.json: id: required field is missing",
                R"(pack.json: title: expected an object like {"fr": "…", "en": "…"}, got 3)",
                R"(pack.json: items[0].answer: expected "real", "generated" or "edited", got "fake")"});
        CHECK(result.has_errors());
        CHECK(result.problems.back().severity == Severity::Warning);
    }
    SECTION("the file label prefixes every location") {
        json doc = pack_json(json::array());
        doc.erase("id");
        auto result = parse_manifest(doc.dump(), "packs/demo/pack.json");
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].where == "packs/demo/pack.json: id");
        CHECK(result.problems[0].message == "required field is missing");
    }
}

TEST_CASE("an item with a problem is left out with a located warning", "[content][manifest]") {
    SECTION("answer not one of the three") {
        auto result = parse_with_second_item([](json& item) { item["answer"] = "fake"; });
        require_item_left_out(
            result,
            R"(pack.json: items[1].answer: expected "real", "generated" or "edited", got "fake")");
        CHECK(result.problems[0].where == "pack.json: items[1].answer");
        CHECK(result.problems[0].message ==
              R"(expected "real", "generated" or "edited", got "fake")");
    }
    SECTION("answer missing") {
        require_item_left_out(parse_with_second_item([](json& item) { item.erase("answer"); }),
                              "pack.json: items[1].answer: required field is missing");
    }
    SECTION("answer of the wrong type") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["answer"] = true; }),
            R"(pack.json: items[1].answer: expected "real", "generated" or "edited", got true)");
    }
    SECTION("id missing") {
        require_item_left_out(parse_with_second_item([](json& item) { item.erase("id"); }),
                              "pack.json: items[1].id: required field is missing");
    }
    SECTION("id of the wrong type") {
        require_item_left_out(parse_with_second_item([](json& item) { item["id"] = 7; }),
                              "pack.json: items[1].id: expected a string, got 7");
    }
    SECTION("id empty") {
        require_item_left_out(parse_with_second_item([](json& item) { item["id"] = ""; }),
                              "pack.json: items[1].id: must not be empty");
    }
    SECTION("id with capitals or spaces") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["id"] = "Coffee Cup"; }),
            R"(pack.json: items[1].id: must use only lowercase letters a-z, digits 0-9, ".", "_" and "-", got "Coffee Cup")");
    }
    SECTION("media missing") {
        require_item_left_out(parse_with_second_item([](json& item) { item.erase("media"); }),
                              "pack.json: items[1].media: required field is missing");
    }
    SECTION("media of the wrong type") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["media"] = json::array(); }),
            "pack.json: items[1].media: expected a string, got an array");
    }
    SECTION("media empty") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["media"] = ""; }),
            R"(pack.json: items[1].media: expected a path like "media/0001.jpg", got "")");
    }
    SECTION("media leaving the folder with ..") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["media"] = "media/../../secret.jpg"; }),
            R"(pack.json: items[1].media: media/../../secret.jpg: uses ".."; media files must be inside the pack folder)");
    }
    SECTION("media as an absolute path") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["media"] = "/etc/passwd"; }),
            "pack.json: items[1].media: /etc/passwd: is an absolute path; give it relative to "
            "the pack folder (media/0001.jpg)");
    }
    SECTION("media with backslashes") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["media"] = "media\\b.jpg"; }),
            R"(pack.json: items[1].media: media\b.jpg: uses "\"; separate folders with "/" (media/0001.jpg))");
    }
    SECTION("kind other than image or video") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["kind"] = "audio"; }),
            R"(pack.json: items[1].kind: expected "image" or "video", got "audio")");
    }
    SECTION("a tell's time that is negative") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["tells"] = timed_tell(-1, nullptr); }),
            "pack.json: items[1].tells[0].t0: expected a time in seconds from 0 to 60, got -1");
    }
    SECTION("a tell's time that is not a number") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["tells"] = timed_tell(nullptr, "2s"); }),
            R"(pack.json: items[1].tells[0].t1: expected a time in seconds from 0 to 60, got "2s")");
    }
    SECTION("a tell that ends before it starts") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["tells"] = timed_tell(3, 1.5); }),
            "pack.json: items[1].tells[0].t1: expected a time after t0 (3), got 1.5");
    }
    SECTION("explanation missing") {
        require_item_left_out(parse_with_second_item([](json& item) { item.erase("explanation"); }),
                              "pack.json: items[1].explanation: required field is missing");
    }
    SECTION("explanation as a plain string") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["explanation"] = "Because."; }),
            R"(pack.json: items[1].explanation: expected an object like {"fr": "…", "en": "…"}, got "Because.")");
    }
    SECTION("explanation with both texts empty") {
        require_item_left_out(
            parse_with_second_item([](json& item) {
                item["explanation"] = {{"fr", ""}, {"en", ""}};
            }),
            R"(pack.json: items[1].explanation: needs a non-empty "fr" or "en" text)");
    }
    SECTION("explanation.fr of the wrong type") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["explanation"]["fr"] = 1.5; }),
            "pack.json: items[1].explanation.fr: expected a string, got 1.5");
    }
    SECTION("source missing") {
        require_item_left_out(parse_with_second_item([](json& item) { item.erase("source"); }),
                              "pack.json: items[1].source: required field is missing");
    }
    SECTION("source as a string") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["source"] = "Wikimedia"; }),
            R"(pack.json: items[1].source: expected an object like {"credit": "…", "license": "…", "url": "…"}, got "Wikimedia")");
    }
    SECTION("source without credit, with an empty license") {
        auto result = parse_with_second_item([](json& item) {
            item["source"].erase("credit");
            item["source"]["license"] = "";
        });
        REQUIRE(result.ok());
        CHECK(result.value->items.size() == 1);
        CHECK(
            messages(result) ==
            std::vector<std::string>{"pack.json: items[1].source.credit: required field is missing",
                                     "pack.json: items[1].source.license: must not be empty"});
    }
    SECTION("source url of the wrong type") {
        require_item_left_out(parse_with_second_item([](json& item) { item["source"]["url"] = 5; }),
                              "pack.json: items[1].source.url: expected a string, got 5");
    }
    SECTION("generator of the wrong type") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["generator"] = json::object(); }),
            "pack.json: items[1].generator: expected a string or null, got an object");
    }
    SECTION("tells not an array") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["tells"] = json::object(); }),
            "pack.json: items[1].tells: expected an array of circles, got an object");
    }
    SECTION("a tell that is not an object") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["tells"] = {0.5}; }),
            R"(pack.json: items[1].tells[0]: expected an object like {"x": 0.5, "y": 0.5, "r": 0.1, "note": {…}}, got 0.5)");
    }
    SECTION("tell coordinates out of range, radius zero, note missing") {
        auto result = parse_with_second_item([](json& item) {
            item["tells"] = {{{"x", 0.5}, {"y", 0.5}, {"r", 0.1}, {"note", {{"en", "ok"}}}},
                             {{"x", 1.5}, {"y", "top"}, {"r", 0}}};
        });
        REQUIRE(result.ok());
        CHECK(result.value->items.size() == 1);
        CHECK(messages(result) ==
              std::vector<std::string>{
                  "pack.json: items[1].tells[1].x: expected a number from 0 to 1, got 1.5",
                  R"(pack.json: items[1].tells[1].y: expected a number from 0 to 1, got "top")",
                  "pack.json: items[1].tells[1].r: expected a number greater than 0 and at most 1, "
                  "got 0",
                  "pack.json: items[1].tells[1].note: required field is missing"});
    }
    SECTION("tell coordinate missing") {
        require_item_left_out(
            parse_with_second_item([](json& item) {
                item["tells"] = {{{"y", 0.5}, {"r", 0.1}, {"note", {{"en", "ok"}}}}};
            }),
            "pack.json: items[1].tells[0].x: required field is missing");
    }
    SECTION("difficulty out of range") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["difficulty"] = 4; }),
            "pack.json: items[1].difficulty: expected a whole number from 1 to 3, got 4");
    }
    SECTION("difficulty not whole") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["difficulty"] = 2.5; }),
            "pack.json: items[1].difficulty: expected a whole number from 1 to 3, got 2.5");
    }
    SECTION("difficulty as a string") {
        require_item_left_out(
            parse_with_second_item([](json& item) { item["difficulty"] = "2"; }),
            R"(pack.json: items[1].difficulty: expected a whole number from 1 to 3, got "2")");
    }
    SECTION("category of the wrong type") {
        require_item_left_out(parse_with_second_item([](json& item) { item["category"] = 3; }),
                              "pack.json: items[1].category: expected a string, got 3");
    }
    SECTION("an item that is not an object") {
        auto result = parse(pack_json({item_json("a", "a.jpg"), "b.jpg"}));
        require_item_left_out(
            result,
            R"(pack.json: items[1]: expected an object like {"id": "…", "media": "…", …}, got "b.jpg")");
    }
    SECTION("every problem of one item is reported") {
        auto result = parse_with_second_item([](json& item) {
            item["answer"] = "fake";
            item["kind"] = "film";
            item.erase("explanation");
            item["difficulty"] = 0;
        });
        REQUIRE(result.ok());
        CHECK(result.value->items.size() == 1);
        CHECK(result.problems.size() == 4);
        for (const auto& problem : result.problems) {
            CHECK(problem.severity == Severity::Warning);
            CHECK_THAT(problem.where, Catch::StartsWith("pack.json: items[1]."));
        }
    }
    SECTION("long or control-character values are shortened in messages") {
        auto result = parse_with_second_item(
            [](json& item) { item["answer"] = std::string(100, 'x') + "\n"; });
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].message ==
              R"(expected "real", "generated" or "edited", got ")" + std::string(60, 'x') + "…\"");
    }
}

TEST_CASE("optional fields accept null and defaults apply", "[content][manifest]") {
    auto result = parse_with_second_item([](json& item) {
        item["generator"] = nullptr;
        item["category"] = nullptr;
        item["difficulty"] = nullptr;
        item["tells"] = nullptr;
        item["source"]["url"] = nullptr;
        item["explanation"] = {{"fr", nullptr}, {"en", "Only English"}};
    });
    REQUIRE(result.problems.empty());
    REQUIRE(result.value->items.size() == 2);
    const auto& item = result.value->items[1];
    CHECK(item.kind == rc::content::MediaKind::Image);
    CHECK(item.difficulty == 0);
    CHECK(item.explanation.fr.empty());
    CHECK(item.explanation.en == "Only English");
    CHECK_FALSE(result.value->three_answers);
}

TEST_CASE("video items and tells with a time range", "[content][manifest]") {
    auto result = parse_with_second_item([](json& item) {
        item["kind"] = "video";
        item["media"] = "media/b.webm";
        item["tells"] = json::array({
            {{"x", 0.5}, {"y", 0.5}, {"r", 0.1}, {"t0", 1.5}, {"t1", 2.5}, {"note", {{"en", "a"}}}},
            {{"x", 0.2}, {"y", 0.3}, {"r", 0.1}, {"t0", 4}, {"note", {{"en", "b"}}}},
            {{"x", 0.2}, {"y", 0.3}, {"r", 0.1}, {"note", {{"en", "c"}}}},
        });
    });
    REQUIRE(result.problems.empty());
    const auto& item = result.value->items[1];
    CHECK(item.kind == rc::content::MediaKind::Video);
    REQUIRE(item.tells.size() == 3);
    const auto& ranged = item.tells[0];
    CHECK(ranged.timed());
    CHECK(*ranged.t0 == 1.5f);
    CHECK(*ranged.t1 == 2.5f);
    CHECK_FALSE(ranged.shows_at(1.4));
    CHECK(ranged.shows_at(1.5));
    CHECK(ranged.shows_at(2.0));
    CHECK_FALSE(ranged.shows_at(2.6));
    const auto& open_ended = item.tells[1];
    CHECK_FALSE(open_ended.t1.has_value());
    CHECK_FALSE(open_ended.shows_at(3.9));
    CHECK(open_ended.shows_at(59.0));
    CHECK_FALSE(item.tells[2].timed());
    CHECK(item.tells[2].shows_at(0.0));
}

TEST_CASE("difficulty 2.0 is accepted as 2", "[content][manifest]") {
    auto result = parse_with_second_item([](json& item) { item["difficulty"] = 2.0; });
    REQUIRE(result.problems.empty());
    CHECK(result.value->items[1].difficulty == 2);
}

TEST_CASE("duplicate item ids leave the later item out", "[content][manifest]") {
    SECTION("the first item keeps the id") {
        auto result = parse(pack_json({item_json("a", "a.jpg"), item_json("b", "b.jpg"),
                                       item_json("a", "c.jpg", "generated")}));
        REQUIRE(result.ok());
        REQUIRE(result.value->items.size() == 2);
        CHECK(result.value->items[0].media == "a.jpg");
        CHECK(result.value->items[1].id == "b");
        CHECK(messages(result) ==
              std::vector<std::string>{
                  R"(pack.json: items[2].id: duplicate id "a" (first used by items[0]))"});
        CHECK(result.problems[0].severity == Severity::Warning);
    }
    SECTION("an item left out for another reason still claims its id") {
        auto result = parse(pack_json(
            {item_json("a", "a.jpg", "fake"), item_json("a", "b.jpg"), item_json("c", "c.jpg")}));
        REQUIRE(result.ok());
        REQUIRE(result.value->items.size() == 1);
        CHECK(result.value->items[0].id == "c");
        CHECK(
            messages(result) ==
            std::vector<std::string>{
                R"(pack.json: items[0].answer: expected "real", "generated" or "edited", got "fake")",
                R"(pack.json: items[1].id: duplicate id "a" (first used by items[0]))"});
    }
}

TEST_CASE("optional top-level fields", "[content][manifest]") {
    json doc = pack_json({item_json("a", "a.jpg"), item_json("b", "b.jpg")});
    SECTION("answers: 3 asks three answers") {
        doc["answers"] = 3;
        auto result = parse(doc);
        REQUIRE(result.problems.empty());
        CHECK(result.value->three_answers);
    }
    SECTION("answers: 2 asks two") {
        doc["answers"] = 2;
        auto result = parse(doc);
        REQUIRE(result.problems.empty());
        CHECK_FALSE(result.value->three_answers);
    }
    SECTION("answers: 4 is dropped with a warning") {
        doc["answers"] = 4;
        auto result = parse(doc);
        REQUIRE(result.ok());
        CHECK_FALSE(result.value->three_answers);
        CHECK(messages(result) ==
              std::vector<std::string>{"pack.json: answers: expected 2 (real/generated) or 3 "
                                       "(real/generated/edited), got 4"});
        CHECK(result.problems[0].severity == Severity::Warning);
    }
    SECTION("authors: non-strings are dropped with a warning") {
        doc["authors"] = {"Ada", 3, "Linus"};
        auto result = parse(doc);
        REQUIRE(result.ok());
        CHECK(result.value->authors == std::vector<std::string>{"Ada", "Linus"});
        CHECK(messages(result) ==
              std::vector<std::string>{"pack.json: authors[1]: expected a string, got 3"});
    }
    SECTION("authors: not an array") {
        doc["authors"] = "Ada";
        auto result = parse(doc);
        REQUIRE(result.ok());
        CHECK(result.value->authors.empty());
        CHECK(messages(result) ==
              std::vector<std::string>{
                  R"(pack.json: authors: expected an array of names, got "Ada")"});
    }
    SECTION("description: a plain string is dropped with a warning") {
        doc["description"] = "About";
        auto result = parse(doc);
        REQUIRE(result.ok());
        CHECK(result.value->description.empty());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].where == "pack.json: description");
        CHECK(result.problems[0].severity == Severity::Warning);
    }
    SECTION("no items is still a manifest (the loader counts playable items)") {
        auto result = parse(pack_json(json::array()));
        REQUIRE(result.ok());
        CHECK(result.problems.empty());
        CHECK(result.value->items.empty());
    }
}

TEST_CASE("unknown fields are ignored everywhere", "[content][manifest]") {
    json doc = pack_json({item_json("a", "a.jpg"), item_json("b", "b.jpg")});
    doc["format_note"] = "future";
    doc["title"]["de"] = "Test";
    doc["items"][0]["license_checked"] = true;
    doc["items"][0]["source"]["retrieved"] = "2024-01-01";
    doc["items"][1]["tells"] = {{{"x", 0.1},
                                 {"y", 0.2},
                                 {"r", 0.3},
                                 {"shape", "circle"},
                                 {"note", {{"fr", "là"}, {"it", "qui"}}}}};
    auto result = parse(doc);
    CHECK(result.problems.empty());
    REQUIRE(result.ok());
    CHECK(result.value->items.size() == 2);
    CHECK(result.value->items[1].tells.at(0).note.fr == "là");
}

TEST_CASE("hostile manifests are refused with a located error, never a crash",
          "[content][manifest]") {
    const std::string input = GENERATE(
        as<std::string>{}, "", "null", "0", "\"text\"", "{}",
        std::string(100000, '[') + std::string(100000, ']'), std::string(100000, '['),
        R"({"format": 1e400, "id": "x"})", R"({"format": -1, "id": "x"})",
        R"({"format": 18446744073709551615, "id": "x"})", "{\"format\": 1, \"id\": \"\xC3\x28\"}",
        std::string("{\"format\": 1, \"id\": \"a") + '\0' + "b\"}");
    CAPTURE(input.substr(0, 60));
    auto result = parse_manifest(input);
    CHECK_FALSE(result.ok());
    REQUIRE(result.has_errors());
    for (const auto& problem : result.problems)
        CHECK_THAT(problem.where, Catch::StartsWith("pack.json"));
}

TEST_CASE("items of the wrong shape are left out one by one", "[content][manifest]") {
    auto result = parse_manifest(
        R"({"format":1,"id":"x","title":{"en":"t"},"items":[null, 1, [], {"tells": [[], {"x": {}}]}]})");
    REQUIRE(result.ok());
    CHECK(result.value->items.empty());
    CHECK_FALSE(result.has_errors());
    for (int i = 0; i < 4; ++i) {
        const std::string where = "pack.json: items[" + std::to_string(i) + "]";
        CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                          [&](const auto& p) { return p.where.starts_with(where); }));
    }
}

TEST_CASE("media paths are checked without the disk", "[content][manifest]") {
    using rc::content::check_media_path;
    std::string why;
    CHECK(check_media_path("media/0001.jpg", &why));
    CHECK(check_media_path("a.png", &why));
    CHECK(check_media_path("./media/x..y.jpg", &why));
    CHECK_FALSE(check_media_path("", &why));
    CHECK(why == "is empty");
    CHECK_FALSE(check_media_path("..", &why));
    CHECK_FALSE(check_media_path("media/..", &why));
    CHECK_FALSE(check_media_path("media/../../x.jpg", &why));
    CHECK(why == R"(uses ".."; media files must be inside the pack folder)");
    CHECK_FALSE(check_media_path("/abs.jpg", &why));
    CHECK_FALSE(check_media_path("C:/pics/a.jpg", &why));
    CHECK_THAT(why, Catch::StartsWith("is an absolute path"));
    CHECK_FALSE(check_media_path("media\\a.jpg", &why));
    CHECK_FALSE(check_media_path(std::string("a\0.jpg", 6), &why));
    CHECK(why == "contains control characters");
    CHECK(check_media_path("a.jpg", nullptr));
    CHECK_FALSE(check_media_path("", nullptr));
}

TEST_CASE("localized text falls back to the other language", "[content][manifest]") {
    rc::content::LocalizedText both{"Bonjour", "Hello"};
    rc::content::LocalizedText fr_only{"Bonjour", ""};
    rc::content::LocalizedText none;
    bool fell_back = true;
    CHECK(both.get(Lang::En, &fell_back) == "Hello");
    CHECK_FALSE(fell_back);
    CHECK(both.get(Lang::Fr) == "Bonjour");
    CHECK(fr_only.get(Lang::En, &fell_back) == "Bonjour");
    CHECK(fell_back);
    CHECK(fr_only.get(Lang::Fr, &fell_back) == "Bonjour");
    CHECK_FALSE(fell_back);
    CHECK(none.get(Lang::Fr, &fell_back).empty());
    CHECK_FALSE(fell_back);
    CHECK(none.empty());
}

TEST_CASE("answers convert to and from their names", "[content][manifest]") {
    for (Answer answer : {Answer::Real, Answer::Generated, Answer::Edited})
        CHECK(rc::content::answer_from_string(rc::content::to_string(answer)) == answer);
    CHECK(rc::content::to_string(Answer::Generated) == "generated");
    CHECK_FALSE(rc::content::answer_from_string("Real").has_value());
    CHECK_FALSE(rc::content::answer_from_string("").has_value());
    CHECK(rc::content::as_two_answer(Answer::Edited) == Answer::Generated);
    CHECK(rc::content::as_two_answer(Answer::Real) == Answer::Real);
}

TEST_CASE("problems print as where: message", "[content][manifest]") {
    CHECK(rc::content::to_string(Problem{Severity::Warning, "pack.json: items[3].answer", "bad"}) ==
          "pack.json: items[3].answer: bad");
    CHECK(rc::content::to_string(Problem{Severity::Error, "", "bad"}) == "bad");
}

namespace {

// `count` copies of `unit` (a single character, possibly several UTF-8 bytes).
std::string repeated(const std::string& unit, std::size_t count) {
    std::string out;
    out.reserve(unit.size() * count);
    for (std::size_t i = 0; i < count; ++i)
        out += unit;
    return out;
}

}  // namespace

TEST_CASE("over-long texts are cut to their cap with a located warning, the item plays",
          "[content][manifest][limits]") {
    using namespace rc::content;
    SECTION("an explanation of 61234 characters keeps 4000, cut on a character boundary") {
        json item = item_json("a", "media/a.jpg");
        item["explanation"]["fr"] = repeated("é", 61234);  // two bytes each
        auto result = parse(pack_json({item, item_json("b", "media/b.jpg")}));
        REQUIRE(result.ok());
        REQUIRE(result.value->items.size() == 2);
        const auto& kept = result.value->items[0].explanation;
        CHECK(kept.fr == repeated("é", kMaxExplanationChars));
        CHECK(kept.en == "Explanation");
        REQUIRE(messages(result) ==
                std::vector<std::string>{
                    "pack.json: items[0].explanation.fr: 61234 characters, cut to 4000"});
        CHECK(result.problems[0].severity == Severity::Warning);
    }
    SECTION("four-byte characters count as one each") {
        json item = item_json("a", "media/a.jpg");
        item["explanation"]["en"] = repeated("😀", kMaxExplanationChars);
        auto result = parse(pack_json({item}));
        REQUIRE(result.ok());
        CHECK(result.problems.empty());
        CHECK(result.value->items[0].explanation.en.size() == 4 * kMaxExplanationChars);
    }
    SECTION("a text exactly at its cap is kept whole, one more character is cut") {
        json item = item_json("a", "media/a.jpg");
        item["generator"] = repeated("g", kMaxGeneratorChars);
        item["category"] = repeated("ç", kMaxCategoryChars + 1);
        auto result = parse(pack_json({item}));
        REQUIRE(result.ok());
        REQUIRE(result.value->items.size() == 1);
        CHECK(result.value->items[0].generator.size() == kMaxGeneratorChars);
        CHECK(result.value->items[0].category == repeated("ç", kMaxCategoryChars));
        CHECK(messages(result) ==
              std::vector<std::string>{"pack.json: items[0].category: 101 characters, cut to 100"});
    }
    SECTION("every text field has its cap") {
        json item = item_json("a", "media/a.jpg");
        item["source"] = {{"credit", repeated("c", 600)},
                          {"license", repeated("l", 300)},
                          {"url", repeated("u", 3000)}};
        item["generator"] = repeated("g", 250);
        item["tells"] = json::array(
            {{{"x", 0.5}, {"y", 0.5}, {"r", 0.1}, {"note", {{"fr", repeated("n", 60000)}}}}});
        json doc = pack_json({item});
        doc["title"] = {{"fr", repeated("t", 60000)}, {"en", "Short"}};
        doc["description"] = {{"en", repeated("d", 2500)}};
        doc["authors"] = json::array({"Me", repeated("a", 201)});
        auto result = parse(doc);
        REQUIRE(result.ok());
        REQUIRE(result.value->items.size() == 1);
        const auto& manifest = *result.value;
        const auto& kept = manifest.items[0];
        CHECK(manifest.title.fr.size() == kMaxTitleChars);
        CHECK(manifest.title.en == "Short");
        CHECK(manifest.description.en.size() == kMaxDescriptionChars);
        CHECK(manifest.authors[1].size() == kMaxAuthorChars);
        CHECK(kept.source.credit.size() == kMaxCreditChars);
        CHECK(kept.source.license.size() == kMaxLicenseChars);
        CHECK(kept.source.url.size() == kMaxUrlChars);
        CHECK(kept.generator.size() == kMaxGeneratorChars);
        CHECK(kept.tells.at(0).note.fr.size() == kMaxNoteChars);
        const std::vector<std::string> expected{
            "pack.json: title.fr: 60000 characters, cut to 200",
            "pack.json: description.en: 2500 characters, cut to 2000",
            "pack.json: authors[1]: 201 characters, cut to 200",
            "pack.json: items[0].source.credit: 600 characters, cut to 500",
            "pack.json: items[0].source.license: 300 characters, cut to 200",
            "pack.json: items[0].source.url: 3000 characters, cut to 2000",
            "pack.json: items[0].generator: 250 characters, cut to 200",
            "pack.json: items[0].tells[0].note.fr: 60000 characters, cut to 500",
        };
        CHECK(messages(result) == expected);
        for (const auto& problem : result.problems)
            CHECK(problem.severity == Severity::Warning);
    }
}

TEST_CASE("over-long ids and media paths are refused, not cut", "[content][manifest][limits]") {
    using rc::content::kMaxIdChars;
    SECTION("an item id of 101 characters leaves the item out") {
        auto result = parse_with_second_item(
            [](json& item) { item["id"] = std::string(kMaxIdChars + 1, 'b'); });
        require_item_left_out(result,
                              "pack.json: items[1].id: 101 characters; an id has at most 100");
    }
    SECTION("an id of exactly 100 characters is fine") {
        auto result =
            parse_with_second_item([](json& item) { item["id"] = std::string(kMaxIdChars, 'b'); });
        REQUIRE(result.ok());
        CHECK(result.value->items.size() == 2);
        CHECK(result.problems.empty());
    }
    SECTION("a media path of 60000 characters leaves the item out") {
        auto result = parse_with_second_item(
            [](json& item) { item["media"] = "media/" + std::string(59994, 'm'); });
        require_item_left_out(
            result, "pack.json: items[1].media: 60000 characters; a media path has at most 1000");
    }
    SECTION("a pack id of 60000 characters refuses the pack") {
        json doc = pack_json({item_json("a", "media/a.jpg")});
        doc["id"] = std::string(60000, 'p');
        require_error(parse(doc), "pack.json: id: 60000 characters; an id has at most 100");
    }
}

TEST_CASE("an item's prompt is kept, capped like the other texts", "[content][manifest][limits]") {
    SECTION("a prompt is read; none is empty") {
        auto result = parse_with_second_item([](json& item) { item["prompt"] = "un chat, 8k"; });
        REQUIRE(result.ok());
        CHECK(result.value->items[0].prompt.empty());
        CHECK(result.value->items[1].prompt == "un chat, 8k");
        CHECK(result.problems.empty());
    }
    SECTION("null is no prompt (spreadsheet exports)") {
        auto result = parse_with_second_item([](json& item) { item["prompt"] = nullptr; });
        REQUIRE(result.ok());
        CHECK(result.value->items.size() == 2);
        CHECK(result.problems.empty());
    }
    SECTION("a prompt over its cap is cut with a warning, the item stays") {
        auto result = parse_with_second_item([](json& item) {
            item["prompt"] = std::string(rc::content::kMaxPromptChars + 5, 'p');
        });
        REQUIRE(result.ok());
        REQUIRE(result.value->items.size() == 2);
        CHECK(result.value->items[1].prompt.size() == rc::content::kMaxPromptChars);
        CHECK(messages(result) ==
              std::vector<std::string>{"pack.json: items[1].prompt: 2005 characters, cut to 2000"});
    }
    SECTION("a prompt of the wrong type leaves the item out") {
        require_item_left_out(parse_with_second_item([](json& item) { item["prompt"] = 42; }),
                              "pack.json: items[1].prompt: expected a string, got 42");
    }
}
