// A clip's controls; see clip_controls.h.
#include "game/screens/clip_controls.h"

#include <algorithm>

namespace rc::game {
namespace {

constexpr ImU32 kTrackColor = IM_COL32(70, 78, 96, 255);
constexpr ImU32 kPlayedColor = IM_COL32(120, 160, 230, 255);
constexpr ImU32 kTellRangeColor = IM_COL32(255, 214, 10, 255);
constexpr ImU32 kChosenRangeColor = IM_COL32(64, 200, 255, 255);  // as the chosen circle
constexpr ImU32 kBackwardRangeColor = IM_COL32(245, 115, 102, 255);
constexpr ImU32 kRowsColor = IM_COL32(40, 44, 56, 255);
constexpr ImU32 kIconColor = IM_COL32(240, 240, 245, 255);

enum class Icon { Play, Pause, StepBack, StepForward };

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 min, ImVec2 max) {
    const float side = std::min(max.x - min.x, max.y - min.y) * 0.36f;
    const ImVec2 c((min.x + max.x) / 2.f, (min.y + max.y) / 2.f);
    const float bar = side * 0.32f;
    switch (icon) {
        case Icon::Play:
            draw->AddTriangleFilled(ImVec2(c.x - side * 0.7f, c.y - side),
                                    ImVec2(c.x - side * 0.7f, c.y + side), ImVec2(c.x + side, c.y),
                                    kIconColor);
            break;
        case Icon::Pause:
            draw->AddRectFilled(ImVec2(c.x - side * 0.7f, c.y - side),
                                ImVec2(c.x - side * 0.7f + bar, c.y + side), kIconColor);
            draw->AddRectFilled(ImVec2(c.x + side * 0.7f - bar, c.y - side),
                                ImVec2(c.x + side * 0.7f, c.y + side), kIconColor);
            break;
        case Icon::StepBack:
            draw->AddRectFilled(ImVec2(c.x - side, c.y - side),
                                ImVec2(c.x - side + bar, c.y + side), kIconColor);
            draw->AddTriangleFilled(ImVec2(c.x + side, c.y - side), ImVec2(c.x + side, c.y + side),
                                    ImVec2(c.x - side * 0.5f, c.y), kIconColor);
            break;
        case Icon::StepForward:
            draw->AddTriangleFilled(ImVec2(c.x - side, c.y - side), ImVec2(c.x - side, c.y + side),
                                    ImVec2(c.x + side * 0.5f, c.y), kIconColor);
            draw->AddRectFilled(ImVec2(c.x + side - bar, c.y - side),
                                ImVec2(c.x + side, c.y + side), kIconColor);
            break;
    }
}

bool icon_button(const char* id, Icon icon, const std::string& tooltip, ImVec2 size) {
    const bool pressed = ImGui::Button(id, size);
    draw_icon(ImGui::GetWindowDrawList(), icon, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tooltip.c_str());
    return pressed;
}

ImVec2 button_size() {
    const float font = ImGui::GetFontSize();
    return ImVec2(font * 2.4f, font * 1.8f);
}

// The rows under the track (tell_rows): a band for the tells, a slice of it for each.
float tell_rows_height(const ClipControlsDesc& desc) {
    if (!desc.tell_rows)
        return 0.f;
    const float count = desc.tells ? static_cast<float>(desc.tells->size()) : 0.f;
    return ImGui::GetFontSize() * std::clamp(count * 0.4f, 0.8f, 2.4f);
}

// The track's span on the screen: inset by the knob's radius, so that at either end the
// knob stays in the bar's box, off the buttons on its left and the time on its right.
struct Track {
    float left = 0.f;
    float width = 1.f;
    double duration = 1.0;

    float x_at(double seconds) const {
        return left + static_cast<float>(std::clamp(seconds / duration, 0.0, 1.0)) * width;
    }
};

// The timed tells' moments as a band along the top of the bar (the game, after the answer).
void draw_moments(ImDrawList* draw, const std::vector<content::Tell>& tells, const Track& track,
                  float top, float height) {
    for (const auto& tell : tells) {
        if (!tell.timed())
            continue;
        const float from = track.x_at(tell.t0.value_or(0.f));
        const float to = std::max(from + 3.f, track.x_at(tell.t1.value_or(track.duration)));
        draw->AddRectFilled(ImVec2(from, top), ImVec2(to, top + height), kTellRangeColor);
    }
}

// Every tell's range on a row of its own (from its t0, or the start, to its t1, or the
// end), so the times can be seen at a glance (the editor).
void draw_tell_rows(ImDrawList* draw, const ClipControlsDesc& desc, const Track& track, ImVec2 min,
                    ImVec2 max) {
    draw->AddRectFilled(min, max, kRowsColor, 3.f);
    if (!desc.tells || desc.tells->empty())
        return;
    const auto& tells = *desc.tells;
    const float row = (max.y - min.y) / static_cast<float>(tells.size());
    for (std::size_t i = 0; i < tells.size(); ++i) {
        const double from = tells[i].t0.value_or(0.f);
        const double to = tells[i].t1.value_or(static_cast<float>(track.duration));
        const bool backward = to < from;  // a problem the fields list too
        const float a = track.x_at(std::min(from, to));
        const float b = std::max(a + 2.f, track.x_at(std::max(from, to)));
        const float top = min.y + row * static_cast<float>(i) + 1.f;
        const bool chosen = desc.chosen_tell && *desc.chosen_tell == i;
        const ImU32 color = backward ? kBackwardRangeColor
                            : chosen ? kChosenRangeColor
                                     : kTellRangeColor;
        draw->AddRectFilled(ImVec2(a, top), ImVec2(b, std::max(top + 1.f, top + row - 2.f)), color,
                            2.f);
    }
}

// The bar: the time played, the tells' moments, a knob; a click or a drag seeks.
void draw_scrub_bar(const ClipControlsDesc& desc, ImVec2 size, ClipControlsInput* input) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float row_height = std::min(size.y, button_size().y);
    ImGui::InvisibleButton("##scrub", size);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", desc.scrub.c_str());
    const float track_h = std::max(4.f, row_height * 0.22f);
    const float y0 = min.y + (row_height - track_h) / 2.f;
    const float knob = row_height * 0.32f;
    const Track track{min.x + knob, std::max(1.f, size.x - knob * 2.f),
                      std::max(desc.clock.duration, 1e-3)};
    const float played = track.x_at(desc.clock.position);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(track.left, y0), ImVec2(track.left + track.width, y0 + track_h),
                        kTrackColor, track_h / 2.f);
    draw->AddRectFilled(ImVec2(track.left, y0), ImVec2(played, y0 + track_h), kPlayedColor,
                        track_h / 2.f);
    if (desc.tells && !desc.tell_rows)
        draw_moments(draw, *desc.tells, track, min.y, track_h * 0.9f);
    if (desc.tell_rows) {
        const ImVec2 rows_min(track.left, min.y + row_height);
        draw_tell_rows(draw, desc, track, rows_min,
                       ImVec2(track.left + track.width, min.y + size.y));
        draw->AddLine(ImVec2(played, y0), ImVec2(played, min.y + size.y), kIconColor, 2.f);
    }
    draw->AddCircleFilled(ImVec2(played, y0 + track_h / 2.f), knob, kIconColor);
    input->bar_clicked = ImGui::IsItemActivated();
    if (!ImGui::IsItemActive())
        return;
    const float fraction =
        std::clamp((ImGui::GetIO().MousePos.x - track.left) / track.width, 0.f, 1.f);
    input->seek = fraction * track.duration;
}

}  // namespace

float clip_controls_row_height() {
    return button_size().y;
}

float clip_controls_height(const ClipControlsDesc& desc) {
    return button_size().y + tell_rows_height(desc);
}

ClipControlsInput draw_clip_controls_row(const ClipControlsDesc& desc, ImVec2 at, float right) {
    ClipControlsInput input;
    const float font = ImGui::GetFontSize();
    const ImVec2 button = button_size();
    ImGui::SetCursorScreenPos(at);
    const bool playing = desc.clock.playing;
    if (icon_button("##playpause", playing ? Icon::Pause : Icon::Play,
                    playing ? desc.pause : desc.play, button))
        input.toggle_play = true;
    ImGui::SameLine();
    if (icon_button("##back", Icon::StepBack, desc.step_back, button))
        input.step = -1;
    ImGui::SameLine();
    if (icon_button("##forward", Icon::StepForward, desc.step_forward, button))
        input.step = 1;
    ImGui::SameLine();
    const float time_width = ImGui::CalcTextSize(desc.time.c_str()).x;
    const float bar_width =
        std::max(font * 4.f, right - ImGui::GetCursorScreenPos().x - time_width - font * 1.2f);
    draw_scrub_bar(desc, ImVec2(bar_width, button.y + tell_rows_height(desc)), &input);
    ImGui::SameLine();
    // Centred on the buttons' row (a text item after buttons would sit lower by the frame
    // padding).
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(ImGui::GetCursorScreenPos().x, at.y + (button.y - font) / 2.f),
        ImGui::GetColorU32(ImGuiCol_Text), desc.time.c_str());
    ImGui::NewLine();
    return input;
}

}  // namespace rc::game
