// The checks of a pack that both `realcheck-pack validate` and the game's pack editor make,
// so a facilitator sees the same problems in both: an item judged alone as the game judges
// it, an explanation in one language only, a media name that gives the answer away, and
// media that cannot be used (a picture's header, a clip's container, without decoding).
//
// What it does not do: the checks that need the pack tool's media step (metadata left in a
// file, near-identical pictures), nor reading a spreadsheet; those stay in tools/pack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/pack.h"
#include "content/problem.h"
#include "content/source.h"

namespace rc::content {

// One raw item of pack.json judged alone.
struct ItemCheck {
    bool plays = false;             // the game keeps it (its media aside)
    std::vector<Problem> problems;  // located at "pack.json: items[index]…", errors first
};

// parse_manifest's checks of `item` as items[index] (a problem that leaves the item out is
// an Error here, as in validate, since the item will not play), then language_problems
// and the media name's check. Duplicate ids across items are the whole pack's business.
ItemCheck check_item(const nlohmann::json& item, std::size_t index);

// A Warning for an explanation given in one language only (players of the other read it).
std::vector<Problem> language_problems(const nlohmann::json& item, std::size_t index);

// Whether a media file's name says what it is ("fake_03.jpg", "midjourney-cat.png",
// "IA/1.jpg"); *word is the giveaway.
bool name_gives_answer_away(std::string_view relative, std::string* word);

// The Error message for a media name that gives the answer away, else empty.
std::string media_name_problem(std::string_view media);

// Why an item's media cannot be used, judged by its kind: a picture's header and size, or
// a clip's container (clip_problem). Empty when it can.
std::string media_problem(const PackSource& source, const PackItem& item);
std::string media_problem(std::span<const std::uint8_t> bytes, MediaKind kind);

// The pack read as the game plays it: the manifest, then each item's media checked by its
// kind, the items that fail left out with a Warning. (load_pack checks every item as a
// picture.)
Result<LoadedPack> load_pack_as_game(SourcePtr source);

}  // namespace rc::content
