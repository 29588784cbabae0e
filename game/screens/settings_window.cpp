// Settings: language and text size, applied at once and remembered.
#include <algorithm>

#include "game/progress.h"
#include "game/screens/widgets.h"

namespace rc::game {

void draw_settings_window(ScreenContext& ctx) {
    const auto* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float width = std::min(viewport->WorkSize.x - font, font * 28.f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x / 2.f,
                                   viewport->WorkPos.y + viewport->WorkSize.y / 2.f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin("settings", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(ctx.tr("settings.title").c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(ctx.tr("settings.language").c_str());
    const float inner = ImGui::GetContentRegionAvail().x;
    const float half = (inner - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    for (auto lang : {content::Lang::Fr, content::Lang::En}) {
        if (choice_button(ctx.tr(lang == content::Lang::Fr ? "lang.fr" : "lang.en"),
                          ctx.lang == lang, ImVec2(half, font * 2.2f)))
            ctx.emit(Action::choosing_language(lang));
        if (lang == content::Lang::Fr)
            ImGui::SameLine();
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(ctx.tr("settings.text_size").c_str());
    const float quarter =
        (inner - ImGui::GetStyle().ItemSpacing.x * (kTextSizeCount - 1)) / kTextSizeCount;
    for (int size = 0; size < kTextSizeCount; ++size) {
        const std::string key = "settings.text_size." + std::to_string(size);
        if (choice_button(ctx.tr(key), ctx.text_size == size, ImVec2(quarter, font * 1.8f)))
            ctx.emit(Action::with_index(ActionType::SetTextSize, static_cast<std::size_t>(size)));
        if (size + 1 < kTextSizeCount)
            ImGui::SameLine();
    }
    ImGui::Spacing();
    if (big_button(ctx.tr("settings.close"), ImVec2(inner, font * 2.4f)))
        ctx.emit(ActionType::CloseOverlay);
    ImGui::End();
}

}  // namespace rc::game
