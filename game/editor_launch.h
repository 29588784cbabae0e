// `realcheck --edit PACK`: the pack editor, windowed or headless. Native only: in the
// browser there is no folder to save into, so editor_launch_web.cpp answers that the
// editor is not there and the Packs screen offers no Edit (editor_available()).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "content/manifest.h"

namespace rc::engine {
class Gfx;
}

namespace rc::game {

struct EditorLaunchDesc {
    std::filesystem::path pack;    // a folder, its pack.json or a zip
    std::filesystem::path script;  // headless: the edit script (edit_script.h)
    bool headless = false;
    bool fullscreen = false;
    // Headless: the editor screen is saved there as editor.png after the script, and as
    // NAME.png at each `shot NAME` of the script.
    std::filesystem::path screenshot_dir;
    int width = 0;  // 0: the platform's default window (headless: say it)
    int height = 0;
    std::optional<content::Lang> lang;  // empty: the system's
};

// run_editor_in's status when the editor was left by closing the window: the game that
// opened it quits too instead of coming back.
inline constexpr int kEditorWindowClosed = 3;

bool editor_available();
// Exit status: 0 done, 1 usage or system error, 2 a pack that cannot be edited or a
// mistake in the script.
int run_editor(const EditorLaunchDesc& desc);
// The editor in a window the game already has (Edit on the Packs screen); the desc's
// pack and language only. Returns when the editor is closed (kEditorWindowClosed when
// its window was).
int run_editor_in(engine::Gfx& gfx, const EditorLaunchDesc& desc);

}  // namespace rc::game
