// The pack editor's model: a pack opened for editing, the commands that change it (a
// tell added, moved, resized, its notes and times set, deleted; an item's fields set),
// undo and redo, the live checks of every item, saving (pack.json.bak kept, pack.json
// written atomically) and the journal that lets a crash lose at most the last second or
// so of edits (edit_journal.h).
//
// It edits the JSON document itself, never regenerates it from the parsed Manifest, so
// every field it does not know is written back as it was, in its order. It works in the
// pack format's fractions whatever the zoom; place_from_pixels converts what a screen
// measures. Plain C++ (no SDL, no ImGui): the editor's screens draw it and turn input into
// its commands, and `realcheck --headless --edit` drives it from a script (edit_script.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/manifest.h"
#include "content/problem.h"
#include "content/source.h"
#include "game/edit_journal.h"

namespace rc::game {

// A circle small enough to circle a finger's detail, big enough to grab again.
inline constexpr float kMinTellRadius = 0.01f;
inline constexpr float kDefaultTellRadius = 0.08f;
inline constexpr std::size_t kMaxUndoSteps = 10'000;
// Fractions are written to 4 decimals (a tenth of a pixel on a 1000-pixel picture) and
// times to the millisecond, so pack.json reads 0.42, not 0.41999998688697815.
inline constexpr double kFractionDivisions = 10'000;
inline constexpr double kSecondsDivisions = 1'000;
inline constexpr const char* kJournalSuffix = ".journal";
inline constexpr const char* kBackupSuffix = ".bak";
// Edits are saved beside the pack: a link has no "beside". The README says the same.
inline constexpr const char* kLinkNotEditable =
    "a link cannot be edited: download the pack first (realcheck-pack zip LINK --out "
    "pack.zip), then realcheck --edit pack.zip";
// A zip is never written: its edits are saved as a folder beside it, named so.
inline constexpr const char* kEditedFolderSuffix = "-edited";

// The fields of an item the editor sets as text.
enum class EditField {
    Answer,       // "real", "generated" or "edited"
    Explanation,  // per language, several lines
    Credit,       // source.credit
    License,      // source.license
    Url,          // source.url
    Generator,
    Prompt,
    Category,
    Difficulty,  // "1" to "3", "" for none
};

// "answer", "explanation", "credit", "license" (or "licence"), "url", "generator",
// "prompt", "category", "difficulty".
std::optional<EditField> edit_field_named(std::string_view name);
std::string_view edit_field_name(EditField field);
bool is_per_language(EditField field);  // the explanation

// A tell's circle in pack.json's terms: the centre as fractions of the picture's width
// (x) and height (y), the radius as a fraction of its width.
struct TellPlace {
    float x = 0.5f;
    float y = 0.5f;
    float r = kDefaultTellRadius;
};

// Where a screen draws the picture, in pixels, at its current zoom and pan.
struct PictureFrame {
    float left = 0.f;
    float top = 0.f;
    float width = 0.f;
    float height = 0.f;
};

// A circle measured on the screen (centre and radius in pixels) as the pack stores it.
TellPlace place_from_pixels(const PictureFrame& frame, float x, float y, float radius);
// The centre of a point measured on the screen, as fractions (a drag's new place).
TellPlace point_from_pixels(const PictureFrame& frame, float x, float y);

// What the editor read of an item's media when it opened the pack (0 when unknown).
struct MediaShape {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    double seconds = 0.0;  // clips only
};

// `place` moved and shrunk as little as needed for the whole circle to lie on a picture
// of `shape` (a square when the shape is unknown), its radius at least kMinTellRadius.
TellPlace fit_tell(TellPlace place, const MediaShape& shape);

// The two ends of a clip's tell: from t0 to t1 seconds.
enum class TellEnd { Start, End };

// What an item's list entry shows, from the same checks as `realcheck-pack validate`.
struct ItemState {
    bool plays = false;           // the game keeps it
    bool no_explanation = false;  // in neither language
    bool no_tells = false;
    bool missing_fr = false;                 // the explanation or a tell's note lacks French
    bool missing_en = false;                 // … lacks English
    std::vector<content::Problem> problems;  // located, errors first

    bool has_errors() const;
};

struct PackEditorDesc {
    // Seconds (any origin), for the journal's flushes; empty means the steady clock.
    std::function<double()> clock;
};

class PackEditor {
  public:
    // `location` is a pack folder, its pack.json or a zip. Refused, with the located
    // reasons, when pack.json cannot be read or is not a JSON object with an "items"
    // array; any other problem is shown on the items it concerns.
    static content::Result<std::unique_ptr<PackEditor>> open(const std::filesystem::path& location,
                                                             const PackEditorDesc& desc = {});
    ~PackEditor();
    PackEditor(const PackEditor&) = delete;
    PackEditor& operator=(const PackEditor&) = delete;

    // Where save() writes pack.json: the pack's folder, or for a zip a new folder beside
    // it ("pack-edited", the first name free), which from_zip() says to announce.
    const std::filesystem::path& save_folder() const { return save_folder_; }
    bool from_zip() const { return from_zip_; }
    const content::PackSource& source() const { return *source_; }

    // ---- reading ----
    std::size_t item_count() const;
    std::optional<std::size_t> find_item(std::string_view id) const;
    // The raw item, as pack.json holds it (null when out of range).
    const nlohmann::ordered_json& item_json(std::size_t item) const;
    std::string item_id(std::size_t item) const;
    std::string media_path(std::size_t item) const;
    content::MediaKind media_kind(std::size_t item) const;
    const MediaShape& media_shape(std::size_t item) const;
    // A field as text ("" when absent or not text); `lang` for the explanation.
    std::string field_text(std::size_t item, EditField field,
                           content::Lang lang = content::Lang::Fr) const;
    // The item's tells read leniently, for drawing (a bad number reads as 0, a tell that
    // is not an object as an empty one), so the screens never lose a tell's place.
    std::vector<content::Tell> tells(std::size_t item) const;
    const nlohmann::ordered_json& document() const { return doc_; }

    // ---- commands ----
    // Each returns "" or why it cannot be done (no such item or tell, a journal to recover
    // first, an item that is not an object). A value the pack format refuses (an empty
    // credit, t1 before t0, a note missing) is kept and shown by item_state() and
    // problems(), never dropped. Coordinates are clamped by fit_tell; times to 0 and the
    // clip's length. `tell` counts from 0.
    // On a clip, `start` is the tell's t0: a click adds the tell at the time shown.
    std::string add_tell(std::size_t item, TellPlace place,
                         std::optional<double> start = std::nullopt);
    std::string move_tell(std::size_t item, std::size_t tell, float x, float y);
    std::string resize_tell(std::size_t item, std::size_t tell, float r);
    std::string set_tell_note(std::size_t item, std::size_t tell, content::Lang lang,
                              std::string_view text);
    // nullopt leaves that end open (from the start, to the end).
    std::string set_tell_times(std::size_t item, std::size_t tell, std::optional<double> t0,
                               std::optional<double> t1);
    // One end of a clip's tell (t0 or t1), the other kept: "Start here" / "End here" at the
    // time the clip shows. nullopt leaves that end open.
    std::string set_tell_time(std::size_t item, std::size_t tell, TellEnd end,
                              std::optional<double> seconds);
    std::string delete_tell(std::size_t item, std::size_t tell);
    // Empty text removes an optional field (or that language); `lang` for the explanation.
    std::string set_field(std::size_t item, EditField field, std::string_view text,
                          content::Lang lang = content::Lang::Fr);

    // Every change between begin and end is one undo step: a drag, typing in a field.
    void begin_gesture();
    void end_gesture();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    bool undo();  // false when there is nothing to undo
    bool redo();
    // Which item the last change, undo or redo touched (for the screens to follow it).
    std::optional<std::size_t> last_touched() const { return last_touched_; }

    // ---- checks ----
    ItemState item_state(std::size_t item) const;
    // Every problem of the pack as edited: the top level's, then each item's, then too
    // few playable items. Located as realcheck-pack validate locates them.
    std::vector<content::Problem> problems() const;
    bool has_errors() const;
    bool modified() const;  // differs from what was last opened or saved

    // ---- saving and the journal ----
    // pack.json.bak is a copy of the pack.json being replaced, made before the atomic
    // replace (so pack.json is never missing); then the journal is removed. A zip's first
    // save copies its other files into save_folder(). Returns "" or why not.
    std::string save();
    // A journal left by an earlier session that crashed: no edit is accepted until it is
    // recovered or discarded.
    bool has_journal() const { return journal_found_; }
    // Replays the journal: the state the crashed session had reached. Returns "" or why
    // not (a journal written against another pack.json is refused and kept).
    std::string recover();
    std::string discard_journal();
    // Flushes the journal when due; call it while idle (every frame, or while waiting).
    void tick();
    const EditJournal& journal() const { return *journal_; }

  private:
    struct ItemChange {
        std::size_t item = 0;
        nlohmann::ordered_json before;
        nlohmann::ordered_json after;
    };
    struct Step {
        std::uint64_t id = 0;
        std::vector<ItemChange> changes;
    };

    PackEditor() = default;
    // The problems that refuse the pack (none when it can be edited).
    std::vector<content::Problem> load(const std::filesystem::path& location,
                                       const PackEditorDesc& desc);
    void read_media_shapes();
    std::string editable(std::size_t item, nlohmann::ordered_json** out);
    std::string tell_at(nlohmann::ordered_json& item, std::size_t tell,
                        nlohmann::ordered_json** out) const;
    // Sets or removes `key` ("t0", "t1") of a tell, kept between 0 and the clip's length.
    void put_tell_time(std::size_t item, nlohmann::ordered_json& tell, const char* key,
                       std::optional<double> seconds) const;
    std::string change(std::size_t item, const nlohmann::ordered_json& command,
                       const std::function<std::string(nlohmann::ordered_json&)>& edit);
    void record(std::size_t item, nlohmann::ordered_json before,
                const nlohmann::ordered_json& after);
    void put(std::size_t item, const nlohmann::ordered_json& value);
    void drop_gesture();
    std::string journal_command(const nlohmann::ordered_json& command);
    std::string journal_header() const;
    std::string replay(const nlohmann::ordered_json& command);
    std::string save_zip_files();
    std::uint64_t saved_step() const { return undo_.empty() ? 0 : undo_.back().id; }

    content::SourcePtr source_;
    std::filesystem::path save_folder_;
    bool from_zip_ = false;
    nlohmann::ordered_json doc_;
    std::string base_text_;  // pack.json as last read or saved: the journal's base
    std::vector<MediaShape> shapes_;
    std::vector<std::string> media_problems_;      // per item, "" when its media can be used
    std::vector<content::Problem> pack_problems_;  // the top level's
    std::vector<std::vector<content::Problem>> duplicate_problems_;  // per item
    mutable std::vector<std::optional<ItemState>> states_;           // cached until a change

    std::vector<Step> undo_;
    std::vector<Step> redo_;
    std::uint64_t next_step_id_ = 1;
    std::uint64_t saved_step_id_ = 0;
    int gesture_depth_ = 0;
    bool gesture_has_step_ = false;   // the gesture's step is on top of undo_
    bool gesture_journaled_ = false;  // its "begin" line is written
    std::optional<std::size_t> last_touched_;

    std::unique_ptr<EditJournal> journal_;
    bool journal_found_ = false;
    bool replaying_ = false;
};

}  // namespace rc::game
