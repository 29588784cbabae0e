// Workshop set-up: the pack, the number of pictures, place and date, the age bands (name,
// colour, add, remove), new pictures or those of a past session; an unfinished session is
// offered first. And the list of past sessions with their totals.
#include <algorithm>

#include "game/screens/workshop_screens.h"
#include "game/screens/workshop_widgets.h"

namespace rc::game {
namespace {

std::string when_of(const SessionSummary& summary) {
    if (!summary.date.empty())
        return summary.date;
    return summary.started_at.substr(0, std::min<std::size_t>(10, summary.started_at.size()));
}

std::string summary_line(ScreenContext& ctx, const SessionSummary& summary) {
    std::string line =
        ctx.tr("workshop.past_row", {{"when", when_of(summary)},
                                     {"pack", summary.pack_title},
                                     {"score", std::to_string(summary.score)},
                                     {"total", std::to_string(summary.out_of)},
                                     {"counted", std::to_string(summary.counted_items)}});
    if (!summary.place.empty())
        line = summary.place + " · " + line;
    if (!summary.finished)
        line += " · " + ctx.tr("workshop.unfinished");
    return line;
}

void draw_resume_offer(ScreenContext& ctx, const WorkshopFlow& flow, float width) {
    const SessionSummary* unfinished = flow.resumable();
    if (!unfinished)
        return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_colored_wrapped(kColorTruth, ctx.tr("workshop.resume_offer",
                                             {{"when", when_of(*unfinished)},
                                              {"n", std::to_string(unfinished->counted_items)},
                                              {"total", std::to_string(unfinished->out_of)}}));
    ImGui::PopTextWrapPos();
    if (big_button(ctx.tr("workshop.resume"), ImVec2(width, 0), kColorRealButton))
        ctx.emit(Action::with_text(ActionType::WorkshopResume, unfinished->id));
    ImGui::Separator();
}

// A label on the left, its field on the right.
float label_column(ScreenContext& ctx) {
    float widest = 0.f;
    for (const char* key : {"workshop.items", "workshop.place", "workshop.date"})
        widest = std::max(widest, ImGui::CalcTextSize(ctx.tr(key).c_str()).x);
    return widest + ImGui::GetStyle().ItemSpacing.x * 2.f;
}

void draw_fields(ScreenContext& ctx, WorkshopFlow& flow, float width) {
    auto& typing = flow.typing();
    const float column = label_column(ctx);
    const float font = ImGui::GetFontSize();
    // SameLine's offset counts from the group's left edge.
    const auto row = [&](const char* key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ctx.tr(key).c_str());
        ImGui::SameLine(column);
    };
    row("workshop.items");
    if (typing.focus_item_count) {
        ImGui::SetKeyboardFocusHere();
        typing.focus_item_count = false;
    }
    if (text_field("##items", typing.item_count, font * 3.f, ImGuiInputTextFlags_CharsDecimal))
        ctx.emit(Action::with_text(ActionType::WorkshopSetItems, typing.item_count));
    row("workshop.place");
    if (text_field("##place", typing.place, width - column))
        ctx.emit(Action::with_text(ActionType::WorkshopSetPlace, typing.place));
    row("workshop.date");
    if (text_field("##date", typing.date, width - column))
        ctx.emit(Action::with_text(ActionType::WorkshopSetDate, typing.date));
}

// The swatches of a band's colours: the palette, the band's own one outlined.
float palette_width() {
    const float side = ImGui::GetFrameHeight() * 0.8f;
    const float count = static_cast<float>(band_palette().size());
    return side * count + ImGui::GetStyle().ItemSpacing.x * 0.5f * (count - 1.f);
}

void draw_palette(ScreenContext& ctx, const Band& band, std::size_t index) {
    const float side = ImGui::GetFrameHeight() * 0.8f;
    const auto& palette = band_palette();
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x * 0.5f, 0.f));
    for (std::size_t c = 0; c < palette.size(); ++c) {
        ImGui::PushID(static_cast<int>(c));
        const Band swatch{band.name, palette[c], band.symbol};
        const bool chosen = palette[c] == band.colour;
        if (chosen) {  // a white frame: seen whatever the colour
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(2.f, side * 0.12f));
            ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(1.f, 1.f, 1.f, 1.f));
        }
        const ImGuiColorEditFlags flags =
            ImGuiColorEditFlags_NoTooltip | (chosen ? 0 : ImGuiColorEditFlags_NoBorder);
        if (c == 0)  // level with the name field beside it (the others follow on its line)
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetFrameHeight() - side) / 2.f);
        if (ImGui::ColorButton("##colour", band_colour(swatch), flags, ImVec2(side, side)))
            ctx.emit(Action{
                ActionType::WorkshopRecolourBand, {}, index, {}, {}, static_cast<double>(c)});
        if (chosen) {
            ImGui::PopStyleColor();
            ImGui::PopStyleVar();
        }
        ImGui::PopID();
        if (c + 1 < palette.size())
            ImGui::SameLine();
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

void draw_bands(ScreenContext& ctx, WorkshopFlow& flow, float width) {
    const auto& bands = flow.setup().bands;
    auto& typing = flow.typing();
    typing.band_names.resize(bands.size());
    const float font = ImGui::GetFontSize();
    title_text(ctx.tr("workshop.bands"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_colored_wrapped(kColorMuted, ctx.tr("workshop.bands_hint"));
    ImGui::PopTextWrapPos();
    const std::string remove = ctx.tr("workshop.remove_band");
    const float remove_width =
        ImGui::CalcTextSize(remove.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.f;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        ImGui::PushID(static_cast<int>(b));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw_band_symbol(bands[b], ImVec2(at.x, at.y + (ImGui::GetFrameHeight() - font) / 2.f),
                         font);
        ImGui::Dummy(ImVec2(font, ImGui::GetFrameHeight()));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(band_colour(bands[b]), "%zu", b + 1);
        ImGui::SameLine();
        // One row a band: shape, number, name, the palette, Remove.
        const float swatches = palette_width();
        const float field = std::max(font * 4.f, width - font * 2.6f - remove_width - swatches -
                                                     ImGui::GetStyle().ItemSpacing.x * 4);
        text_field("##name", typing.band_names[b], field);
        if (ImGui::IsItemDeactivatedAfterEdit())
            ctx.emit(Action{ActionType::WorkshopRenameBand, {}, b, {}, typing.band_names[b], 0});
        ImGui::SameLine();
        draw_palette(ctx, bands[b], b);
        ImGui::SameLine();
        ImGui::BeginDisabled(bands.size() <= 1);
        if (ImGui::Button(remove.c_str()))
            ctx.emit(Action::with_index(ActionType::WorkshopRemoveBand, b));
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    if (bands.size() >= kMaxBands)
        return;
    const std::string add = ctx.tr("workshop.add_band");
    const float add_width =
        ImGui::CalcTextSize(add.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.f;
    bool entered = false;
    text_field("##new", typing.new_band, width - add_width - ImGui::GetStyle().ItemSpacing.x, 0,
               &entered);
    ImGui::SameLine();
    if ((ImGui::Button(add.c_str()) || entered) && !typing.new_band.empty())
        ctx.emit(Action::with_text(ActionType::WorkshopAddBand, typing.new_band));
}

void draw_pictures_choice(ScreenContext& ctx, const WorkshopFlow& flow, float width) {
    title_text(ctx.tr("workshop.pictures"));
    const bool replay = !flow.replay_id().empty();
    if (choice_button(ctx.tr("workshop.new_pictures"), !replay))
        ctx.emit(Action::with_text(ActionType::WorkshopReplay, ""));
    std::string chosen = ctx.tr("workshop.same_pictures");
    for (const auto& summary : flow.past())
        if (summary.id == flow.replay_id())
            chosen = summary_line(ctx, summary);
    ImGui::SetNextItemWidth(width);
    if (flow.past().empty())
        return;
    if (ImGui::BeginCombo("##past", chosen.c_str())) {
        for (const auto& summary : flow.past())
            if (summary.pack_title == flow.setup().pack_title &&
                ImGui::Selectable(summary_line(ctx, summary).c_str(),
                                  summary.id == flow.replay_id()))
                ctx.emit(Action::with_text(ActionType::WorkshopReplay, summary.id));
        ImGui::EndCombo();
    }
}

}  // namespace

void draw_workshop_setup(ScreenContext& ctx, WorkshopFlow& flow) {
    begin_projector_panel(ctx.fonts, "workshop-setup", false);
    const float font = ImGui::GetFontSize();
    const auto& style = ImGui::GetStyle();
    const float width =
        std::min(ImGui::GetContentRegionAvail().x - style.ScrollbarSize, font * 30.f);
    const float left = (ImGui::GetContentRegionAvail().x - width - style.ScrollbarSize) / 2.f;
    // The set-up scrolls; Start, Past sessions and Back stay in sight under it.
    const float buttons = font * 2.4f + ImGui::GetFrameHeight() + style.ItemSpacing.y * 2.f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginChild(
        "setup", ImVec2(width + style.ScrollbarSize, ImGui::GetContentRegionAvail().y - buttons));
    title_text(ctx.tr("workshop.title"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_wrapped(ctx.tr("workshop.pack", {{"title", flow.setup().pack_title}}));
    draw_messages(ctx);
    ImGui::PopTextWrapPos();
    draw_resume_offer(ctx, flow, width);
    draw_fields(ctx, flow, width);
    ImGui::Spacing();
    draw_bands(ctx, flow, width);
    ImGui::Spacing();
    draw_pictures_choice(ctx, flow, width);
    ImGui::EndChild();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::BeginGroup();
    if (big_button(ctx.tr("workshop.start"), ImVec2(width, font * 2.4f), kColorRealButton))
        ctx.emit(ActionType::WorkshopStart);
    const int pressed =
        button_pair(ctx.tr("workshop.past"), ImGui::GetStyleColorVec4(ImGuiCol_Button),
                    ctx.tr("workshop.back"), width, 0.f);
    if (pressed == 1)
        ctx.emit(ActionType::WorkshopShowPast);
    if (pressed == 2)
        ctx.emit(ActionType::WorkshopLeave);
    ImGui::EndGroup();
    end_projector_panel();
}

void draw_workshop_past(ScreenContext& ctx, const WorkshopFlow& flow) {
    begin_projector_panel(ctx.fonts, "workshop-past", true);
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    title_text(ctx.tr("workshop.past"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    draw_messages(ctx);
    if (flow.past().empty())
        text_colored_wrapped(kColorMuted, ctx.tr("workshop.past_none"));
    for (const auto& summary : flow.past()) {
        ImGui::PushID(summary.id.c_str());
        text_wrapped(summary_line(ctx, summary));
        if (!summary.finished && ImGui::Button(ctx.tr("workshop.resume").c_str()))
            ctx.emit(Action::with_text(ActionType::WorkshopResume, summary.id));
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const int pressed = button_pair(ctx.tr("workshop.export_all"), kColorRealButton,
                                    ctx.tr("workshop.back"), std::min(width, font * 30.f), 0.f);
    if (pressed == 1)
        ctx.emit(ActionType::WorkshopExportAll);
    if (pressed == 2)
        ctx.emit(ActionType::WorkshopLeave);
    end_projector_panel();
}

}  // namespace rc::game
