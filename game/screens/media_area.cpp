// The media of an item where the screens show it: a picture, or a clip's current frame
// with its controls under it — play/pause, a frame back and forward, a scrub bar with
// the time (and, after the answer, the moments of the tells) and the keys that do the same.
#include <algorithm>
#include <cstdio>

#include "game/screens/clip_controls.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

// The clip's controls take two rows: the buttons with the bar, then the keys.
float controls_height() {
    return ImGui::GetFontSize() * 3.6f;
}

void draw_key_hint(ScreenContext& ctx, ImVec2 at, float width);

void draw_clip_controls(ScreenContext& ctx, const engine::ClipPlayer& clip,
                        const content::PackItem& item, bool show_tells, ImVec2 min, ImVec2 max) {
    const float font = ImGui::GetFontSize();
    ClipControlsDesc desc;
    desc.clock = {clip.position(), clip.duration(), clip.playing()};
    desc.play = ctx.tr("video.play");
    desc.pause = ctx.tr("video.pause");
    desc.step_back = ctx.tr("video.step_back");
    desc.step_forward = ctx.tr("video.step_forward");
    desc.scrub = ctx.tr("video.scrub");
    desc.time = ctx.tr("video.time", {{"position", seconds_text(ctx.lang, clip.position())},
                                      {"duration", seconds_text(ctx.lang, clip.duration())}});
    if (show_tells)
        desc.tells = &item.tells;
    const auto input = draw_clip_controls_row(desc, ImVec2(min.x, min.y + font * 0.3f), max.x);
    if (input.toggle_play)
        ctx.emit(ActionType::TogglePlay);
    if (input.step != 0)
        ctx.emit(Action::with_value(ActionType::StepFrame, input.step));
    if (input.seek >= 0.0)
        ctx.emit(Action::with_value(ActionType::SeekClip, input.seek));
    draw_key_hint(ctx, ImVec2(min.x, min.y + font * 0.5f + clip_controls_row_height()),
                  max.x - min.x);
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

std::string seconds_text(content::Lang lang, double seconds, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", std::clamp(decimals, 0, 3), std::max(0.0, seconds));
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
