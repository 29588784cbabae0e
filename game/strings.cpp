#include "game/strings.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace rc::game {
namespace {

StringTable parse_table(std::string_view text, const char* name,
                        std::vector<std::string>* problems) {
    StringTable table;
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        if (problems)
            problems->push_back(std::string(name) + ": not a JSON object");
        return table;
    }
    for (const auto& [key, value] : parsed.items()) {
        if (value.is_string())
            table.emplace(key, value.get<std::string>());
        else if (problems)
            problems->push_back(std::string(name) + ": " + key + ": expected a string");
    }
    return table;
}

}  // namespace

const Strings& Strings::builtin() {
    static const Strings strings = parse(kStringsFrJson, kStringsEnJson, nullptr);
    return strings;
}

Strings Strings::parse(std::string_view fr_json, std::string_view en_json,
                       std::vector<std::string>* problems) {
    Strings strings;
    strings.fr_ = parse_table(fr_json, "fr.json", problems);
    strings.en_ = parse_table(en_json, "en.json", problems);
    return strings;
}

const std::string& Strings::get(content::Lang lang, std::string_view key) const {
    const auto& primary = table(lang);
    if (auto it = primary.find(key); it != primary.end())
        return it->second;
    return missing_.try_emplace(std::string(key), std::string(key)).first->second;
}

std::string Strings::format(
    content::Lang lang, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    return fill_placeholders(get(lang, key), args);
}

std::string fill_placeholders(
    std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> args) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto open = text.find('{', pos);
        auto close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos)
            break;
        // A stray '{' before the placeholder is plain text: the name starts at the last '{'.
        open = text.rfind('{', close);
        out.append(text.substr(pos, open - pos));
        const auto name = text.substr(open + 1, close - open - 1);
        const auto* match = std::find_if(args.begin(), args.end(),
                                         [&](const auto& arg) { return arg.first == name; });
        out.append(match != args.end() ? std::string_view(match->second)
                                       : text.substr(open, close - open + 1));
        pos = close + 1;
    }
    out.append(text.substr(pos));
    return out;
}

std::string Strings::size(content::Lang lang, std::uint64_t bytes) const {
    if (bytes < 1'000'000)
        return format(lang, "size.kilobytes", {{"n", std::to_string((bytes + 999) / 1000)}});
    return format(lang, "size.megabytes", {{"n", std::to_string((bytes + 500'000) / 1'000'000)}});
}

}  // namespace rc::game
