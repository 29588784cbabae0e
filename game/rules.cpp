#include "game/rules.h"

#include <algorithm>

namespace rc::game {

void Game::start(const content::Manifest& manifest, const std::vector<std::size_t>& picks) {
    items_.clear();
    three_answers_ = manifest.three_answers;
    for (auto index : picks) {
        if (index >= manifest.items.size())
            continue;
        const auto truth = manifest.items[index].answer;
        items_.push_back({index, three_answers_ ? truth : content::as_two_answer(truth), {}, {}});
    }
    position_ = 0;
    phase_ = items_.empty() ? Phase::Title : Phase::Question;
}

bool Game::answer(content::Answer given) {
    if (phase_ != Phase::Question)
        return false;
    if (!three_answers_)
        given = content::as_two_answer(given);
    items_[position_].given = given;
    phase_ = Phase::Feedback;
    return true;
}

bool Game::say_sure(std::optional<bool> sure) {
    if (phase_ != Phase::Question)
        return false;
    items_[position_].sure = sure;
    return true;
}

bool Game::toggle_sure(bool sure) {
    const bool chosen = phase_ == Phase::Question && items_[position_].sure == sure;
    return say_sure(chosen ? std::nullopt : std::optional<bool>(sure));
}

void Game::next() {
    if (phase_ != Phase::Feedback)
        return;
    if (position_ + 1 < items_.size()) {
        ++position_;
        phase_ = Phase::Question;
    } else {
        phase_ = Phase::End;
    }
}

void Game::drop_current() {
    if (phase_ != Phase::Question)
        return;
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(position_));
    if (items_.empty()) {
        phase_ = Phase::Title;
    } else if (position_ >= items_.size()) {
        phase_ = Phase::End;
    }
}

void Game::to_title() {
    phase_ = Phase::Title;
}

const RoundItem* Game::current() const {
    if (phase_ != Phase::Question && phase_ != Phase::Feedback)
        return nullptr;
    return &items_[position_];
}

std::size_t Game::score() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [](const RoundItem& i) { return i.correct(); }));
}

int verdict_band(std::size_t score, std::size_t out_of) {
    if (out_of == 0)
        return 0;
    const double ratio = static_cast<double>(score) / static_cast<double>(out_of);
    if (ratio >= 0.9)
        return 3;
    if (ratio >= 0.7)
        return 2;
    if (ratio >= 0.5)
        return 1;
    return 0;
}

}  // namespace rc::game
