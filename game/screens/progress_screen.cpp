// The progress view: the games played with the open pack on this computer, each one's
// score as a bar (oldest on the left), and the first games against the latest. The
// figures are the App's (progress_view in calibration.h); this screen only draws them.
#include <algorithm>

#include "game/screens/solo.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

const ImVec4 kColorBar{0.36f, 0.58f, 0.90f, 1.f};

// Score lines at 0, 50 and 100 %, labelled on the left.
void draw_chart_grid(ScreenContext& ctx, ImDrawList* draw, ImVec2 min, ImVec2 max) {
    const float font = ImGui::GetFontSize();
    for (const int percent : {0, 50, 100}) {
        const float y = max.y - (max.y - min.y) * static_cast<float>(percent) / 100.f;
        draw->AddLine(ImVec2(min.x, y), ImVec2(max.x, y),
                      ImGui::GetColorU32(ImVec4(1.f, 1.f, 1.f, percent == 0 ? 0.5f : 0.15f)));
        const std::string label = ctx.tr("solo.percent", {{"n", std::to_string(percent)}});
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(min.x - size.x - font * 0.4f, y - size.y / 2.f),
                      ImGui::GetColorU32(kColorMuted), label.c_str());
    }
}

// One bar a game, its height the share of right answers; hovering one tells its score.
void draw_chart(ScreenContext& ctx, const ProgressView& view, float width) {
    const float font = ImGui::GetFontSize();
    const float axis = font * 3.5f;  // room for the percent labels
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 min(origin.x + axis, origin.y + font * 0.6f);
    const ImVec2 max(origin.x + width, min.y + font * 9.f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_chart_grid(ctx, draw, min, max);
    const float slot = (max.x - min.x) / static_cast<float>(view.games.size());
    const float gap = std::min(font * 0.3f, slot * 0.2f);
    const float bar = std::min(slot - gap, font * 3.f);
    for (std::size_t i = 0; i < view.games.size(); ++i) {
        const auto& game = view.games[i];
        const float x = min.x + slot * static_cast<float>(i) + (slot - bar) / 2.f;
        const float top =
            max.y - (max.y - min.y) * static_cast<float>(game.accuracy().value_or(0.0));
        const bool hovered = ImGui::IsMouseHoveringRect(ImVec2(x, min.y), ImVec2(x + bar, max.y));
        draw->AddRectFilled(ImVec2(x, top), ImVec2(x + bar, max.y),
                            ImGui::GetColorU32(hovered ? kColorRight : kColorBar));
        if (hovered)
            ImGui::SetTooltip("%s",
                              ctx.tr("solo.progress_bar", {{"n", std::to_string(i + 1)},
                                                           {"right", std::to_string(game.right)},
                                                           {"total", std::to_string(game.total())}})
                                  .c_str());
    }
    ImGui::Dummy(ImVec2(width, max.y - origin.y + font * 0.3f));
    const float line_x = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(line_x + axis);
    ImGui::TextColored(kColorMuted, "%s", ctx.tr("solo.progress_oldest").c_str());
    const std::string latest = ctx.tr("solo.progress_latest");
    ImGui::SameLine();
    ImGui::SetCursorPosX(line_x + width - ImGui::CalcTextSize(latest.c_str()).x);
    ImGui::TextColored(kColorMuted, "%s", latest.c_str());
}

std::string comparison_text(ScreenContext& ctx, const ProgressView& view) {
    const std::string first = percent_text(ctx.strings, ctx.lang, view.first);
    const std::string latest = percent_text(ctx.strings, ctx.lang, view.latest);
    if (view.window == 1)
        return ctx.tr("solo.progress_compare_one", {{"first", first}, {"latest", latest}});
    return ctx.tr("solo.progress_compare",
                  {{"n", std::to_string(view.window)}, {"first", first}, {"latest", latest}});
}

}  // namespace

void draw_progress_screen(ScreenContext& ctx) {
    begin_full_panel("progress", true);
    const float font = ImGui::GetFontSize();
    const float width = std::min(ImGui::GetContentRegionAvail().x, font * 36.f);
    const float left = (ImGui::GetContentRegionAvail().x - width) / 2.f;
    const ProgressView& view = ctx.ui.solo.progress;
    ImGui::Dummy(ImVec2(0, font * 0.4f));
    text_centered(ctx.tr("solo.progress_title"), ctx.fonts.heading);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (ctx.pack) {
        ImGui::PushFont(ctx.fonts.bold);
        text_wrapped(ctx.tr("title.pack", {{"title", ctx.pack->manifest.title.get(ctx.lang)}}));
        ImGui::PopFont();
    }
    text_wrapped(ctx.tr("solo.progress_games", {{"n", std::to_string(view.games.size())}}));
    if (!view.games.empty())
        draw_chart(ctx, view, width);
    ImGui::Dummy(ImVec2(0, font * 0.3f));
    ImGui::PushFont(ctx.fonts.bold);
    text_wrapped(view.window == 0 ? ctx.tr("solo.progress_too_few") : comparison_text(ctx, view));
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    ImGui::PushFont(ctx.fonts.heading);
    if (big_button(ctx.tr("solo.close"), ImVec2(width, font * 2.6f)))
        ctx.emit(ActionType::CloseOverlay);
    ImGui::PopFont();
    ImGui::EndGroup();
    end_panel();
}

}  // namespace rc::game
