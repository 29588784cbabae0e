// Workshop vote and reveal: the picture as large as the height allows on the left; on the
// right, the counts of Real and Generated per age band (Tab goes from field to field,
// Enter reveals), then after Reveal the answer, the room's votes and the explanation.
#include <algorithm>
#include <cmath>

#include "game/screens/workshop_screens.h"
#include "game/screens/workshop_widgets.h"

namespace rc::game {
namespace {

// "Picture 3 of 20" and Pause on the top row; returns where the content starts.
float draw_top_row(ScreenContext& ctx, const WorkshopSession& session) {
    title_text(ctx.tr("workshop.progress", {{"n", std::to_string(session.current + 1)},
                                            {"total", std::to_string(session.items.size())}}));
    const std::string pause = ctx.tr("workshop.pause");
    const float pause_width =
        ImGui::CalcTextSize(pause.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.f;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - pause_width);
    if (ImGui::Button(pause.c_str()))
        ctx.emit(ActionType::WorkshopLeave);
    draw_messages(ctx);
    return ImGui::GetCursorPosY();
}

const content::PackItem* current_item(ScreenContext& ctx) {
    const RoundItem* round = ctx.game.current();
    return round ? ctx.item_of(*round) : nullptr;
}

void draw_count_row(ScreenContext& ctx, WorkshopFlow& flow, std::size_t band, float name_width,
                    float field_width, bool& entered) {
    const auto& bands = flow.session()->setup.bands;
    auto& typing = flow.typing();
    ImGui::PushID(static_cast<int>(band));
    ImGui::AlignTextToFramePadding();
    band_chip(bands[band], band, name_width);
    for (int side = 0; side < 2; ++side) {
        ImGui::SameLine(name_width + ImGui::GetStyle().ItemSpacing.x +
                        (field_width + ImGui::GetStyle().ItemSpacing.x) * static_cast<float>(side));
        if (band == 0 && side == 0 && typing.focus_first_count) {
            ImGui::SetKeyboardFocusHere();
            typing.focus_first_count = false;
        }
        const bool refused = typing.count_refused[band];
        if (refused)
            ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 1.f));
        bool enter = false;
        if (text_field(side == 0 ? "##real" : "##generated", typing.counts[band][side], field_width,
                       ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll,
                       &enter))
            ctx.emit(Action{
                ActionType::WorkshopCount, {}, band * 2 + side, {}, typing.counts[band][side], 0});
        entered = entered || enter;
        if (refused)
            ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

void draw_counts(ScreenContext& ctx, WorkshopFlow& flow, float width) {
    const auto& bands = flow.session()->setup.bands;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float field_width =
        ImGui::CalcTextSize("00000").x + ImGui::GetStyle().FramePadding.x * 2.f;
    const float name_width = std::max(1.f, width - (field_width + spacing) * 2.f);
    // "Generated" is wider than its field: Real starts at its field's left edge, Generated
    // ends at its field's right edge, so both fit above five digits.
    const float left = ImGui::GetCursorPosX();
    const std::string generated = ctx.tr("workshop.generated");
    ImGui::SetCursorPosX(left + name_width + spacing);
    ImGui::TextColored(kColorMuted, "%s", ctx.tr("workshop.real").c_str());
    ImGui::SameLine();
    ImGui::SetCursorPosX(left + width - ImGui::CalcTextSize(generated.c_str()).x);
    ImGui::TextColored(kColorMuted, "%s", generated.c_str());
    bool entered = false;
    bool refused = false;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y * 0.5f));
    for (std::size_t b = 0; b < bands.size(); ++b) {
        draw_count_row(ctx, flow, b, name_width, field_width, entered);
        refused = refused || flow.typing().count_refused[b];
    }
    ImGui::PopStyleVar();
    if (refused)
        text_colored_wrapped(kColorWrong, ctx.tr("workshop.count_refused"));
    if (entered)
        ctx.emit(ActionType::WorkshopReveal);
}

void draw_countdown(ScreenContext& ctx, const WorkshopFlow& flow, double clock, float width) {
    const auto left = flow.countdown_left(clock);
    if (!left) {
        if (ImGui::Button(ctx.tr("workshop.countdown").c_str(), ImVec2(width, 0)))
            ctx.emit(ActionType::WorkshopCountdown);
        return;
    }
    const std::string seconds = std::to_string(static_cast<int>(std::ceil(*left)));
    const float fraction = static_cast<float>(*left / kShowOfHandsSeconds);
    ImGui::ProgressBar(fraction, ImVec2(width, 0),
                       ctx.tr("workshop.countdown_left", {{"s", seconds}}).c_str());
    if (ImGui::IsItemClicked())
        ctx.emit(ActionType::WorkshopCountdown);
}

}  // namespace

void draw_workshop_vote(ScreenContext& ctx, WorkshopFlow& flow, double clock) {
    const content::PackItem* item = current_item(ctx);
    const WorkshopSession* session = flow.session();
    if (!item || !session)
        return;
    begin_projector_panel(ctx.fonts, "workshop-vote", false);
    // The counts need room for a band's name and two fields: a little more than the reveal.
    const WorkshopLayout layout = workshop_layout(draw_top_row(ctx, *session), 0.52f);
    draw_media_area(ctx, ctx.game.position(), *item, layout.picture_min, layout.picture_max, false);
    const float font = ImGui::GetFontSize();
    const float width = layout.side_max.x - layout.side_min.x;
    ImGui::SetCursorScreenPos(layout.side_min);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_wrapped(ctx.tr("workshop.vote_prompt"));
    ImGui::PopTextWrapPos();
    draw_counts(ctx, flow, width);
    ImGui::TextColored(kColorMuted, "%s", ctx.tr("workshop.keys").c_str());
    draw_countdown(ctx, flow, clock, width);
    const float buttons = font * 2.4f;
    ImGui::SetCursorScreenPos(
        ImVec2(layout.side_min.x,
               std::max(ImGui::GetCursorScreenPos().y,
                        layout.side_max.y - buttons * 2.f - ImGui::GetStyle().ItemSpacing.y)));
    if (big_button(ctx.tr("workshop.skip"), ImVec2(width, buttons * 0.8f)))
        ctx.emit(ActionType::WorkshopSkipCount);
    if (big_button(ctx.tr("workshop.reveal"), ImVec2(width, buttons), kColorRealButton))
        ctx.emit(ActionType::WorkshopReveal);
    ImGui::EndGroup();
    end_projector_panel();
}

void draw_workshop_reveal(ScreenContext& ctx, const WorkshopFlow& flow) {
    const content::PackItem* item = current_item(ctx);
    const WorkshopSession* session = flow.session();
    if (!item || !session)
        return;
    begin_projector_panel(ctx.fonts, "workshop-reveal", false);
    const WorkshopLayout layout = workshop_layout(draw_top_row(ctx, *session));
    draw_media_area(ctx, ctx.game.position(), *item, layout.picture_min, layout.picture_max, true);
    const float font = ImGui::GetFontSize();
    const float width = layout.side_max.x - layout.side_min.x;
    const float button = font * 2.2f;
    ImGui::SetCursorScreenPos(layout.side_min);
    ImGui::BeginChild("answer", ImVec2(width, layout.side_max.y - layout.side_min.y - button -
                                                  ImGui::GetStyle().ItemSpacing.y));
    draw_workshop_answer(ctx, flow, session->current,
                         width - ImGui::GetStyle().ScrollbarSize - font * 0.2f);
    ImGui::EndChild();
    const bool last = session->current + 1 >= session->items.size();
    ImGui::SetCursorScreenPos(ImVec2(layout.side_min.x, layout.side_max.y - button));
    if (big_button(ctx.tr(last ? "workshop.to_debrief" : "workshop.next") + " →",
                   ImVec2(width, button), kColorRealButton))
        ctx.emit(ActionType::WorkshopNext);
    end_projector_panel();
}

}  // namespace rc::game
