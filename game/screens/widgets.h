// Drawing pieces shared by several screens: full-window panels, big buttons, centred text,
// the zoomable picture with its tells, and the explanation panel.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "game/screens/screen.h"

namespace rc::game {

inline const ImVec4 kColorRight{0.35f, 0.80f, 0.45f, 1.f};
inline const ImVec4 kColorWrong{0.96f, 0.45f, 0.40f, 1.f};
inline const ImVec4 kColorMuted{0.70f, 0.73f, 0.80f, 1.f};
inline const ImVec4 kColorRealButton{0.16f, 0.45f, 0.36f, 1.f};
inline const ImVec4 kColorGeneratedButton{0.50f, 0.27f, 0.55f, 1.f};

// A borderless window at `pos` of `size`; begin_full_panel covers the whole viewport.
void begin_panel(const char* id, ImVec2 pos, ImVec2 size, bool scrollable = false);
void begin_full_panel(const char* id, bool scrollable = false);
// A panel over the others (a question, a list shown on demand), kept in front and focused.
void begin_floating_panel(const char* id, ImVec2 pos, ImVec2 size, bool scrollable = false);
void end_panel();
// `text` cut with "…" to fit `max_width` pixels (and a label's longest length).
std::string fit_text(const std::string& text, float max_width);

bool big_button(const std::string& label, ImVec2 size, const ImVec4& color);
bool big_button(const std::string& label, ImVec2 size);
// A button of a set of choices; the chosen one is drawn highlighted.
bool choice_button(const std::string& label, bool chosen, ImVec2 size = ImVec2(0, 0));
// Two buttons side by side when both labels fit, else one above the other (narrow
// phone screens). Returns 1 or 2 for the button pressed, 0 for none.
int button_pair(const std::string& first, const ImVec4& first_color, const std::string& second,
                float width, float height);
void text_centered(const std::string& text, ImFont* font = nullptr, const ImVec4* color = nullptr);
// Wrapped text centred line by line within the current content width.
void text_wrapped_centered(const std::string& text, float max_width);
// Pack text is data: never a format string.
void text_wrapped(const std::string& text);
void text_colored_wrapped(const ImVec4& color, const std::string& text);
// The messages the player or the facilitator can dismiss (ui.messages), each with × to
// dismiss it.
void draw_messages(ScreenContext& ctx);

struct PictureOptions {
    bool interactive = true;                            // wheel / drag / pinch change the view
    const std::vector<content::Tell>* tells = nullptr;  // drawn when set
    double clip_time = -1.0;  // a clip's frame: only the tells of this moment show
    bool drag_pans = true;    // false: a drag is the caller's (the editor moves tells)
    bool wheel_zooms = true;  // false: the wheel is the caller's (Ctrl + wheel resizes)
    std::optional<std::size_t> chosen_tell;  // another colour, at any clip_time (being edited)
};

// Where a picture of width × height pixels is drawn in [min, max] at `view`'s zoom and pan:
// its scale (screen pixels per picture pixel) and its top-left corner on the screen.
struct PicturePlacement {
    float scale = 1.f;
    ImVec2 origin;
};
PicturePlacement place_picture(float width, float height, ImVec2 min, ImVec2 max, ViewState& view);
// The tells (circles and numbers) on a picture of width × height pixels placed `at`.
void draw_tells(ImDrawList* draw, const std::vector<content::Tell>& tells,
                const PicturePlacement& at, float width, float height,
                const PictureOptions& options);

// Draws the texture inside [min, max] keeping its aspect ratio, zoomed and panned by `view`.
void draw_picture(const engine::Texture& texture, ImVec2 min, ImVec2 max, ViewState& view,
                  const PictureOptions& options);

// An item's media in [min, max]: its picture, or its clip's frame with the clip's controls
// under it. `show_tells` after the answer (the tells on the picture, their moments on the
// clip's bar).
void draw_media_area(ScreenContext& ctx, std::size_t round_index, const content::PackItem& item,
                     ImVec2 min, ImVec2 max, bool show_tells);

// "1.5" in English, "1,5" in French: a time in seconds to one decimal (or `decimals`).
std::string seconds_text(content::Lang lang, double seconds, int decimals = 1);

// Where the picture and the panel beside it (below it in portrait) go. Without a side
// panel, the controls take a band at the bottom, `extra_controls` taller when they need it.
struct PictureLayout {
    ImVec2 picture_min, picture_max;
    ImVec2 side_min, side_max;
};
PictureLayout picture_layout(float top, bool side_panel, float extra_controls = 0.f);

// The explanation in a scrolling panel with one big button under it; true when pressed.
bool draw_side_explanation(ScreenContext& ctx, const PictureLayout& layout,
                           const content::PackItem& item, const RoundItem& round, bool show_verdict,
                           const std::string& button_label);

// The verdict (for the feedback screen), truth, explanation, tells and credits of an item.
void draw_explanation(ScreenContext& ctx, const content::PackItem& item, const RoundItem& round,
                      bool show_verdict);

// A pack being opened: "Loading…", or a download's progress bar, with Cancel.
void draw_open_progress(ScreenContext& ctx, float width);

// Why the last pack asked for was refused: its location, then every located reason.
void draw_refusal(ScreenContext& ctx);

const char* answer_key(content::Answer answer);  // "answer.real" …
const char* truth_key(content::Answer answer);   // "truth.real" …
// "truth.video.real" … for a clip, else truth_key.
std::string truth_key(const content::PackItem& item);

}  // namespace rc::game
