#include "game/calibration.h"

#include <algorithm>

namespace rc::game {

std::optional<double> RightWrong::accuracy() const {
    if (total() == 0)
        return std::nullopt;
    return static_cast<double>(right) / static_cast<double>(total());
}

Calibration calibration(const GameResult& result) {
    Calibration out;
    std::vector<std::size_t> other_wrong;
    for (std::size_t i = 0; i < result.items.size(); ++i) {
        const auto& item = result.items[i];
        auto& bucket = !item.sure ? out.unstated : *item.sure ? out.sure : out.unsure;
        bucket.add(item.correct);
        if (!item.correct)
            (item.sure.value_or(false) ? out.review_order : other_wrong).push_back(i);
    }
    out.review_order.insert(out.review_order.end(), other_wrong.begin(), other_wrong.end());
    return out;
}

std::map<std::string, RightWrong> category_accuracy(const GameResult& result) {
    std::map<std::string, RightWrong> categories;
    for (const auto& item : result.items)
        categories[item.category].add(item.correct);
    return categories;
}

ProgressView progress_view(const std::vector<GameResult>& results, std::string_view pack_id) {
    ProgressView view;
    for (const auto& result : results) {
        if (!pack_id.empty() && result.pack_id != pack_id)
            continue;
        RightWrong game;
        for (const auto& item : result.items)
            game.add(item.correct);
        if (game.total() > 0)
            view.games.push_back(game);
    }
    view.window = std::min(kProgressWindow, view.games.size() / 2);
    for (std::size_t i = 0; i < view.window; ++i) {
        const auto& first = view.games[i];
        const auto& latest = view.games[view.games.size() - view.window + i];
        view.first.right += first.right;
        view.first.wrong += first.wrong;
        view.latest.right += latest.right;
        view.latest.wrong += latest.wrong;
    }
    return view;
}

std::optional<RightWrong> item_record(const std::vector<GameResult>& results,
                                      std::string_view pack_id, std::string_view item_id) {
    RightWrong record;
    for (const auto& result : results)
        if (result.pack_id == pack_id)
            for (const auto& item : result.items)
                if (item.id == item_id)
                    record.add(item.correct);
    if (record.total() < kMinPlaysForItemRate)
        return std::nullopt;
    return record;
}

}  // namespace rc::game
