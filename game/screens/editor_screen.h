// The pack editor's screen (native only): the item list on the left, the picture with its
// tells in the middle (a clip with the game's controls under it), the fields on the right, a bar of
// commands on top; the Recover / Discard question for a journal, the Save / Discard / Cancel
// question on leaving, and the preview of an item as a player sees it. It draws a PackEditor
// (pack_editor.h) read-only and emits EditorActions that the EditorApp applies after the frame, as
// the game's screens emit Actions for the App.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/gfx/gfx.h"
#include "engine/gfx/texture.h"
#include "game/editor_view.h"
#include "game/pack_editor.h"
#include "game/screens/clip_controls.h"
#include "game/screens/screen.h"
#include "game/strings.h"

namespace rc::game {

enum class EditorActionType {
    SelectItem,   // item
    SelectTell,   // tell (nullopt: none)
    AddTell,      // item, place, t0 (on a clip: the time shown)
    MoveTell,     // item, tell, place.x/y
    ResizeTell,   // item, tell, place.r
    DeleteTell,   // item, tell
    SetNote,      // item, tell, lang, text
    SetTimes,     // item, tell, t0, t1
    SetTellTime,  // item, tell, end, seconds: "Start here" / "End here" on a clip
    SetField,     // item, field, lang, text
    TogglePlay,   // the clip plays or pauses
    PauseClip,
    StepFrame,  // frames (-1 or +1)
    SeekClip,   // seconds
    BeginGesture,
    EndGesture,
    Undo,
    Redo,
    Save,
    StartPreview,
    PreviewAnswer,  // answer
    EndPreview,
    Close,           // asks first when something is unsaved
    DiscardAndQuit,  // the answer "Discard" to that question
    SaveAndQuit,
    CancelClose,
    Recover,
    DiscardJournal,
    ToggleProblems,
    DismissMessage,
};

struct EditorAction {
    EditorActionType type = EditorActionType::Save;
    std::size_t item = 0;
    std::optional<std::size_t> tell;
    TellPlace place;
    content::Lang lang = content::Lang::Fr;
    EditField field = EditField::Answer;
    std::string text;
    std::optional<double> t0;
    std::optional<double> t1;
    content::Answer answer = content::Answer::Real;
    TellEnd end = TellEnd::Start;
    double seconds = 0.0;
    int frames = 0;

    static EditorAction of(EditorActionType type) {
        EditorAction action;
        action.type = type;
        return action;
    }
};

// What the screen remembers between frames; the EditorApp changes it when applying.
struct EditorScreenState {
    std::size_t item = 0;
    std::optional<std::size_t> tell;  // the tell whose notes the right panel shows
    ViewState view;
    bool preview = false;
    std::optional<content::Answer> preview_answer;  // the answer given in the preview
    bool confirm_close = false;
    bool problems_open = false;
    std::vector<std::string> messages;  // saved, a save that failed, where a zip's edits go
    // A tell being dragged: by its inside (moved) or its edge (resized).
    std::optional<std::size_t> drag_tell;
    TellGrip drag_grip = TellGrip::Inside;
    float drag_offset_x = 0.f;  // pointer minus the tell's centre at the press, in pixels
    float drag_offset_y = 0.f;
    // The multi-line field being typed in (its ImGui id, 0: none), as the last frame saw it:
    // the others show their text wrapped.
    unsigned typing_in = 0;
    // Where the list was scrolled to last: the selected row is scrolled into view on change.
    std::optional<std::size_t> scrolled_to;
};

// The pictures the editor shows: a thumbnail per item, the selected item's picture larger.
struct EditorImages {
    const std::vector<engine::Texture>* thumbnails = nullptr;  // one per item (maybe empty)
    const engine::Texture* picture = nullptr;                  // the selected item's
    std::string picture_error;                                 // why it cannot be shown
    // A clip's clock once it plays (picture holds its frame); none for a picture.
    std::optional<ClipClock> clip;
};

struct EditorContext {
    const Strings& strings;
    content::Lang lang;
    const engine::Fonts& fonts;
    const PackEditor& editor;
    EditorImages images;
    EditorScreenState& state;
    std::vector<EditorAction>& actions;

    const std::string& tr(std::string_view key) const { return strings.get(lang, key); }
    std::string tr(std::string_view key,
                   std::initializer_list<std::pair<std::string_view, std::string>> args) const {
        return strings.format(lang, key, args);
    }
    void emit(EditorAction action) { actions.push_back(std::move(action)); }
    void emit(EditorActionType type) { actions.push_back(EditorAction::of(type)); }
};

void draw_editor_screen(EditorContext& ctx);

// "2 errors · 1 warning", "no problems": the top bar's count of the pack's problems.
std::string problems_summary(const EditorContext& ctx, const std::vector<content::Problem>& all);

}  // namespace rc::game
