// Choosing a pack: the packs this device knows, or a folder typed in; a refused pack shows
// every located reason.
#include <algorithm>

#include "game/screens/widgets.h"

namespace rc::game {

void draw_packs_screen(ScreenContext& ctx) {
    begin_full_panel("packs", true);
    const float font = ImGui::GetFontSize();
    const float width = std::min(ImGui::GetContentRegionAvail().x, font * 38.f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) / 2.f);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(ctx.tr("packs.title").c_str());
    ImGui::PopFont();
    for (const auto& location : ctx.ui.known_packs) {
        const bool current = ctx.pack && ctx.session.location() == location;
        std::string label = location == ctx.ui.demo_pack ? ctx.tr("packs.demo") : location;
        if (current)
            label += " — " + ctx.tr("packs.current");
        if (choice_button(label, current, ImVec2(width, font * 2.4f)))
            ctx.emit(Action::opening_pack(location));
    }
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    ImGui::TextUnformatted(ctx.tr("packs.path_label").c_str());
    char buffer[1024] = {};
    ctx.ui.pack_path_input.copy(buffer, sizeof buffer - 1);
    ImGui::SetNextItemWidth(width - font * 7.f);
    const bool entered =
        ImGui::InputText("##path", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    ctx.ui.pack_path_input = buffer;
    ImGui::SameLine();
    if (ImGui::Button(ctx.tr("packs.open").c_str(), ImVec2(font * 6.f, 0)) || entered)
        ctx.emit(Action::opening_pack(ctx.ui.pack_path_input));
    if (!ctx.session.refusal().empty()) {
        ImGui::Dummy(ImVec2(0, font * 0.3f));
        text_colored_wrapped(kColorWrong, ctx.tr("packs.refused"));
        draw_refusal(ctx);
    }
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    if (big_button(ctx.tr("packs.back"), ImVec2(width, font * 2.6f)))
        ctx.emit(ActionType::CloseOverlay);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    end_panel();
}

}  // namespace rc::game
