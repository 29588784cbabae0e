// info, export and new; see pack_items.h.
#include "tools/pack/pack_items.h"

#include <nlohmann/json.hpp>

#include "content/pack.h"
#include "engine/store/atomic_file.h"
#include "tools/pack/csv.h"
#include "tools/pack/pack_io.h"
#include "tools/pack/spreadsheet.h"

namespace rc::packtool {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string text_of(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key))
        return {};
    auto* text = object[key].get_ptr<const json::string_t*>();
    return text ? *text : std::string();
}

content::LocalizedText localized(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key))
        return {};
    const json& value = object[key];
    if (value.is_string())
        return {value.get<std::string>(), value.get<std::string>()};
    return {text_of(value, "fr"), text_of(value, "en")};
}

std::optional<float> number_of(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_number())
        return std::nullopt;
    return object[key].get<float>();
}

// Whatever the item holds, read without refusing anything.
content::PackItem lenient_item(const json& raw) {
    content::PackItem item;
    item.id = text_of(raw, "id");
    item.media = text_of(raw, "media");
    item.kind =
        text_of(raw, "kind") == "video" ? content::MediaKind::Video : content::MediaKind::Image;
    item.answer =
        content::answer_from_string(text_of(raw, "answer")).value_or(content::Answer::Real);
    if (raw.is_object() && raw.contains("source")) {
        item.source.credit = text_of(raw["source"], "credit");
        item.source.license = text_of(raw["source"], "license");
        item.source.url = text_of(raw["source"], "url");
    }
    item.generator = text_of(raw, "generator");
    item.explanation = localized(raw, "explanation");
    item.category = text_of(raw, "category");
    if (raw.is_object() && raw.contains("difficulty") && raw["difficulty"].is_number_integer())
        item.difficulty = raw["difficulty"].get<int>();
    if (raw.is_object() && raw.contains("tells") && raw["tells"].is_array())
        for (const auto& each : raw["tells"]) {
            content::Tell tell;
            tell.x = number_of(each, "x").value_or(0);
            tell.y = number_of(each, "y").value_or(0);
            tell.r = number_of(each, "r").value_or(0);
            tell.t0 = number_of(each, "t0");
            tell.t1 = number_of(each, "t1");
            tell.note = localized(each, "note");
            item.tells.push_back(std::move(tell));
        }
    return item;
}

struct RawPack {
    OpenedPack opened;
    json doc;
};

content::Result<RawPack> read_raw(const std::string& location) {
    auto opened = open_pack(location);
    if (!opened.ok())
        return content::refusal<RawPack>(std::move(opened.problems));
    auto bytes = opened.value->source->read(content::kManifestName, content::kMaxManifestBytes);
    if (!bytes.ok())
        return content::refusal<RawPack>(std::move(bytes.problems));
    json doc = json::parse(bytes.value->begin(), bytes.value->end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array())
        return content::refusal<RawPack>(opened.value->source->locate(content::kManifestName),
                                         "not a pack.json with an items array");
    return {RawPack{std::move(*opened.value), std::move(doc)}, {}};
}

std::string difficulty_name(int level) {
    return level ? std::to_string(level) : "-";
}

}  // namespace

content::Result<PackInfo> pack_info(const std::string& location) {
    auto raw = read_raw(location);
    if (!raw.ok())
        return content::refusal<PackInfo>(std::move(raw.problems));
    const json& doc = raw.value->doc;
    PackInfo info;
    info.id = text_of(doc, "id");
    info.title = localized(doc, "title");
    info.title_fr = !info.title.fr.empty();
    info.title_en = !info.title.en.empty();
    const auto& source = *raw.value->opened.source;
    info.size_bytes = source.size_bytes().value_or(0);
    for (const auto& raw_item : doc["items"]) {
        const auto item = lenient_item(raw_item);
        ++info.items;
        ++info.by_answer[text_of(raw_item, "answer").empty()
                             ? "?"
                             : std::string(content::to_string(item.answer))];
        ++info.by_kind[item.kind == content::MediaKind::Video ? "video" : "image"];
        ++info.by_category[item.category.empty() ? "-" : item.category];
        ++info.by_difficulty[difficulty_name(item.difficulty)];
        info.explained_fr += !item.explanation.fr.empty();
        info.explained_en += !item.explanation.en.empty();
        if (raw_item.is_object() && raw_item.contains("provenance") &&
            raw_item["provenance"].is_object() && raw_item["provenance"].contains("findings") &&
            raw_item["provenance"]["findings"].is_array() &&
            !raw_item["provenance"]["findings"].empty()) {
            ++info.with_provenance;
            for (const auto& finding : raw_item["provenance"]["findings"])
                if (finding.is_string())
                    ++info.findings[finding.get<std::string>()];
        }
    }
    return {std::move(info), {}};
}

std::string info_json(const PackInfo& info) {
    json out = {{"id", info.id},
                {"title", {{"fr", info.title.fr}, {"en", info.title.en}}},
                {"items", info.items},
                {"by_answer", info.by_answer},
                {"by_kind", info.by_kind},
                {"by_category", info.by_category},
                {"by_difficulty", info.by_difficulty},
                {"languages",
                 {{"title", {{"fr", info.title_fr}, {"en", info.title_en}}},
                  {"explanations", {{"fr", info.explained_fr}, {"en", info.explained_en}}}}},
                {"size_bytes", info.size_bytes},
                {"provenance", {{"items", info.with_provenance}, {"findings", info.findings}}}};
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

content::Result<std::size_t> export_csv(const std::string& location, const fs::path& file,
                                        content::Lang lang) {
    auto raw = read_raw(location);
    if (!raw.ok())
        return content::refusal<std::size_t>(std::move(raw.problems));
    std::vector<std::vector<std::string>> rows = {sheet_header(lang)};
    for (const auto& raw_item : raw.value->doc["items"]) {
        const auto item = lenient_item(raw_item);
        std::string origin = raw_item.is_object() && raw_item.contains("origin")
                                 ? text_of(raw_item["origin"], "file")
                                 : std::string();
        rows.push_back(sheet_row(item, origin.empty() ? item.media : origin,
                                 text_of(raw_item, "prompt"), lang));
        // No answer stays no answer: the lenient read's default must not become one.
        if (!content::answer_from_string(text_of(raw_item, "answer")))
            for (std::size_t i = 0; i < all_columns().size(); ++i)
                if (all_columns()[i] == Column::Answer)
                    rows.back()[i].clear();
    }
    const char separator = lang == content::Lang::Fr ? ';' : ',';
    if (auto why = engine::write_file_atomically(file, write_csv(rows, separator)); !why.empty())
        return content::refusal<std::size_t>(file.string(), why);
    return {rows.size() - 1, {}};
}

content::Result<std::vector<std::string>> make_starting_folder(const fs::path& dir,
                                                               content::Lang lang) {
    std::error_code ec;
    for (const char* sub : {"real", "generated", "edited"}) {
        fs::create_directories(dir / sub, ec);
        if (ec)
            return content::refusal<std::vector<std::string>>((dir / sub).string(),
                                                              "cannot create: " + ec.message());
    }
    std::vector<std::string> kept;
    const std::vector<std::pair<std::string, std::string>> files = {
        {"items.csv", write_csv({sheet_header(lang)}, lang == content::Lang::Fr ? ';' : ',')},
        {"LISEZ-MOI.txt", how_to_text(content::Lang::Fr)},
        {"README.txt", how_to_text(content::Lang::En)}};
    for (const auto& [name, text] : files) {
        if (fs::exists(dir / name, ec)) {
            kept.push_back(name);
            continue;
        }
        if (auto why = engine::write_file_atomically(dir / name, text); !why.empty())
            return content::refusal<std::vector<std::string>>((dir / name).string(), why);
    }
    return {std::move(kept), {}};
}

}  // namespace rc::packtool
