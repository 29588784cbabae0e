#include "game/deck.h"

#include <algorithm>

#include "game/random.h"

namespace rc::game {
namespace {

struct Pool {
    std::vector<std::size_t> unseen;
    std::vector<std::size_t> seen;
    std::size_t size() const { return unseen.size() + seen.size(); }
};

bool is_generated(const content::PackItem& item) {
    return content::as_two_answer(item.answer) == content::Answer::Generated;
}

// How many real items a round of `total` should hold: half (the odd one decided by the
// seed), moved towards whichever side has enough items when the other runs short.
std::size_t real_share(std::size_t total, std::size_t real_count, std::size_t generated_count,
                       Random& random) {
    std::size_t real = total / 2 + (total % 2 == 1 ? random.below(2) : 0);
    real = std::min(real, real_count);
    if (total - real > generated_count)
        real = total - generated_count;
    return real;
}

// Takes `count` items from the pool, unseen ones first, each group in random order.
std::vector<std::size_t> take(Pool& pool, std::size_t count, Random& random, bool* repeated) {
    random.shuffle(pool.unseen);
    random.shuffle(pool.seen);
    std::vector<std::size_t> taken;
    for (std::size_t i = 0; i < count && i < pool.unseen.size(); ++i)
        taken.push_back(pool.unseen[i]);
    for (std::size_t i = 0; taken.size() < count && i < pool.seen.size(); ++i) {
        taken.push_back(pool.seen[i]);
        *repeated = true;
    }
    return taken;
}

}  // namespace

Draw draw_round(const std::vector<content::PackItem>& items, const std::set<std::string>& seen,
                const DrawDesc& desc) {
    Random random(desc.seed);
    Pool real;
    Pool generated;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (desc.excluded && desc.excluded->count(i))
            continue;
        Pool& pool = is_generated(items[i]) ? generated : real;
        (seen.count(items[i].id) ? pool.seen : pool.unseen).push_back(i);
    }
    const std::size_t round_size = desc.round_size ? desc.round_size : kRoundSize;
    const std::size_t total = std::min(round_size, real.size() + generated.size());
    const std::size_t real_count = real_share(total, real.size(), generated.size(), random);

    Draw draw;
    draw.picks = take(real, real_count, random, &draw.pack_exhausted);
    auto generated_picks = take(generated, total - real_count, random, &draw.pack_exhausted);
    draw.picks.insert(draw.picks.end(), generated_picks.begin(), generated_picks.end());
    random.shuffle(draw.picks);

    // A round that had to repeat items starts a new cycle: only its own items count as seen.
    if (!draw.pack_exhausted) {
        for (const auto& item : items)
            if (seen.count(item.id))
                draw.seen_after.insert(item.id);
    }
    for (auto index : draw.picks)
        draw.seen_after.insert(items[index].id);
    return draw;
}

}  // namespace rc::game
