// `realcheck --headless --edit PACK --edit-script FILE`: an editing session driven by a
// script, one command a line, through the editor's model (pack_editor.h) as the screens
// drive it. For tests, demonstrations and batch fixes; the commands are listed in the
// README ("Editing a pack (the editor)"). No window, no SDL.
//
//   item ID                 the item the next commands change
//   add-tell X Y [R]        a circle, fractions of the picture (R of its width)
//   move-tell N X Y         tells count from 1, as the badges on the picture
//   resize-tell N R
//   note N fr|en TEXT
//   times N T0|- T1|-       a clip's tell shown from T0 to T1 seconds (- : open end)
//   delete-tell N
//   seek SECONDS            on a clip, the time shown: add-tell starts its tell there,
//   start-tell N / end-tell N   and these set tell N's start or end to it
//   set FIELD [fr|en] TEXT  answer, explanation (fr|en), credit, license, url, generator,
//                           prompt, category, difficulty; no TEXT clears an optional field
//   undo, redo, save, check, recover, discard-journal, sleep MS, echo TEXT, quit
//   shot NAME               with --screenshot-dir, the editor screen saved as NAME.png
//
// In TEXT, \n is a line break and \\ a backslash. Blank lines and lines starting with #
// are skipped. A mistake stops the script with its place ("edits.txt:3: …", status 2);
// nothing a script or a pack holds makes the editor crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace rc::game {

class PackEditor;

inline constexpr std::uintmax_t kMaxEditScriptBytes = 1 << 20;
// Sleeping is cut into slices so the journal is flushed while the script waits.
inline constexpr int kEditSleepSliceMs = 100;

// What a shot shows: the item the script chose last, with the tell it touched last
// chosen, on a clip at the time sought.
struct EditShot {
    std::string name;
    std::optional<std::size_t> item;
    std::optional<std::size_t> tell;
    double clip_time = 0.0;
};

struct EditScriptDesc {
    std::filesystem::path pack;    // a folder, its pack.json, or a zip
    std::filesystem::path script;  // the commands
    std::FILE* out = nullptr;      // what the script reports (echo, save, check); null: stdout
    std::FILE* err = nullptr;      // mistakes and problems; null: stderr
    // Waits `milliseconds`; empty means really sleeping (tests pass a fake).
    std::function<void(int milliseconds)> sleep;
    std::function<double()> clock;  // the journal's clock (PackEditorDesc::clock)
    // Draws the editor screen as NAME.png, at each `shot NAME` and as "editor" once the
    // script has run; returns "" or why not. Empty: shots are skipped (no --screenshot-dir).
    std::function<std::string(PackEditor& editor, const EditShot& shot)> shot;
};

// Exit status: 0 the script ran, 1 the script could not be read or a save failed, 2 a
// mistake in the script or a pack that cannot be edited.
int run_edit_script(const EditScriptDesc& desc);

}  // namespace rc::game
