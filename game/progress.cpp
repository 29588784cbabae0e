#include "game/progress.h"

#include <string_view>

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

// Every file we write goes through here: strict dump() throws on invalid UTF-8 (uncaught
// natively, an abort on the web). Our strings are validated before they get here; should
// one slip through, a replacement character is better than losing the save.
std::string dump_json(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

// RFC 3629, as strict as nlohmann's parser: no overlong forms, surrogates or values above
// U+10FFFF.
bool is_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (text.size() - i < length)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF))
                return false;
        }
        i += length;
    }
    return true;
}

// Paths are bytes (a Latin-1 folder name on Linux is not UTF-8) but JSON strings are
// UTF-8: a path that is valid UTF-8 is saved as a string, any other as
// {"bytes_hex": "2f746d70…"} so it comes back byte for byte.
json path_json(const std::string& path) {
    if (is_utf8(path))
        return path;
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (char ch : path) {
        const auto byte = static_cast<unsigned char>(ch);
        hex += kDigits[byte >> 4];
        hex += kDigits[byte & 0xF];
    }
    return {{"bytes_hex", hex}};
}

int hex_value(char digit) {
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    if (digit >= 'A' && digit <= 'F')
        return digit - 'A' + 10;
    return -1;
}

// The path saved by path_json; empty for anything else (a hand-edited file).
std::string path_from_json(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    const std::string hex = it->is_object() ? string_field(*it, "bytes_hex") : std::string{};
    if (hex.size() % 2 != 0)
        return {};
    std::string path;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = hex_value(hex[i]);
        const int low = hex_value(hex[i + 1]);
        if (high < 0 || low < 0)
            return {};
        path += static_cast<char>(high * 16 + low);
    }
    return path;
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
    json out = {{"id", item.id},
                {"answer", content::to_string(item.answer)},
                {"given", content::to_string(item.given)},
                {"correct", item.correct}};
    if (item.sure)
        out["sure"] = *item.sure;
    if (!item.category.empty())
        out["category"] = item.category;
    return out;
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
        auto sure = item.find("sure");
        result.items.push_back({string_field(item, "id"), *answer, *given, correct->get<bool>(),
                                sure != item.end() && sure->is_boolean()
                                    ? std::optional<bool>(sure->get<bool>())
                                    : std::nullopt,
                                string_field(item, "category")});
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
    settings.last_pack = path_from_json(file, "last_pack");
    return settings;
}

std::string Progress::save_settings(const Settings& settings) const {
    json file = {{"format", kSettingsFormat}, {"text_size", settings.text_size}};
    if (settings.lang_chosen)
        file["lang"] = lang_code(settings.lang);
    if (!settings.last_pack.empty())
        file["last_pack"] = path_json(settings.last_pack);
    return engine::write_file_atomically(data_dir_ / "settings.json", dump_json(file, 2));
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
    return engine::write_file_atomically(data_dir_ / "deck.json", dump_json(file, 2));
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
    return engine::write_file_atomically(data_dir_ / "results.json", dump_json(file, 1));
}

std::string summary_json(const GameResult& result) {
    return dump_json(result_json(result), -1);
}

}  // namespace rc::game
