// The words a solo player reads about their confidence and record: percentages rounded to
// whole numbers in each language's typography, the item's record, what they said.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "game/screens/solo.h"

namespace {

using rc::content::Lang;
using rc::game::RightWrong;
using rc::game::RoundItem;
using rc::game::Strings;

RightWrong counts(std::size_t right, std::size_t wrong) {
    RightWrong out;
    out.right = right;
    out.wrong = wrong;
    return out;
}

}  // namespace

TEST_CASE("percentages are whole numbers, spaced as each language writes them", "[ui][solo]") {
    const auto& strings = Strings::builtin();
    CHECK(percent_text(strings, Lang::En, counts(7, 5)) == "58%");
    CHECK(percent_text(strings, Lang::Fr, counts(7, 5)) == "58\u00a0%");
    CHECK(percent_text(strings, Lang::En, counts(1, 2)) == "33%");
    CHECK(percent_text(strings, Lang::En, counts(2, 1)) == "67%");
    CHECK(percent_text(strings, Lang::En, counts(0, 4)) == "0%");
    CHECK(percent_text(strings, Lang::En, counts(4, 0)) == "100%");
    SECTION("nothing answered is a dash, not 0% or a division by zero") {
        CHECK(percent_text(strings, Lang::En, counts(0, 0)) == "–");
    }
}

TEST_CASE("an item's record on this computer in words", "[ui][solo]") {
    const auto& strings = Strings::builtin();
    CHECK(item_record_text(strings, Lang::En, counts(7, 5)) ==
          "Players on this computer got this one right: 7 out of 12 (58%)");
    CHECK(item_record_text(strings, Lang::Fr, counts(1, 4)) ==
          "Bonnes réponses à cette question sur cet ordinateur\u00a0: 1 sur 5 (20\u00a0%)");
}

TEST_CASE("what the player said of an item", "[ui][solo]") {
    const auto& strings = Strings::builtin();
    RoundItem round;
    CHECK(said_sure_text(strings, Lang::En, round).empty());
    round.sure = true;
    CHECK(said_sure_text(strings, Lang::En, round) == "You were sure");
    CHECK(said_sure_text(strings, Lang::Fr, round) == "Vous aviez dit\u00a0: c’est sûr");
    round.sure = false;
    CHECK(said_sure_text(strings, Lang::En, round) == "You were not sure");
}
