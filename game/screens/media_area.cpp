// The media of an item where the screens show it: a picture, or a clip's current frame
// with its controls under it — play/pause, a frame back and forward, a scrub bar with
// the time (and, after the answer, the moments of the tells) and the keys that do the same.
#include <algorithm>
#include <cstdio>

#include "game/screens/widgets.h"

namespace rc::game {
namespace {

constexpr ImU32 kTrackColor = IM_COL32(70, 78, 96, 255);
constexpr ImU32 kPlayedColor = IM_COL32(120, 160, 230, 255);
constexpr ImU32 kTellRangeColor = IM_COL32(255, 214, 10, 255);
constexpr ImU32 kIconColor = IM_COL32(240, 240, 245, 255);

// The clip's controls take two rows: the buttons with the bar, then the keys.
float controls_height() {
    return ImGui::GetFontSize() * 3.6f;
}

enum class Icon { Play, Pause, StepBack, StepForward };

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 min, ImVec2 max) {
    const float side = std::min(max.x - min.x, max.y - min.y) * 0.36f;
    const ImVec2 c((min.x + max.x) / 2.f, (min.y + max.y) / 2.f);
    const float bar = side * 0.32f;
    switch (icon) {
        case Icon::Play:
            draw->AddTriangleFilled(ImVec2(c.x - side * 0.7f, c.y - side),
                                    ImVec2(c.x - side * 0.7f, c.y + side), ImVec2(c.x + side, c.y),
                                    kIconColor);
            break;
        case Icon::Pause:
            draw->AddRectFilled(ImVec2(c.x - side * 0.7f, c.y - side),
                                ImVec2(c.x - side * 0.7f + bar, c.y + side), kIconColor);
            draw->AddRectFilled(ImVec2(c.x + side * 0.7f - bar, c.y - side),
                                ImVec2(c.x + side * 0.7f, c.y + side), kIconColor);
            break;
        case Icon::StepBack:
            draw->AddRectFilled(ImVec2(c.x - side, c.y - side),
                                ImVec2(c.x - side + bar, c.y + side), kIconColor);
            draw->AddTriangleFilled(ImVec2(c.x + side, c.y - side), ImVec2(c.x + side, c.y + side),
                                    ImVec2(c.x - side * 0.5f, c.y), kIconColor);
            break;
        case Icon::StepForward:
            draw->AddTriangleFilled(ImVec2(c.x - side, c.y - side), ImVec2(c.x - side, c.y + side),
                                    ImVec2(c.x + side * 0.5f, c.y), kIconColor);
            draw->AddRectFilled(ImVec2(c.x + side - bar, c.y - side),
                                ImVec2(c.x + side, c.y + side), kIconColor);
            break;
    }
}

bool icon_button(const char* id, Icon icon, const std::string& tooltip, ImVec2 size) {
    const bool pressed = ImGui::Button(id, size);
    draw_icon(ImGui::GetWindowDrawList(), icon, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tooltip.c_str());
    return pressed;
}

// The bar: the time played, the tells' moments (after the answer), a knob; a click or a
// drag seeks. Returns the time asked for, or a negative number.
double draw_scrub_bar(const engine::ClipPlayer& clip, const std::vector<content::Tell>* tells,
                      const std::string& tooltip, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##scrub", size);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tooltip.c_str());
    const double duration = std::max(clip.duration(), 1e-3);
    const float track_h = std::max(4.f, size.y * 0.22f);
    const float y0 = min.y + (size.y - track_h) / 2.f;
    // The track is inset by the knob's radius: at either end the knob stays in the bar's
    // box, off the buttons on its left and the time on its right.
    const float knob = size.y * 0.32f;
    const float left = min.x + knob;
    const float width = std::max(1.f, size.x - knob * 2.f);
    const auto x_at = [&](double seconds) {
        return left + static_cast<float>(std::clamp(seconds / duration, 0.0, 1.0)) * width;
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(left, y0), ImVec2(left + width, y0 + track_h), kTrackColor,
                        track_h / 2.f);
    draw->AddRectFilled(ImVec2(left, y0), ImVec2(x_at(clip.position()), y0 + track_h), kPlayedColor,
                        track_h / 2.f);
    if (tells) {
        for (const auto& tell : *tells) {
            if (!tell.timed())
                continue;
            const float from = x_at(tell.t0.value_or(0.f));
            const float to = std::max(from + 3.f, x_at(tell.t1.value_or(duration)));
            draw->AddRectFilled(ImVec2(from, min.y), ImVec2(to, min.y + track_h * 0.9f),
                                kTellRangeColor);
        }
    }
    draw->AddCircleFilled(ImVec2(x_at(clip.position()), y0 + track_h / 2.f), knob, kIconColor);
    if (!ImGui::IsItemActive())
        return -1.0;
    const float fraction = std::clamp((ImGui::GetIO().MousePos.x - left) / width, 0.f, 1.f);
    return fraction * duration;
}

void draw_key_hint(ScreenContext& ctx, ImVec2 at, float width);

void draw_clip_controls(ScreenContext& ctx, const engine::ClipPlayer& clip,
                        const content::PackItem& item, bool show_tells, ImVec2 min, ImVec2 max) {
    const float font = ImGui::GetFontSize();
    const ImVec2 button(font * 2.4f, font * 1.8f);
    const float row_top = min.y + font * 0.3f;
    ImGui::SetCursorScreenPos(ImVec2(min.x, row_top));
    const bool playing = clip.playing();
    if (icon_button("##playpause", playing ? Icon::Pause : Icon::Play,
                    ctx.tr(playing ? "video.pause" : "video.play"), button))
        ctx.emit(ActionType::TogglePlay);
    ImGui::SameLine();
    if (icon_button("##back", Icon::StepBack, ctx.tr("video.step_back"), button))
        ctx.emit(Action::with_value(ActionType::StepFrame, -1));
    ImGui::SameLine();
    if (icon_button("##forward", Icon::StepForward, ctx.tr("video.step_forward"), button))
        ctx.emit(Action::with_value(ActionType::StepFrame, 1));
    ImGui::SameLine();
    const std::string time =
        ctx.tr("video.time", {{"position", seconds_text(ctx.lang, clip.position())},
                              {"duration", seconds_text(ctx.lang, clip.duration())}});
    const float time_width = ImGui::CalcTextSize(time.c_str()).x;
    const float bar_width =
        std::max(font * 4.f, max.x - ImGui::GetCursorScreenPos().x - time_width - font * 1.2f);
    const double seek = draw_scrub_bar(clip, show_tells ? &item.tells : nullptr,
                                       ctx.tr("video.scrub"), ImVec2(bar_width, button.y));
    if (seek >= 0.0)
        ctx.emit(Action::with_value(ActionType::SeekClip, seek));
    ImGui::SameLine();
    // Centred on the row (a text item after buttons would sit lower by the frame padding).
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(ImGui::GetCursorScreenPos().x, row_top + (button.y - font) / 2.f),
        ImGui::GetColorU32(ImGuiCol_Text), time.c_str());
    draw_key_hint(ctx, ImVec2(min.x, min.y + font * 0.5f + button.y), max.x - min.x);
}

// The keys under the clip, centred in its width; the long form (with Enter) when it fits.
void draw_key_hint(ScreenContext& ctx, ImVec2 at, float width) {
    const std::initializer_list<std::pair<std::string_view, std::string>> keys = {
        {"back", ctx.ui.step_back_key}, {"forward", ctx.ui.step_forward_key}};
    std::string hint = ctx.tr("video.keys_next", keys);
    if (ctx.game.phase() != Phase::Feedback || ImGui::CalcTextSize(hint.c_str()).x > width)
        hint = ctx.tr("video.keys", keys);
    const float text_width = ImGui::CalcTextSize(hint.c_str()).x;
    ImGui::SetCursorScreenPos(ImVec2(at.x + std::max(0.f, (width - text_width) / 2.f), at.y));
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::PushTextWrapPos(at.x + width);
    text_wrapped(hint);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace

std::string seconds_text(content::Lang lang, double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", std::max(0.0, seconds));
    std::string out = text;
    if (lang == content::Lang::Fr)
        std::replace(out.begin(), out.end(), '.', ',');  // French writes 1,5 s
    return out;
}

void draw_media_area(ScreenContext& ctx, std::size_t round_index, const content::PackItem& item,
                     ImVec2 min, ImVec2 max, bool show_tells) {
    const ItemImage& image = ctx.images[round_index];
    const engine::ClipPlayer* clip = ctx.clip_of(round_index);
    const bool video = item.kind == content::MediaKind::Video;
    const float controls = video ? controls_height() : 0.f;
    ImVec2 picture_min = min;
    ImVec2 picture_max(max.x, std::max(min.y + 4.f, max.y - controls));
    PictureOptions options;
    if (show_tells)
        options.tells = &item.tells;
    if (clip)
        options.clip_time = clip->position();
    const engine::Texture& shown = image.full ? image.full : ctx.thumbnail_of(round_index);
    if (video && shown) {
        // The controls go right under the clip: a clip that fills the width and not the
        // height is centred with its controls, not alone above them.
        const float fitted = (max.x - min.x) * static_cast<float>(shown.height()) /
                             static_cast<float>(shown.width());
        const float spare = picture_max.y - min.y - fitted;
        if (spare > 0.f) {
            picture_min.y += spare / 2.f;
            picture_max.y = picture_min.y + fitted;
        }
    }
    if (shown) {
        draw_picture(shown, picture_min, picture_max, ctx.view, options);
    } else {
        ImGui::SetCursorScreenPos(ImVec2(min.x, (min.y + picture_max.y) / 2.f));
        text_centered(ctx.tr(video ? "question.loading_video" : "question.loading"), nullptr,
                      &kColorMuted);
    }
    if (clip && clip->state() == engine::ClipState::Ready)
        draw_clip_controls(ctx, *clip, item, show_tells, ImVec2(min.x, picture_max.y), max);
}

}  // namespace rc::game
