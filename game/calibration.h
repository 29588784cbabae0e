// What a solo player learns from the games saved on this computer (game/progress.h):
// calibration (right and wrong among Sure and Not sure answers), accuracy per category,
// progress from the first games to the latest, and how often an item was got right here.
// Plain functions over saved results; nothing is stored or drawn here.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "game/progress.h"

namespace rc::game {

// An item's right rate is shown once it was played this many times on this computer.
inline constexpr std::size_t kMinPlaysForItemRate = 5;
// Progress compares the first games with the latest, this many each (fewer when there are
// fewer than twice as many games).
inline constexpr std::size_t kProgressWindow = 3;

struct RightWrong {
    std::size_t right = 0;
    std::size_t wrong = 0;
    std::size_t total() const { return right + wrong; }
    std::optional<double> accuracy() const;  // nullopt when empty
    void add(bool correct) { ++(correct ? right : wrong); }
};

struct Calibration {
    RightWrong sure;
    RightWrong unsure;
    RightWrong unstated;  // answers given without saying
    // The missed items for the review, as indices into result.items: sure-and-wrong first,
    // then the other wrong ones, each in play order.
    std::vector<std::size_t> review_order;
};

Calibration calibration(const GameResult& result);

// Per category (sorted by name; items without one under ""), over one game.
std::map<std::string, RightWrong> category_accuracy(const GameResult& result);

struct ProgressView {
    std::vector<RightWrong> games;  // each game, oldest first
    std::size_t window = 0;         // games in each of `first` and `latest`; 0: too few games
    RightWrong first;
    RightWrong latest;
};

// Over the saved games (oldest first, as load_results gives them) of `pack_id`, or of
// every pack when pack_id is empty. Needs two games to compare.
ProgressView progress_view(const std::vector<GameResult>& results, std::string_view pack_id = {});

// How often item `item_id` of `pack_id` was got right on this computer; nullopt until it
// was played kMinPlaysForItemRate times.
std::optional<RightWrong> item_record(const std::vector<GameResult>& results,
                                      std::string_view pack_id, std::string_view item_id);

}  // namespace rc::game
