// The validator; see validate.h.
#include "tools/pack/validate.h"

#include <charconv>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "content/pack.h"
#include "content/pack_check.h"
#include "tools/pack/media/prepare.h"
#include "tools/pack/pack_io.h"
#include "tools/pack/spreadsheet.h"
#include "tools/pack/text.h"

namespace rc::packtool {

namespace fs = std::filesystem;
using content::Severity;
using nlohmann::json;

namespace {

std::string relative_where(std::string where, const std::string& prefix) {
    if (!prefix.empty() && where.starts_with(prefix))
        where = std::string(content::kManifestName) + where.substr(prefix.size());
    return where;
}

// "pack.json: items[12].answer" → 12.
std::optional<std::size_t> item_index(const std::string& where) {
    const auto at = where.find("items[");
    if (at == std::string::npos)
        return std::nullopt;
    std::size_t index = 0;
    const char* begin = where.data() + at + 6;
    const auto [end, ec] = std::from_chars(begin, where.data() + where.size(), index);
    if (ec != std::errc() || *end != ']')
        return std::nullopt;
    return index;
}

struct Checker {
    const content::PackSource& source;
    ValidateReport& report;
    std::shared_ptr<const fs::path> scratch;

    void add(Severity severity, std::string where, std::string message) {
        report.problems.push_back({severity, std::move(where), std::move(message)});
    }

    // The game's checks; an item it leaves out is an error here.
    void game_checks(const json& items) {
        const std::string prefix = source.locate(content::kManifestName);
        auto loaded = load_pack_as_game(
            std::shared_ptr<const content::PackSource>(&source, [](const content::PackSource*) {}));
        std::set<std::size_t> playable;
        if (loaded.ok())
            for (const auto& item : loaded.value->manifest.items)
                playable.insert(item.manifest_index);
        for (auto& problem : loaded.problems) {
            problem.where = relative_where(problem.where, prefix);
            const auto index = item_index(problem.where);
            if (index && !playable.count(*index) && index < items.size())
                problem.severity = Severity::Error;
            report.problems.push_back(std::move(problem));
        }
    }

    void language_checks(const json& items) {
        for (std::size_t i = 0; i < items.size(); ++i)
            for (auto& problem : content::language_problems(items[i], i))
                report.problems.push_back(std::move(problem));
    }

    // A file of the pack on disk, for the media step's checks (a zip's or a link's file
    // is copied out first).
    std::optional<fs::path> local_file(const std::string& media) {
        if (source.kind() == content::SourceKind::Folder) {
            if (!source.read(media).ok())  // the source's path checks (no link out)
                return std::nullopt;
            return fs::path(source.where()) / media;
        }
        auto bytes = source.read(media);
        if (!bytes.ok() || !scratch)
            return std::nullopt;
        const fs::path file = *scratch / ("check-" + std::to_string(copies_++) +
                                          fs::path(media).extension().string());
        std::ofstream out(file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.value->data()),
                  static_cast<std::streamsize>(bytes.value->size()));
        return out.good() ? std::optional<fs::path>(file) : std::nullopt;
    }

    void media_checks(const json& items) {
        std::vector<std::pair<std::string, std::uint64_t>> hashes;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!items[i].is_object() || !items[i].contains("media"))
                continue;
            const auto* media = items[i]["media"].get_ptr<const json::string_t*>();
            if (!media || !content::check_media_path(*media, nullptr) ||
                !seen.insert(*media).second)
                continue;
            const std::string at = "pack.json: items[" + std::to_string(i) + "].media";
            if (auto why = content::media_name_problem(*media); !why.empty())
                add(Severity::Error, at, why);
            const auto file = local_file(*media);
            if (!file)
                continue;
            const auto left = packmedia::leftover_metadata(*file);
            if (!left.empty())
                add(Severity::Error, at,
                    "\"" + *media + "\" still holds metadata (" + join_words(left) +
                        "), which can give the answer away or a place; "
                        "import it again with realcheck-pack to strip it");
            if (auto hash = packmedia::perceptual_hash(*file))
                check_near_duplicate(at, *media, *hash, hashes);
        }
    }

    void check_near_duplicate(const std::string& at, const std::string& media, std::uint64_t hash,
                              std::vector<std::pair<std::string, std::uint64_t>>& hashes) {
        for (const auto& [other, other_hash] : hashes)
            if (packmedia::hash_distance(hash, other_hash) <= packmedia::kNearDuplicateDistance) {
                add(Severity::Warning, at,
                    "\"" + media + "\" looks like \"" + other +
                        "\" (nearly the same picture): players would see it twice");
                break;
            }
        hashes.emplace_back(media, hash);
    }

    static std::string join_words(const std::vector<std::string>& words) {
        std::string out;
        for (const auto& word : words)
            out += (out.empty() ? "" : ", ") + word;
        return out;
    }

    std::size_t copies_ = 0;
};

void check_sheet(const content::PackSource& source, ValidateReport& report) {
    for (const char* name : kSheetNames) {
        auto bytes = source.read(name);
        if (!bytes.ok())
            continue;
        auto sheet = read_sheet(std::string_view(reinterpret_cast<const char*>(bytes.value->data()),
                                                 bytes.value->size()),
                                name);
        report.problems.insert(report.problems.end(), sheet.problems.begin(), sheet.problems.end());
        if (!source.list().empty())
            for (const auto& row : sheet.rows) {
                bool found = false;
                for (const auto& file : source.list())
                    found = found || fold(file) == fold(row.file) ||
                            fold(fs::path(file).filename().string()) == fold(row.file);
                if (!found)
                    report.problems.push_back({Severity::Error,
                                               std::string(name) + ":" + std::to_string(row.line),
                                               "file: \"" + row.file + "\" is not in the folder"});
            }
        if (report.items == 0)
            report.items = sheet.rows.size();
        return;
    }
}

}  // namespace

bool ValidateReport::has_errors() const {
    for (const auto& problem : problems)
        if (problem.severity == Severity::Error)
            return true;
    return false;
}

ValidateReport validate(const std::string& location) {
    ValidateReport report;
    auto opened = open_pack(location);
    if (!opened.ok()) {
        report.problems = std::move(opened.problems);
        return report;
    }
    const auto& source = *opened.value->source;
    auto manifest_bytes = source.read(content::kManifestName, content::kMaxManifestBytes);
    const bool has_manifest = manifest_bytes.ok();
    if (source.kind() == content::SourceKind::Folder)
        check_sheet(source, report);
    if (!has_manifest) {
        if (report.items == 0 && report.problems.empty())
            report.problems = std::move(manifest_bytes.problems);
        return report;
    }
    const json doc =
        json::parse(manifest_bytes.value->begin(), manifest_bytes.value->end(), nullptr, false);
    const json items = doc.is_object() && doc.contains("items") && doc["items"].is_array()
                           ? doc["items"]
                           : json::array();
    report.items = items.size();
    auto scratch = opened.value->scratch;
    Checker checker{source, report, scratch ? scratch : make_scratch_folder()};
    checker.game_checks(items);
    checker.language_checks(items);
    checker.media_checks(items);
    return report;
}

}  // namespace rc::packtool
