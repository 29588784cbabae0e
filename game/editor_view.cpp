// The editor screen's decisions; see editor_view.h.
#include "game/editor_view.h"

#include <algorithm>
#include <cmath>

namespace rc::game {

std::optional<TellHit> tell_under(const std::vector<content::Tell>& tells,
                                  const PictureFrame& frame, float x, float y, double clip_time,
                                  std::optional<std::size_t> chosen) {
    for (std::size_t i = tells.size(); i-- > 0;) {
        const auto& tell = tells[i];
        if (clip_time >= 0.0 && !tell.shows_at(clip_time) && chosen != i)
            continue;
        const float centre_x = frame.left + tell.x * frame.width;
        const float centre_y = frame.top + tell.y * frame.height;
        const float radius = std::max(tell.r * frame.width, kMinGrabRadiusPixels);
        const float distance = std::hypot(x - centre_x, y - centre_y);
        if (std::abs(distance - radius) <= kEdgeGrabPixels)
            return TellHit{i, TellGrip::Edge};
        if (distance < radius)
            return TellHit{i, TellGrip::Inside};
    }
    return std::nullopt;
}

float radius_from_pixels(const PictureFrame& frame, float centre_x, float centre_y, float x,
                         float y) {
    if (frame.width <= 0.f)
        return kMinTellRadius;
    return std::hypot(x - centre_x, y - centre_y) / frame.width;
}

std::size_t step_item(std::size_t current, int delta, std::size_t count) {
    if (count == 0)
        return 0;
    const long long last = static_cast<long long>(count) - 1;
    const long long moved = static_cast<long long>(std::min(current, count - 1)) + delta;
    return static_cast<std::size_t>(std::clamp(moved, 0LL, last));
}

std::vector<std::string> item_state_keys(const ItemState& state) {
    std::vector<std::string> keys;
    const bool any_error = state.has_errors();
    if (any_error)
        keys.push_back("editor.state.error");
    else if (!state.problems.empty())
        keys.push_back("editor.state.warning");
    if (state.no_explanation)
        keys.push_back("editor.state.no_explanation");
    if (state.no_tells)
        keys.push_back("editor.state.no_tells");
    if (state.missing_fr)
        keys.push_back("editor.state.missing_fr");
    if (state.missing_en)
        keys.push_back("editor.state.missing_en");
    if (keys.empty())
        keys.push_back("editor.state.ok");
    return keys;
}

}  // namespace rc::game
