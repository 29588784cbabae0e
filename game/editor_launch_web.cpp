// The browser build has no pack editor (editor_launch.h): nothing to save a pack into.
#include "game/editor_launch.h"

#include <cstdio>

namespace rc::game {

bool editor_available() {
    return false;
}

int run_editor_in(engine::Gfx&, const EditorLaunchDesc& desc) {
    return run_editor(desc);
}

int run_editor(const EditorLaunchDesc&) {
    std::fprintf(stderr, "realcheck: the pack editor is in the desktop version only\n");
    return 1;
}

}  // namespace rc::game
