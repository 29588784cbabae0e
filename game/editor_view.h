// What the editor's screen needs to decide that is not drawing: which tell a pointer is
// on (its inside or its edge), the item a key steps to, and the words an item's list entry
// shows. Plain C++ (no ImGui): the screen measures, these decide, the tests check them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "game/pack_editor.h"

namespace rc::game {

// A circle is grabbed by its edge within this many pixels (either side), else by its
// inside; a tiny circle is grabbed as if it had at least kMinGrabRadiusPixels.
inline constexpr float kEdgeGrabPixels = 8.f;
inline constexpr float kMinGrabRadiusPixels = 12.f;
// PageUp / PageDown move this many items in the list.
inline constexpr int kItemPageStep = 10;
// Ctrl + wheel: each notch grows or shrinks a tell by this factor.
inline constexpr float kWheelResizeFactor = 1.1f;

enum class TellGrip { Inside, Edge };

struct TellHit {
    std::size_t tell = 0;
    TellGrip grip = TellGrip::Inside;
};

// The tell under the pointer at (x, y) pixels on a picture drawn in `frame`; the last one
// drawn (the highest number) wins where circles overlap, as it is drawn on top. A clip's
// tell counts only when it shows at `clip_time` (< 0: every tell), or is the `chosen` one
// (drawn whatever the time, being edited).
std::optional<TellHit> tell_under(const std::vector<content::Tell>& tells,
                                  const PictureFrame& frame, float x, float y,
                                  double clip_time = -1.0,
                                  std::optional<std::size_t> chosen = std::nullopt);

// The distance in pixels from a tell's centre to (x, y), as a radius in the pack's terms.
float radius_from_pixels(const PictureFrame& frame, float centre_x, float centre_y, float x,
                         float y);

// `current` moved by `delta` (Up -1, Down +1, PageUp/PageDown by a page), kept in the list.
std::size_t step_item(std::size_t current, int delta, std::size_t count);

// The string keys of what an item's entry says about it, in the order shown: errors and
// warnings, then no explanation, no tells, a language missing; "editor.state.ok" alone
// when nothing is wrong.
std::vector<std::string> item_state_keys(const ItemState& state);

}  // namespace rc::game
