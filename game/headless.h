// Plays a whole game without a window, answering from a string of letters, for tests,
// screenshots and the benchmarks: realcheck --headless --pack P --seed N --answers rgrg…
// The summary (--summary-json) is the saved result of the game (progress.h), each item
// with `sure` when said and its `category`, plus `played_here` ({"right", "wrong"} over its
// earlier plays on this computer) once it was played kMinPlaysForItemRate times.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "game/app.h"

namespace rc::game {

struct HeadlessDesc {
    AppOptions app;
    std::string answers;  // r, g or e per item; cycled when shorter than the round
    std::string sure;     // s Sure, u Not sure, - nothing said, per item; cycled; empty: never said
    std::filesystem::path screenshot_dir;  // empty: no screenshots
    std::filesystem::path summary_json;    // empty: no summary file
    int width = 1280;
    int height = 720;
    bool first_frame_only = false;  // stop after the title screen's first frame (bench)
};

// Exit status: 0 played, 1 usage/system error, 2 pack refused.
int run_headless(const HeadlessDesc& desc);

}  // namespace rc::game
