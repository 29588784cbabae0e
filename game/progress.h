// What this device remembers between games: settings (language, text size), the items
// already seen per pack (the "deck" history behind "Play again"), and finished games.
// Each is a versioned JSON file in the user data directory, written atomically. A file
// that cannot be read is moved aside (never overwritten silently) and defaults are used.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/manifest.h"

namespace rc::game {

inline constexpr int kSettingsFormat = 1;
inline constexpr int kDeckFormat = 1;
inline constexpr int kResultsFormat = 1;
inline constexpr int kTextSizeCount = 4;  // small, medium, large, extra large

struct Settings {
    content::Lang lang = content::Lang::En;
    bool lang_chosen = false;  // false: follow the system / browser language
    int text_size = 1;         // 0 .. kTextSizeCount-1
    // Path of the pack played last, as bytes; saved as a string when valid UTF-8, else as
    // {"bytes_hex": "…"} (paths need not be UTF-8 on Linux).
    std::string last_pack;
};

// The ids seen per pack id.
using DeckHistory = std::map<std::string, std::set<std::string>>;

struct ItemOutcome {
    std::string id;
    content::Answer answer = content::Answer::Real;
    content::Answer given = content::Answer::Real;
    bool correct = false;
    // Added after format 1 shipped; absent in older files, which still load: "sure" only
    // when the player said Sure (true) or Not sure (false), "category" when the item has one.
    std::optional<bool> sure;
    std::string category;
};

struct GameResult {
    std::string pack_id;
    std::uint64_t seed = 0;
    std::size_t score = 0;
    std::size_t out_of = 0;
    std::string finished_at;  // ISO 8601 UTC, empty in headless runs
    std::vector<ItemOutcome> items;
};

// Loading never fails: problems come back as messages for the user (and the bad file is
// kept aside); the value is the defaults or what could be read.
struct LoadNote {
    std::string message;  // empty when all went well
};

class Progress {
  public:
    explicit Progress(std::filesystem::path data_dir);

    Settings load_settings(LoadNote* note) const;
    std::string save_settings(const Settings& settings) const;  // "" or an error message

    DeckHistory load_deck(LoadNote* note) const;
    std::string save_deck(const DeckHistory& deck) const;

    // Appends to results.json (keeps the last kMaxKeptResults games). Refuses (returns the
    // reason) rather than overwrite a results file it could not read; *note tells when a
    // corrupt file was moved aside first.
    std::string append_result(const GameResult& result, LoadNote* note = nullptr) const;
    std::vector<GameResult> load_results(LoadNote* note) const;

    const std::filesystem::path& data_dir() const { return data_dir_; }

    static constexpr std::size_t kMaxKeptResults = 1000;

  private:
    std::filesystem::path data_dir_;
};

// The headless summary: {"format":1,"pack":…,"seed":…,"score":…,"out_of":…,"items":[…]}.
std::string summary_json(const GameResult& result);

}  // namespace rc::game
