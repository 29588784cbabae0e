// Title screen: what the game is, the current pack, Play, and the player's progress.
#include <algorithm>

#include "game/deck.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

void draw_language_switch(ScreenContext& ctx) {
    for (auto lang : {content::Lang::Fr, content::Lang::En}) {
        const std::string label = ctx.tr(lang == content::Lang::Fr ? "lang.fr" : "lang.en");
        if (choice_button(label, ctx.lang == lang))
            ctx.emit(Action::choosing_language(lang));
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void draw_left_out(ScreenContext& ctx, float width) {
    if (ctx.session.warnings().empty())
        return;
    const std::string summary =
        ctx.tr("title.left_out", {{"n", std::to_string(ctx.session.warnings().size())}});
    ImGui::PushStyleColor(ImGuiCol_Text, kColorWrong);
    if (ImGui::Selectable(summary.c_str(), ctx.ui.left_out_open, 0, ImVec2(width, 0)))
        ctx.emit(ActionType::ToggleLeftOut);
    ImGui::PopStyleColor();
    if (!ctx.ui.left_out_open)
        return;
    const float height =
        std::min(ImGui::GetTextLineHeightWithSpacing() * 6.f,
                 ImGui::GetTextLineHeightWithSpacing() * (ctx.session.warnings().size() + 1.5f));
    ImGui::BeginChild("left-out", ImVec2(width, height), true);
    for (const auto& problem : ctx.session.warnings())
        text_wrapped(content::to_string(problem));
    ImGui::EndChild();
}

void draw_pack_card(ScreenContext& ctx, float width) {
    if (ctx.session.opening()) {
        draw_open_progress(ctx, width);
        return;
    }
    if (!ctx.pack) {
        text_colored_wrapped(kColorWrong, ctx.tr("title.no_pack"));
        draw_refusal(ctx);
        if (!ctx.session.refused_location().empty() && ImGui::Button(ctx.tr("title.retry").c_str()))
            ctx.emit(Action::opening_pack(ctx.session.refused_location()));
        return;
    }
    const auto& manifest = ctx.pack->manifest;
    ImGui::PushFont(ctx.fonts.bold);
    text_wrapped(ctx.tr("title.pack", {{"title", manifest.title.get(ctx.lang)}}));
    ImGui::PopFont();
    text_wrapped(manifest.description.get(ctx.lang));
    ImGui::TextColored(
        kColorMuted, "%s",
        ctx.tr("title.item_count", {{"n", std::to_string(manifest.items.size())}}).c_str());
    const auto round = std::min(kRoundSize, manifest.items.size());
    text_wrapped(ctx.tr("title.round_info", {{"n", std::to_string(round)}}));
    draw_left_out(ctx, width);
}

}  // namespace

void draw_title_screen(ScreenContext& ctx) {
    begin_full_panel("title", true);
    const float font = ImGui::GetFontSize();
    const float width = std::min(ImGui::GetContentRegionAvail().x, font * 34.f);
    const float left = (ImGui::GetContentRegionAvail().x - width) / 2.f;

    ImGui::Dummy(ImVec2(0, font * 0.5f));
    text_centered(ctx.tr("app.title"), ctx.fonts.display);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    text_wrapped_centered(ctx.tr("app.tagline"), width);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, font * 0.6f));

    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    draw_pack_card(ctx, width);
    // Pictures found broken may leave too few to play: a round needs kMinPlayableItems.
    const bool playable = ctx.pack && ctx.session.playable_count() >= content::kMinPlayableItems;
    if (ctx.pack && !playable)
        text_colored_wrapped(
            kColorWrong,
            ctx.tr("title.too_few", {{"n", std::to_string(ctx.session.playable_count())}}));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    ImGui::BeginDisabled(!playable);
    ImGui::PushFont(ctx.fonts.heading);
    if (big_button(ctx.tr("title.play"), ImVec2(width, font * 3.2f), kColorRealButton))
        ctx.emit(ActionType::Play);
    ImGui::PopFont();
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, font * 0.3f));
    const int pressed =
        button_pair(ctx.tr("title.change_pack"), ImGui::GetStyleColorVec4(ImGuiCol_Button),
                    ctx.tr("title.settings"), width, font * 2.2f);
    if (pressed == 1)
        ctx.emit(ActionType::ShowPacks);
    if (pressed == 2)
        ctx.emit(ActionType::ShowSettings);
    if (ctx.pack && big_button(ctx.tr("solo.progress"), ImVec2(width, font * 2.2f)))
        ctx.emit(ActionType::ShowProgress);
    ImGui::Dummy(ImVec2(0, font * 0.3f));
    draw_language_switch(ctx);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_wrapped(ctx.tr("title.keys"));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    end_panel();
}

}  // namespace rc::game
