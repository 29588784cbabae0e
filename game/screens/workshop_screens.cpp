#include "game/screens/workshop_screens.h"

namespace rc::game {

void draw_workshop_screen(ScreenContext& ctx, WorkshopFlow& flow, double clock) {
    switch (flow.step()) {
        case WorkshopStep::Off:
            break;
        case WorkshopStep::Setup:
            draw_workshop_setup(ctx, flow);
            break;
        case WorkshopStep::Past:
            draw_workshop_past(ctx, flow);
            break;
        case WorkshopStep::Vote:
            draw_workshop_vote(ctx, flow, clock);
            break;
        case WorkshopStep::Reveal:
            draw_workshop_reveal(ctx, flow);
            break;
        case WorkshopStep::Debrief:
            if (ctx.ui.overlay == Overlay::MissedDetail)
                draw_workshop_item(ctx, flow, ctx.ui.missed_detail);
            else
                draw_workshop_debrief(ctx, flow);
            break;
    }
}

}  // namespace rc::game
