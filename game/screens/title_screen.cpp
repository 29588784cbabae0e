// Title screen: what the game is, the current pack, Play, and the player's progress.
#include <algorithm>
#include <iterator>

#include "game/deck.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

// A long pack description is cut to this many lines, with a More button, so that Play and
// the language switch fit at 1280×720 without scrolling.
constexpr float kDescriptionLines = 3.f;

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

// The longest prefix of `text`, cut at a space, that wraps into `lines` lines of `width`.
std::string cut_to_lines(const std::string& text, float width, float lines) {
    const float limit = ImGui::GetTextLineHeight() * lines + 1.f;
    const auto height = [&](const std::string& s) {
        return ImGui::CalcTextSize(s.c_str(), nullptr, false, width).y;
    };
    std::string best;
    for (std::size_t space = text.find(' '); space != std::string::npos;
         space = text.find(' ', space + 1)) {
        std::string candidate = text.substr(0, space) + "…";
        if (height(candidate) > limit)
            break;
        best = std::move(candidate);
    }
    return best;
}

// Draws the description, cut when long; returns whether it was long (a More / Less
// button then follows the item count, on its line, to save the screen a line).
bool draw_description(ScreenContext& ctx, const std::string& text, float width) {
    const bool long_text = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y >
                           ImGui::GetTextLineHeight() * kDescriptionLines + 1.f;
    if (!long_text) {
        text_wrapped(text);
        return false;
    }
    const std::string shown =
        ctx.ui.description_open ? text : cut_to_lines(text, width, kDescriptionLines);
    text_wrapped(shown.empty() ? text : shown);
    return true;
}

// "N pictures and M clips in this pack", naming only the kinds the pack has.
std::string item_count_text(ScreenContext& ctx, const content::Manifest& manifest) {
    const auto clips = static_cast<std::size_t>(
        std::count_if(manifest.items.begin(), manifest.items.end(),
                      [](const auto& item) { return item.kind == content::MediaKind::Video; }));
    const auto pictures = manifest.items.size() - clips;
    if (clips == 0)
        return ctx.tr("title.item_count", {{"n", std::to_string(pictures)}});
    if (pictures == 0)
        return ctx.tr("title.item_count_clips", {{"n", std::to_string(clips)}});
    return ctx.tr("title.item_count_both",
                  {{"n", std::to_string(pictures)}, {"m", std::to_string(clips)}});
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
    const bool cut = draw_description(ctx, manifest.description.get(ctx.lang), width);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(kColorMuted, "%s", item_count_text(ctx, manifest).c_str());
    if (cut) {
        ImGui::SameLine(0.f, ImGui::GetFontSize());
        if (ImGui::Button(ctx.tr(ctx.ui.description_open ? "title.less" : "title.more").c_str()))
            ctx.emit(ActionType::ToggleDescription);
    }
    const auto round = std::min(kRoundSize, manifest.items.size());
    text_wrapped(ctx.tr("title.round_info", {{"n", std::to_string(round)}}));
    draw_left_out(ctx, width);
}

// Change pack, Settings and (with a pack) Progress: on one row when the three labels fit,
// else Progress under the other two.
void draw_secondary_buttons(ScreenContext& ctx, float width) {
    const float height = ImGui::GetFontSize() * 2.2f;
    const auto& style = ImGui::GetStyle();
    const std::string labels[] = {ctx.tr("title.change_pack"), ctx.tr("title.settings"),
                                  ctx.tr("solo.progress")};
    const ActionType actions[] = {ActionType::ShowPacks, ActionType::ShowSettings,
                                  ActionType::ShowProgress};
    const float third = (width - style.ItemSpacing.x * 2.f) / 3.f;
    const bool one_row =
        ctx.pack && std::all_of(std::begin(labels), std::end(labels), [&](const std::string& l) {
            return ImGui::CalcTextSize(l.c_str()).x + style.FramePadding.x * 2.f <= third;
        });
    if (one_row) {
        for (int i = 0; i < 3; ++i) {
            if (i > 0)
                ImGui::SameLine();
            if (big_button(labels[i], ImVec2(third, height)))
                ctx.emit(actions[i]);
        }
        return;
    }
    const int pressed =
        button_pair(labels[0], ImGui::GetStyleColorVec4(ImGuiCol_Button), labels[1], width, height);
    if (pressed > 0)
        ctx.emit(actions[pressed - 1]);
    if (ctx.pack && big_button(labels[2], ImVec2(width, height)))
        ctx.emit(actions[2]);
}

// The display-size title, scaled down to the width on a narrow phone rather than cut.
void draw_app_title(ScreenContext& ctx) {
    const std::string title = ctx.tr("app.title");
    ImGui::PushFont(ctx.fonts.display);
    const float needed = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::PopFont();
    const float room = ImGui::GetContentRegionAvail().x;
    const bool narrow = needed > room && needed > 0.f;
    if (narrow)
        ImGui::SetWindowFontScale(room / needed);
    text_centered(title, ctx.fonts.display);
    if (narrow)
        ImGui::SetWindowFontScale(1.f);
}

}  // namespace

void draw_title_screen(ScreenContext& ctx) {
    begin_full_panel("title", true);
    const float font = ImGui::GetFontSize();
    const float width = std::min(ImGui::GetContentRegionAvail().x, font * 34.f);
    const float left = (ImGui::GetContentRegionAvail().x - width) / 2.f;

    ImGui::Dummy(ImVec2(0, font * 0.2f));
    draw_app_title(ctx);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    text_wrapped_centered(ctx.tr("app.tagline"), width);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, font * 0.4f));

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
    ImGui::Dummy(ImVec2(0, font * 0.2f));
    if (big_button(ctx.tr("workshop.open"), ImVec2(width, font * 2.2f), kColorGeneratedButton))
        ctx.emit(ActionType::ShowWorkshop);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, font * 0.3f));
    draw_secondary_buttons(ctx, width);
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
