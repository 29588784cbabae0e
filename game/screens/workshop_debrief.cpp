// Workshop debrief: the room's score, right votes per age band as bars in the band
// colours (with their shapes and numbers), how sure the room was against how right, the
// pictures that fooled it most as thumbnails that reopen, and the exports.
#include <algorithm>
#include <string>
#include <vector>

#include "game/screens/workshop_screens.h"
#include "game/screens/workshop_widgets.h"
#include "game/workshop_input.h"

namespace rc::game {
namespace {

void heading(const std::string& text) {
    ImGui::Spacing();
    title_text(text);
}

// A bar of `share` of `track` in `colour` over a dim track, with `label` after it.
void share_bar(double share, float track, ImU32 colour, const std::string& label) {
    const float font = ImGui::GetFontSize();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + track, at.y + font), IM_COL32(50, 56, 70, 255));
    draw->AddRectFilled(at, ImVec2(at.x + track * static_cast<float>(share), at.y + font), colour);
    ImGui::Dummy(ImVec2(track, font));
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
}

// The bars' track: what the name column and the widest label leave, so the bars line up.
float track_width(float width, float name_width, const std::vector<std::string>& labels) {
    float widest = 0.f;
    for (const auto& label : labels)
        widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return std::max(ImGui::GetFontSize(), width - name_width - widest - spacing * 2.f);
}

void draw_band_chart(ScreenContext& ctx, const WorkshopSession& session, const Debrief& debrief,
                     float width) {
    heading(ctx.tr("workshop.by_band"));
    const auto& bands = session.setup.bands;
    const std::size_t count = std::min(bands.size(), debrief.bands.size());
    std::vector<std::string> labels;
    for (std::size_t b = 0; b < count; ++b) {
        const auto& tally = debrief.bands[b];
        const auto accuracy = tally.accuracy();
        labels.push_back(
            accuracy ? ctx.tr("workshop.band_accuracy", {{"percent", percent_text(*accuracy)},
                                                         {"right", std::to_string(tally.right)},
                                                         {"total", std::to_string(tally.counted)}})
                     : ctx.tr("workshop.no_votes"));
    }
    const float name_width = std::min(width * 0.45f, ImGui::GetFontSize() * 10.f);
    const float track = track_width(width, name_width, labels);
    for (std::size_t b = 0; b < count; ++b) {
        band_chip(bands[b], b, name_width);
        ImGui::SameLine(name_width + ImGui::GetStyle().ItemSpacing.x);  // from the group's edge
        share_bar(debrief.bands[b].accuracy().value_or(0.0), track,
                  ImGui::ColorConvertFloat4ToU32(band_colour(bands[b])), labels[b]);
    }
}

// One bar per band of certainty (the majority's share of the votes): how many of its
// pictures the room got right.
void draw_confidence(ScreenContext& ctx, const Debrief& debrief, float width) {
    heading(ctx.tr("workshop.sure_right"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_colored_wrapped(kColorMuted, ctx.tr("workshop.sure_hint"));
    ImGui::PopTextWrapPos();
    std::vector<const ConfidenceBin*> bins;
    std::vector<std::string> ranges;
    std::vector<std::string> labels;
    for (const auto& bin : debrief.confidence) {
        if (bin.items == 0)
            continue;
        bins.push_back(&bin);
        ranges.push_back(ctx.tr("workshop.sure_range", {{"low", percent_text(bin.low)},
                                                        {"high", percent_text(bin.high)}}));
        labels.push_back(ctx.tr("workshop.sure_bin", {{"right", std::to_string(bin.right)},
                                                      {"items", std::to_string(bin.items)}}));
    }
    if (bins.empty()) {
        ImGui::TextColored(kColorMuted, "%s", ctx.tr("workshop.sure_none").c_str());
        return;
    }
    const float name_width =
        ImGui::CalcTextSize(
            ctx.tr("workshop.sure_range", {{"low", "100"}, {"high", "100"}}).c_str())
            .x;
    const float track = track_width(width, name_width, labels);
    for (std::size_t i = 0; i < bins.size(); ++i) {
        ImGui::TextUnformatted(ranges[i].c_str());
        ImGui::SameLine(name_width + ImGui::GetStyle().ItemSpacing.x);
        share_bar(static_cast<double>(bins[i]->right) / static_cast<double>(bins[i]->items), track,
                  IM_COL32(90, 205, 115, 255), labels[i]);
    }
}

// Thumbnails of the most fooled pictures (at most a row), each reopening its item.
void draw_most_fooled(ScreenContext& ctx, const Debrief& debrief, float width) {
    heading(ctx.tr("workshop.most_fooled"));
    if (debrief.most_fooled.empty()) {
        ImGui::TextColored(kColorMuted, "%s", ctx.tr("workshop.none_fooled").c_str());
        return;
    }
    const float font = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Three a row, two rows at most: each caption wraps in its cell.
    constexpr std::size_t kColumns = 3;
    const float cell = (width - spacing * (kColumns - 1)) / kColumns;
    const std::size_t shown = std::min(debrief.most_fooled.size(), kColumns * 2);
    for (std::size_t n = 0; n < shown; ++n) {
        const std::size_t index = debrief.most_fooled[n];
        ImGui::PushID(static_cast<int>(index));
        ImGui::BeginGroup();
        const auto& texture = ctx.thumbnail_of(index);
        // As large as the cell allows, in the picture's proportions.
        const float aspect = texture ? static_cast<float>(texture.width()) /
                                           static_cast<float>(std::max(1, texture.height()))
                                     : 4.f / 3.f;
        const float height = std::min(cell / aspect, font * 4.f);
        const ImVec2 size(height * aspect, height);
        bool pressed = false;
        if (texture)
            pressed = ImGui::ImageButton(static_cast<ImTextureID>(texture.handle()), size,
                                         ImVec2(0, 0), ImVec2(1, 1), 0);
        else
            pressed = ImGui::Button(std::to_string(index + 1).c_str(), size);
        if (pressed)
            ctx.emit(Action::with_index(ActionType::WorkshopShowItem, index));
        const auto share = debrief.items[index].wrong_share().value_or(0.0);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell);
        text_colored_wrapped(kColorWrong,
                             ctx.tr("workshop.fooled_share", {{"n", std::to_string(index + 1)},
                                                              {"percent", percent_text(share)}}));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::PopID();
        if ((n + 1) % kColumns != 0 && n + 1 < shown)
            ImGui::SameLine();
    }
}

void draw_exports(ScreenContext& ctx, float width) {
    const float font = ImGui::GetFontSize();
    const int pressed = button_pair(ctx.tr("workshop.export"), kColorRealButton,
                                    ctx.tr("workshop.export_all"), width, font * 1.8f);
    if (pressed == 1)
        ctx.emit(ActionType::WorkshopExport);
    if (pressed == 2)
        ctx.emit(ActionType::WorkshopExportAll);
    if (big_button(ctx.tr("workshop.leave"), ImVec2(width, font * 1.8f)))
        ctx.emit(ActionType::WorkshopLeave);
}

}  // namespace

void draw_workshop_debrief(ScreenContext& ctx, const WorkshopFlow& flow) {
    const WorkshopSession* session = flow.session();
    if (!session)
        return;
    const Debrief& debrief = flow.debrief();
    begin_projector_panel(ctx.fonts, "workshop-debrief", true);
    const float font = ImGui::GetFontSize();
    const float full = ImGui::GetContentRegionAvail().x;
    const float column = (full - font) / 2.f;
    const float top = ImGui::GetCursorPosY();
    // Left: the score and the charts. Right: the fooling pictures and the exports.
    ImGui::BeginGroup();
    title_text(ctx.tr("workshop.debrief"));
    ImGui::PushFont(ctx.fonts.display);
    ImGui::SetWindowFontScale(1.f);
    ImGui::TextUnformatted(ctx.tr("workshop.score", {{"score", std::to_string(debrief.score)},
                                                     {"total", std::to_string(debrief.out_of)}})
                               .c_str());
    ImGui::PopFont();
    ImGui::SetWindowFontScale(
        projector_font_scale(ctx.fonts.heading->FontSize, ImGui::GetMainViewport()->WorkSize.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    text_wrapped(
        ctx.tr("workshop.score_caption", {{"counted", std::to_string(debrief.counted_items)}}));
    ImGui::PopTextWrapPos();
    draw_band_chart(ctx, *session, debrief, column);
    draw_confidence(ctx, debrief, column);
    ImGui::EndGroup();
    ImGui::SameLine(column + font + ImGui::GetStyle().WindowPadding.x);
    ImGui::SetCursorPosY(top);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    draw_messages(ctx);
    ImGui::PopTextWrapPos();
    draw_most_fooled(ctx, debrief, column);
    ImGui::Spacing();
    draw_exports(ctx, column);
    ImGui::EndGroup();
    end_projector_panel();
}

void draw_workshop_item(ScreenContext& ctx, const WorkshopFlow& flow, std::size_t index) {
    const auto& rounds = ctx.game.items();
    if (index >= rounds.size() || !flow.session())
        return;
    const content::PackItem* item = ctx.item_of(rounds[index]);
    if (!item)
        return;
    begin_projector_panel(ctx.fonts, "workshop-item", false);
    const float font = ImGui::GetFontSize();
    const WorkshopLayout layout = workshop_layout(font * 0.4f);
    draw_media_area(ctx, index, *item, layout.picture_min, layout.picture_max, true);
    const float width = layout.side_max.x - layout.side_min.x;
    const float button = font * 2.2f;
    ImGui::SetCursorScreenPos(layout.side_min);
    ImGui::BeginChild("answer", ImVec2(width, layout.side_max.y - layout.side_min.y - button -
                                                  ImGui::GetStyle().ItemSpacing.y));
    draw_workshop_answer(ctx, flow, index, width - ImGui::GetStyle().ScrollbarSize - font * 0.2f);
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(ImVec2(layout.side_min.x, layout.side_max.y - button));
    if (big_button(ctx.tr("workshop.close"), ImVec2(width, button)))
        ctx.emit(ActionType::CloseOverlay);
    end_projector_panel();
}

}  // namespace rc::game
