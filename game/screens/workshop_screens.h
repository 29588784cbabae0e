// Workshop mode's screens: set-up, past sessions, vote, reveal and debrief, drawn for a
// projector (text at least kProjectorMinTextShare of the screen's height). They draw the
// flow's state and emit workshop Actions; the text being typed is the flow's.
#pragma once

#include "game/screens/screen.h"
#include "game/workshop_flow.h"

namespace rc::game {

void draw_workshop_screen(ScreenContext& ctx, WorkshopFlow& flow, double clock);

// Each step (workshop_setup.cpp, workshop_vote.cpp, workshop_debrief.cpp).
void draw_workshop_setup(ScreenContext& ctx, WorkshopFlow& flow);
void draw_workshop_past(ScreenContext& ctx, const WorkshopFlow& flow);
void draw_workshop_vote(ScreenContext& ctx, WorkshopFlow& flow, double clock);
void draw_workshop_reveal(ScreenContext& ctx, const WorkshopFlow& flow);
void draw_workshop_debrief(ScreenContext& ctx, const WorkshopFlow& flow);
// An item reopened from the debrief, with its votes.
void draw_workshop_item(ScreenContext& ctx, const WorkshopFlow& flow, std::size_t index);

}  // namespace rc::game
