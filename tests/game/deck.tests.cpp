// Deck drawing: balanced rounds, no repeats within a round, unseen items first, and the
// history cycle that starts again once the pack is exhausted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "game/deck.h"

namespace {

using rc::content::Answer;
using rc::content::PackItem;
using rc::game::Draw;
using rc::game::draw_round;
using rc::game::DrawDesc;

// A pack with `real` real items (ids r0…), `generated` generated ones (g0…) and `edited`
// edited ones (e0…), in that order.
std::vector<PackItem> make_items(std::size_t real, std::size_t generated, std::size_t edited = 0) {
    std::vector<PackItem> items;
    auto add = [&](const char* prefix, std::size_t count, Answer answer) {
        for (std::size_t i = 0; i < count; ++i) {
            PackItem item;
            item.id = prefix + std::to_string(i);
            item.media = "media/" + item.id + ".jpg";
            item.answer = answer;
            item.manifest_index = items.size();
            items.push_back(item);
        }
    };
    add("r", real, Answer::Real);
    add("g", generated, Answer::Generated);
    add("e", edited, Answer::Edited);
    return items;
}

DrawDesc seeded(std::uint64_t seed, std::size_t round_size = 0) {
    DrawDesc desc;
    desc.seed = seed;
    desc.round_size = round_size;
    return desc;
}

std::size_t count_generated(const std::vector<PackItem>& items, const Draw& draw) {
    return static_cast<std::size_t>(
        std::count_if(draw.picks.begin(), draw.picks.end(), [&](std::size_t i) {
            return rc::content::as_two_answer(items[i].answer) == Answer::Generated;
        }));
}

bool all_in_range_and_unique(const std::vector<PackItem>& items, const Draw& draw) {
    std::set<std::size_t> unique(draw.picks.begin(), draw.picks.end());
    if (unique.size() != draw.picks.size())
        return false;
    return std::all_of(draw.picks.begin(), draw.picks.end(),
                       [&](std::size_t i) { return i < items.size(); });
}

std::set<std::string> ids_of(const std::vector<PackItem>& items, const Draw& draw) {
    std::set<std::string> ids;
    for (auto i : draw.picks)
        ids.insert(items[i].id);
    return ids;
}

}  // namespace

TEST_CASE("draw_round picks a balanced round without repeats", "[game][deck]") {
    SECTION("a round of 20 from a 30-item pack") {
        const auto items = make_items(15, 15);
        const auto draw = draw_round(items, {}, seeded(1));
        CHECK(draw.picks.size() == rc::game::kRoundSize);
        CHECK(draw.picks.size() == 20);
        CHECK(all_in_range_and_unique(items, draw));
        CHECK_FALSE(draw.pack_exhausted);
    }

    SECTION("round_size 0 means kRoundSize, another size is honoured") {
        const auto items = make_items(20, 20);
        CHECK(draw_round(items, {}, seeded(3, 0)).picks.size() == 20);
        CHECK(draw_round(items, {}, seeded(3, 8)).picks.size() == 8);
        CHECK(draw_round(items, {}, seeded(3, 1)).picks.size() == 1);
    }

    SECTION("a pack smaller than a round gives all its items") {
        const auto items = make_items(7, 5);
        const auto draw = draw_round(items, {}, seeded(42));
        REQUIRE(draw.picks.size() == 12);
        std::vector<std::size_t> sorted = draw.picks;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i)
            CHECK(sorted[i] == i);
        CHECK_FALSE(draw.pack_exhausted);
    }

    SECTION("real and generated stay within one of each other over many seeds") {
        const auto items = make_items(16, 14);
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const auto draw = draw_round(items, {}, seeded(seed));
            REQUIRE(draw.picks.size() == 20);
            const auto generated = count_generated(items, draw);
            const auto real = draw.picks.size() - generated;
            INFO("seed " << seed << ": " << real << " real, " << generated << " generated");
            CHECK(real == 10);
            CHECK(generated == 10);
            CHECK(all_in_range_and_unique(items, draw));
        }
    }

    SECTION("an odd round size splits 50/50 up to one, both ways across seeds") {
        const auto items = make_items(20, 20);
        std::set<std::size_t> real_counts;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const auto draw = draw_round(items, {}, seeded(seed, 15));
            REQUIRE(draw.picks.size() == 15);
            const auto real = draw.picks.size() - count_generated(items, draw);
            INFO("seed " << seed << ": " << real << " real");
            CHECK((real == 7 || real == 8));
            real_counts.insert(real);
        }
        // The odd item is decided by the seed, not always given to the same side.
        CHECK(real_counts == std::set<std::size_t>{7, 8});
    }

    SECTION("a lopsided pack takes all the scarce side and fills with the other") {
        const auto items = make_items(25, 5);
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            const auto draw = draw_round(items, {}, seeded(seed));
            REQUIRE(draw.picks.size() == 20);
            INFO("seed " << seed);
            CHECK(count_generated(items, draw) == 5);
            const auto ids = ids_of(items, draw);
            for (int g = 0; g < 5; ++g)
                CHECK(ids.count("g" + std::to_string(g)) == 1);
            CHECK(all_in_range_and_unique(items, draw));
        }
    }

    SECTION("a lopsided pack the other way round") {
        const auto items = make_items(3, 27);
        const auto draw = draw_round(items, {}, seeded(9));
        REQUIRE(draw.picks.size() == 20);
        CHECK(count_generated(items, draw) == 17);
    }

    SECTION("edited items count as generated") {
        // 12 real, 4 generated, 14 edited: 18 on the generated side, so 10/10 is possible.
        const auto items = make_items(12, 4, 14);
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            const auto draw = draw_round(items, {}, seeded(seed));
            REQUIRE(draw.picks.size() == 20);
            INFO("seed " << seed);
            CHECK(count_generated(items, draw) == 10);
        }
        // Only edited on the generated side: 25 real + 5 edited behaves like 25 + 5 generated.
        const auto edited_only = make_items(25, 0, 5);
        const auto draw = draw_round(edited_only, {}, seeded(5));
        CHECK(count_generated(edited_only, draw) == 5);
    }

    SECTION("a pack of a single kind gives a round of that kind") {
        const auto items = make_items(30, 0);
        const auto draw = draw_round(items, {}, seeded(2));
        CHECK(draw.picks.size() == 20);
        CHECK(count_generated(items, draw) == 0);
        CHECK(all_in_range_and_unique(items, draw));
    }

    SECTION("an empty pack gives an empty draw") {
        const std::vector<PackItem> items;
        const auto draw = draw_round(items, {"r0", "g1"}, seeded(7));
        CHECK(draw.picks.empty());
        CHECK(draw.seen_after.empty());
        CHECK_FALSE(draw.pack_exhausted);
    }
}

TEST_CASE("draw_round is reproducible from its seed", "[game][deck]") {
    const auto items = make_items(20, 20);

    SECTION("the same seed gives the same picks in the same order") {
        for (std::uint64_t seed : {0ull, 1ull, 12345ull, 0xFFFFFFFFFFFFFFFFull}) {
            const auto a = draw_round(items, {}, seeded(seed));
            const auto b = draw_round(items, {}, seeded(seed));
            CHECK(a.picks == b.picks);
            CHECK(a.seen_after == b.seen_after);
        }
    }

    SECTION("different seeds give different orders") {
        const auto reference = draw_round(items, {}, seeded(1000)).picks;
        int same = 0;
        std::set<std::vector<std::size_t>> distinct;
        for (std::uint64_t seed = 0; seed < 100; ++seed) {
            const auto picks = draw_round(items, {}, seeded(seed)).picks;
            if (picks == reference)
                ++same;
            distinct.insert(picks);
        }
        CHECK(same == 0);
        CHECK(distinct.size() >= 95);
    }

    SECTION("the play order is shuffled, not real items then generated ones") {
        // If picks were "all real then all generated", the first 10 would be one kind.
        int mixed = 0;
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            const auto draw = draw_round(items, {}, seeded(seed));
            std::size_t first_half_generated = 0;
            for (std::size_t i = 0; i < 10; ++i)
                if (items[draw.picks[i]].answer == Answer::Generated)
                    ++first_half_generated;
            if (first_half_generated != 0 && first_half_generated != 10)
                ++mixed;
        }
        CHECK(mixed >= 45);
    }
}

TEST_CASE("draw_round prefers unseen items and cycles its history", "[game][deck]") {
    SECTION("successive rounds over 40 items: two disjoint rounds, then a new cycle") {
        const auto items = make_items(20, 20);
        std::set<std::string> seen;

        const auto round1 = draw_round(items, seen, seeded(11));
        REQUIRE(round1.picks.size() == 20);
        CHECK_FALSE(round1.pack_exhausted);
        CHECK(round1.seen_after == ids_of(items, round1));
        seen = round1.seen_after;

        const auto round2 = draw_round(items, seen, seeded(12));
        REQUIRE(round2.picks.size() == 20);
        CHECK_FALSE(round2.pack_exhausted);
        const auto ids1 = ids_of(items, round1);
        const auto ids2 = ids_of(items, round2);
        for (const auto& id : ids2)
            CHECK(ids1.count(id) == 0);
        CHECK(round2.seen_after.size() == 40);
        seen = round2.seen_after;

        // Everything has been seen: the third round repeats and starts a new cycle whose
        // history holds only its own items.
        const auto round3 = draw_round(items, seen, seeded(13));
        REQUIRE(round3.picks.size() == 20);
        CHECK(round3.pack_exhausted);
        CHECK(round3.seen_after == ids_of(items, round3));
        CHECK(count_generated(items, round3) == 10);
        seen = round3.seen_after;

        // The fourth round again finds 20 unseen items: exactly the ones round 3 left out.
        const auto round4 = draw_round(items, seen, seeded(14));
        CHECK_FALSE(round4.pack_exhausted);
        const auto ids3 = ids_of(items, round3);
        const auto ids4 = ids_of(items, round4);
        for (const auto& id : ids4)
            CHECK(ids3.count(id) == 0);
        CHECK(round4.seen_after.size() == 40);
    }

    SECTION("with 30 items the second round takes the 10 unseen and repeats 10") {
        const auto items = make_items(15, 15);
        const auto round1 = draw_round(items, {}, seeded(21));
        const auto round2 = draw_round(items, round1.seen_after, seeded(22));
        REQUIRE(round2.picks.size() == 20);
        CHECK(round2.pack_exhausted);
        const auto ids1 = ids_of(items, round1);
        const auto ids2 = ids_of(items, round2);
        std::size_t fresh = 0;
        for (const auto& id : ids2)
            fresh += ids1.count(id) == 0 ? 1 : 0;
        CHECK(fresh == 10);  // every unseen item made it in
        CHECK(round2.seen_after == ids2);
    }

    SECTION("unseen items come first within each half") {
        // 10 real + 10 generated seen, 10 of each unseen: a round of 10 takes only unseen ones.
        const auto items = make_items(20, 20);
        std::set<std::string> seen;
        for (int i = 0; i < 10; ++i) {
            seen.insert("r" + std::to_string(i));
            seen.insert("g" + std::to_string(i));
        }
        for (std::uint64_t seed = 0; seed < 30; ++seed) {
            const auto draw = draw_round(items, seen, seeded(seed, 10));
            INFO("seed " << seed);
            CHECK_FALSE(draw.pack_exhausted);
            for (const auto& id : ids_of(items, draw))
                CHECK(seen.count(id) == 0);
            CHECK(draw.seen_after.size() == 30);
        }
    }

    SECTION("ids in the history that are no longer in the pack are ignored and dropped") {
        const auto items = make_items(20, 20);
        const std::set<std::string> seen = {"gone-1", "gone-2", "r0", "g0"};
        const auto draw = draw_round(items, seen, seeded(31));
        REQUIRE(draw.picks.size() == 20);
        CHECK_FALSE(draw.pack_exhausted);
        CHECK(draw.seen_after.count("gone-1") == 0);
        CHECK(draw.seen_after.count("gone-2") == 0);
        CHECK(draw.seen_after.count("r0") == 1);
        CHECK(draw.seen_after.count("g0") == 1);
        CHECK(draw.seen_after.size() == 22);
        const auto ids = ids_of(items, draw);
        CHECK(ids.count("r0") == 0);
        CHECK(ids.count("g0") == 0);
    }

    SECTION("a history made only of unknown ids is like no history") {
        const auto items = make_items(15, 15);
        const auto with_unknown = draw_round(items, {"x", "y", "z"}, seeded(77));
        const auto without = draw_round(items, {}, seeded(77));
        CHECK(with_unknown.picks == without.picks);
        CHECK(with_unknown.seen_after == without.seen_after);
        CHECK_FALSE(with_unknown.pack_exhausted);
    }
}
