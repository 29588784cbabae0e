// `info`, `export` and `new`: what a pack holds, the pack back to a spreadsheet, and a
// starting folder for a facilitator. Items are read leniently from pack.json (an item
// the game would leave out, say for a missing credit, is still counted and exported, so
// the spreadsheet shows what is left to fill).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "content/problem.h"

namespace rc::packtool {

struct PackInfo {
    std::string id;
    content::LocalizedText title;
    std::size_t items = 0;
    std::map<std::string, std::size_t> by_answer, by_kind, by_category, by_difficulty;
    std::size_t explained_fr = 0, explained_en = 0;
    bool title_fr = false, title_en = false;
    std::uint64_t size_bytes = 0;
    std::size_t with_provenance = 0;
    std::map<std::string, std::size_t> findings;  // "EXIF Software: Adobe Firefly" → count
};

content::Result<PackInfo> pack_info(const std::string& location);
std::string info_json(const PackInfo& info);

// The pack's items as the template's columns, written atomically to `file`; French
// headers and ';' (what French Excel reads) for Lang::Fr, else English and ','.
content::Result<std::size_t> export_csv(const std::string& location,
                                        const std::filesystem::path& file, content::Lang lang);

// real/, generated/, edited/, items.csv (the header row), LISEZ-MOI.txt and README.txt;
// files already there are kept. Returns the names kept, or problems.
content::Result<std::vector<std::string>> make_starting_folder(const std::filesystem::path& dir,
                                                               content::Lang lang);

// The how-to texts written by make_starting_folder.
std::string how_to_text(content::Lang lang);

}  // namespace rc::packtool
