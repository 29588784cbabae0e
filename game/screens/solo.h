// What a solo player is told of their confidence and their record, shared by the screens
// and the App's status text: percentages, the item's record on this computer, and the
// calibration and category tables of the end screen. The figures come from calibration.h.
#pragma once

#include <string>

#include "game/calibration.h"
#include "game/screens/screen.h"

namespace rc::game {

// "58%" ("58 %" in French); "–" when nothing was answered.
std::string percent_text(const Strings& strings, content::Lang lang, const RightWrong& counts);
// "Players on this computer got this one right: 7 out of 12 (58%)".
std::string item_record_text(const Strings& strings, content::Lang lang, const RightWrong& record);
// "You were sure" / "You were not sure"; empty when nothing was said.
std::string said_sure_text(const Strings& strings, content::Lang lang, const RoundItem& round);

// "You were sure" after the verdict: on its line when `beside` and it fits, else below.
void draw_said_sure(ScreenContext& ctx, const RoundItem& round, bool beside);
// The answered item's record on this computer, once it has one (solo.item_record).
void draw_item_record(ScreenContext& ctx);

// Whether the round has a calibration or a category table to show.
bool has_round_tables(const SoloFigures& solo);
// Right and wrong among Sure, Not sure and unsaid answers; nothing when the player never
// said how sure they were.
void draw_calibration_table(ScreenContext& ctx, float width);
// Right and wrong per category; nothing when no item of the round has a category.
void draw_category_table(ScreenContext& ctx, float width);

}  // namespace rc::game
