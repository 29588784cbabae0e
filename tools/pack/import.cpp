// The import; see import.h.
#include "tools/pack/import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "content/manifest.h"
#include "content/pack.h"
#include "engine/store/atomic_file.h"
#include "tools/pack/columns.h"
#include "tools/pack/spreadsheet.h"
#include "tools/pack/text.h"

namespace rc::packtool {

namespace fs = std::filesystem;
using content::Severity;
using nlohmann::json;

namespace {

constexpr std::uintmax_t kMaxSheetBytes = 64u << 20;

struct SourceFile {
    std::string relative;  // '/'-separated
    fs::path path;
    std::optional<content::Answer> folder_answer;
};

// The answer the first folder of the path gives ("Généré/chat.jpg" → generated).
std::optional<content::Answer> folder_answer(const std::string& relative) {
    const auto slash = relative.find('/');
    if (slash == std::string::npos)
        return std::nullopt;
    return answer_from_folder(relative.substr(0, slash));
}

bool inside(const fs::path& path, const fs::path& folder) {
    std::error_code ec;
    const auto a = fs::weakly_canonical(path, ec), b = fs::weakly_canonical(folder, ec);
    auto [end, ignored] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
    return end == b.end();
}

std::vector<SourceFile> scan_source(const ImportDesc& desc, std::vector<content::Problem>& out) {
    std::vector<SourceFile> files;
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(desc.source, fs::directory_options::none, ec);
    if (ec) {
        out.push_back({Severity::Error, desc.source.string(), "cannot read: " + ec.message()});
        return files;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        if (name.starts_with(".") || (it->is_directory(ec) && inside(path, desc.out))) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || !is_media_name(name))
            continue;
        SourceFile file;
        file.relative = fs::relative(path, desc.source, ec).generic_string();
        file.path = path;
        file.folder_answer = folder_answer(file.relative);
        files.push_back(std::move(file));
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
    return files;
}

std::optional<Sheet> read_source_sheet(const fs::path& source, std::string* label) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(source, ec)) {
        const std::string name = entry.path().filename().string();
        for (const char* wanted : kSheetNames) {
            if (fold(name) != wanted || !entry.is_regular_file(ec))
                continue;
            std::string why;
            auto text = engine::read_small_file(entry.path(), &why, kMaxSheetBytes);
            *label = name;
            if (!text) {
                Sheet sheet;
                sheet.label = name;
                sheet.problems.push_back({Severity::Error, name, "cannot read: " + why});
                return sheet;
            }
            return read_sheet(*text, name);
        }
    }
    return std::nullopt;
}

// Which source file each spreadsheet row names: the path from the folder, else the file
// name alone when one file has it; compared without case or accents.
std::map<std::string, const SheetRow*> match_rows(const Sheet& sheet,
                                                  const std::vector<SourceFile>& files,
                                                  std::vector<content::Problem>& problems) {
    std::map<std::string, std::vector<std::string>> by_path, by_name;
    for (const auto& file : files) {
        by_path[fold(file.relative)].push_back(file.relative);
        by_name[fold(fs::path(file.relative).filename().string())].push_back(file.relative);
    }
    std::map<std::string, const SheetRow*> rows;
    for (const auto& row : sheet.rows) {
        std::string wanted = row.file;
        std::replace(wanted.begin(), wanted.end(), '\\', '/');
        const std::string at = sheet.label + ":" + std::to_string(row.line);
        const auto* found = by_path.count(fold(wanted)) ? &by_path[fold(wanted)] : nullptr;
        if (!found && by_name.count(fold(fs::path(wanted).filename().string())))
            found = &by_name[fold(fs::path(wanted).filename().string())];
        if (!found) {
            problems.push_back(
                {Severity::Error, at,
                 "file: \"" + row.file + "\" is not a picture or clip of the folder"});
            continue;
        }
        if (found->size() > 1) {
            problems.push_back({Severity::Error, at,
                                "file: \"" + row.file + "\" names several files (" + found->at(0) +
                                    ", " + found->at(1) + "): write its folder too"});
            continue;
        }
        if (!rows.emplace(found->front(), &row).second)
            problems.push_back(
                {Severity::Error, at,
                 "file: \"" + row.file + "\" has another row above: this one is left out"});
    }
    return rows;
}

std::optional<content::Answer> suggested_answer(const packmedia::Provenance& provenance) {
    switch (provenance.suggested) {
        case packmedia::SuggestedAnswer::Real:
            return content::Answer::Real;
        case packmedia::SuggestedAnswer::Generated:
            return content::Answer::Generated;
        case packmedia::SuggestedAnswer::Edited:
            return content::Answer::Edited;
        case packmedia::SuggestedAnswer::None:
            break;
    }
    return std::nullopt;
}

json tell_json(const content::Tell& tell) {
    json note = json::object();
    if (!tell.note.fr.empty())
        note["fr"] = tell.note.fr;
    if (!tell.note.en.empty())
        note["en"] = tell.note.en;
    json out = {{"x", tell.x}, {"y", tell.y}, {"r", tell.r}, {"note", note}};
    if (tell.t0)
        out["t0"] = *tell.t0;
    if (tell.t1)
        out["t1"] = *tell.t1;
    return out;
}

void set_if(json& object, const char* key, const std::string& value) {
    if (!value.empty())
        object[key] = value;
}

// The row's filled cells over what the item already holds.
void apply_row(const SheetRow& row, json& item) {
    json& source = item["source"];
    if (!source.is_object())
        source = json::object();
    set_if(source, "credit", row.credit);
    set_if(source, "license", row.license);
    set_if(source, "url", row.source_url);
    json& explanation = item["explanation"];
    if (!explanation.is_object())
        explanation = json::object();
    set_if(explanation, "fr", row.explanation_fr);
    set_if(explanation, "en", row.explanation_en);
    set_if(item, "generator", row.generator);
    set_if(item, "prompt", row.prompt);
    set_if(item, "category", row.category);
    if (row.difficulty)
        item["difficulty"] = *row.difficulty;
    if (row.tells) {
        item["tells"] = json::array();
        for (const auto& tell : *row.tells)
            item["tells"].push_back(tell_json(tell));
    }
}

// Fields the format requires, present (empty) so the pack's shape is complete and the
// spreadsheet export shows what is left to fill.
void complete_item(json& item) {
    if (!item["source"].is_object())
        item["source"] = json::object();
    for (const char* key : {"credit", "license"})
        if (!item["source"].contains(key))
            item["source"][key] = "";
    if (!item["explanation"].is_object())
        item["explanation"] = json::object();
    if (!item.contains("generator"))
        item["generator"] = nullptr;
    if (!item.contains("tells"))
        item["tells"] = json::array();
}

json provenance_json(const packmedia::PreparedMedia& media) {
    json out = {{"findings", media.provenance.findings}};
    if (auto answer = suggested_answer(media.provenance))
        out["suggested"] = std::string(content::to_string(*answer));
    return out;
}

struct Existing {
    json doc;
    std::map<std::string, std::size_t> by_id, by_file;
};

Existing read_existing(const fs::path& out, std::vector<content::Problem>& problems) {
    Existing existing;
    std::string why;
    const fs::path file = out / content::kManifestName;
    auto text = engine::read_small_file(file, &why, content::kMaxManifestBytes);
    if (!text) {
        if (!why.empty())
            problems.push_back({Severity::Error, file.string(), why});
        return existing;
    }
    existing.doc = json::parse(*text, nullptr, false);
    if (!existing.doc.is_object() || !existing.doc["items"].is_array()) {
        problems.push_back({Severity::Error, file.string(),
                            "not a pack.json the tool can update (not JSON, or no items): "
                            "import into a new folder, or fix it"});
        existing.doc = json();
        return existing;
    }
    const auto& items = existing.doc["items"];
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_object())
            continue;
        if (auto* id = items[i]["id"].get_ptr<const json::string_t*>())
            existing.by_id.emplace(*id, i);
        if (items[i]["origin"].is_object())
            if (auto* f = items[i]["origin"]["file"].get_ptr<const json::string_t*>())
                existing.by_file.emplace(fold(*f), i);
    }
    return existing;
}

// A new pack is named after its folder ("mon-pack/" and "." too).
json new_manifest(const fs::path& out) {
    std::error_code ec;
    fs::path folder = fs::absolute(out, ec).lexically_normal();
    if (folder.filename().empty())
        folder = folder.parent_path();
    std::string id;
    for (char c : fold(folder.filename().string()))
        id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
    if (id.empty())
        id = "pack";
    const std::string title = folder.filename().empty() ? "pack" : folder.filename().string();
    return {{"format", content::kManifestFormat},
            {"id", id},
            {"title", {{"fr", title}, {"en", title}}},
            {"authors", json::array()},
            {"items", json::array()}};
}

struct Importer {
    const ImportDesc& desc;
    ImportReport& report;
    Existing existing;
    std::set<std::size_t> used_existing;
    json items = json::array();
    std::set<std::string> ids;

    void add(const SourceFile& file, const SheetRow* row) {
        packmedia::PrepareOptions options;
        if (desc.max_side > 0)
            options.max_side = desc.max_side;
        auto media = packmedia::prepare_media(file.path, options);
        if (!media.ok) {
            report.problems.push_back({Severity::Error, file.relative, media.error + ": left out"});
            return;
        }
        std::string why;
        auto original = engine::read_small_file(file.path, &why, content::kMaxPackFileBytes);
        const std::string hash = content_hash(
            original ? std::vector<std::uint8_t>(original->begin(), original->end()) : media.bytes);
        if (!ids.insert(hash).second) {
            report.problems.push_back({Severity::Warning, file.relative,
                                       "the same file as another one already imported: left out"});
            return;
        }
        ImportedItem imported;
        imported.id = hash;
        imported.file = file.relative;
        imported.media = "media/" + hash + media.extension;
        json item = json::object();
        if (auto found = find_existing(hash, file.relative)) {
            item = existing.doc["items"][*found];
            used_existing.insert(*found);
        } else {
            imported.is_new = true;
        }
        if (!decide_answer(file, row, media, item, imported))
            return;
        item["id"] = hash;
        item["media"] = imported.media;
        item["kind"] = media.is_clip ? "video" : "image";
        item["answer"] = imported.answer;
        item["origin"] = {{"file", file.relative}};
        item["provenance"] = provenance_json(media);
        if (row)
            apply_row(*row, item);
        complete_item(item);
        if (auto why = write_media(imported.media, media.bytes); !why.empty()) {
            report.problems.push_back({Severity::Error, file.relative, why});
            return;
        }
        imported.provenance = media.provenance;
        imported.stripped = media.stripped;
        imported.changes = media.changes;
        items.push_back(std::move(item));
        report.items.push_back(std::move(imported));
    }

    std::optional<std::size_t> find_existing(const std::string& id, const std::string& file) {
        if (auto it = existing.by_id.find(id); it != existing.by_id.end())
            return it->second;
        if (auto it = existing.by_file.find(fold(file));
            it != existing.by_file.end() && !used_existing.count(it->second))
            return it->second;
        return std::nullopt;
    }

    // The spreadsheet's answer, else the folder's, else the file's own metadata, else what
    // the pack already had. A disagreement is worth a warning: one of them is a mistake.
    bool decide_answer(const SourceFile& file, const SheetRow* row,
                       const packmedia::PreparedMedia& media, const json& item,
                       ImportedItem& imported) {
        const auto sheet = row ? row->answer : std::nullopt;
        const auto metadata = suggested_answer(media.provenance);
        std::optional<content::Answer> answer;
        if (sheet) {
            answer = sheet;
            imported.answer_from = "spreadsheet";
        } else if (file.folder_answer) {
            answer = file.folder_answer;
            imported.answer_from = "folder";
        } else if (auto* kept = item.contains("answer")
                                    ? item["answer"].get_ptr<const json::string_t*>()
                                    : nullptr;
                   kept && content::answer_from_string(*kept)) {
            answer = content::answer_from_string(*kept);
            imported.answer_from = "pack";
        } else if (metadata) {
            answer = metadata;
            imported.answer_from = "metadata";
            report.problems.push_back(
                {Severity::Warning, file.relative,
                 "no answer given: \"" + std::string(content::to_string(*metadata)) +
                     "\" taken from what the file says about itself; check it"});
        }
        if (!answer) {
            report.problems.push_back(
                {Severity::Error, file.relative,
                 "no answer: put the file in real/, generated/ or edited/ (reel/, genere/, "
                 "modifie/), or fill its answer column; left out"});
            return false;
        }
        if (sheet && file.folder_answer &&
            content::as_two_answer(*sheet) != content::as_two_answer(*file.folder_answer))
            report.problems.push_back({Severity::Warning, file.relative,
                                       "the spreadsheet says \"" +
                                           std::string(content::to_string(*sheet)) +
                                           "\" but the folder says \"" +
                                           std::string(content::to_string(*file.folder_answer)) +
                                           "\": the spreadsheet wins"});
        if (metadata && content::as_two_answer(*metadata) != content::as_two_answer(*answer))
            report.problems.push_back({Severity::Warning, file.relative,
                                       "the answer is \"" +
                                           std::string(content::to_string(*answer)) +
                                           "\" but the file's metadata points to \"" +
                                           std::string(content::to_string(*metadata)) + "\"" +
                                           (media.provenance.findings.empty()
                                                ? std::string()
                                                : " (" + media.provenance.findings.front() + ")")});
        imported.answer = std::string(content::to_string(*answer));
        return true;
    }

    std::string write_media(const std::string& relative, const std::vector<std::uint8_t>& bytes) {
        const fs::path file = desc.out / relative;
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        return engine::write_file_atomically(
            file, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    }

    // Items of the pack whose picture is no longer in the folder stay: they may hold work.
    void keep_the_rest() {
        if (!existing.doc.is_object())
            return;
        const auto& old = existing.doc["items"];
        for (std::size_t i = 0; i < old.size(); ++i) {
            if (used_existing.count(i))
                continue;
            if (old[i].is_object())
                if (auto* id = old[i]["id"].get_ptr<const json::string_t*>(); id && ids.count(*id))
                    continue;
            items.push_back(old[i]);
            ++report.kept_from_pack;
        }
    }

    // Media files this tool wrote that no item names any more.
    void remove_stale_media() {
        std::set<std::string> named;
        for (const auto& item : items)
            if (item.is_object())
                if (auto* media = item["media"].get_ptr<const json::string_t*>())
                    named.insert(*media);
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(desc.out / "media", ec)) {
            const std::string relative = "media/" + entry.path().filename().string();
            const std::string stem = entry.path().stem().string();
            if (!named.count(relative) && stem.size() == 16 &&
                stem.find_first_not_of("0123456789abcdef") == std::string::npos)
                fs::remove(entry.path(), ec);
        }
    }
};

}  // namespace

std::string content_hash(const std::vector<std::uint8_t>& bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (auto byte : bytes) {
        hash ^= byte;
        hash *= 1099511628211ull;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

bool is_media_name(const std::string& name) {
    static const char* kExtensions[] = {".jpg",  ".jpeg", ".png", ".webp", ".gif", ".heic",
                                        ".heif", ".avif", ".mp4", ".m4v",  ".mov", ".webm"};
    const std::string lower = fold(name);
    for (const char* extension : kExtensions)
        if (lower.ends_with(extension))
            return true;
    return false;
}

ImportReport import_pack(const ImportDesc& desc) {
    ImportReport report;
    std::error_code ec;
    if (!fs::is_directory(desc.source, ec)) {
        report.problems.push_back({Severity::Error, desc.source.string(), "is not a folder"});
        return report;
    }
    Importer importer{desc, report,        read_existing(desc.out, report.problems),
                      {},   json::array(), {}};
    if (fs::exists(desc.out / content::kManifestName, ec) && !importer.existing.doc.is_object())
        return report;  // never overwrite a pack.json that could not be read
    const auto files = scan_source(desc, report.problems);
    std::string label;
    std::optional<Sheet> sheet = read_source_sheet(desc.source, &label);
    std::map<std::string, const SheetRow*> rows;
    if (sheet) {
        report.sheet =
            label + " (" + sheet->encoding + ", '" +
            (sheet->separator == '\t' ? std::string("tab") : std::string(1, sheet->separator)) +
            "')";
        report.problems.insert(report.problems.end(), sheet->problems.begin(),
                               sheet->problems.end());
        rows = match_rows(*sheet, files, report.problems);
    }
    if (files.empty())
        report.problems.push_back({Severity::Error, desc.source.string(),
                                   "no pictures or clips found (.jpg, .png, .webp, .gif, .heic, "
                                   ".mp4, .mov, .webm)"});
    fs::create_directories(desc.out, ec);
    if (ec) {
        report.problems.push_back(
            {Severity::Error, desc.out.string(), "cannot create: " + ec.message()});
        return report;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (desc.progress)
            desc.progress(i, files.size(), files[i].relative);
        auto row = rows.find(files[i].relative);
        importer.add(files[i], row == rows.end() ? nullptr : row->second);
    }
    if (desc.progress)
        desc.progress(files.size(), files.size(), {});
    importer.keep_the_rest();
    json doc = importer.existing.doc.is_object() ? importer.existing.doc : new_manifest(desc.out);
    doc["items"] = importer.items;
    const std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    if (auto why = engine::write_file_atomically(desc.out / content::kManifestName, text);
        !why.empty()) {
        report.problems.push_back(
            {Severity::Error, (desc.out / content::kManifestName).string(), why});
        return report;
    }
    report.written = true;
    importer.remove_stale_media();
    return report;
}

}  // namespace rc::packtool
