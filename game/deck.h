// Drawing the items of a round: balanced between real and generated, preferring items
// this device has not shown yet, so "Play again" brings new pictures until the pack is
// exhausted. Pure functions; persistence of the history lives in game/progress.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "content/manifest.h"

namespace rc::game {

inline constexpr std::size_t kRoundSize = 20;

struct DrawDesc {
    std::size_t round_size = 0;  // 0 → kRoundSize
    std::uint64_t seed = 0;
    const std::set<std::size_t>* excluded = nullptr;  // item indices never to draw (broken media)
};

struct Draw {
    std::vector<std::size_t> picks;    // indices into the pack's items, in play order
    std::set<std::string> seen_after;  // the history to save once the round starts
    bool pack_exhausted = false;       // the round had to repeat items: a new cycle began
};

// `seen` holds the ids already shown on this device (ids no longer in the pack are ignored).
// Picks min(round_size, items.size()) items, as close to half real / half generated as the
// pack allows (edited counts as generated), unseen items first within each half.
Draw draw_round(const std::vector<content::PackItem>& items, const std::set<std::string>& seen,
                const DrawDesc& desc);

}  // namespace rc::game
