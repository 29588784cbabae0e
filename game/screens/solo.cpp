#include "game/screens/solo.h"

#include <algorithm>
#include <cmath>

#include "game/screens/widgets.h"

namespace rc::game {
namespace {

bool begin_counts_table(ScreenContext& ctx, const char* id, const std::string& first_column,
                        float width) {
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable(id, 4, kFlags, ImVec2(width, 0)))
        return false;
    const float number = ImGui::GetFontSize() * 4.f;
    ImGui::TableSetupColumn(first_column.c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ctx.tr("solo.col_right").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            number);
    ImGui::TableSetupColumn(ctx.tr("solo.col_wrong").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            number);
    ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthFixed, number);
    ImGui::TableHeadersRow();
    return true;
}

// One row: its name (pack text for a category: never a format string), then the counts.
void counts_row(ScreenContext& ctx, const std::string& name, const RightWrong& counts) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_wrapped(name);
    ImGui::TableNextColumn();
    ImGui::TextColored(kColorRight, "%zu", counts.right);
    ImGui::TableNextColumn();
    ImGui::TextColored(kColorWrong, "%zu", counts.wrong);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent_text(ctx.strings, ctx.lang, counts).c_str());
}

void table_heading(ScreenContext& ctx, const char* key) {
    ImGui::PushFont(ctx.fonts.bold);
    text_wrapped(ctx.tr(key));
    ImGui::PopFont();
}

bool shows_calibration(const Calibration& calibration) {
    return calibration.sure.total() + calibration.unsure.total() > 0;
}

bool shows_categories(const std::map<std::string, RightWrong>& categories) {
    return std::any_of(categories.begin(), categories.end(),
                       [](const auto& entry) { return !entry.first.empty(); });
}

}  // namespace

bool has_round_tables(const SoloFigures& solo) {
    return shows_calibration(solo.calibration) || shows_categories(solo.categories);
}

std::string percent_text(const Strings& strings, content::Lang lang, const RightWrong& counts) {
    const auto accuracy = counts.accuracy();
    if (!accuracy)
        return "–";
    return strings.format(lang, "solo.percent",
                          {{"n", std::to_string(std::lround(*accuracy * 100.0))}});
}

std::string item_record_text(const Strings& strings, content::Lang lang, const RightWrong& record) {
    return strings.format(lang, "solo.item_record",
                          {{"right", std::to_string(record.right)},
                           {"plays", std::to_string(record.total())},
                           {"percent", percent_text(strings, lang, record)}});
}

std::string said_sure_text(const Strings& strings, content::Lang lang, const RoundItem& round) {
    if (!round.sure)
        return {};
    return strings.get(lang, *round.sure ? "solo.were_sure" : "solo.were_unsure");
}

void draw_said_sure(ScreenContext& ctx, const RoundItem& round, bool beside) {
    const std::string text = said_sure_text(ctx.strings, ctx.lang, round);
    if (text.empty())
        return;
    const float font = ImGui::GetFontSize();
    const float verdict_height = ImGui::GetItemRectSize().y;  // the heading just drawn
    ImGui::PushFont(ctx.fonts.bold);
    if (beside) {
        ImGui::SameLine(0.f, font);
        if (ImGui::CalcTextSize(text.c_str()).x <= ImGui::GetContentRegionAvail().x)
            // On the verdict's baseline, roughly: its line is taller.
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (verdict_height - font) * 0.75f);
        else
            ImGui::NewLine();
    }
    text_colored_wrapped(kColorMuted, text);
    ImGui::PopFont();
}

void draw_item_record(ScreenContext& ctx) {
    if (const auto& record = ctx.ui.solo.item_record)
        text_colored_wrapped(kColorMuted, item_record_text(ctx.strings, ctx.lang, *record));
}

void draw_calibration_table(ScreenContext& ctx, float width) {
    const Calibration& calibration = ctx.ui.solo.calibration;
    if (!shows_calibration(calibration))
        return;
    table_heading(ctx, "solo.calibration");
    if (!begin_counts_table(ctx, "calibration", "", width))
        return;
    counts_row(ctx, ctx.tr("solo.row_sure"), calibration.sure);
    counts_row(ctx, ctx.tr("solo.row_unsure"), calibration.unsure);
    if (calibration.unstated.total() > 0)
        counts_row(ctx, ctx.tr("solo.row_unsaid"), calibration.unstated);
    ImGui::EndTable();
}

void draw_category_table(ScreenContext& ctx, float width) {
    const auto& categories = ctx.ui.solo.categories;
    if (!shows_categories(categories))
        return;
    if (shows_calibration(ctx.ui.solo.calibration))
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.6f));
    table_heading(ctx, "solo.categories");
    if (!begin_counts_table(ctx, "categories", ctx.tr("solo.col_category"), width))
        return;
    for (const auto& [name, counts] : categories)
        if (!name.empty())
            counts_row(ctx, name, counts);
    // Items without a category last, under "Other".
    if (auto unnamed = categories.find(""); unnamed != categories.end())
        counts_row(ctx, ctx.tr("solo.category_none"), unnamed->second);
    ImGui::EndTable();
}

}  // namespace rc::game
