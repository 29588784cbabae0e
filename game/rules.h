// The quiz as a state machine: Title → Question → Feedback → … → End. It is fed events
// (start, answer, next, drop) and knows nothing of SDL, ImGui or files, so the screens only
// draw its state and turn input into events, and the tests drive it directly.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "content/manifest.h"

namespace rc::game {

enum class Phase { Title, Question, Feedback, End };

struct RoundItem {
    std::size_t pack_index = 0;
    content::Answer truth =
        content::Answer::Real;  // as asked (edited → generated in 2-answer games)
    std::optional<content::Answer> given;
    std::optional<bool> sure;  // the player said Sure (true) or Not sure (false) before answering

    bool correct() const { return given && *given == truth; }
};

class Game {
  public:
    // Begins a round with items already drawn (see deck.h). An empty draw stays on Title.
    void start(const content::Manifest& manifest, const std::vector<std::size_t>& picks);
    // Question → Feedback. Ignored (returns false) in any other phase.
    bool answer(content::Answer given);
    // How sure the player is of the answer to come: Sure, Not sure, or nothing said. Kept
    // with the answer. Only before answering (returns false in any other phase).
    bool say_sure(std::optional<bool> sure);
    // The Sure and Not sure buttons: choosing the one already chosen clears it.
    bool toggle_sure(bool sure);
    // Feedback → next Question, or End after the last item.
    void next();
    // The current item cannot be shown (its media failed to decode): it leaves the round.
    // The round shrinks, so the score stays out of the items really played.
    void drop_current();
    void to_title();

    Phase phase() const { return phase_; }
    const std::vector<RoundItem>& items() const { return items_; }
    std::size_t position() const { return position_; }  // index into items()
    const RoundItem* current() const;
    std::size_t score() const;
    std::size_t out_of() const { return items_.size(); }
    bool three_answers() const { return three_answers_; }

  private:
    Phase phase_ = Phase::Title;
    std::vector<RoundItem> items_;
    std::size_t position_ = 0;
    bool three_answers_ = false;
};

// The verdict band of a score, from 0 (most missed) to 3 (nearly all right).
int verdict_band(std::size_t score, std::size_t out_of);

}  // namespace rc::game
