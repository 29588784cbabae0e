// The question and, once answered, the feedback: the picture large, the answer buttons
// below it with Sure and Not sure; after the answer, the tells on the picture and the
// explanation beside it (below it in portrait).
#include <algorithm>

#include "game/screens/widgets.h"

namespace rc::game {
namespace {

void draw_zoom_buttons(ScreenContext& ctx) {
    const float font = ImGui::GetFontSize();
    const ImVec2 square(font * 2.2f, font * 1.7f);
    if (ImGui::Button("–", square))
        ctx.emit(ActionType::ZoomOut);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", ctx.tr("zoom.out").c_str());
    ImGui::SameLine();
    if (ImGui::Button(ctx.tr("zoom.fit").c_str(), ImVec2(0, square.y)))
        ctx.emit(ActionType::ZoomFit);
    ImGui::SameLine();
    if (ImGui::Button("+", square))
        ctx.emit(ActionType::ZoomIn);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", ctx.tr("zoom.in").c_str());
}

// Progress on the left, zoom and quit on the right, dismissable messages below.
float draw_top_bar(ScreenContext& ctx) {
    const float font = ImGui::GetFontSize();
    const auto& game = ctx.game;
    const std::string progress = ctx.tr(
        "question.progress_long",
        {{"n", std::to_string(game.position() + 1)}, {"total", std::to_string(game.out_of())}});
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(progress.c_str());
    ImGui::PopFont();
    const auto& style = ImGui::GetStyle();
    const auto button_width = [&](const std::string& label) {
        return ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2.f;
    };
    // Two square zoom buttons, Fit and Quit, with the spacing between them.
    const float controls = font * 4.4f + button_width(ctx.tr("zoom.fit")) +
                           button_width(ctx.tr("question.quit")) + style.ItemSpacing.x * 3.f;
    const float room = ImGui::GetContentRegionAvail().x;
    const float label = ImGui::CalcTextSize(progress.c_str()).x + style.ItemSpacing.x;
    // On a narrow (phone) screen the controls go on a row of their own.
    const bool one_row = label + font * 6.f + controls + style.ItemSpacing.x <= room;
    ImGui::SameLine();
    const float bar_width = one_row ? room - label - controls - style.ItemSpacing.x * 2.f
                                    : ImGui::GetContentRegionAvail().x;
    const float fraction = static_cast<float>(game.position() + 1) /
                           static_cast<float>(std::max<std::size_t>(1, game.out_of()));
    ImGui::ProgressBar(fraction, ImVec2(bar_width, font * 0.5f), "");
    if (one_row)
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - controls);
    else
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - controls);
    draw_zoom_buttons(ctx);
    ImGui::SameLine();
    if (ImGui::Button(ctx.tr("question.quit").c_str()))
        ctx.emit(ActionType::QuitRound);
    draw_messages(ctx);
    return ImGui::GetCursorPosY() + font * 0.2f;
}

// Sure and Not sure are said before answering, as the answer moves on at once. The answer
// buttons keep their place whatever the screen (players and tests aim at them): the two
// toggles stand one above the other in the room left of Real when it is wide enough, else
// side by side on a row of their own above the prompt.
struct AnswerRow {
    float answer_width = 0.f;  // each answer button
    float answers_left = 0.f;  // from the band's left edge
    float toggle_width = 0.f;
    bool toggles_beside = true;
};

AnswerRow answer_row(const ScreenContext& ctx) {
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetMainViewport()->WorkSize.x;
    const float count = ctx.game.three_answers() ? 3.f : 2.f;
    AnswerRow row;
    row.answer_width = std::min(font * 14.f, (width - font * (count + 1.f)) / count);
    row.answers_left = (width - row.answer_width * count - font * (count - 1.f)) / 2.f;
    ImGui::PushFont(ctx.fonts.bold);
    const float label = std::max(ImGui::CalcTextSize(("• " + ctx.tr("solo.sure")).c_str()).x,
                                 ImGui::CalcTextSize(("• " + ctx.tr("solo.unsure")).c_str()).x);
    ImGui::PopFont();
    row.toggle_width = std::max(font * 6.f, label + ImGui::GetStyle().FramePadding.x * 2.f + font);
    row.toggles_beside = row.toggle_width + font * 2.f <= row.answers_left;
    return row;
}

// Extra height under the picture for the toggles' own row.
float sure_row_height(const AnswerRow& row) {
    return row.toggles_beside ? 0.f : ImGui::GetFontSize() * 3.f;
}

// A toggle: the chosen one is marked three ways (bullet, colour, frame), not by colour only.
void draw_sure_toggle(ScreenContext& ctx, bool sure, ImVec2 size) {
    const RoundItem* round = ctx.game.current();
    const bool chosen = round && round->sure == sure;
    const std::string label = ctx.tr(sure ? "solo.sure" : "solo.unsure");
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, chosen ? 2.f * ctx.scale : 0.f);
    // Stacked, each is about a line and a half tall: the label is centred, not padded down.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0.f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(1.f, 1.f, 1.f, 0.9f));
    ImGui::PushID(sure ? "sure" : "unsure");
    if (choice_button(chosen ? "• " + label : label, chosen, size))
        ctx.emit(Action::saying_sure(sure));
    ImGui::PopID();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// The toggles from `at`: stacked in `height`, or side by side `height` tall.
void draw_sure_toggles(ScreenContext& ctx, ImVec2 at, float width, float height, bool stacked) {
    const float gap = ImGui::GetFontSize() * 0.3f;
    const ImVec2 size(width, stacked ? (height - gap) / 2.f : height);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::SetCursorScreenPos(at);
    draw_sure_toggle(ctx, true, size);
    ImGui::SetCursorScreenPos(stacked ? ImVec2(at.x, at.y + size.y + gap)
                                      : ImVec2(at.x + size.x + gap, at.y));
    draw_sure_toggle(ctx, false, size);
    ImGui::PopFont();
}

void draw_answer_buttons(ScreenContext& ctx, const PictureLayout& layout, const AnswerRow& row,
                         bool video) {
    const float font = ImGui::GetFontSize();
    const float width = layout.side_max.x - layout.side_min.x;
    float y = layout.side_min.y + font * 0.4f;
    if (!row.toggles_beside) {
        const float toggle = std::min(row.toggle_width, (width - font * 2.3f) / 2.f);
        draw_sure_toggles(ctx,
                          ImVec2(layout.side_min.x + (width - toggle * 2.f - font * 0.3f) / 2.f, y),
                          toggle, font * 2.4f, false);
        y += sure_row_height(row);
    }
    ImGui::SetCursorScreenPos(ImVec2(layout.side_min.x, y));
    text_centered(ctx.tr(video ? "question.prompt_video" : "question.prompt"), ctx.fonts.bold);
    const ImVec2 size(row.answer_width, font * 3.2f);
    const ImVec2 answers(layout.side_min.x + row.answers_left, ImGui::GetCursorScreenPos().y);
    if (row.toggles_beside)
        draw_sure_toggles(ctx, ImVec2(answers.x - font - row.toggle_width, answers.y),
                          row.toggle_width, size.y, true);
    ImGui::SetCursorScreenPos(answers);
    ImGui::PushFont(ctx.fonts.heading);
    if (big_button("← " + ctx.tr("answer.real"), size, kColorRealButton))
        ctx.emit(Action::answering(content::Answer::Real));
    ImGui::SameLine(0.f, font);
    const bool three = ctx.game.three_answers();
    if (three && big_button("↓ " + ctx.tr("answer.edited"), size, kColorMuted))
        ctx.emit(Action::answering(content::Answer::Edited));
    if (three)
        ImGui::SameLine(0.f, font);
    if (big_button(ctx.tr("answer.generated") + " →", size, kColorGeneratedButton))
        ctx.emit(Action::answering(content::Answer::Generated));
    ImGui::PopFont();
}

}  // namespace

void draw_question_screen(ScreenContext& ctx) {
    const RoundItem* round = ctx.game.current();
    const content::PackItem* item = round ? ctx.item_of(*round) : nullptr;
    if (!item)
        return;
    begin_full_panel("question");
    const bool feedback = ctx.game.phase() == Phase::Feedback;
    const AnswerRow row = answer_row(ctx);
    const PictureLayout layout =
        picture_layout(draw_top_bar(ctx), feedback, feedback ? 0.f : sure_row_height(row));
    draw_media_area(ctx, ctx.game.position(), *item, layout.picture_min, layout.picture_max,
                    feedback);
    if (feedback) {
        const bool last = ctx.game.position() + 1 >= ctx.game.out_of();
        if (draw_side_explanation(ctx, layout, *item, *round, true,
                                  ctx.tr(last ? "feedback.see_score" : "feedback.next") + " →"))
            ctx.emit(ActionType::Next);
    } else
        draw_answer_buttons(ctx, layout, row, item->kind == content::MediaKind::Video);
    end_panel();
}

}  // namespace rc::game
