// Drawing pieces the workshop screens share: a panel with projector-sized text, a band's
// chip (its colour, shape, number and name, so nobody needs to see colour), text fields
// bound to the flow's strings, and the layout of a picture with a panel beside it.
#pragma once

#include <imgui.h>

#include <string>

#include "game/screens/widgets.h"
#include "game/workshop_flow.h"

namespace rc::game {

// A full-window panel whose text is at least kProjectorMinTextShare of the screen height.
void begin_projector_panel(const engine::Fonts& fonts, const char* id, bool scrollable);
void end_projector_panel();

inline const ImVec4 kColorTruth{1.f, 0.84f, 0.04f, 1.f};  // the answer, as the tells' yellow

// A screen's or a part's title: the current face a fifth larger; `wrapped` for long text.
void title_text(const std::string& text, bool wrapped = false);

ImVec4 band_colour(const Band& band);
// The band's shape (● ▲ ■ …) drawn in its colour in a square of `side` at `at`; the shapes
// are drawn, not typed, so no font needs them.
void draw_band_symbol(const Band& band, ImVec2 at, float side);
// Shape, number and name on one line; `width` > 0 cuts the name to it.
void band_chip(const Band& band, std::size_t index, float width = 0.f);

// A one-line field editing `text`; true when edited this frame. *entered: Enter pressed.
bool text_field(const char* id, std::string& text, float width, ImGuiInputTextFlags flags = 0,
                bool* entered = nullptr);

// The picture on the left (as large as the height allows), a panel on the right.
struct WorkshopLayout {
    ImVec2 picture_min, picture_max;
    ImVec2 side_min, side_max;
};
// `picture_share` of the width goes to the picture.
WorkshopLayout workshop_layout(float top, float picture_share = 0.56f);

// "42" from a share in [0, 1].
std::string percent_text(double share);

// The votes of each band on one item, in band colours with their bars; "not counted"
// for a band without a count.
void draw_band_votes(ScreenContext& ctx, const WorkshopSession& session, std::size_t item,
                     float width);

// The answer, the room's result and the votes per band, then the explanation and tells.
void draw_workshop_answer(ScreenContext& ctx, const WorkshopFlow& flow, std::size_t item,
                          float width);

}  // namespace rc::game
