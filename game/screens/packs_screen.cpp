// Choosing a pack: the packs this device knows (the library: built in, downloaded,
// opened from disk) with what each holds; a folder, zip or link typed in; in the browser
// a file chosen with its picker. A download shows its progress with Cancel; a refused
// pack shows every located reason.
#include <algorithm>

#include "engine/platform/file_picker.h"
#include "game/editor_launch.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

void draw_listing(ScreenContext& ctx, const PackListing& listing, float width) {
    const float font = ImGui::GetFontSize();
    const bool current = ctx.pack && ctx.session.location() == listing.location;
    std::string label = listing.title;
    if (current)
        label += " — " + ctx.tr("packs.current");
    const float remove_width = listing.key.empty() ? 0.f : font * 6.f;
    // Only a pack on this computer can be edited: a link is downloaded first (README).
    const bool editable = editor_available() && listing.location.find("://") == std::string::npos;
    const float edit_width = editable ? font * 6.f : 0.f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float buttons =
        remove_width + edit_width + spacing * static_cast<float>(!listing.key.empty() + editable);
    ImGui::PushID(listing.location.c_str());
    if (choice_button(label, current, ImVec2(width - buttons, font * 2.4f)))
        ctx.emit(Action::opening_pack(listing.location));
    if (editable) {
        ImGui::SameLine();
        if (ImGui::Button(ctx.tr("editor.packs_edit").c_str(), ImVec2(edit_width, font * 2.4f)))
            ctx.emit(Action::with_text(ActionType::EditPack, listing.location));
    }
    if (!listing.key.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(ctx.tr("packs.remove").c_str(), ImVec2(remove_width, font * 2.4f)))
            ctx.emit(Action::with_text(ActionType::RemovePack, listing.key));
    }
    ImGui::PopID();
    if (!listing.detail.empty())
        text_colored_wrapped(kColorMuted, listing.detail);
}

void draw_location_field(ScreenContext& ctx, float width) {
    const float font = ImGui::GetFontSize();
    text_wrapped(ctx.tr("packs.path_label"));
    char buffer[2048] = {};
    ctx.ui.pack_path_input.copy(buffer, sizeof buffer - 1);
    ImGui::SetNextItemWidth(width - font * 7.f);
    const bool entered =
        ImGui::InputText("##path", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    ctx.ui.pack_path_input = buffer;
    ImGui::SameLine();
    if (ImGui::Button(ctx.tr("packs.open").c_str(), ImVec2(font * 6.f, 0)) || entered)
        ctx.emit(Action::opening_pack(ctx.ui.pack_path_input));
    if (engine::has_file_picker() &&
        ImGui::Button(ctx.tr("packs.open_file").c_str(), ImVec2(width, font * 2.2f)))
        ctx.emit(ActionType::OpenFile);
}

}  // namespace

void draw_open_progress(ScreenContext& ctx, float width) {
    const auto progress = ctx.session.progress();
    if (!ctx.session.opening())
        return;
    const float font = ImGui::GetFontSize();
    if (!progress) {
        text_colored_wrapped(kColorMuted, ctx.tr("title.loading_pack"));
    } else {
        const auto size = [&](std::uint64_t bytes) { return ctx.strings.size(ctx.lang, bytes); };
        const std::string received = size(progress->received);
        text_wrapped(progress->total
                         ? ctx.tr("packs.downloading",
                                  {{"received", received}, {"total", size(*progress->total)}})
                         : ctx.tr("packs.downloading_bytes", {{"received", received}}));
        const float fraction =
            progress->total && *progress->total > 0
                ? static_cast<float>(static_cast<double>(progress->received) / *progress->total)
                : 0.f;
        ImGui::ProgressBar(std::clamp(fraction, 0.f, 1.f), ImVec2(width, font * 0.8f), "");
    }
    if (ImGui::Button(ctx.tr("packs.cancel").c_str(), ImVec2(font * 8.f, font * 2.2f)))
        ctx.emit(ActionType::CancelOpen);
}

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
    for (const auto& listing : ctx.ui.listings)
        draw_listing(ctx, listing, width);
    ImGui::Dummy(ImVec2(0, font * 0.5f));
    draw_location_field(ctx, width);
    draw_open_progress(ctx, width);
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
