#include "game/screens/widgets.h"

#include <imgui_internal.h>  // CalcWrapWidthForPos and the window's wrap position

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "game/screens/solo.h"

namespace rc::game {
namespace {

// Dear ImGui 1.86 uses 16-bit vertex indices and reserves 4 vertices per byte of a single
// text call: a text of ~16,000 bytes in one call aborts the game. Text is therefore drawn
// one wrapped line per call, and no call gets more than this.
constexpr std::size_t kMaxTextCallBytes = 2000;
// Labels (buttons) are cut with an ellipsis to their width, and never longer than this.
constexpr std::size_t kMaxLabelBytes = 256;

bool is_continuation_byte(char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) == 0x80;
}

// The largest end <= begin + max_bytes (and <= end) that does not split a UTF-8 character.
const char* utf8_cut(const char* begin, const char* end, std::size_t max_bytes) {
    if (static_cast<std::size_t>(end - begin) <= max_bytes)
        return end;
    const char* cut = begin + max_bytes;
    while (cut > begin && is_continuation_byte(*cut))
        --cut;
    return cut;
}

// Calls draw(begin, end) for each line of `text` wrapped to `width` the way ImGui wraps:
// at newlines, then between words (inside a word when it is wider than the line), with the
// blanks at a wrap dropped. Each line is also at most kMaxTextCallBytes.
template <class Draw>
void for_each_wrapped_line(const std::string& text, float width, Draw draw) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* start = text.data();
    const char* const end = start + text.size();
    do {
        const char* paragraph_end = std::find(start, end, '\n');
        do {
            const char* line_end =
                utf8_cut(start, font->CalcWordWrapPositionA(scale, start, paragraph_end, width),
                         kMaxTextCallBytes);
            if (line_end <= start && start < paragraph_end) {
                line_end = start + 1;  // narrower than one character: one per line
                while (line_end < paragraph_end && is_continuation_byte(*line_end))
                    ++line_end;
            }
            draw(start, line_end);
            start = line_end;
            while (start < paragraph_end && *start == ' ')
                ++start;
        } while (start < paragraph_end);
        start = paragraph_end + 1;
    } while (start <= end);
}

// The width TextWrapped would wrap at here: the caller's PushTextWrapPos, else the edge of
// the content region.
float wrap_width() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrap_pos = window->DC.TextWrapPos < 0.f ? 0.f : window->DC.TextWrapPos;
    return std::max(1.f, ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos));
}

// Lines of one paragraph sit a line height apart, like ImGui's own wrapped text: no item
// spacing between them, the usual spacing after the last.
template <class DrawLine>
void draw_lines(const std::string& text, float width, DrawLine draw_line) {
    std::vector<std::pair<const char*, const char*>> lines;
    for_each_wrapped_line(text, width,
                          [&](const char* b, const char* e) { lines.emplace_back(b, e); });
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing.x, 0.f));
    ImGui::PushTextWrapPos(-1.f);  // the lines already fit: no second wrapping
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i + 1 == lines.size())
            ImGui::PopStyleVar();
        draw_line(lines[i].first, lines[i].second);
    }
    ImGui::PopTextWrapPos();
}

// `label` cut with "…" so that it fits `max_width` (when > 0) and kMaxLabelBytes.
std::string fit_label(const std::string& label, float max_width) {
    const char* begin = label.data();
    const char* end = utf8_cut(begin, begin + label.size(), kMaxLabelBytes);
    const auto fits = [&](const char* stop) {
        return max_width <= 0.f ||
               ImGui::CalcTextSize((std::string(begin, stop) + "…").c_str()).x <= max_width;
    };
    if (end == begin + label.size() &&
        (max_width <= 0.f || ImGui::CalcTextSize(label.c_str()).x <= max_width))
        return label;
    while (end > begin && !fits(end))
        end = utf8_cut(begin, end, static_cast<std::size_t>(end - begin) * 9 / 10);
    return std::string(begin, end) + "…";
}

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

ImVec4 lighter(const ImVec4& color, float amount) {
    return ImVec4(std::min(1.f, color.x + amount), std::min(1.f, color.y + amount),
                  std::min(1.f, color.z + amount), color.w);
}

// The picture's displayed scale and top-left corner for the current view.
PicturePlacement place(const engine::Texture& texture, ImVec2 min, ImVec2 max, ViewState& view) {
    return place_picture(static_cast<float>(texture.width()), static_cast<float>(texture.height()),
                         min, max, view);
}

void zoom_around(ViewState& view, float factor, ImVec2 anchor, ImVec2 middle, float scale) {
    const float old_zoom = view.zoom;
    view.zoom = std::clamp(view.zoom * factor, kMinZoom, kMaxZoom);
    const float new_scale = scale * view.zoom / old_zoom;
    // Keep the picture point under the anchor (cursor or pinch centre) where it is.
    const float point_x = view.center_x + (anchor.x - middle.x) / scale;
    const float point_y = view.center_y + (anchor.y - middle.y) / scale;
    view.center_x = point_x - (anchor.x - middle.x) / new_scale;
    view.center_y = point_y - (anchor.y - middle.y) / new_scale;
}

void handle_picture_input(ViewState& view, ImVec2 min, ImVec2 max, float scale,
                          const PictureOptions& options) {
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("##picture", ImVec2(max.x - min.x, max.y - min.y));
    const auto& io = ImGui::GetIO();
    const ImVec2 middle((min.x + max.x) / 2.f, (min.y + max.y) / 2.f);
    if (options.wheel_zooms && ImGui::IsItemHovered() && io.MouseWheel != 0.f)
        zoom_around(view, std::pow(1.2f, io.MouseWheel), io.MousePos, middle, scale);
    if (options.drag_pans && ImGui::IsItemActive() &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.f)) {
        view.center_x -= io.MouseDelta.x / scale;
        view.center_y -= io.MouseDelta.y / scale;
    }
    if (options.drag_pans && ImGui::IsItemHovered() &&
        ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
        view.reset();
}

}  // namespace

void draw_tells(ImDrawList* draw, const std::vector<content::Tell>& tells,
                const PicturePlacement& at, float width, float height,
                const PictureOptions& options) {
    const double clip_time = options.clip_time;
    const float thickness = std::max(2.f, ImGui::GetFontSize() * 0.14f);
    for (std::size_t i = 0; i < tells.size(); ++i) {
        const auto& tell = tells[i];
        // The tell being edited shows whatever the time, in another colour.
        const bool chosen = options.chosen_tell && *options.chosen_tell == i;
        if (clip_time >= 0.0 && !tell.shows_at(clip_time) && !chosen)
            continue;
        const ImVec2 centre(at.origin.x + tell.x * width * at.scale,
                            at.origin.y + tell.y * height * at.scale);
        const float radius = std::max(tell.r * width * at.scale, ImGui::GetFontSize());
        draw->AddCircle(centre, radius, IM_COL32(0, 0, 0, 200), 64, thickness * 2.2f);
        const ImU32 color = chosen ? IM_COL32(64, 200, 255, 255) : IM_COL32(255, 214, 10, 255);
        draw->AddCircle(centre, radius, color, 64, thickness);
        // The number matches the list in the explanation panel.
        const std::string label = std::to_string(i + 1);
        const float badge = ImGui::GetFontSize() * 0.75f;
        const ImVec2 badge_centre(centre.x + radius * 0.71f, centre.y - radius * 0.71f);
        draw->AddCircleFilled(badge_centre, badge, color);
        const ImVec2 text_size = ImGui::CalcTextSize(label.c_str());
        draw->AddText(
            ImVec2(badge_centre.x - text_size.x / 2.f, badge_centre.y - text_size.y / 2.f),
            IM_COL32(0, 0, 0, 255), label.c_str());
    }
}

PicturePlacement place_picture(float width, float height, ImVec2 min, ImVec2 max, ViewState& view) {
    const ImVec2 area(max.x - min.x, max.y - min.y);
    const float fit = std::min(area.x / width, area.y / height);
    view.zoom = std::clamp(view.zoom, kMinZoom, kMaxZoom);
    const float scale = fit * view.zoom;
    if (view.center_x < 0.f)
        view.center_x = width / 2.f;
    if (view.center_y < 0.f)
        view.center_y = height / 2.f;
    // Keep the picture covering its area when zoomed in; centred when it is smaller.
    const auto clamp_center = [scale](float center, float extent, float room) {
        const float half_view = room / 2.f / scale;
        if (extent * scale <= room)
            return extent / 2.f;
        return std::clamp(center, half_view, extent - half_view);
    };
    view.center_x = clamp_center(view.center_x, width, area.x);
    view.center_y = clamp_center(view.center_y, height, area.y);
    const ImVec2 middle(min.x + area.x / 2.f, min.y + area.y / 2.f);
    return {scale, ImVec2(middle.x - view.center_x * scale, middle.y - view.center_y * scale)};
}

std::string fit_text(const std::string& text, float max_width) {
    return fit_label(text, max_width);
}

void begin_floating_panel(const char* id, ImVec2 pos, ImVec2 size, bool scrollable) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGuiWindowFlags flags = kPanelFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (scrollable)
        flags &= ~ImGuiWindowFlags_NoScrollbar;
    ImGui::SetNextWindowFocus();
    ImGui::Begin(id, nullptr, flags);
}

void begin_panel(const char* id, ImVec2 pos, ImVec2 size, bool scrollable) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGuiWindowFlags flags = kPanelFlags;
    if (!scrollable)
        flags |= ImGuiWindowFlags_NoScrollWithMouse;
    else
        flags &= ~ImGuiWindowFlags_NoScrollbar;
    ImGui::Begin(id, nullptr, flags);
}

void begin_full_panel(const char* id, bool scrollable) {
    const auto* viewport = ImGui::GetMainViewport();
    begin_panel(id, viewport->WorkPos, viewport->WorkSize, scrollable);
}

void end_panel() {
    ImGui::End();
}

bool big_button(const std::string& label, ImVec2 size, const ImVec4& color) {
    ImGui::PushStyleColor(ImGuiCol_Button, color);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, lighter(color, 0.08f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, lighter(color, 0.16f));
    const float room = size.x > 0.f ? size.x - ImGui::GetStyle().FramePadding.x * 2.f : 0.f;
    const std::string shown = fit_label(label, room);
    bool pressed = false;
    if (shown == label) {
        pressed = ImGui::Button(label.c_str(), size);
    } else {
        // Two long labels may cut to the same text: the id comes from the whole label.
        ImGui::PushID(label.data(), label.data() + label.size());
        pressed = ImGui::Button((shown + "###cut").c_str(), size);
        ImGui::PopID();
    }
    ImGui::PopStyleColor(3);
    return pressed;
}

bool big_button(const std::string& label, ImVec2 size) {
    return big_button(label, size, ImGui::GetStyleColorVec4(ImGuiCol_Button));
}

bool choice_button(const std::string& label, bool chosen, ImVec2 size) {
    if (!chosen)
        return big_button(label, size, ImVec4(0.16f, 0.19f, 0.26f, 1.f));
    return big_button(label, size, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
}

int button_pair(const std::string& first, const ImVec4& first_color, const std::string& second,
                float width, float height) {
    const auto& style = ImGui::GetStyle();
    const float half = (width - style.ItemSpacing.x) / 2.f;
    const float widest =
        std::max(ImGui::CalcTextSize(first.c_str()).x, ImGui::CalcTextSize(second.c_str()).x);
    const bool side_by_side = widest + style.FramePadding.x * 2.f <= half;
    const ImVec2 size(side_by_side ? half : width, height);
    int pressed = big_button(first, size, first_color) ? 1 : 0;
    if (side_by_side)
        ImGui::SameLine();
    if (big_button(second, size))
        pressed = 2;
    return pressed;
}

void text_centered(const std::string& text, ImFont* font, const ImVec4* color) {
    if (text.size() > kMaxTextCallBytes || text.find('\n') != std::string::npos) {
        if (font)
            ImGui::PushFont(font);
        if (color)
            ImGui::PushStyleColor(ImGuiCol_Text, *color);
        text_wrapped_centered(text, ImGui::GetContentRegionAvail().x);
        if (color)
            ImGui::PopStyleColor();
        if (font)
            ImGui::PopFont();
        return;
    }
    if (font)
        ImGui::PushFont(font);
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float room = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.f, (room - width) / 2.f));
    if (color)
        ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::TextUnformatted(text.c_str());
    if (color)
        ImGui::PopStyleColor();
    if (font)
        ImGui::PopFont();
}

void text_wrapped_centered(const std::string& text, float max_width) {
    // Break into lines the way ImGui would wrap them, then centre each line.
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float room = std::max(1.f, std::min(max_width, ImGui::GetContentRegionAvail().x));
    const float left = ImGui::GetCursorPosX();
    draw_lines(text, room, [&](const char* begin, const char* end) {
        const float width = font->CalcTextSizeA(size, FLT_MAX, 0.f, begin, end).x;
        ImGui::SetCursorPosX(left +
                             std::max(0.f, (ImGui::GetContentRegionAvail().x - width) / 2.f));
        ImGui::TextUnformatted(begin, end);
    });
}

void text_wrapped(const std::string& text) {
    // Wraps where TextWrapped would (the caller's wrap position, else the panel edge), one
    // line per call; TextUnformatted never reads pack text as a format string.
    draw_lines(text, wrap_width(),
               [](const char* begin, const char* end) { ImGui::TextUnformatted(begin, end); });
}

void text_colored_wrapped(const ImVec4& color, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void draw_picture(const engine::Texture& texture, ImVec2 min, ImVec2 max, ViewState& view,
                  const PictureOptions& options) {
    if (!texture || max.x - min.x < 4.f || max.y - min.y < 4.f)
        return;
    PicturePlacement at = place(texture, min, max, view);
    if (options.interactive) {
        handle_picture_input(view, min, max, at.scale, options);
        at = place(texture, min, max, view);
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min, max, true);
    const ImVec2 end(at.origin.x + texture.width() * at.scale,
                     at.origin.y + texture.height() * at.scale);
    draw->AddImage(static_cast<ImTextureID>(texture.handle()), at.origin, end);
    if (options.tells)
        draw_tells(draw, *options.tells, at, static_cast<float>(texture.width()),
                   static_cast<float>(texture.height()), options);
    draw->PopClipRect();
}

PictureLayout picture_layout(float top, bool side_panel, float extra_controls) {
    const auto* viewport = ImGui::GetMainViewport();
    const ImVec2 origin = viewport->WorkPos;
    const ImVec2 size = viewport->WorkSize;
    const float pad = ImGui::GetFontSize() * 0.6f;
    const bool portrait = size.x < size.y * 0.9f;
    PictureLayout layout;
    layout.picture_min = ImVec2(origin.x + pad, origin.y + top);
    if (!side_panel) {
        const float controls = ImGui::GetFontSize() * 6.2f + extra_controls;
        layout.picture_max = ImVec2(origin.x + size.x - pad, origin.y + size.y - controls);
        layout.side_min = ImVec2(origin.x, layout.picture_max.y);
    } else if (portrait) {
        layout.picture_max =
            ImVec2(origin.x + size.x - pad, origin.y + top + (size.y - top) * 0.42f);
        layout.side_min = ImVec2(origin.x + pad, layout.picture_max.y + pad * 0.5f);
    } else {
        layout.picture_max = ImVec2(origin.x + size.x * 0.6f, origin.y + size.y - pad);
        layout.side_min = ImVec2(layout.picture_max.x + pad * 0.5f, origin.y + top);
    }
    layout.side_max = ImVec2(origin.x + size.x, origin.y + size.y);
    return layout;
}

bool draw_side_explanation(ScreenContext& ctx, const PictureLayout& layout,
                           const content::PackItem& item, const RoundItem& round, bool show_verdict,
                           const std::string& button_label) {
    const float font = ImGui::GetFontSize();
    const float width = layout.side_max.x - layout.side_min.x - font * 0.6f;
    const float height = layout.side_max.y - layout.side_min.y;
    const float button_height = font * 3.f;
    ImGui::SetCursorScreenPos(layout.side_min);
    ImGui::BeginChild("explanation", ImVec2(width, height - button_height - font * 1.2f));
    draw_explanation(ctx, item, round, show_verdict);
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(ImVec2(layout.side_min.x, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(ctx.fonts.heading);
    const bool pressed = big_button(button_label, ImVec2(width, button_height));
    ImGui::PopFont();
    return pressed;
}

const char* answer_key(content::Answer answer) {
    switch (answer) {
        case content::Answer::Real:
            return "answer.real";
        case content::Answer::Generated:
            return "answer.generated";
        case content::Answer::Edited:
            return "answer.edited";
    }
    return "answer.real";
}

const char* truth_key(content::Answer answer) {
    switch (answer) {
        case content::Answer::Real:
            return "truth.real";
        case content::Answer::Generated:
            return "truth.generated";
        case content::Answer::Edited:
            return "truth.edited";
    }
    return "truth.real";
}

std::string truth_key(const content::PackItem& item) {
    if (item.kind != content::MediaKind::Video)
        return truth_key(item.answer);
    return std::string("truth.video.") + std::string(content::to_string(item.answer));
}

// A tell that holds for a moment of a clip: a button shows that moment (paused there).
void draw_tell_moment(ScreenContext& ctx, const content::Tell& tell, std::size_t index) {
    if (!tell.timed())
        return;
    ImGui::PushID(static_cast<int>(index));
    const std::string label =
        ctx.tr("video.jump", {{"time", seconds_text(ctx.lang, tell.t0.value_or(0.f))}});
    if (ImGui::SmallButton(label.c_str()))
        ctx.emit(Action::with_index(ActionType::JumpToTell, index));
    ImGui::PopID();
}

void draw_explanation(ScreenContext& ctx, const content::PackItem& item, const RoundItem& round,
                      bool show_verdict) {
    if (show_verdict) {
        ImGui::PushFont(ctx.fonts.heading);
        ImGui::TextColored(round.correct() ? kColorRight : kColorWrong, "%s",
                           ctx.tr(round.correct() ? "feedback.right" : "feedback.wrong").c_str());
        ImGui::PopFont();
    }
    draw_said_sure(ctx, round, show_verdict);
    ImGui::PushFont(ctx.fonts.bold);
    text_wrapped(ctx.tr(truth_key(item)));
    ImGui::PopFont();
    if (round.given)
        ImGui::TextColored(
            kColorMuted, "%s",
            ctx.tr("feedback.your_answer", {{"answer", ctx.tr(answer_key(*round.given))}}).c_str());
    if (show_verdict)
        draw_item_record(ctx);
    ImGui::Spacing();
    bool fell_back = false;
    const std::string& explanation = item.explanation.get(ctx.lang, &fell_back);
    if (fell_back)
        ImGui::TextColored(kColorMuted, "%s", ctx.tr("feedback.fallback").c_str());
    text_wrapped(explanation);
    if (!item.tells.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(ctx.tr("feedback.tells").c_str());
        ImGui::PopFont();
        for (std::size_t i = 0; i < item.tells.size(); ++i) {
            bool note_fell_back = false;
            const std::string& note = item.tells[i].note.get(ctx.lang, &note_fell_back);
            text_wrapped(std::to_string(i + 1) + ". " + note);
            if (item.kind == content::MediaKind::Video)
                draw_tell_moment(ctx, item.tells[i], i);
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    text_wrapped(ctx.tr("feedback.credit",
                        {{"credit", item.source.credit}, {"license", item.source.license}}));
    if (!item.generator.empty())
        text_wrapped(ctx.tr("feedback.generator", {{"generator", item.generator}}));
    if (!item.source.url.empty())
        text_wrapped(ctx.tr("feedback.source", {{"url", item.source.url}}));
    ImGui::PopStyleColor();
}

}  // namespace rc::game

namespace rc::game {

void draw_refusal(ScreenContext& ctx) {
    if (ctx.session.refusal().empty())
        return;
    text_wrapped(ctx.session.refused_location() + ":");
    for (const auto& problem : ctx.session.refusal())
        text_wrapped(content::to_string(problem));
}

void draw_messages(ScreenContext& ctx) {
    for (std::size_t i = 0; i < ctx.ui.messages.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("×"))
            ctx.emit(Action::with_index(ActionType::DismissMessage, i));
        ImGui::SameLine();
        text_colored_wrapped(kColorWrong, ctx.ui.messages[i]);
        ImGui::PopID();
    }
}

}  // namespace rc::game
