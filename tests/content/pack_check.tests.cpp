// The checks realcheck-pack validate and the game's editor share: one item judged alone,
// explanations in one language, names that give the answer away, media by their kind.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "content/pack_check.h"
#include "content/test_images.h"
#include "support/temp_dir.h"

namespace {

using nlohmann::json;
using rc::content::Severity;

std::vector<std::string> texts(const std::vector<rc::content::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(rc::content::to_string(problem));
    return out;
}

}  // namespace

TEST_CASE("an item is judged alone as the game judges it, at its place", "[content][check]") {
    SECTION("a good item plays without a problem") {
        const auto check = rc::content::check_item(rc::tests::item_json("a", "media/1.png"), 4);
        CHECK(check.plays);
        CHECK(check.problems.empty());
    }
    SECTION("a problem that leaves the item out is an error at items[index]") {
        json item = rc::tests::item_json("a", "media/1.png");
        item["answer"] = "fake";
        item["explanation"] = {{"fr", "Seulement en français"}};
        const auto check = rc::content::check_item(item, 12);
        CHECK_FALSE(check.plays);
        CHECK(
            texts(check.problems) ==
            std::vector<std::string>{
                R"(pack.json: items[12].answer: expected "real", "generated" or "edited", got "fake")",
                "pack.json: items[12].explanation.en: no English explanation: English players "
                "will read the French one"});
        CHECK(check.problems[0].severity == Severity::Error);
        CHECK(check.problems[1].severity == Severity::Warning);
    }
    SECTION("a text cut to its cap is a warning; the item plays") {
        json item = rc::tests::item_json("a", "media/1.png");
        item["category"] = std::string(150, 'c');
        const auto check = rc::content::check_item(item, 0);
        CHECK(check.plays);
        CHECK(texts(check.problems) ==
              std::vector<std::string>{"pack.json: items[0].category: 150 characters, cut to 100"});
        CHECK(check.problems[0].severity == Severity::Warning);
    }
    SECTION("a name that gives the answer away is an error, though the game would play it") {
        const auto check = rc::content::check_item(rc::tests::item_json("a", "Généré/chat.png"), 2);
        CHECK(check.plays);
        CHECK(texts(check.problems) ==
              std::vector<std::string>{
                  "pack.json: items[2].media: \"Généré/chat.png\": the name gives the answer "
                  "away (\"genere\"); import the pictures with realcheck-pack to get opaque "
                  "names"});
    }
    SECTION("what is not an item at all") {
        for (const json& value : {json(7), json("x"), json::array(), json()}) {
            const auto check = rc::content::check_item(value, 1);
            CHECK_FALSE(check.plays);
            REQUIRE(check.problems.size() == 1);
            CHECK(check.problems[0].where == "pack.json: items[1]");
        }
    }
}

TEST_CASE("an explanation in one language is a warning, in none the game's error",
          "[content][check]") {
    json item = rc::tests::item_json("a", "media/1.png");
    CHECK(rc::content::language_problems(item, 0).empty());
    item["explanation"] = {{"fr", "  \n"}, {"en", "Only English"}};
    CHECK(texts(rc::content::language_problems(item, 3)) ==
          std::vector<std::string>{"pack.json: items[3].explanation.fr: no French explanation: "
                                   "French players will read the English one"});
    item["explanation"] = json::object();
    CHECK(rc::content::language_problems(item, 3).empty());
    CHECK(rc::content::language_problems(json("not an item"), 3).empty());
}

TEST_CASE("names that give the answer away", "[content][check]") {
    std::string word;
    for (const char* name : {"media/fake_02.jpg", "IA/1.jpg", "midjourneycat.png", "Réel.png",
                             "media/Modifiée-3.png"}) {
        INFO(name);
        CHECK(rc::content::name_gives_answer_away(name, &word));
    }
    CHECK(rc::content::media_name_problem("media/vraie.jpg") ==
          "\"media/vraie.jpg\": the name gives the answer away (\"vraie\"); import the pictures "
          "with realcheck-pack to get opaque names");
    for (const char* name : {"media/0001.jpg", "media/3f9a0c12ab45de67.png", "chair.jpg"}) {
        INFO(name);
        CHECK_FALSE(rc::content::name_gives_answer_away(name, &word));
        CHECK(rc::content::media_name_problem(name).empty());
    }
}

TEST_CASE("media are judged by their kind", "[content][check]") {
    const std::string png = rc::tests::png_bytes(800, 600);
    const auto bytes = rc::tests::as_bytes(png);
    CHECK(rc::content::media_problem(bytes, rc::content::MediaKind::Image).empty());
    CHECK_FALSE(rc::content::media_problem(bytes, rc::content::MediaKind::Video).empty());

    SECTION("a pack read as the game plays it leaves out a picture given as a clip") {
        rc::tests::TempDir dir;
        json clip = rc::tests::item_json("b", "media/2.png");
        clip["kind"] = "video";
        json items = json::array({rc::tests::item_json("a", "media/1.png"), clip,
                                  rc::tests::item_json("c", "media/3.png")});
        for (const char* name : {"pack/media/1.png", "pack/media/2.png", "pack/media/3.png"})
            dir.write(name, png);
        dir.write("pack/pack.json", rc::tests::pack_json(items).dump());
        auto source = rc::content::open_folder_source(dir.path() / "pack");
        REQUIRE(source.ok());
        const auto loaded = rc::content::load_pack_as_game(*source.value);
        REQUIRE(loaded.ok());
        CHECK(loaded.value->manifest.items.size() == 2);
        REQUIRE(loaded.problems.size() == 1);
        CHECK(loaded.problems[0].where == "pack.json: items[1].media");
        CHECK(loaded.problems[0].severity == Severity::Warning);
    }
}
