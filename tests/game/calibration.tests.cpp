// A solo player's calibration, per category accuracy, progress over games and per item
// right rates, over results as game/progress.h saves them (old files without "sure" or
// "category" still load).
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "game/calibration.h"
#include "game/progress.h"
#include "support/temp_dir.h"

namespace {

using rc::content::Answer;
using rc::game::GameResult;
using rc::game::ItemOutcome;

ItemOutcome outcome(std::string id, bool correct, std::optional<bool> sure = std::nullopt,
                    std::string category = {}) {
    return {std::move(id), Answer::Real, correct ? Answer::Real : Answer::Generated,
            correct,       sure,         std::move(category)};
}

GameResult game_of(std::string pack, std::vector<ItemOutcome> items) {
    GameResult result;
    result.pack_id = std::move(pack);
    result.items = std::move(items);
    result.out_of = result.items.size();
    for (const auto& item : result.items)
        result.score += item.correct ? 1 : 0;
    return result;
}

GameResult game_with_score(std::size_t right, std::size_t wrong, std::string pack = "p") {
    std::vector<ItemOutcome> items;
    for (std::size_t i = 0; i < right + wrong; ++i)
        items.push_back(outcome("i" + std::to_string(i), i < right));
    return game_of(std::move(pack), std::move(items));
}

}  // namespace

TEST_CASE("Calibration splits sure and unsure answers", "[game][calibration]") {
    const auto game = game_of("p", {outcome("a", true, true), outcome("b", false, std::nullopt),
                                    outcome("c", false, true), outcome("d", false, false),
                                    outcome("e", true, false), outcome("f", false, true)});
    const auto result = rc::game::calibration(game);
    CHECK(result.sure.right == 1);
    CHECK(result.sure.wrong == 2);
    CHECK(result.unsure.right == 1);
    CHECK(result.unsure.wrong == 1);
    CHECK(result.unstated.wrong == 1);
    CHECK(result.sure.accuracy() == Approx(1.0 / 3.0));
    SECTION("the review shows the sure-and-wrong items first, each group in play order") {
        CHECK(result.review_order == std::vector<std::size_t>{2, 5, 1, 3});
    }
    SECTION("no answers: no accuracy, not a division by zero") {
        const auto empty = rc::game::calibration(GameResult{});
        CHECK_FALSE(empty.sure.accuracy());
        CHECK(empty.review_order.empty());
    }
}

TEST_CASE("Accuracy per category", "[game][calibration]") {
    const auto game =
        game_of("p", {outcome("a", true, {}, "portrait"), outcome("b", false, {}, "portrait"),
                      outcome("c", true, {}, "paysage"), outcome("d", false)});
    const auto categories = rc::game::category_accuracy(game);
    REQUIRE(categories.size() == 3);
    CHECK(categories.at("portrait").right == 1);
    CHECK(categories.at("portrait").wrong == 1);
    CHECK(categories.at("paysage").accuracy() == Approx(1.0));
    CHECK(categories.at("").wrong == 1);
}

TEST_CASE("Progress compares the first games with the latest", "[game][calibration]") {
    SECTION("one game: nothing to compare") {
        const auto view = rc::game::progress_view({game_with_score(3, 1)});
        CHECK(view.games.size() == 1);
        CHECK(view.window == 0);
        CHECK(view.first.total() == 0);
    }
    SECTION("two games: one against one") {
        const auto view = rc::game::progress_view({game_with_score(1, 3), game_with_score(4, 0)});
        CHECK(view.window == 1);
        CHECK(view.first.right == 1);
        CHECK(view.latest.right == 4);
    }
    SECTION("many games: the first three against the last three, of one pack if asked") {
        std::vector<GameResult> games;
        for (std::size_t i = 0; i < 8; ++i)
            games.push_back(game_with_score(i, 10 - i));
        games.push_back(game_with_score(0, 10, "other"));
        const auto all = rc::game::progress_view(games);
        CHECK(all.games.size() == 9);
        const auto view = rc::game::progress_view(games, "p");
        CHECK(view.games.size() == 8);
        CHECK(view.window == 3);
        CHECK(view.first.right == 0 + 1 + 2);
        CHECK(view.latest.right == 5 + 6 + 7);
        CHECK(view.latest.total() == 30);
    }
    SECTION("empty games are left out") {
        const auto view = rc::game::progress_view({GameResult{}, game_with_score(1, 1)});
        CHECK(view.games.size() == 1);
    }
}

TEST_CASE("How often this computer got an item right", "[game][calibration]") {
    std::vector<GameResult> games;
    for (int i = 0; i < 4; ++i)
        games.push_back(game_of("p", {outcome("x", i % 2 == 0), outcome("y", true)}));
    games.push_back(game_of("q", {outcome("x", true)}));  // another pack's "x"
    CHECK_FALSE(rc::game::item_record(games, "p", "x"));  // 4 plays: not yet
    games.push_back(game_of("p", {outcome("x", false)}));
    const auto record = rc::game::item_record(games, "p", "x");
    REQUIRE(record);
    CHECK(record->right == 2);
    CHECK(record->wrong == 3);
    CHECK_FALSE(rc::game::item_record(games, "p", "never"));
}

TEST_CASE("Saved results keep sure and category, and old files still load",
          "[game][calibration][progress]") {
    rc::tests::TempDir dir;
    const rc::game::Progress progress(dir.path());

    SECTION("round trip") {
        REQUIRE(progress.append_result(
                    game_of("p", {outcome("a", true, true, "portrait"), outcome("b", false, false),
                                  outcome("c", true)})) == "");
        rc::game::LoadNote note;
        const auto results = progress.load_results(&note);
        CHECK(note.message.empty());
        REQUIRE(results.size() == 1);
        REQUIRE(results[0].items.size() == 3);
        CHECK(results[0].items[0].sure == std::optional<bool>(true));
        CHECK(results[0].items[0].category == "portrait");
        CHECK(results[0].items[1].sure == std::optional<bool>(false));
        CHECK_FALSE(results[0].items[2].sure);
        CHECK(results[0].items[2].category.empty());
    }
    SECTION("a format 1 file written before the new fields") {
        dir.write("results.json",
                  R"({"format":1,"games":[{"pack":"p","seed":3,"score":1,"out_of":1,)"
                  R"("items":[{"id":"a","answer":"real","given":"real","correct":true}]}]})");
        rc::game::LoadNote note;
        const auto results = progress.load_results(&note);
        CHECK(note.message.empty());
        REQUIRE(results.size() == 1);
        REQUIRE(results[0].items.size() == 1);
        CHECK_FALSE(results[0].items[0].sure);
        CHECK(rc::game::calibration(results[0]).unstated.right == 1);
    }
    SECTION("a wrong type for sure is read as not said") {
        dir.write("results.json",
                  R"({"format":1,"games":[{"pack":"p","items":[{"id":"a","answer":"real",)"
                  R"("given":"real","correct":true,"sure":"yes","category":4}]}]})");
        rc::game::LoadNote note;
        const auto results = progress.load_results(&note);
        REQUIRE(results.size() == 1);
        REQUIRE(results[0].items.size() == 1);
        CHECK_FALSE(results[0].items[0].sure);
        CHECK(results[0].items[0].category.empty());
    }
}
