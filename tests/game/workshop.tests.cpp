// Workshop mode's model: default bands from the string tables, band edits, drawing and
// replaying a session, and the tally (room score, ties, edited items, per band accuracy,
// most fooled items, confidence bins) with empty bands, skipped counts and zero votes.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "game/strings.h"
#include "game/workshop.h"

namespace {

using rc::content::Answer;
using rc::content::Lang;
using rc::content::PackItem;
using rc::game::Band;
using rc::game::BandCount;
using rc::game::Colour;
using rc::game::WorkshopSession;
using rc::game::WorkshopSetup;

std::vector<PackItem> make_pack(std::size_t real, std::size_t generated, std::size_t edited = 0) {
    std::vector<PackItem> items;
    auto add = [&](std::size_t count, Answer answer, const char* prefix) {
        for (std::size_t i = 0; i < count; ++i) {
            PackItem item;
            item.id = prefix + std::to_string(i);
            item.answer = answer;
            item.category = prefix;
            items.push_back(item);
        }
    };
    add(real, Answer::Real, "r");
    add(generated, Answer::Generated, "g");
    add(edited, Answer::Edited, "e");
    return items;
}

std::vector<Band> bands_named(std::initializer_list<const char*> names) {
    std::vector<Band> bands;
    for (const char* name : names)
        bands.push_back({name, {}, {}});
    return bands;
}

// A session of the given truths, with every count "not counted".
WorkshopSession session_of(std::vector<Answer> truths, std::vector<Band> bands) {
    WorkshopSession session;
    session.setup.bands = std::move(bands);
    for (std::size_t i = 0; i < truths.size(); ++i)
        session.items.push_back({"i" + std::to_string(i),
                                 truths[i],
                                 {},
                                 std::vector<std::optional<BandCount>>(session.setup.bands.size()),
                                 false});
    return session;
}

}  // namespace

TEST_CASE("Default bands come from the string tables", "[game][workshop]") {
    const auto& strings = rc::game::Strings::builtin();

    SECTION("four bands, named in each language") {
        const auto fr = rc::game::default_bands(strings, Lang::Fr);
        const auto en = rc::game::default_bands(strings, Lang::En);
        REQUIRE(fr.size() == 4);
        REQUIRE(en.size() == 4);
        CHECK(fr[0].name == "moins de 18 ans");
        CHECK(fr[1].name == "18–34 ans");
        CHECK(fr[3].name == "60 ans et plus");
        CHECK(en[0].name == "under 18");
        CHECK(en[3].name == "60 and over");
    }

    SECTION("colours and symbols are all different, from the Okabe–Ito palette") {
        const auto bands = rc::game::default_bands(strings, Lang::En);
        std::set<std::string> colours;
        std::set<std::string> symbols;
        for (const auto& band : bands) {
            colours.insert(rc::game::to_hex(band.colour));
            symbols.insert(band.symbol);
        }
        CHECK(colours == std::set<std::string>{"#e69f00", "#56b4e9", "#009e73", "#cc79a7"});
        CHECK(symbols.size() == 4);
    }
}

TEST_CASE("Colours are written #rrggbb", "[game][workshop]") {
    CHECK(rc::game::to_hex({0x00, 0x9E, 0x73}) == "#009e73");
    CHECK(rc::game::colour_from_hex("#E69F00") == Colour{0xE6, 0x9F, 0x00});
    const auto bad =
        GENERATE(as<std::string>{}, "", "#", "e69f00", "#e69f0", "#e69f000", "#g69f00", "#e6 f00");
    INFO(bad);
    CHECK_FALSE(rc::game::colour_from_hex(bad));
}

TEST_CASE("The facilitator edits the bands", "[game][workshop]") {
    auto bands = bands_named({"enfants", "adultes"});

    SECTION("rename trims and keeps UTF-8") {
        CHECK(rc::game::rename_band(bands, 1, "  60 ans et plus ") == "");
        CHECK(bands[1].name == "60 ans et plus");
    }
    SECTION("rename refuses empty, duplicate, too long and control characters") {
        CHECK(rc::game::rename_band(bands, 0, "   ") == "a band needs a name");
        CHECK(rc::game::rename_band(bands, 0, "adultes") ==
              "another band is already called \"adultes\"");
        CHECK(rc::game::rename_band(bands, 0, std::string(41, 'x')) ==
              "the name is longer than 40 characters");
        CHECK(rc::game::rename_band(bands, 0, "a\nb") == "the name holds a control character");
        CHECK(rc::game::rename_band(bands, 0, "\xC3") == "the name is not valid UTF-8 text");
        CHECK(rc::game::rename_band(bands, 5, "x") == "no band number 6");
        CHECK(bands[0].name == "enfants");
    }
    SECTION("the length limit counts characters, not bytes") {
        std::string accented;
        for (int i = 0; i < 40; ++i)
            accented += "é";
        CHECK(rc::game::rename_band(bands, 0, accented) == "");
        CHECK(rc::game::rename_band(bands, 1, accented + "é") ==
              "the name is longer than 40 characters");
    }
    SECTION("a new band takes a colour and a symbol no band uses") {
        bands[0].colour = rc::game::band_palette()[0];
        bands[0].symbol = rc::game::band_symbols()[0];
        bands[1].colour = rc::game::band_palette()[1];
        bands[1].symbol = rc::game::band_symbols()[1];
        REQUIRE(rc::game::add_band(bands, "aînés") == "");
        REQUIRE(bands.size() == 3);
        CHECK(bands[2].name == "aînés");
        CHECK(bands[2].colour == rc::game::band_palette()[2]);
        CHECK(bands[2].symbol == rc::game::band_symbols()[2]);
        CHECK(rc::game::add_band(bands, "aînés") == "another band is already called \"aînés\"");
    }
    SECTION("recolour") {
        CHECK(rc::game::recolour_band(bands, 0, {1, 2, 3}) == "");
        CHECK(bands[0].colour == Colour{1, 2, 3});
        CHECK(rc::game::recolour_band(bands, 2, {1, 2, 3}) == "no band number 3");
    }
    SECTION("remove keeps at least one band") {
        CHECK(rc::game::remove_band(bands, 0) == "");
        REQUIRE(bands.size() == 1);
        CHECK(bands[0].name == "adultes");
        CHECK(rc::game::remove_band(bands, 0) == "a session needs at least one band");
        CHECK(bands.size() == 1);
    }
    SECTION("at most kMaxBands") {
        for (std::size_t i = bands.size(); i < rc::game::kMaxBands; ++i)
            REQUIRE(rc::game::add_band(bands, "b" + std::to_string(i)) == "");
        CHECK(rc::game::add_band(bands, "one more") == "at most 12 bands");
    }
}

TEST_CASE("A session draws its items, or replays a past session's", "[game][workshop]") {
    WorkshopSetup setup;
    setup.pack_id = "demo";
    setup.bands = bands_named({"a", "b", "c"});
    const auto pack = make_pack(30, 20, 10);

    SECTION("20 items by default, half real, with one uncounted slot per band") {
        const auto started = rc::game::start_session(setup, pack, 7);
        REQUIRE(started.ok());
        const auto& session = *started.value;
        REQUIRE(session.items.size() == 20);
        CHECK(session.setup.item_count == 20);
        std::size_t real = 0;
        std::set<std::string> ids;
        for (const auto& item : session.items) {
            real += item.answer == Answer::Real ? 1 : 0;
            ids.insert(item.id);
            REQUIRE(item.votes.size() == 3);
            CHECK_FALSE(item.votes[0]);
            CHECK_FALSE(item.revealed);
        }
        CHECK(real == 10);
        CHECK(ids.size() == 20);
    }
    SECTION("the same seed draws the same items; another seed others") {
        const auto a = rc::game::start_session(setup, pack, 7);
        const auto b = rc::game::start_session(setup, pack, 7);
        const auto c = rc::game::start_session(setup, pack, 8);
        std::vector<std::string> ids_a, ids_b, ids_c;
        for (const auto& item : a.value->items)
            ids_a.push_back(item.id);
        for (const auto& item : b.value->items)
            ids_b.push_back(item.id);
        for (const auto& item : c.value->items)
            ids_c.push_back(item.id);
        CHECK(ids_a == ids_b);
        CHECK(ids_a != ids_c);
    }
    SECTION("a smaller pack gives all its items") {
        setup.item_count = 20;
        const auto started = rc::game::start_session(setup, make_pack(2, 3), 1);
        REQUIRE(started.ok());
        CHECK(started.value->items.size() == 5);
        CHECK(started.value->setup.item_count == 5);
    }
    SECTION("no bands, or no items, is refused with a reason") {
        setup.bands.clear();
        auto started = rc::game::start_session(setup, pack, 1);
        CHECK_FALSE(started.ok());
        REQUIRE(started.problems.size() == 1);
        CHECK(to_string(started.problems[0]) == "workshop: a session needs at least one band");
        setup.bands = bands_named({"a"});
        started = rc::game::start_session(setup, {}, 1);
        REQUIRE_FALSE(started.ok());
        CHECK(to_string(started.problems[0]) == "workshop: the pack has no items");
    }
    SECTION("replay: same ids in the same order, new empty votes, other bands allowed") {
        auto past = *rc::game::start_session(setup, pack, 7).value;
        past.items[0].votes[0] = BandCount{3, 4};
        WorkshopSetup other = setup;
        other.bands = bands_named({"only"});
        const auto replayed = rc::game::replay_session(other, pack, past);
        REQUIRE(replayed.ok());
        CHECK(replayed.problems.empty());
        REQUIRE(replayed.value->items.size() == past.items.size());
        for (std::size_t i = 0; i < past.items.size(); ++i) {
            CHECK(replayed.value->items[i].id == past.items[i].id);
            REQUIRE(replayed.value->items[i].votes.size() == 1);
            CHECK_FALSE(replayed.value->items[i].votes[0]);
        }
    }
    SECTION("replay leaves out items no longer in the pack, with a warning each") {
        auto past = *rc::game::start_session(setup, pack, 7).value;
        past.items[2].id = "gone";
        const auto replayed = rc::game::replay_session(setup, pack, past);
        REQUIRE(replayed.ok());
        CHECK(replayed.value->items.size() == 19);
        REQUIRE(replayed.problems.size() == 1);
        CHECK(to_string(replayed.problems[0]) ==
              "items[2]: \"gone\" is no longer in the pack; left out");
    }
}

TEST_CASE("The tally of a room's votes", "[game][workshop]") {
    SECTION("right votes must outnumber wrong ones; a tie does not count") {
        auto session =
            session_of({Answer::Real, Answer::Generated, Answer::Real}, bands_named({"a", "b"}));
        session.items[0].votes = {BandCount{3, 1}, BandCount{0, 1}};  // 3 right, 2 wrong
        session.items[1].votes = {BandCount{2, 1}, BandCount{0, 1}};  // 2 right, 2 wrong: tie
        session.items[2].votes = {BandCount{1, 5}, std::nullopt};     // 1 right, 5 wrong
        const auto debrief = rc::game::tally(session);
        CHECK(debrief.score == 1);
        CHECK(debrief.out_of == 3);
        CHECK(debrief.counted_items == 3);
        CHECK(debrief.items[0].room_right);
        CHECK_FALSE(debrief.items[1].room_right);
        CHECK_FALSE(debrief.items[2].room_right);
        CHECK(debrief.items[1].right == 2);
        CHECK(debrief.items[1].wrong == 2);
    }
    SECTION("an edited item counts as generated") {
        auto session = session_of({Answer::Edited}, bands_named({"a"}));
        session.items[0].votes = {BandCount{1, 4}};
        const auto debrief = rc::game::tally(session);
        CHECK(debrief.items[0].right == 4);
        CHECK(debrief.items[0].wrong == 1);
        CHECK(debrief.score == 1);
    }
    SECTION("per band accuracy is votes right over votes counted") {
        auto session = session_of({Answer::Real, Answer::Generated}, bands_named({"a", "b"}));
        session.items[0].votes = {BandCount{3, 1}, BandCount{0, 2}};
        session.items[1].votes = {BandCount{1, 3}, std::nullopt};
        const auto debrief = rc::game::tally(session);
        REQUIRE(debrief.bands.size() == 2);
        CHECK(debrief.bands[0].right == 6);
        CHECK(debrief.bands[0].counted == 8);
        CHECK(debrief.bands[0].items_counted == 2);
        CHECK(debrief.bands[0].accuracy() == Approx(0.75));
        CHECK(debrief.bands[1].right == 0);
        CHECK(debrief.bands[1].counted == 2);
        CHECK(debrief.bands[1].items_counted == 1);
        CHECK(debrief.bands[1].accuracy() == Approx(0.0));
    }
    SECTION("an empty band, skipped counts and zero votes give \"no votes\", not a division") {
        auto session = session_of({Answer::Real, Answer::Generated}, bands_named({"a", "empty"}));
        session.items[0].votes = {BandCount{0, 0}, std::nullopt};  // counted, nobody voted
        const auto debrief = rc::game::tally(session);
        CHECK(debrief.score == 0);
        CHECK(debrief.counted_items == 1);
        CHECK(debrief.items[0].counted);
        CHECK_FALSE(debrief.items[0].room_right);
        CHECK_FALSE(debrief.items[0].wrong_share());
        CHECK_FALSE(debrief.items[0].majority_share());
        CHECK_FALSE(debrief.items[1].counted);
        CHECK(debrief.bands[0].items_counted == 1);
        CHECK_FALSE(debrief.bands[0].accuracy());
        CHECK_FALSE(debrief.bands[1].accuracy());
        CHECK(debrief.bands[1].items_counted == 0);
        CHECK(debrief.most_fooled.empty());
        for (const auto& bin : debrief.confidence)
            CHECK(bin.items == 0);
    }
    SECTION("nothing counted at all") {
        const auto debrief = rc::game::tally(session_of({Answer::Real}, bands_named({"a"})));
        CHECK(debrief.score == 0);
        CHECK(debrief.out_of == 1);
        CHECK(debrief.counted_items == 0);
    }
    SECTION("an empty session") {
        const auto debrief = rc::game::tally(session_of({}, bands_named({"a"})));
        CHECK(debrief.out_of == 0);
        CHECK(debrief.items.empty());
        CHECK(debrief.confidence.size() == rc::game::kConfidenceBins);
    }
    SECTION("one band") {
        auto session = session_of({Answer::Generated, Answer::Real}, bands_named({"tous"}));
        session.items[0].votes = {BandCount{2, 9}};
        session.items[1].votes = {BandCount{9, 2}};
        const auto debrief = rc::game::tally(session);
        CHECK(debrief.score == 2);
        CHECK(debrief.bands[0].accuracy() == Approx(18.0 / 22.0));
    }
    SECTION("most fooled: highest wrong share first, then more wrong votes, then order") {
        auto session =
            session_of({Answer::Real, Answer::Real, Answer::Real, Answer::Real, Answer::Real},
                       bands_named({"a"}));
        session.items[0].votes = {BandCount{3, 1}};  // 25 % wrong
        session.items[1].votes = {BandCount{1, 3}};  // 75 %
        session.items[2].votes = {BandCount{5, 0}};  // none wrong: not listed
        session.items[3].votes = {BandCount{2, 6}};  // 75 %, more wrong votes
        const auto debrief = rc::game::tally(session);
        CHECK(debrief.most_fooled == std::vector<std::size_t>{3, 1, 0});
        CHECK(debrief.items[1].wrong_share() == Approx(0.75));
    }
    SECTION("confidence: the majority share, binned, against whether the majority was right") {
        auto session = session_of({Answer::Real, Answer::Real, Answer::Real, Answer::Generated},
                                  bands_named({"a"}));
        session.items[0].votes = {BandCount{10, 0}};  // 100 % sure, right
        session.items[1].votes = {BandCount{0, 10}};  // 100 % sure, wrong
        session.items[2].votes = {BandCount{5, 5}};   // 50 %: a tie, not right
        session.items[3].votes = {BandCount{3, 7}};   // 70 %, right
        const auto debrief = rc::game::tally(session);
        REQUIRE(debrief.confidence.size() == 5);
        CHECK(debrief.confidence[0].low == Approx(0.5));
        CHECK(debrief.confidence[4].high == Approx(1.0));
        CHECK(debrief.confidence[0].items == 1);
        CHECK(debrief.confidence[0].right == 0);
        CHECK(debrief.confidence[2].items == 1);
        CHECK(debrief.confidence[2].right == 1);
        CHECK(debrief.confidence[4].items == 2);
        CHECK(debrief.confidence[4].right == 1);
    }
}

TEST_CASE("Typed counts are set, cleared and bounded", "[game][workshop]") {
    auto session = session_of({Answer::Real, Answer::Generated}, bands_named({"a", "b"}));
    CHECK(rc::game::set_votes(session, 1, 1, BandCount{2, 3}) == "");
    CHECK(session.items[1].votes[1] == BandCount{2, 3});
    CHECK(rc::game::set_votes(session, 1, 1, BandCount{0, 0}) == "");
    CHECK(session.items[1].votes[1] == BandCount{0, 0});
    CHECK(rc::game::set_votes(session, 1, 1, std::nullopt) == "");
    CHECK_FALSE(session.items[1].votes[1]);
    CHECK(rc::game::set_votes(session, 2, 0, BandCount{}) == "no item number 3");
    CHECK(rc::game::set_votes(session, 0, 2, BandCount{}) == "no band number 3");
    CHECK(rc::game::set_votes(session, 0, 0, BandCount{100001, 0}) == "at most 100000 votes");
    CHECK_FALSE(session.items[0].votes[0]);
}

TEST_CASE("Session ids are safe file names, sorted by date", "[game][workshop]") {
    CHECK(rc::game::make_session_id("2026-12-02T00:53:04Z", 42) == "2026-12-02T00-53-04Z-42");
    CHECK(rc::game::make_session_id("", 7) == "7");
    CHECK(rc::game::make_session_id("../..", 7) == "7");
}
