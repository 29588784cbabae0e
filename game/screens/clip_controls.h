// A clip's controls, drawn alike in the game (media_area.cpp) and the pack editor
// (editor_screen.cpp): play / pause, a frame back and forward, the scrub bar with the
// tells' moments on it, and the time. Plain values in, what was pressed out: each screen
// turns that into its own actions. No clip player here: the screens' tests draw it with
// any clock.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "content/manifest.h"

namespace rc::game {

// Where a clip is, as its controls show it.
struct ClipClock {
    double position = 0.0;  // seconds: the frame on screen
    double duration = 0.0;
    bool playing = false;
};

struct ClipControlsDesc {
    ClipClock clock;
    // The buttons' and the bar's tooltips, and the time written after the bar.
    std::string play, pause, step_back, step_forward, scrub, time;
    // The tells whose moments the bar shows (none when null). The game marks the timed
    // ones on the bar; with `tell_rows` (the editor) every tell's range gets a row of its
    // own under the track, the chosen one highlighted, one ending before it starts in red.
    const std::vector<content::Tell>* tells = nullptr;
    bool tell_rows = false;
    std::optional<std::size_t> chosen_tell;
};

struct ClipControlsInput {
    bool toggle_play = false;
    int step = 0;              // -1 or +1: a frame back or forward
    double seek = -1.0;        // the time a click or a drag on the bar asks for (< 0: none)
    bool bar_clicked = false;  // the bar was pressed this frame (not only dragged on)
};

// The height of the buttons' row; the rows of the tells (tell_rows) come under it.
float clip_controls_row_height();
float clip_controls_height(const ClipControlsDesc& desc);
// The controls from `at` (their top left) to `right`.
ClipControlsInput draw_clip_controls_row(const ClipControlsDesc& desc, ImVec2 at, float right);

}  // namespace rc::game
