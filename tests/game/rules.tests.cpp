// The quiz state machine: Title → Question → Feedback → … → End, scoring, three-answer
// packs, dropping an item that cannot be shown, the verdict bands, and how sure the player
// said they were.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "game/rules.h"

namespace {

using rc::content::Answer;
using rc::content::Manifest;
using rc::content::PackItem;
using rc::game::Game;
using rc::game::Phase;

Manifest make_manifest(const std::vector<Answer>& answers, bool three_answers = false) {
    Manifest manifest;
    manifest.id = "test";
    manifest.title.en = "Test";
    manifest.three_answers = three_answers;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        PackItem item;
        item.id = "item-" + std::to_string(i);
        item.media = "media/" + std::to_string(i) + ".jpg";
        item.answer = answers[i];
        item.manifest_index = i;
        manifest.items.push_back(item);
    }
    return manifest;
}

// Answers the current question and moves on.
void play(Game& game, Answer given) {
    REQUIRE(game.phase() == Phase::Question);
    REQUIRE(game.answer(given));
    game.next();
}

}  // namespace

TEST_CASE("Game walks Title, Question, Feedback and End", "[game][rules]") {
    const auto manifest = make_manifest({Answer::Real, Answer::Generated, Answer::Real});
    Game game;

    SECTION("a new game is on Title with nothing current") {
        CHECK(game.phase() == Phase::Title);
        CHECK(game.current() == nullptr);
        CHECK(game.out_of() == 0);
        CHECK(game.score() == 0);
    }

    SECTION("start goes to the first Question, in the order of the picks") {
        game.start(manifest, {2, 0, 1});
        CHECK(game.phase() == Phase::Question);
        CHECK(game.position() == 0);
        CHECK(game.out_of() == 3);
        REQUIRE(game.current() != nullptr);
        CHECK(game.current()->pack_index == 2);
        CHECK_FALSE(game.current()->given.has_value());
        REQUIRE(game.items().size() == 3);
        CHECK(game.items()[1].pack_index == 0);
        CHECK(game.items()[2].pack_index == 1);
        CHECK(game.items()[2].truth == Answer::Generated);
    }

    SECTION("answer goes to Feedback and records whether it was right") {
        game.start(manifest, {0, 1});
        CHECK(game.answer(Answer::Real));
        CHECK(game.phase() == Phase::Feedback);
        REQUIRE(game.current() != nullptr);
        REQUIRE(game.current()->given.has_value());
        CHECK(*game.current()->given == Answer::Real);
        CHECK(game.current()->correct());
        game.next();
        CHECK(game.answer(Answer::Real));
        CHECK_FALSE(game.current()->correct());
    }

    SECTION("a second answer to the same question is ignored") {
        game.start(manifest, {0, 1});
        REQUIRE(game.answer(Answer::Real));
        CHECK_FALSE(game.answer(Answer::Generated));
        CHECK(game.phase() == Phase::Feedback);
        CHECK(*game.current()->given == Answer::Real);
        CHECK(game.score() == 1);
    }

    SECTION("answer is ignored on Title and End") {
        CHECK_FALSE(game.answer(Answer::Real));
        CHECK(game.phase() == Phase::Title);
        game.start(manifest, {0});
        play(game, Answer::Real);
        REQUIRE(game.phase() == Phase::End);
        CHECK_FALSE(game.answer(Answer::Generated));
        CHECK(game.phase() == Phase::End);
        CHECK(game.score() == 1);
    }

    SECTION("next moves to the next Question, then to End after the last item") {
        game.start(manifest, {0, 1, 2});
        game.answer(Answer::Real);
        game.next();
        CHECK(game.phase() == Phase::Question);
        CHECK(game.position() == 1);
        game.answer(Answer::Generated);
        game.next();
        CHECK(game.position() == 2);
        game.answer(Answer::Generated);
        game.next();
        CHECK(game.phase() == Phase::End);
        CHECK(game.current() == nullptr);
    }

    SECTION("next is ignored before the question is answered") {
        game.start(manifest, {0, 1});
        game.next();
        CHECK(game.phase() == Phase::Question);
        CHECK(game.position() == 0);
        CHECK_FALSE(game.current()->given.has_value());
    }

    SECTION("score counts right answers out of the items in the round") {
        game.start(manifest, {0, 1, 2});
        play(game, Answer::Real);       // right
        play(game, Answer::Real);       // wrong: generated
        play(game, Answer::Generated);  // wrong: real
        CHECK(game.phase() == Phase::End);
        CHECK(game.score() == 1);
        CHECK(game.out_of() == 3);

        game.start(manifest, {0, 1, 2});
        CHECK(game.score() == 0);  // a new round starts from zero
        play(game, Answer::Real);
        play(game, Answer::Generated);
        play(game, Answer::Real);
        CHECK(game.score() == 3);
    }

    SECTION("to_title returns to Title from any phase") {
        game.start(manifest, {0, 1});
        game.answer(Answer::Real);
        game.to_title();
        CHECK(game.phase() == Phase::Title);
        CHECK(game.current() == nullptr);
        game.start(manifest, {1});
        CHECK(game.phase() == Phase::Question);
        CHECK(game.current()->pack_index == 1);
    }

    SECTION("start with no picks stays on Title") {
        game.start(manifest, {});
        CHECK(game.phase() == Phase::Title);
        CHECK(game.out_of() == 0);
        CHECK(game.current() == nullptr);
        CHECK_FALSE(game.answer(Answer::Real));
    }

    SECTION("pick indices outside the pack are ignored") {
        game.start(manifest, {7, 1, 3, 0, 100});
        CHECK(game.phase() == Phase::Question);
        REQUIRE(game.out_of() == 2);
        CHECK(game.items()[0].pack_index == 1);
        CHECK(game.items()[1].pack_index == 0);

        game.start(manifest, {3, 4});
        CHECK(game.phase() == Phase::Title);
        CHECK(game.out_of() == 0);
    }
}

TEST_CASE("Game maps edited items by the pack's answer mode", "[game][rules]") {
    Game game;

    SECTION("two answers: an edited item is asked, and answered, as generated") {
        const auto manifest = make_manifest({Answer::Edited, Answer::Edited, Answer::Real});
        game.start(manifest, {0, 1, 2});
        CHECK_FALSE(game.three_answers());
        CHECK(game.items()[0].truth == Answer::Generated);
        CHECK(game.items()[1].truth == Answer::Generated);
        CHECK(game.items()[2].truth == Answer::Real);

        play(game, Answer::Generated);
        CHECK(game.items()[0].correct());
        play(game, Answer::Edited);  // an "edited" answer counts as "generated" too
        CHECK(*game.items()[1].given == Answer::Generated);
        CHECK(game.items()[1].correct());
        play(game, Answer::Edited);
        CHECK_FALSE(game.items()[2].correct());
        CHECK(game.score() == 2);
    }

    SECTION("three answers: edited stays edited and must be answered as such") {
        const auto manifest =
            make_manifest({Answer::Edited, Answer::Edited, Answer::Generated}, true);
        game.start(manifest, {0, 1, 2});
        CHECK(game.three_answers());
        CHECK(game.items()[0].truth == Answer::Edited);
        CHECK(game.items()[2].truth == Answer::Generated);

        play(game, Answer::Edited);
        CHECK(game.items()[0].correct());
        play(game, Answer::Generated);
        CHECK(*game.items()[1].given == Answer::Generated);
        CHECK_FALSE(game.items()[1].correct());
        play(game, Answer::Edited);
        CHECK_FALSE(game.items()[2].correct());
        CHECK(game.score() == 1);
    }

    SECTION("the mode follows the manifest of each start") {
        const auto three = make_manifest({Answer::Edited}, true);
        const auto two = make_manifest({Answer::Edited}, false);
        game.start(three, {0});
        CHECK(game.three_answers());
        game.start(two, {0});
        CHECK_FALSE(game.three_answers());
        CHECK(game.items()[0].truth == Answer::Generated);
    }
}

TEST_CASE("Game drops an item that cannot be shown", "[game][rules]") {
    const auto manifest =
        make_manifest({Answer::Real, Answer::Generated, Answer::Real, Answer::Generated});
    Game game;

    SECTION("dropping a middle item shows the next one in its place") {
        game.start(manifest, {0, 1, 2, 3});
        play(game, Answer::Real);
        REQUIRE(game.position() == 1);
        game.drop_current();
        CHECK(game.phase() == Phase::Question);
        CHECK(game.position() == 1);
        CHECK(game.out_of() == 3);
        CHECK(game.current()->pack_index == 2);
        CHECK_FALSE(game.current()->given.has_value());
    }

    SECTION("dropping the first item before any answer") {
        game.start(manifest, {3, 2});
        game.drop_current();
        CHECK(game.phase() == Phase::Question);
        CHECK(game.position() == 0);
        CHECK(game.out_of() == 1);
        CHECK(game.current()->pack_index == 2);
    }

    SECTION("dropping the last item after others were played ends the round") {
        game.start(manifest, {0, 1, 2});
        play(game, Answer::Real);       // right
        play(game, Answer::Generated);  // right
        REQUIRE(game.position() == 2);
        game.drop_current();
        CHECK(game.phase() == Phase::End);
        CHECK(game.out_of() == 2);
        CHECK(game.score() == 2);
        CHECK(game.current() == nullptr);
    }

    SECTION("the score stays out of the items really played") {
        game.start(manifest, {0, 1, 2, 3});
        play(game, Answer::Real);  // right
        game.drop_current();       // item 1 leaves
        play(game, Answer::Real);  // right
        play(game, Answer::Real);  // wrong
        CHECK(game.phase() == Phase::End);
        CHECK(game.score() == 2);
        CHECK(game.out_of() == 3);
    }

    SECTION("dropping the only item goes back to Title") {
        game.start(manifest, {1});
        game.drop_current();
        CHECK(game.phase() == Phase::Title);
        CHECK(game.out_of() == 0);
        CHECK(game.current() == nullptr);
    }

    SECTION("dropping every item one by one goes back to Title") {
        game.start(manifest, {0, 1, 2});
        game.drop_current();
        game.drop_current();
        CHECK(game.phase() == Phase::Question);
        game.drop_current();
        CHECK(game.phase() == Phase::Title);
    }

    SECTION("drop is ignored outside Question") {
        game.drop_current();
        CHECK(game.phase() == Phase::Title);

        game.start(manifest, {0, 1});
        game.answer(Answer::Real);
        game.drop_current();  // on Feedback: the item was shown, it stays
        CHECK(game.phase() == Phase::Feedback);
        CHECK(game.out_of() == 2);

        game.next();
        play(game, Answer::Generated);
        REQUIRE(game.phase() == Phase::End);
        game.drop_current();
        CHECK(game.phase() == Phase::End);
        CHECK(game.out_of() == 2);
        CHECK(game.score() == 2);
    }
}

TEST_CASE("verdict_band maps a score to four bands", "[game][rules]") {
    using rc::game::verdict_band;
    struct Case {
        std::size_t score;
        std::size_t out_of;
        int band;
    };
    // Thresholds at 50%, 70% and 90%; no items gives band 0.
    const Case c = GENERATE(values<Case>({
        {0, 0, 0},   {5, 0, 0},                                                      // no items
        {0, 20, 0},  {9, 20, 0},  {10, 20, 1}, {13, 20, 1}, {14, 20, 2},             // out of 20
        {17, 20, 2}, {18, 20, 3}, {20, 20, 3},                                       //
        {9, 10, 3},  {7, 10, 2},  {5, 10, 1},  {4, 10, 0},  {1, 1, 3},   {0, 1, 0},  // other sizes
        {2, 3, 1},   {63, 90, 2}, {81, 90, 3},  // 66%, 70%, 90%
    }));
    CAPTURE(c.score, c.out_of);
    CHECK(verdict_band(c.score, c.out_of) == c.band);
}

TEST_CASE("Game keeps how sure the player is with each answer", "[game][rules][solo]") {
    const auto manifest = make_manifest({Answer::Real, Answer::Generated, Answer::Real});
    Game game;
    game.start(manifest, {0, 1, 2});

    SECTION("nothing is said until the player says it") {
        CHECK_FALSE(game.current()->sure.has_value());
        play(game, Answer::Real);
        CHECK_FALSE(game.items()[0].sure.has_value());
    }

    SECTION("Sure and Not sure said before answering stay with the answer") {
        CHECK(game.say_sure(true));
        play(game, Answer::Generated);
        CHECK(game.say_sure(false));
        play(game, Answer::Generated);
        play(game, Answer::Real);
        CHECK(game.items()[0].sure == std::optional<bool>(true));
        CHECK_FALSE(game.items()[0].correct());
        CHECK(game.items()[1].sure == std::optional<bool>(false));
        CHECK_FALSE(game.items()[2].sure.has_value());
        CHECK(game.phase() == Phase::End);
    }

    SECTION("the last word before answering counts, and nullopt takes it back") {
        CHECK(game.say_sure(true));
        CHECK(game.say_sure(false));
        CHECK(game.current()->sure == std::optional<bool>(false));
        CHECK(game.say_sure(std::nullopt));
        CHECK_FALSE(game.current()->sure.has_value());
    }

    SECTION("toggling the chosen button clears it; the other one replaces it") {
        CHECK(game.toggle_sure(true));
        CHECK(game.current()->sure == std::optional<bool>(true));
        CHECK(game.toggle_sure(false));
        CHECK(game.current()->sure == std::optional<bool>(false));
        CHECK(game.toggle_sure(false));
        CHECK_FALSE(game.current()->sure.has_value());
        CHECK(game.toggle_sure(false));
        CHECK(game.current()->sure == std::optional<bool>(false));
    }

    SECTION("after the answer it can no longer change") {
        CHECK(game.say_sure(false));
        REQUIRE(game.answer(Answer::Real));
        CHECK_FALSE(game.say_sure(true));
        CHECK_FALSE(game.toggle_sure(false));
        CHECK(game.current()->sure == std::optional<bool>(false));
    }

    SECTION("it is refused on Title and End") {
        Game idle;
        CHECK_FALSE(idle.say_sure(true));
        CHECK_FALSE(idle.toggle_sure(true));
        play(game, Answer::Real);
        play(game, Answer::Real);
        play(game, Answer::Real);
        REQUIRE(game.phase() == Phase::End);
        CHECK_FALSE(game.say_sure(true));
        CHECK(std::none_of(game.items().begin(), game.items().end(),
                           [](const auto& item) { return item.sure.has_value(); }));
    }

    SECTION("each item starts unsaid, whatever was said of the one before") {
        CHECK(game.say_sure(true));
        play(game, Answer::Real);
        CHECK_FALSE(game.current()->sure.has_value());
    }

    SECTION("a dropped item takes what was said of it away with it") {
        CHECK(game.say_sure(true));
        game.drop_current();
        CHECK(game.current()->pack_index == 1);
        CHECK_FALSE(game.current()->sure.has_value());
    }
}
