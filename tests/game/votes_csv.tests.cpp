// VOTES.csv, the headless workshop's counts: RFC 4180 quoting, CRLF, a BOM, a header in
// any order or none, ';' or tab as a spreadsheet saves it, and every bad line left out with a
// located message, never a crash.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "game/votes_csv.h"

namespace {

using rc::content::Answer;
using rc::game::BandCount;
using rc::game::WorkshopSession;

WorkshopSession three_items() {
    WorkshopSession session;
    session.setup.bands = {
        {"moins de 18 ans", {}, {}}, {"60 ans et plus", {}, {}}, {"b, c", {}, {}}};
    for (int i = 0; i < 3; ++i)
        session.items.push_back({"i" + std::to_string(i),
                                 Answer::Real,
                                 {},
                                 std::vector<std::optional<BandCount>>(3),
                                 false});
    return session;
}

std::vector<std::string> messages(const std::vector<rc::content::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(to_string(problem));
    return out;
}

}  // namespace

TEST_CASE("VOTES.csv fills the counts", "[game][workshop][votes]") {
    auto session = three_items();

    SECTION("a header, plain fields; absent items and bands stay not counted") {
        const auto problems = rc::game::apply_votes_csv(
            "item,band,real,generated\n1,moins de 18 ans,3,4\n3,60 ans et plus,0,0\n", "VOTES.csv",
            session);
        CHECK(problems.empty());
        CHECK(session.items[0].votes[0] == BandCount{3, 4});
        CHECK_FALSE(session.items[0].votes[1]);
        CHECK_FALSE(session.items[1].votes[0]);
        CHECK(session.items[2].votes[1] == BandCount{0, 0});
    }
    SECTION("BOM, CRLF, quoted fields with commas, quotes and spaces around numbers") {
        const auto problems = rc::game::apply_votes_csv(
            "\xEF\xBB\xBFitem,band,real,generated\r\n\"2\",\"b, c\",\" 5\",6\r\n"
            "1,\"60 ans et plus\",\"1\",\"2\"\r\n",
            "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[1].votes[2] == BandCount{5, 6});
        CHECK(session.items[0].votes[1] == BandCount{1, 2});
    }
    SECTION("no header: the columns in the documented order; no final newline") {
        const auto problems =
            rc::game::apply_votes_csv("2,moins de 18 ans,7,1", "VOTES.csv", session);
        CHECK(problems.empty());
        CHECK(session.items[1].votes[0] == BandCount{7, 1});
    }
    SECTION("spaces around quoted fields, as a hand-written file has them") {
        const auto problems = rc::game::apply_votes_csv(
            "item, band, real, generated\n1, \"b, c\", 2, 3\n2 ,\t\"60 ans et plus\" , \"4\" ,5\n",
            "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[2] == BandCount{2, 3});
        CHECK(session.items[1].votes[1] == BandCount{4, 5});
    }
    SECTION("empty counts as on the vote screen: both empty is skipped, one empty is 0") {
        const auto problems = rc::game::apply_votes_csv(
            "1,moins de 18 ans,,\n1,60 ans et plus,4,\n2,60 ans et plus, ,\"2\"\n"
            "1,moins de 18 ans,1,1\n",
            "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[1] == BandCount{4, 0});
        CHECK(session.items[1].votes[1] == BandCount{0, 2});
        // The skipped line counted nothing, so a later line may give that count.
        CHECK(session.items[0].votes[0] == BandCount{1, 1});
    }
    SECTION("a header in another order") {
        const auto problems = rc::game::apply_votes_csv(
            "Band,Real,Generated,Item\n60 ans et plus,2,3,1\n", "VOTES.csv", session);
        CHECK(problems.empty());
        CHECK(session.items[0].votes[1] == BandCount{2, 3});
    }
    SECTION("a band name in decomposed Unicode matches the composed one") {
        session.setup.bands[0].name = "aîné";
        const auto problems =
            rc::game::apply_votes_csv("1,ai\xCC\x82n\xC3\xA9,1,1\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[0] == BandCount{1, 1});
    }
    SECTION("a band typed by hand: another case, a hyphen for the en dash, doubled spaces") {
        session.setup.bands[0].name = "18–34";
        const auto problems = rc::game::apply_votes_csv(
            "1,18-34,1,2\n2,60 ANS  et plus,3,4\n3,18\u221234,5,6\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[0] == BandCount{1, 2});
        CHECK(session.items[1].votes[1] == BandCount{3, 4});
        CHECK(session.items[2].votes[0] == BandCount{5, 6});
    }
    SECTION("a loose name that fits two bands counts for neither") {
        session.setup.bands[0].name = "a-b";
        session.setup.bands[1].name = "a–b";
        const auto problems = rc::game::apply_votes_csv("1,A-B,1,2\n", "VOTES.csv", session);
        CHECK(messages(problems) ==
              std::vector<std::string>{"VOTES.csv:1: band: \"A-B\" is not a band of this "
                                       "session (a-b, a–b, b, c)"});
        CHECK_FALSE(session.items[0].votes[0]);
        CHECK_FALSE(session.items[0].votes[1]);
    }
    SECTION("an empty file changes nothing") {
        CHECK(rc::game::apply_votes_csv("", "VOTES.csv", session).empty());
        CHECK(rc::game::apply_votes_csv("\xEF\xBB\xBF", "VOTES.csv", session).empty());
        CHECK_FALSE(session.items[0].votes[0]);
    }
}

TEST_CASE("VOTES.csv saved by a spreadsheet: ';' or tab, empty columns after the fourth",
          "[game][workshop][votes]") {
    auto session = three_items();

    SECTION("French Excel: ';', empty cells right of the table, empty rows") {
        const auto problems = rc::game::apply_votes_csv(
            "item;band;real;generated;;\r\n1;moins de 18 ans;2;3;;\r\n3;b, c;4;5;;\r\n;;;;;\r\n"
            "2;\"60 ans et plus\";6;;;\r\n",
            "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[0] == BandCount{2, 3});
        CHECK(session.items[2].votes[2] == BandCount{4, 5});
        CHECK(session.items[1].votes[1] == BandCount{6, 0});
    }
    SECTION("tabs, with a header") {
        const auto problems = rc::game::apply_votes_csv(
            "item\tband\treal\tgenerated\n2\t60 ans et plus\t1\t0\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[1].votes[1] == BandCount{1, 0});
    }
    SECTION("no header: the first count tells, after blank lines; ',' in quotes does not") {
        const auto problems = rc::game::apply_votes_csv(
            "\n \n1;\"b, c\";7;1\n2;moins de 18 ans;3;3\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[2] == BandCount{7, 1});
        CHECK(session.items[1].votes[0] == BandCount{3, 3});
    }
    SECTION("empty columns after the fourth in a ',' file") {
        const auto problems =
            rc::game::apply_votes_csv("1,moins de 18 ans,1,2,,\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[0] == BandCount{1, 2});
    }
    SECTION("a tab beside the commas of a line without header leaves ','") {
        const auto problems =
            rc::game::apply_votes_csv("2 ,\t\"60 ans et plus\" , \"4\" ,5\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[1].votes[1] == BandCount{4, 5});
    }
    SECTION("when ',' and ';' both split the first line into four, it is ','") {
        session.setup.bands[0].name = "a;b;c;d";
        const auto problems = rc::game::apply_votes_csv("1,a;b;c;d,2,3\n", "VOTES.csv", session);
        CHECK(messages(problems).empty());
        CHECK(session.items[0].votes[0] == BandCount{2, 3});
    }
    SECTION("the first line gives the separator for the whole file") {
        const auto problems = rc::game::apply_votes_csv(
            "item;band;real;generated\n1,moins de 18 ans,1,1\n", "VOTES.csv", session);
        CHECK(messages(problems) ==
              std::vector<std::string>{
                  "VOTES.csv:2: expected 4 fields (item,band,real,generated), got 1"});
    }
    SECTION("too few ';' to tell: read with ',' as before") {
        const auto problems =
            rc::game::apply_votes_csv("1;moins de 18 ans;2\n", "VOTES.csv", session);
        CHECK(messages(problems) ==
              std::vector<std::string>{
                  "VOTES.csv:1: expected 4 fields (item,band,real,generated), got 1"});
    }
    SECTION("a filled fifth column is still wrong, and the header shows its own separator") {
        CHECK(messages(
                  rc::game::apply_votes_csv("1;moins de 18 ans;2;3;x\n", "VOTES.csv", session)) ==
              std::vector<std::string>{
                  "VOTES.csv:1: expected 4 fields (item,band,real,generated), got 5"});
        CHECK(messages(rc::game::apply_votes_csv("item;band;real;generated;note\n", "VOTES.csv",
                                                 session)) ==
              std::vector<std::string>{"VOTES.csv:1: header: expected the columns item, band, "
                                       "real, generated; got \"item;band;real;generated;note\""});
        CHECK_FALSE(session.items[0].votes[0]);
    }
}

TEST_CASE("VOTES.csv: each bad line is left out with its line number", "[game][workshop][votes]") {
    auto session = three_items();
    const std::string text =
        "item,band,real,generated\n"                     // 1
        "1,moins de 18 ans,x,2\n"                        // 2
        "4,moins de 18 ans,1,2\n"                        // 3
        "0,moins de 18 ans,1,2\n"                        // 4
        "2,ados,1,2\n"                                   // 5
        "2,moins de 18 ans,-3,2\n"                       // 6
        "2,moins de 18 ans,1,99999999999999999999999\n"  // 7
        "2,moins de 18 ans,1\n"                          // 8
        "\n"                                             // 9: blank, skipped
        "\"2\nsplit\",60 ans et plus,1,1\n"              // 10-11: a quoted line break
        "3,moins de 18 ans,1,2\n"                        // 12
        "3,moins de 18 ans,5,5\n"                        // 13
        "3,60 ans et plus,z,1\n"                         // 14
        "3,\"b, c\"x,1,1\n"                              // 15
        "1,\"60 ans et plus,1,1\n";                      // 16: not closed
    const auto problems = rc::game::apply_votes_csv(text, "VOTES.csv", session);
    CHECK(messages(problems) ==
          std::vector<std::string>{
              "VOTES.csv:2: real: \"x\" is not a number",
              "VOTES.csv:3: item: 4 is more than 3 (the session has 3 items)",
              "VOTES.csv:4: item: 0 is below 1 (the session has 3 items)",
              "VOTES.csv:5: band: \"ados\" is not a band of this session (moins de 18 ans, 60 "
              "ans et plus, b, c)",
              "VOTES.csv:6: real: -3 is below 0",
              "VOTES.csv:7: generated: 99999999999999999999999 is more than 100000",
              "VOTES.csv:8: expected 4 fields (item,band,real,generated), got 3",
              "VOTES.csv:10: item: \"2\\nsplit\" is not a number (the session has 3 items)",
              "VOTES.csv:13: item 3, band \"moins de 18 ans\": already given on line 12; this "
              "line is left out",
              "VOTES.csv:14: real: \"z\" is not a number",
              "VOTES.csv:15: text after a closing quote",
              "VOTES.csv:16: a quoted field is not closed"});
    // The good line is kept, the bad ones changed nothing.
    CHECK(session.items[2].votes[0] == BandCount{1, 2});
    CHECK_FALSE(session.items[0].votes[0]);
    CHECK_FALSE(session.items[1].votes[0]);
    CHECK_FALSE(session.items[2].votes[1]);
}

TEST_CASE("VOTES.csv: a wrong header stops the reading", "[game][workshop][votes]") {
    auto session = three_items();
    const auto problems =
        rc::game::apply_votes_csv("item,band,real\n1,moins de 18 ans,1\n", "VOTES.csv", session);
    CHECK(messages(problems) ==
          std::vector<std::string>{"VOTES.csv:1: header: expected the columns item, band, real, "
                                   "generated; got \"item,band,real\""});
    CHECK_FALSE(session.items[0].votes[0]);
}

TEST_CASE("VOTES.csv: hostile input", "[game][workshop][votes]") {
    SECTION("a flood of bad lines gives a bounded number of messages") {
        auto session = three_items();
        std::string text;
        for (int i = 0; i < 10000; ++i)
            text += "x,y,z,w\n";
        const auto problems = rc::game::apply_votes_csv(text, "VOTES.csv", session);
        CHECK(problems.size() == 51);
        CHECK(to_string(problems.back()) == "VOTES.csv: more problems not shown");
    }
    SECTION("every byte value, and lone CRs, never crash") {
        auto session = three_items();
        std::string text;
        for (int i = 0; i < 256; ++i)
            text += static_cast<char>(i);
        text += "\r1,moins de 18 ans,1,1\r\"\"\"";
        const auto problems = rc::game::apply_votes_csv(text, "VOTES.csv", session);
        CHECK_FALSE(problems.empty());
    }
    SECTION("a value echoed in a message stays on one line, whole up to a bound") {
        auto session = three_items();
        std::string text = "1,a";
        text += '\0';
        text += "b\x1b,1,1\n2,\"moins de\r\nans\",1,1\n3,\u00e9" + std::string(200, 'b') + ",1,1\n";
        const std::string bands =
            " is not a band of this session (moins de 18 ans, 60 ans et "
            "plus, b, c)";
        CHECK(messages(rc::game::apply_votes_csv(text, "VOTES.csv", session)) ==
              std::vector<std::string>{
                  "VOTES.csv:1: band: \"a\\x00b\\x1b\"" + bands,
                  "VOTES.csv:2: band: \"moins de\\r\\nans\"" + bands,
                  "VOTES.csv:4: band: \"\u00e9" + std::string(58, 'b') + "\u2026\"" + bands});
    }
    SECTION("a session without items") {
        WorkshopSession empty;
        empty.setup.bands = {{"a", {}, {}}};
        const auto problems = rc::game::apply_votes_csv("1,a,1,1\n", "VOTES.csv", empty);
        CHECK(messages(problems) ==
              std::vector<std::string>{"VOTES.csv:1: item: 1 is more than 0 (the session "
                                       "has 0 items)"});
    }
}
