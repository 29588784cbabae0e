// The question and, once answered, the feedback: the picture large, the answer buttons
// below it; after the answer, the tells on the picture and the explanation beside it
// (below it in portrait).
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
    for (std::size_t i = 0; i < ctx.ui.messages.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("×"))
            ctx.emit(Action::with_index(ActionType::DismissMessage, i));
        ImGui::SameLine();
        text_colored_wrapped(kColorWrong, ctx.ui.messages[i]);
        ImGui::PopID();
    }
    return ImGui::GetCursorPosY() + font * 0.2f;
}

void draw_answer_buttons(ScreenContext& ctx, const PictureLayout& layout, bool video) {
    const float font = ImGui::GetFontSize();
    const float width = layout.side_max.x - layout.side_min.x;
    ImGui::SetCursorScreenPos(ImVec2(layout.side_min.x, layout.side_min.y + font * 0.4f));
    text_centered(ctx.tr(video ? "question.prompt_video" : "question.prompt"), ctx.fonts.bold);
    const bool three = ctx.game.three_answers();
    const float gap = font;
    const float button_width =
        std::min(font * 14.f, (width - gap * (three ? 4.f : 3.f)) / (three ? 3.f : 2.f));
    const float total = button_width * (three ? 3.f : 2.f) + gap * (three ? 2.f : 1.f);
    const ImVec2 size(button_width, font * 3.2f);
    ImGui::SetCursorScreenPos(
        ImVec2(layout.side_min.x + (width - total) / 2.f, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(ctx.fonts.heading);
    if (big_button("← " + ctx.tr("answer.real"), size, kColorRealButton))
        ctx.emit(Action::answering(content::Answer::Real));
    ImGui::SameLine(0.f, gap);
    if (three && big_button("↓ " + ctx.tr("answer.edited"), size, kColorMuted))
        ctx.emit(Action::answering(content::Answer::Edited));
    if (three)
        ImGui::SameLine(0.f, gap);
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
    const PictureLayout layout = picture_layout(draw_top_bar(ctx), feedback);
    draw_media_area(ctx, ctx.game.position(), *item, layout.picture_min, layout.picture_max,
                    feedback);
    if (feedback) {
        const bool last = ctx.game.position() + 1 >= ctx.game.out_of();
        if (draw_side_explanation(ctx, layout, *item, *round, true,
                                  ctx.tr(last ? "feedback.see_score" : "feedback.next") + " →"))
            ctx.emit(ActionType::Next);
    } else
        draw_answer_buttons(ctx, layout, item->kind == content::MediaKind::Video);
    end_panel();
}

}  // namespace rc::game
