// The content-pack manifest (pack.json, format 1): the data model and its parser.
// Parsing checks the schema only (types, required fields, allowed values) and reports
// every problem with its JSON location. It does not touch the file system: media checks
// live in pack.h, so the web build can parse a manifest it fetched over HTTP.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"

namespace rc::content {

inline constexpr int kManifestFormat = 1;

// The longest text kept per field, in characters (Unicode code points). Longer text is cut
// on a character boundary with a located Warning and the item still plays: a pasted
// article must not make the pack unusable, nor slow every frame that draws it.
inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxDescriptionChars = 2000;
inline constexpr std::size_t kMaxExplanationChars = 4000;
inline constexpr std::size_t kMaxNoteChars = 500;
// A tell's time range on a clip lies within a clip's longest allowed length (pack.h).
inline constexpr double kMaxTellSeconds = 60.0;
inline constexpr std::size_t kMaxCreditChars = 500;  // source.credit
inline constexpr std::size_t kMaxLicenseChars = 200;
inline constexpr std::size_t kMaxUrlChars = 2000;
inline constexpr std::size_t kMaxGeneratorChars = 200;
inline constexpr std::size_t kMaxCategoryChars = 100;
inline constexpr std::size_t kMaxPromptChars = 2000;
inline constexpr std::size_t kMaxAuthorChars = 200;  // each entry of authors
// Ids and media paths are names, not text: cutting one would change what it names (two
// ids could become one), so longer ones are refused like any other bad value.
inline constexpr std::size_t kMaxIdChars = 100;
inline constexpr std::size_t kMaxMediaPathChars = 1000;

enum class Lang { Fr, En };

enum class Answer { Real, Generated, Edited };

enum class MediaKind { Image, Video };

// Text given in French and/or English. At least one of the two is non-empty.
struct LocalizedText {
    std::string fr;
    std::string en;

    bool empty() const { return fr.empty() && en.empty(); }
    // The text in `lang`, or in the other language when missing (then *fell_back = true).
    const std::string& get(Lang lang, bool* fell_back = nullptr) const;
};

// A circle on the media, in coordinates normalised to the media's width (x, r) and
// height (y), shown after the answer. On a clip it may hold for a time range only
// (seconds, t0 to t1; either end may be open); on a picture the range is ignored.
struct Tell {
    float x = 0.f;
    float y = 0.f;
    float r = 0.f;
    LocalizedText note;
    std::optional<float> t0;
    std::optional<float> t1;

    bool timed() const { return t0.has_value() || t1.has_value(); }
    // Whether the circle shows at `seconds` into a clip.
    bool shows_at(double seconds) const {
        return (!t0 || seconds >= *t0) && (!t1 || seconds <= *t1);
    }
};

struct Source {
    std::string credit;   // author(s)
    std::string license;  // SPDX id or free text ("Public domain (NASA)")
    std::string url;      // optional: where it came from (URL or package path)
};

struct PackItem {
    std::string id;
    std::string media;  // path relative to the pack folder, '/'-separated
    MediaKind kind = MediaKind::Image;
    Answer answer = Answer::Real;
    Source source;
    std::string generator;  // the model or renderer for generated/edited items, else empty
    std::string prompt;     // what the generator was asked, when known; kept, not shown
    LocalizedText explanation;
    std::vector<Tell> tells;
    std::string category;
    int difficulty = 0;  // 1 (easy) .. 3 (hard); 0 when not given
    // Position in pack.json's "items" array, so later checks (media) can say items[i].
    std::size_t manifest_index = 0;
};

struct Manifest {
    int format = kManifestFormat;
    std::string id;
    LocalizedText title;
    LocalizedText description;
    std::vector<std::string> authors;
    // When true the game asks Real / Generated / Edited; else Edited counts as Generated.
    bool three_answers = false;
    std::vector<PackItem> items;  // only the items that passed every check
};

// Parses pack.json text. `file_label` prefixes every location ("pack.json").
// Top-level problems (not JSON, wrong format number, missing id/title/items) are errors
// and give no value. An item with a problem is left out with Warning-severity problems
// located at items[i]; the others are kept. Unknown fields are ignored.
// Duplicate item ids: the later item is left out. Optional top-level fields (description,
// authors, answers) with a wrong value are dropped with a Warning; the pack still plays.
// Text over its kMax…Chars is cut with a Warning ("items[3].explanation.fr: 61234
// characters, cut to 4000"); the item stays.
Result<Manifest> parse_manifest(std::string_view json_text,
                                std::string_view file_label = "pack.json");

// Checks a manifest media path without touching the disk: non-empty, relative, '/'-separated,
// no ".." component, no control characters. On failure *why says why ("is an absolute
// path; ..."). parse_manifest applies it; resolve_media_path (pack.h) applies it again.
bool check_media_path(std::string_view relative, std::string* why);

std::string_view to_string(Answer answer);  // "real", "generated", "edited"
std::optional<Answer> answer_from_string(std::string_view text);

// An edited photo is "generated" in a two-answer game.
inline Answer as_two_answer(Answer answer) {
    return answer == Answer::Edited ? Answer::Generated : answer;
}

}  // namespace rc::content
