// Workshop mode's model: a room plays a session on a projector, the facilitator types the
// counts of Real and Generated votes per age band, and the debrief tallies them. Plain C++
// (no SDL, no ImGui): set-up, drawing the items, the votes and the tally. Saving and
// exporting live in game/workshop_store.h, the VOTES.csv reader in game/votes_csv.h.
// The rules (room score, ties, edited items) are written down in docs/workshop.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/manifest.h"
#include "content/problem.h"

namespace rc::game {

class Strings;

inline constexpr std::size_t kWorkshopItems = 20;  // items in a session unless changed
inline constexpr std::size_t kMaxWorkshopItems = 200;
inline constexpr std::size_t kMaxBands = 12;
inline constexpr std::size_t kMaxBandNameChars = 40;
inline constexpr std::size_t kMaxPlaceChars = 200;
inline constexpr std::uint32_t kMaxVotesPerCount = 100000;  // a cell above this is a typo
// The confidence bins split the majority share [50 %, 100 %] in kConfidenceBins.
inline constexpr std::size_t kConfidenceBins = 5;

struct Colour {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    bool operator==(const Colour&) const = default;
};

std::string to_hex(Colour colour);                             // "#e69f00"
std::optional<Colour> colour_from_hex(std::string_view text);  // "#rrggbb", either case

// An age band: told apart by its name, its number (position + 1) and its symbol as well
// as its colour, so nobody needs to see colour to read the charts.
struct Band {
    std::string name;
    Colour colour;
    std::string symbol;  // one UTF-8 shape: ● ▲ ■ ◆ …
};

// Okabe–Ito colours, chosen to stay distinct under the common colour-blindnesses; new
// bands take the next unused one.
const std::vector<Colour>& band_palette();
const std::vector<std::string>& band_symbols();

// The four default bands, named from the string tables (workshop.band.*).
std::vector<Band> default_bands(const Strings& strings, content::Lang lang);

// Band edits return "" on success, else why they were refused (the bands are unchanged).
// Names are trimmed, must be non-empty, unique and at most kMaxBandNameChars characters.
std::string rename_band(std::vector<Band>& bands, std::size_t index, std::string_view name);
std::string recolour_band(std::vector<Band>& bands, std::size_t index, Colour colour);
std::string add_band(std::vector<Band>& bands, std::string_view name);
std::string remove_band(std::vector<Band>& bands, std::size_t index);  // keeps at least one

struct WorkshopSetup {
    std::string pack_id;
    std::string pack_title;
    std::size_t item_count = kWorkshopItems;
    std::string place;  // optional, free text
    std::string date;   // optional, free text as the facilitator types it
    std::vector<Band> bands;
};

// The votes of one band on one item; an absent count (std::nullopt) means "not counted",
// which is not the same as zero votes.
struct BandCount {
    std::uint32_t real = 0;
    std::uint32_t generated = 0;
    bool operator==(const BandCount&) const = default;
};

struct SessionItem {
    std::string id;
    content::Answer answer = content::Answer::Real;  // as the pack gives it (edited kept)
    std::string category;
    std::vector<std::optional<BandCount>> votes;  // one per band, in band order
    bool revealed = false;
};

struct WorkshopSession {
    std::string id;          // file name stem in the data directory, [0-9A-Za-z-] only
    std::string started_at;  // ISO 8601 UTC, may be empty (tests, headless)
    std::uint64_t seed = 0;
    WorkshopSetup setup;
    std::vector<SessionItem> items;
    std::size_t current = 0;  // the item on screen, to resume where the room left off
    bool finished = false;
};

// A session id from a start time ("2026-12-02T00:53:04Z") and the seed: stable, sortable
// by date, safe as a file name.
std::string make_session_id(std::string_view started_at, std::uint64_t seed);

// Draws setup.item_count items (balanced real / generated, as a solo round) with `seed`.
// Refuses a setup without bands, with more than kMaxBands, or a pack without items.
content::Result<WorkshopSession> start_session(const WorkshopSetup& setup,
                                               const std::vector<content::PackItem>& pack,
                                               std::uint64_t seed);
// The same items, in the same order, as `past`, so two rooms can be compared. Items no
// longer in the pack are left out with a Warning each.
content::Result<WorkshopSession> replay_session(const WorkshopSetup& setup,
                                                const std::vector<content::PackItem>& pack,
                                                const WorkshopSession& past);

// Sets (or, with nullopt, clears to "not counted") one band's count on one item: the path
// for typed counts. "" or why it was refused (out of range, over kMaxVotesPerCount).
std::string set_votes(WorkshopSession& session, std::size_t item, std::size_t band,
                      std::optional<BandCount> count);

// Tallying. Votes are Real or Generated, so an edited item counts as generated.
struct ItemTally {
    std::size_t index = 0;  // position in the session
    bool counted = false;   // at least one band's count was given
    std::size_t right = 0;  // votes that match the truth
    std::size_t wrong = 0;
    bool room_right = false;  // right votes outnumber wrong ones (a tie is not right)
    std::size_t votes() const { return right + wrong; }
    // Shares in [0, 1]; nullopt with no votes ("no votes").
    std::optional<double> wrong_share() const;
    std::optional<double> majority_share() const;  // the larger side's share: the room's certainty
};

struct BandTally {
    std::size_t right = 0;    // votes right, over the items where the band was counted
    std::size_t counted = 0;  // votes counted
    std::size_t items_counted = 0;
    std::optional<double> accuracy() const;  // nullopt: no votes
};

struct ConfidenceBin {
    double low = 0;   // majority share from (inclusive) …
    double high = 0;  // … to (exclusive; the last bin includes 1)
    std::size_t items = 0;
    std::size_t right = 0;  // items where the majority was right
};

struct Debrief {
    std::size_t score = 0;   // items the room got right
    std::size_t out_of = 0;  // items in the session
    std::size_t counted_items = 0;
    std::vector<ItemTally> items;
    std::vector<BandTally> bands;           // in band order
    std::vector<std::size_t> most_fooled;   // item indices with wrong votes, most wrong share first
    std::vector<ConfidenceBin> confidence;  // kConfidenceBins, over items with votes
};

Debrief tally(const WorkshopSession& session);

}  // namespace rc::game
