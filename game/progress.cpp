#include "game/progress.h"

#include <nlohmann/json.hpp>

#include "engine/store/atomic_file.h"

namespace rc::game {
namespace {

using nlohmann::json;

// Type-checked reads: json::value() throws on a wrong type, and the web build has no
// exceptions, so a hand-edited file must never reach it.
std::string string_field(const json& object, const char* key, std::string fallback = {}) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::int64_t int_field(const json& object, const char* key, std::int64_t fallback) {
    auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

// Reads and parses a versioned JSON object; on any problem, keeps the file aside and says so.
json load_versioned(const std::filesystem::path& file, int format, LoadNote* note) {
    std::string why;
    auto text = engine::read_small_file(file, &why);
    if (!text) {
        if (note && !why.empty())
            note->message = why;
        return json::object();
    }
    json parsed = json::parse(*text, nullptr, false);
    std::string problem;
    if (parsed.is_discarded() || !parsed.is_object())
        problem = "not a valid JSON object";
    else if (int_field(parsed, "format", -1) != format)
        problem = "unsupported format (expected " + std::to_string(format) + ")";
    if (problem.empty())
        return parsed;
    const auto aside = engine::keep_corrupt_file(file);
    if (note) {
        note->message = file.string() + ": " + problem + "; starting afresh" +
                        (aside.empty() ? std::string{} : ", old file kept as " + aside.string());
    }
    return json::object();
}

std::string lang_code(content::Lang lang) {
    return lang == content::Lang::Fr ? "fr" : "en";
}

json outcome_json(const ItemOutcome& item) {
    return {{"id", item.id},
            {"answer", content::to_string(item.answer)},
            {"given", content::to_string(item.given)},
            {"correct", item.correct}};
}

json result_json(const GameResult& result) {
    json items = json::array();
    for (const auto& item : result.items)
        items.push_back(outcome_json(item));
    json out = {{"format", kResultsFormat},
                {"pack", result.pack_id},
                {"seed", result.seed},
                {"score", result.score},
                {"out_of", result.out_of}};
    if (!result.finished_at.empty())
        out["finished_at"] = result.finished_at;
    out["items"] = std::move(items);
    return out;
}

std::optional<GameResult> result_from_json(const json& entry) {
    if (!entry.is_object())
        return std::nullopt;
    GameResult result;
    result.pack_id = string_field(entry, "pack");
    result.seed = static_cast<std::uint64_t>(int_field(entry, "seed", 0));
    result.score = static_cast<std::size_t>(int_field(entry, "score", 0));
    result.out_of = static_cast<std::size_t>(int_field(entry, "out_of", 0));
    result.finished_at = string_field(entry, "finished_at");
    auto items = entry.find("items");
    if (items == entry.end() || !items->is_array())
        return result;
    for (const auto& item : *items) {
        if (!item.is_object())
            continue;
        auto answer = content::answer_from_string(string_field(item, "answer"));
        auto given = content::answer_from_string(string_field(item, "given"));
        auto correct = item.find("correct");
        if (!answer || !given || correct == item.end() || !correct->is_boolean())
            continue;
        result.items.push_back({string_field(item, "id"), *answer, *given, correct->get<bool>()});
    }
    return result;
}

}  // namespace

Progress::Progress(std::filesystem::path data_dir) : data_dir_(std::move(data_dir)) {}

Settings Progress::load_settings(LoadNote* note) const {
    const json file = load_versioned(data_dir_ / "settings.json", kSettingsFormat, note);
    Settings settings;
    const auto lang = string_field(file, "lang");
    if (lang == "fr" || lang == "en") {
        settings.lang = lang == "fr" ? content::Lang::Fr : content::Lang::En;
        settings.lang_chosen = true;
    }
    const auto size = int_field(file, "text_size", settings.text_size);
    if (size >= 0 && size < kTextSizeCount)
        settings.text_size = static_cast<int>(size);
    settings.last_pack = string_field(file, "last_pack");
    return settings;
}

std::string Progress::save_settings(const Settings& settings) const {
    json file = {{"format", kSettingsFormat}, {"text_size", settings.text_size}};
    if (settings.lang_chosen)
        file["lang"] = lang_code(settings.lang);
    if (!settings.last_pack.empty())
        file["last_pack"] = settings.last_pack;
    return engine::write_file_atomically(data_dir_ / "settings.json", file.dump(2) + "\n");
}

DeckHistory Progress::load_deck(LoadNote* note) const {
    const json file = load_versioned(data_dir_ / "deck.json", kDeckFormat, note);
    DeckHistory deck;
    auto packs = file.find("packs");
    if (packs == file.end() || !packs->is_object())
        return deck;
    for (const auto& [pack_id, entry] : packs->items()) {
        auto seen = entry.is_object() ? entry.find("seen") : entry.end();
        if (seen == entry.end() || !seen->is_array())
            continue;
        auto& ids = deck[pack_id];
        for (const auto& id : *seen)
            if (id.is_string())
                ids.insert(id.get<std::string>());
    }
    return deck;
}

std::string Progress::save_deck(const DeckHistory& deck) const {
    json packs = json::object();
    for (const auto& [pack_id, seen] : deck)
        packs[pack_id] = {{"seen", seen}};
    const json file = {{"format", kDeckFormat}, {"packs", std::move(packs)}};
    return engine::write_file_atomically(data_dir_ / "deck.json", file.dump(2) + "\n");
}

std::vector<GameResult> Progress::load_results(LoadNote* note) const {
    const json file = load_versioned(data_dir_ / "results.json", kResultsFormat, note);
    std::vector<GameResult> results;
    auto games = file.find("games");
    if (games == file.end() || !games->is_array())
        return results;
    for (const auto& entry : *games)
        if (auto result = result_from_json(entry))
            results.push_back(std::move(*result));
    return results;
}

std::string Progress::append_result(const GameResult& result, LoadNote* note) const {
    LoadNote loaded;
    auto results = load_results(&loaded);
    std::error_code ec;
    // A file that could not be read and is still in place (too large, unreadable) would be
    // lost by writing over it: refuse. A corrupt one has been moved aside: go on, and say so.
    if (!loaded.message.empty() && std::filesystem::exists(data_dir_ / "results.json", ec))
        return loaded.message + "; the results file is left as it is";
    if (note)
        *note = loaded;
    results.push_back(result);
    if (results.size() > kMaxKeptResults)
        results.erase(results.begin(), results.begin() + static_cast<std::ptrdiff_t>(
                                                             results.size() - kMaxKeptResults));
    json games = json::array();
    for (const auto& kept : results) {
        json entry = result_json(kept);
        entry.erase("format");
        games.push_back(std::move(entry));
    }
    const json file = {{"format", kResultsFormat}, {"games", std::move(games)}};
    return engine::write_file_atomically(data_dir_ / "results.json", file.dump(1) + "\n");
}

std::string summary_json(const GameResult& result) {
    return result_json(result).dump() + "\n";
}

}  // namespace rc::game
