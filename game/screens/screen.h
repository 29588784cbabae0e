// What the screens share: the state they draw (read-only) and the actions they emit.
// Screens are ImGui drawing only; every change of state goes through an Action that the
// App applies after the frame, so input from the mouse, the keyboard, touch or the
// headless driver takes the same path.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/pack.h"
#include "engine/gfx/gfx.h"
#include "engine/gfx/texture.h"
#include "engine/media/clip_player.h"
#include "game/calibration.h"
#include "game/pack_session.h"
#include "game/rules.h"
#include "game/strings.h"

namespace rc::game {

enum class ActionType {
    Play,
    SaySure,       // solo: index 1 Sure, 0 Not sure (the button already chosen clears it)
    ShowProgress,  // solo: the games played with this pack on this computer
    Answer,
    Next,
    PlayAgain,
    ShowPacks,
    OpenPack,
    ShowSettings,
    CloseOverlay,
    SetLanguage,
    SetTextSize,
    ShowMissed,
    ToggleLeftOut,
    ToggleDescription,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    DismissMessage,
    QuitRound,
    CancelOpen,
    RemovePack,  // text: the library key
    OpenFile,    // the browser's file picker
    TogglePlay,  // a clip on screen: play or pause
    StepFrame,   // value: +1 the next frame, -1 the previous one (pauses)
    SeekClip,    // value: seconds into the clip
    JumpToTell,  // index: the tell whose moment the clip shows (pauses there)
    // workshop
    ShowWorkshop,          // the set-up, or the session in progress
    WorkshopSetItems,      // text: the number of items as typed
    WorkshopSetPlace,      // text
    WorkshopSetDate,       // text
    WorkshopRenameBand,    // index: the band, text: its new name
    WorkshopRecolourBand,  // index: the band, value: the palette colour
    WorkshopAddBand,       // text: its name
    WorkshopRemoveBand,    // index: the band
    WorkshopReplay,        // text: a past session's id, whose pictures are shown again ("": new)
    WorkshopStart,
    WorkshopResume,     // text: the session id
    WorkshopCount,      // index: band * 2 (+1 for Generated), text: the count as typed
    WorkshopSkipCount,  // the item's votes are not counted
    WorkshopReveal,
    WorkshopNext,
    WorkshopShowItem,   // index: an item reopened from the debrief
    WorkshopCountdown,  // starts or stops the show-of-hands countdown
    WorkshopExport,     // text: the folder ("": the data folder's exports)
    WorkshopExportAll,  // text: the folder, as WorkshopExport
    WorkshopShowPast,
    WorkshopLeave,  // back to the title screen; the session stays saved
    EditPack,       // text: a pack on disk the editor opens in place of the game (native)
};

struct Action {
    ActionType type = ActionType::Play;
    content::Answer answer = content::Answer::Real;
    std::size_t index = 0;  // missed item, text size, message
    content::Lang lang = content::Lang::En;
    std::string text;  // a pack path
    double value = 0;  // a frame step, a time in seconds

    static Action of(ActionType type) {
        Action action;
        action.type = type;
        return action;
    }
    static Action answering(content::Answer answer) {
        Action action = of(ActionType::Answer);
        action.answer = answer;
        return action;
    }
    static Action saying_sure(bool sure) { return with_index(ActionType::SaySure, sure ? 1 : 0); }
    static Action with_index(ActionType type, std::size_t index) {
        Action action = of(type);
        action.index = index;
        return action;
    }
    static Action choosing_language(content::Lang lang) {
        Action action = of(ActionType::SetLanguage);
        action.lang = lang;
        return action;
    }
    static Action opening_pack(std::string path) {
        return with_text(ActionType::OpenPack, std::move(path));
    }
    static Action with_value(ActionType type, double value) {
        Action action = of(type);
        action.value = value;
        return action;
    }
    static Action with_text(ActionType type, std::string text) {
        Action action = of(type);
        action.text = std::move(text);
        return action;
    }
};

enum class Overlay { None, Settings, Packs, MissedDetail, Progress };

// Zoom of the picture: 1 fits it in its area; 16 shows a 50 MP photo's pixels on a laptop.
inline constexpr float kMinZoom = 1.f;
inline constexpr float kMaxZoom = 16.f;

// Zoom and pan of the picture: zoom 1 fits it in its area; the centre is in picture pixels.
struct ViewState {
    float zoom = 1.f;
    float center_x = -1.f;  // < 0: the picture's centre
    float center_y = -1.f;
    void reset() { *this = ViewState{}; }
};

// The pictures of one round item: full size just before it is needed, and a thumbnail
// kept for the end screen (one per round item, never one per pack item). A clip's player
// lives while its item is on screen or next; `full` then holds its current frame.
struct ItemImage {
    engine::Texture full;  // decoded at the size it is drawn, sharper once zoomed in
    engine::Texture thumbnail;
    std::unique_ptr<engine::ClipPlayer> clip;
    bool clip_started = false;  // it played once on screen: later returns keep its pause
    int source_side = 0;        // the longer side of the picture itself, once known
    int requested_side = 0;     // the longer side last asked of the decoder
    bool requested = false;
    bool drawn = false;  // a frame showed it as the current question's picture
    bool failed = false;
    std::string error;
};

// One pack offered on the packs screen (from the library, or a location known otherwise).
struct PackListing {
    std::string location;  // what OpenPack opens: a folder, a zip file, a link
    std::string key;       // the library key, for RemovePack; empty when not in the library
    std::string title;
    std::string detail;  // origin, counts by answer, languages, size: one line
};

// solo: what the saved games tell a player, worked out by the App when they change (at an
// answer, at the end of a round, on opening the progress view), never in a frame.
struct SoloFigures {
    std::optional<RightWrong> item_record;         // the item answered, over its earlier plays here
    Calibration calibration;                       // the round just finished
    std::map<std::string, RightWrong> categories;  // the round just finished, when it has some
    ProgressView progress;                         // this pack's saved games
};

struct UiState {
    Overlay overlay = Overlay::None;
    SoloFigures solo;
    bool left_out_open = false;
    bool description_open = false;  // the pack's whole description on the title
    std::size_t missed_detail = 0;  // index into the round
    std::string pack_path_input;
    std::vector<std::string> messages;  // banners the player can dismiss
    std::vector<PackListing> listings;  // packs offered on the packs screen
    std::string demo_pack;              // the built-in pack's location
    // The keys that step a clip, named as the keyboard in use labels them (they are taken
    // by their place, so an AZERTY keyboard shows ";" and ":").
    std::string step_back_key = ",";
    std::string step_forward_key = ".";
};

struct ScreenContext {
    const Strings& strings;
    content::Lang lang;
    int text_size;
    const engine::Fonts& fonts;
    float scale;                      // UI scale relative to 1280×720
    const PackSession& session;       // the open pack, its warnings, an open in progress
    const content::LoadedPack* pack;  // session.pack(): null when none is open
    const Game& game;
    const std::vector<ItemImage>& images;  // one per round item
    ViewState& view;
    UiState& ui;
    std::vector<Action>& actions;

    const std::string& tr(std::string_view key) const { return strings.get(lang, key); }
    std::string tr(std::string_view key,
                   std::initializer_list<std::pair<std::string_view, std::string>> args) const {
        return strings.format(lang, key, args);
    }
    void emit(ActionType type) { actions.push_back(Action::of(type)); }
    void emit(Action action) { actions.push_back(std::move(action)); }
    const engine::Texture& thumbnail_of(std::size_t round_index) const {
        return images[round_index].thumbnail;
    }
    // The clip of a round item when it is a video item with a player, else null.
    const engine::ClipPlayer* clip_of(std::size_t round_index) const {
        return round_index < images.size() ? images[round_index].clip.get() : nullptr;
    }
    const content::PackItem* item_of(const RoundItem& round_item) const {
        return pack ? &pack->manifest.items[round_item.pack_index] : nullptr;
    }
};

void draw_title_screen(ScreenContext& ctx);
void draw_question_screen(ScreenContext& ctx);  // Question and Feedback phases
void draw_end_screen(ScreenContext& ctx);
void draw_packs_screen(ScreenContext& ctx);
void draw_settings_window(ScreenContext& ctx);
void draw_progress_screen(ScreenContext& ctx);  // solo

}  // namespace rc::game
