#include "game/screens/workshop_widgets.h"

#include <imgui_internal.h>  // the window's font scale

#include <algorithm>
#include <cmath>
#include <cstring>

#include "game/workshop_input.h"

namespace rc::game {
namespace {

// A field holds at most this many bytes: a place of kMaxPlaceChars characters fits.
constexpr std::size_t kFieldBytes = kMaxPlaceChars * 4 + 1;

std::size_t symbol_index(const Band& band) {
    const auto& symbols = band_symbols();
    const auto found = std::find(symbols.begin(), symbols.end(), band.symbol);
    return found == symbols.end() ? 0 : static_cast<std::size_t>(found - symbols.begin());
}

void regular_polygon(ImDrawList* draw, ImVec2 c, float r, int sides, float turn, ImU32 colour) {
    ImVec2 points[8];
    for (int i = 0; i < sides; ++i) {
        const float angle = turn + 6.2831853f * static_cast<float>(i) / static_cast<float>(sides);
        points[i] = ImVec2(c.x + r * std::cos(angle), c.y + r * std::sin(angle));
    }
    draw->AddConvexPolyFilled(points, sides, colour);
}

void star(ImDrawList* draw, ImVec2 c, float r, ImU32 colour) {
    for (int i = 0; i < 5; ++i) {  // five triangles from the centre, no concave polygon
        const float a = -1.5707963f + 6.2831853f * static_cast<float>(i) / 5.f;
        const float b = a + 6.2831853f / 10.f;
        const float d = a - 6.2831853f / 10.f;
        draw->AddTriangleFilled(ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a)),
                                ImVec2(c.x + r * 0.4f * std::cos(b), c.y + r * 0.4f * std::sin(b)),
                                ImVec2(c.x + r * 0.4f * std::cos(d), c.y + r * 0.4f * std::sin(d)),
                                colour);
    }
    draw->AddCircleFilled(c, r * 0.42f, colour);
}

}  // namespace

void begin_projector_panel(const engine::Fonts& fonts, const char* id, bool scrollable) {
    begin_full_panel(id, scrollable);
    ImGui::PushFont(fonts.heading);
    const float height = ImGui::GetMainViewport()->WorkSize.y;
    ImGui::SetWindowFontScale(projector_font_scale(fonts.heading->FontSize, height));
}

void end_projector_panel() {
    ImGui::PopFont();
    end_panel();
}

void title_text(const std::string& text, bool wrapped) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float scale = window->FontWindowScale;
    ImGui::SetWindowFontScale(scale * 1.2f);
    if (wrapped)
        text_wrapped(text);
    else
        ImGui::TextUnformatted(text.c_str());
    ImGui::SetWindowFontScale(scale);
}

// The explanation, the tells' notes and the credits, in the projector's face (the solo
// panel's draw_explanation uses the smaller body faces).
void draw_workshop_explanation(ScreenContext& ctx, const content::PackItem& item) {
    bool fell_back = false;
    const std::string& explanation = item.explanation.get(ctx.lang, &fell_back);
    if (fell_back)
        text_colored_wrapped(kColorMuted, ctx.tr("feedback.fallback"));
    text_wrapped(explanation);
    if (!item.tells.empty())
        title_text(ctx.tr("feedback.tells"));
    for (std::size_t i = 0; i < item.tells.size(); ++i)
        text_wrapped(std::to_string(i + 1) + ". " + item.tells[i].note.get(ctx.lang));
    ImGui::Separator();
    text_colored_wrapped(
        kColorMuted, ctx.tr("feedback.credit",
                            {{"credit", item.source.credit}, {"license", item.source.license}}));
    if (!item.generator.empty())
        text_colored_wrapped(kColorMuted,
                             ctx.tr("feedback.generator", {{"generator", item.generator}}));
}

ImVec4 band_colour(const Band& band) {
    return ImVec4(band.colour.r / 255.f, band.colour.g / 255.f, band.colour.b / 255.f, 1.f);
}

void draw_band_symbol(const Band& band, ImVec2 at, float side) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::ColorConvertFloat4ToU32(band_colour(band));
    const ImVec2 c(at.x + side / 2.f, at.y + side / 2.f);
    const float r = side * 0.45f;
    switch (symbol_index(band)) {
        case 0:
            draw->AddCircleFilled(c, r, colour);
            break;
        case 1:
            regular_polygon(draw, ImVec2(c.x, c.y + r * 0.15f), r * 1.1f, 3, -1.5707963f, colour);
            break;
        case 2:
            draw->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f),
                                ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), colour);
            break;
        case 3:
            regular_polygon(draw, c, r, 4, 0.f, colour);
            break;
        case 4:
            star(draw, c, r, colour);
            break;
        case 5:
            draw->AddRectFilled(ImVec2(c.x - r, c.y - r * 0.3f), ImVec2(c.x + r, c.y + r * 0.3f),
                                colour);
            draw->AddRectFilled(ImVec2(c.x - r * 0.3f, c.y - r), ImVec2(c.x + r * 0.3f, c.y + r),
                                colour);
            break;
        case 6:
            regular_polygon(draw, ImVec2(c.x, c.y - r * 0.15f), r * 1.1f, 3, 1.5707963f, colour);
            break;
        default:
            regular_polygon(draw, c, r, 5, -1.5707963f, colour);
            break;
    }
}

void band_chip(const Band& band, std::size_t index, float width) {
    const float font = ImGui::GetFontSize();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    std::string label = std::to_string(index + 1) + " " + band.name;
    if (width > 0.f &&
        ImGui::CalcTextSize(label.c_str()).x > width - font - ImGui::GetStyle().ItemSpacing.x) {
        const float room =
            width - font - ImGui::GetStyle().ItemSpacing.x - ImGui::CalcTextSize("…").x;
        while (label.size() > 1 && ImGui::CalcTextSize(label.c_str()).x > room) {
            // One character off the end, never half of one.
            while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80)
                label.pop_back();
            if (!label.empty())
                label.pop_back();
        }
        label += "…";
    }
    // The text first, then its shape on its left at the text's height (a row of fields
    // lowers the text by the frame padding).
    ImGui::SetCursorScreenPos(ImVec2(start.x + font + ImGui::GetStyle().ItemSpacing.x, start.y));
    ImGui::TextColored(band_colour(band), "%s", label.c_str());
    draw_band_symbol(band, ImVec2(start.x, ImGui::GetItemRectMin().y), font);
}

bool text_field(const char* id, std::string& text, float width, ImGuiInputTextFlags flags,
                bool* entered) {
    char buffer[kFieldBytes] = {};
    text.copy(buffer, sizeof buffer - 1);
    ImGui::SetNextItemWidth(width);
    const bool enter =
        ImGui::InputText(id, buffer, sizeof buffer, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    if (entered)
        *entered = enter;
    const bool edited = ImGui::IsItemEdited();
    if (edited)
        text = buffer;
    return edited;
}

WorkshopLayout workshop_layout(float top, float picture_share) {
    const auto* viewport = ImGui::GetMainViewport();
    const ImVec2 origin = viewport->WorkPos;
    const ImVec2 size = viewport->WorkSize;
    const float pad = ImGui::GetFontSize() * 0.4f;
    WorkshopLayout layout;
    layout.picture_min = ImVec2(origin.x + pad, origin.y + top);
    layout.picture_max = ImVec2(origin.x + size.x * picture_share, origin.y + size.y - pad);
    layout.side_min = ImVec2(layout.picture_max.x + pad, origin.y + top);
    layout.side_max = ImVec2(origin.x + size.x - pad, origin.y + size.y - pad);
    return layout;
}

std::string percent_text(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100.0)));
}

void draw_band_votes(ScreenContext& ctx, const WorkshopSession& session, std::size_t item,
                     float width) {
    const auto& bands = session.setup.bands;
    const auto& votes = session.items[item].votes;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const std::string real = ctx.tr("workshop.real");
    const std::string generated = ctx.tr("workshop.generated");
    // Two columns hold six digits each, and the two headers side by side with a gap.
    const float column = std::max(
        ImGui::CalcTextSize("000000").x,
        (ImGui::CalcTextSize(real.c_str()).x + ImGui::CalcTextSize(generated.c_str()).x) / 2.f);
    const float name_width = std::max(1.f, width - (column + spacing) * 2.f);
    const float left = ImGui::GetCursorPosX();
    // A count ends at its column's right edge, as numbers line up in a table.
    const auto at_right_of = [&](int side, const std::string& text) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(left + name_width + spacing + (column + spacing) * side + column -
                             ImGui::CalcTextSize(text.c_str()).x);
    };
    // The headers are wider than a count: Real starts at its column, Generated ends at its.
    ImGui::SetCursorPosX(left + name_width + spacing);
    ImGui::TextColored(kColorMuted, "%s", real.c_str());
    at_right_of(1, generated);
    ImGui::TextColored(kColorMuted, "%s", generated.c_str());
    for (std::size_t b = 0; b < bands.size(); ++b) {
        band_chip(bands[b], b, name_width);
        const auto& count = b < votes.size() ? votes[b] : std::nullopt;
        if (!count) {
            at_right_of(1, ctx.tr("workshop.not_counted"));
            ImGui::TextColored(kColorMuted, "%s", ctx.tr("workshop.not_counted").c_str());
            continue;
        }
        for (int side = 0; side < 2; ++side) {
            const std::string number = std::to_string(side == 0 ? count->real : count->generated);
            at_right_of(side, number);
            ImGui::TextUnformatted(number.c_str());
        }
    }
}

void draw_workshop_answer(ScreenContext& ctx, const WorkshopFlow& flow, std::size_t index,
                          float width) {
    const WorkshopSession& session = *flow.session();
    const auto& rounds = ctx.game.items();
    if (index >= rounds.size())
        return;
    const content::PackItem* item = ctx.item_of(rounds[index]);
    if (!item)
        return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorTruth);
    title_text(ctx.tr(truth_key(*item)), true);
    ImGui::PopStyleColor();
    const ItemTally& tally = flow.debrief().items[index];
    const std::string counts = std::to_string(tally.right);
    const char* key = !tally.counted || tally.votes() == 0 ? "workshop.room_not_counted"
                      : tally.room_right                   ? "workshop.room_right"
                      : tally.right == tally.wrong         ? "workshop.room_tie"
                                                           : "workshop.room_wrong";
    const ImVec4& colour = tally.room_right ? kColorRight
                           : tally.counted  ? kColorWrong
                                            : kColorMuted;
    text_colored_wrapped(colour,
                         ctx.tr(key, {{"right", counts}, {"wrong", std::to_string(tally.wrong)}}));
    ImGui::Spacing();
    draw_band_votes(ctx, session, index, width);
    ImGui::Spacing();
    ImGui::Separator();
    draw_workshop_explanation(ctx, *item);
    ImGui::PopTextWrapPos();
}

}  // namespace rc::game
