// The checks shared by the pack tool's validator and the game's editor; see pack_check.h.
#include "content/pack_check.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "content/unicode.h"

namespace rc::content {
namespace {

using nlohmann::json;

// Words that say what a picture is, as whole words of a name (letters apart from digits).
const std::set<std::string>& giveaway_words() {
    static const std::set<std::string> kWords = {
        "ai",      "ia",       "fake",     "fakes",     "faux",      "fausse",      "generated",
        "genere",  "generee",  "generes",  "gen",       "synthetic", "synthetique", "midjourney",
        "mj",      "dalle",    "dall",     "sd",        "sdxl",      "flux",        "firefly",
        "sora",    "veo",      "imagen",   "stable",    "diffusion", "gan",         "real",
        "reel",    "reelle",   "vrai",     "vraie",     "true",      "false",       "edited",
        "modifie", "modifiee", "retouche", "photoshop", "render",    "deepfake",    "chatgpt",
        "gpt",     "openai",   "ideogram", "leonardo",  "krea",      "runway"};
    return kWords;
}

// Names run together ("midjourneycat", "stablediffusion_01") still give it away.
constexpr const char* kGiveawayParts[] = {"midjourney", "dalle",  "firefly",  "stablediffusion",
                                          "generated",  "genere", "deepfake", "chatgpt"};

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words(1);
    auto kind = [](char c) {
        return std::isdigit(static_cast<unsigned char>(c))   ? 1
               : std::isalpha(static_cast<unsigned char>(c)) ? 2
                                                             : 0;
    };
    int last = 0;
    for (char c : text) {
        const int now = kind(c);
        if (now != last && !words.back().empty())
            words.emplace_back();
        if (now)
            words.back() += c;
        last = now;
    }
    return words;
}

std::string item_where(std::size_t index) {
    return std::string(kManifestName) + ": items[" + std::to_string(index) + "]";
}

bool is_blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// The text at object[key] when it is a string with something in it.
bool has_text(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end())
        return false;
    const auto* text = it->get_ptr<const json::string_t*>();
    return text && !is_blank(*text);
}

// parse_manifest's problems of a one-item manifest, moved from items[0] to items[index].
std::vector<Problem> relocated(std::vector<Problem> problems, std::size_t index) {
    const std::string from = item_where(0);
    const std::string to = item_where(index);
    for (auto& problem : problems)
        if (problem.where.starts_with(from))
            problem.where = to + problem.where.substr(from.size());
    return problems;
}

void errors_first(std::vector<Problem>& problems) {
    std::stable_partition(problems.begin(), problems.end(),
                          [](const Problem& p) { return p.severity == Severity::Error; });
}

}  // namespace

ItemCheck check_item(const json& item, std::size_t index) {
    // The item inside the smallest manifest the parser accepts, so every field is judged
    // by the game's own code.
    const json doc = {{"format", kManifestFormat},
                      {"id", "check"},
                      {"title", {{"en", "check"}}},
                      {"items", json::array({item})}};
    auto parsed = parse_manifest(doc.dump(-1, ' ', false, json::error_handler_t::replace));
    ItemCheck check;
    check.plays = parsed.ok() && parsed.value->items.size() == 1;
    check.problems = relocated(std::move(parsed.problems), index);
    if (!check.plays)
        for (auto& problem : check.problems)
            problem.severity = Severity::Error;
    for (auto& problem : language_problems(item, index))
        check.problems.push_back(std::move(problem));
    const auto media = item.is_object() ? item.find("media") : item.end();
    if (media != item.end() && media->is_string())
        if (auto why = media_name_problem(media->get_ref<const std::string&>()); !why.empty())
            check.problems.push_back({Severity::Error, item_where(index) + ".media", why});
    errors_first(check.problems);
    return check;
}

std::vector<Problem> language_problems(const json& item, std::size_t index) {
    std::vector<Problem> problems;
    if (!item.is_object())
        return problems;
    const auto text = item.find("explanation");
    if (text == item.end() || !text->is_object())
        return problems;
    const bool fr = has_text(*text, "fr");
    const bool en = has_text(*text, "en");
    if (!fr && !en)
        return problems;  // the game's own check says so, as an error
    const std::string at = item_where(index) + ".explanation";
    if (!en)
        problems.push_back({Severity::Warning, at + ".en",
                            "no English explanation: English players will read the French one"});
    if (!fr)
        problems.push_back({Severity::Warning, at + ".fr",
                            "no French explanation: French players will read the English one"});
    return problems;
}

bool name_gives_answer_away(std::string_view relative, std::string* word) {
    const std::string folded = fold_for_comparison(relative);
    for (const auto& each : words_of(folded))
        if (giveaway_words().count(each)) {
            *word = each;
            return true;
        }
    for (const char* part : kGiveawayParts)
        if (folded.find(part) != std::string::npos) {
            *word = part;
            return true;
        }
    return false;
}

std::string media_name_problem(std::string_view media) {
    std::string word;
    if (!name_gives_answer_away(media, &word))
        return {};
    return "\"" + std::string(media) + "\": the name gives the answer away (\"" + word +
           "\"); import the pictures with realcheck-pack to get opaque names";
}

std::string media_problem(const PackSource& source, const PackItem& item) {
    auto bytes = source.read(item.media);
    if (!bytes.ok())
        return bytes.problems.front().message;
    return media_problem(*bytes.value, item.kind);
}

std::string media_problem(std::span<const std::uint8_t> bytes, MediaKind kind) {
    return kind == MediaKind::Video ? clip_problem(bytes) : image_problem(bytes, kMaxPixels);
}

Result<LoadedPack> load_pack_as_game(SourcePtr source) {
    PackLoadDesc desc;
    desc.skip_media_checks = true;
    auto loaded = load_pack(source, desc);
    if (!loaded.ok())
        return loaded;
    auto& items = loaded.value->manifest.items;
    std::vector<PackItem> kept;
    for (auto& item : items) {
        if (auto why = media_problem(*source, item); why.empty())
            kept.push_back(std::move(item));
        else
            loaded.problems.push_back(
                {Severity::Warning, item_location(item), item.media + ": " + why});
    }
    items = std::move(kept);
    if (items.size() < kMinPlayableItems) {
        loaded.problems.push_back(
            {Severity::Error, source->locate(kManifestName), too_few_items(items.size())});
        loaded.value.reset();
    }
    return loaded;
}

}  // namespace rc::content
