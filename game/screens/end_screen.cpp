// End of a round: the score out of the items played, a verdict, how sure the player was
// against how right, the score per category, the missed pictures as thumbnails that reopen
// their explanation (those the player was sure of first), Play again, Change pack and
// Progress.
#include <algorithm>

#include "game/screens/solo.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

// Thumbnails of the round items `indices` that reopen their explanation, `width` wide.
void draw_thumbnail_grid(ScreenContext& ctx, const std::vector<std::size_t>& indices, float width) {
    const float font = ImGui::GetFontSize();
    const float thumb = font * 6.f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // An image button is the picture plus its frame padding on both sides.
    const float cell = thumb + ImGui::GetStyle().FramePadding.x * 2.f + spacing;
    const int columns = std::max(1, static_cast<int>((width + spacing) / cell));
    int column = 0;
    for (const std::size_t i : indices) {
        const auto& texture = ctx.thumbnail_of(i);
        ImGui::PushID(static_cast<int>(i));
        bool pressed = false;
        if (texture) {
            const float aspect =
                static_cast<float>(texture.height()) / static_cast<float>(texture.width());
            pressed = ImGui::ImageButton(static_cast<ImTextureID>(texture.handle()),
                                         ImVec2(thumb, thumb * std::min(aspect, 1.f)));
        } else {
            pressed = ImGui::Button(std::to_string(i + 1).c_str(), ImVec2(thumb, thumb * 0.75f));
        }
        if (pressed)
            ctx.emit(Action::with_index(ActionType::ShowMissed, i));
        ImGui::PopID();
        if (++column < columns)
            ImGui::SameLine();
        else
            column = 0;
    }
    if (column != 0)
        ImGui::NewLine();
}

void wrapped_line(const std::string& text, float width, const ImVec4* color = nullptr) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (color)
        text_colored_wrapped(*color, text);
    else
        text_wrapped(text);
    ImGui::PopTextWrapPos();
}

// The missed pictures in the calibration's review order: those the player was sure of
// come first, under a heading of their own.
void draw_missed_grid(ScreenContext& ctx, float width) {
    const auto& items = ctx.game.items();
    const auto& order = ctx.ui.solo.calibration.review_order;
    if (order.empty()) {
        text_centered(ctx.tr("end.none_missed"), ctx.fonts.bold, &kColorRight);
        return;
    }
    wrapped_line(ctx.tr("end.missed", {{"n", std::to_string(order.size())}}), width);
    const auto first_other = std::find_if(order.begin(), order.end(), [&](std::size_t i) {
        return i >= items.size() || items[i].sure != true;
    });
    const std::vector<std::size_t> sure(order.begin(), first_other);
    const std::vector<std::size_t> other(first_other, order.end());
    if (sure.empty()) {
        draw_thumbnail_grid(ctx, other, width);
        return;
    }
    wrapped_line(ctx.tr("solo.review_sure", {{"n", std::to_string(sure.size())}}), width,
                 &kColorWrong);
    draw_thumbnail_grid(ctx, sure, width);
    if (other.empty())
        return;
    wrapped_line(ctx.tr("solo.review_other", {{"n", std::to_string(other.size())}}), width);
    draw_thumbnail_grid(ctx, other, width);
}

// How sure against how right and the score per category beside the missed pictures when
// the screen is wide enough, else the missed pictures first and the tables under them.
void draw_round_review(ScreenContext& ctx) {
    const float font = ImGui::GetFontSize();
    const float room = ImGui::GetContentRegionAvail().x;
    const float wide = std::min(room, font * 54.f);
    if (has_round_tables(ctx.ui.solo) && wide >= font * 48.f) {
        const float tables = font * 20.f;
        const float gap = font * 2.f;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (room - wide) / 2.f);
        ImGui::BeginGroup();
        draw_calibration_table(ctx, tables);
        draw_category_table(ctx, tables);
        ImGui::EndGroup();
        ImGui::SameLine(0.f, gap);
        ImGui::BeginGroup();
        draw_missed_grid(ctx, wide - tables - gap);
        ImGui::EndGroup();
        return;
    }
    const float width = std::min(room, font * 36.f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (room - width) / 2.f);
    ImGui::BeginGroup();
    draw_missed_grid(ctx, width);
    ImGui::Dummy(ImVec2(0, font * 0.6f));
    draw_calibration_table(ctx, width);
    draw_category_table(ctx, width);
    ImGui::EndGroup();
}

void draw_missed_detail(ScreenContext& ctx) {
    const auto& items = ctx.game.items();
    if (ctx.ui.missed_detail >= items.size())
        return;
    const RoundItem& round = items[ctx.ui.missed_detail];
    const content::PackItem* item = ctx.item_of(round);
    if (!item)
        return;
    begin_full_panel("missed-detail");
    const float top = ImGui::GetFontSize() * 0.6f;
    const PictureLayout layout = picture_layout(top, true);
    draw_media_area(ctx, ctx.ui.missed_detail, *item, layout.picture_min, layout.picture_max, true);
    if (draw_side_explanation(ctx, layout, *item, round, false, ctx.tr("end.close_detail")))
        ctx.emit(ActionType::CloseOverlay);
    end_panel();
}

}  // namespace

void draw_end_screen(ScreenContext& ctx) {
    if (ctx.ui.overlay == Overlay::MissedDetail) {
        draw_missed_detail(ctx);
        return;
    }
    begin_full_panel("end", true);
    const float font = ImGui::GetFontSize();
    const float width = std::min(ImGui::GetContentRegionAvail().x, font * 36.f);
    const float left = (ImGui::GetContentRegionAvail().x - width) / 2.f;
    ImGui::Dummy(ImVec2(0, font * 0.4f));
    text_centered(ctx.tr("end.title"), ctx.fonts.heading);
    const auto score = ctx.game.score();
    const auto out_of = ctx.game.out_of();
    text_centered(
        ctx.tr("end.score", {{"score", std::to_string(score)}, {"total", std::to_string(out_of)}}),
        ctx.fonts.display);
    text_wrapped_centered(ctx.tr("end.verdict." + std::to_string(verdict_band(score, out_of))),
                          width);
    for (const auto& message : ctx.ui.messages)
        text_colored_wrapped(kColorWrong, message);
    ImGui::Dummy(ImVec2(0, font * 0.4f));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.heading);
    const int pressed = button_pair(ctx.tr("end.play_again"), kColorRealButton,
                                    ctx.tr("end.change_pack"), width, font * 3.f);
    ImGui::PopFont();
    if (pressed == 1)
        ctx.emit(ActionType::PlayAgain);
    if (pressed == 2)
        ctx.emit(ActionType::ShowPacks);
    if (big_button(ctx.tr("solo.progress"), ImVec2(width, font * 2.2f)))
        ctx.emit(ActionType::ShowProgress);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, font * 0.4f));
    draw_round_review(ctx);
    end_panel();
}

}  // namespace rc::game
