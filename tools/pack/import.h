// `realcheck-pack import`: a facilitator's folder (pictures sorted in real/, generated/,
// edited/ or their French names, and/or a spreadsheet) into a pack folder. Each picture
// goes through the media step (media/prepare.h: provenance read, metadata stripped) and
// gets an opaque name and an id from a hash of its bytes, so importing the same folder
// again updates the pack: a cell the spreadsheet fills wins, an empty one keeps what the
// pack already says (edits made since), and no item is duplicated.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "content/problem.h"
#include "tools/pack/media/prepare.h"

namespace rc::packtool {

struct ImportDesc {
    std::filesystem::path source;  // the facilitator's folder
    std::filesystem::path out;     // the pack folder (created, or updated)
    int max_side = 0;              // 0 → the media step's default
    // Called before each file: (index, count, file).
    std::function<void(std::size_t, std::size_t, const std::string&)> progress;
};

struct ImportedItem {
    std::string id;
    std::string file;         // relative to the source folder
    std::string media;        // relative to the pack
    std::string answer;       // "real", "generated", "edited"
    std::string answer_from;  // "folder", "spreadsheet", "metadata", "pack"
    bool is_new = false;
    packmedia::Provenance provenance;
    std::vector<std::string> stripped;
    std::vector<std::string> changes;
};

struct ImportReport {
    bool written = false;  // pack.json was written
    std::vector<ImportedItem> items;
    std::size_t kept_from_pack = 0;  // items of the pack no longer in the source, kept
    std::string sheet;               // "items.csv (UTF-8 with BOM, ';')" or empty
    std::vector<content::Problem> problems;
};

ImportReport import_pack(const ImportDesc& desc);

// 16 hex digits of a stable 64-bit hash (FNV-1a) of the bytes: ids and media names.
std::string content_hash(const std::vector<std::uint8_t>& bytes);

// Picture and clip file names the import picks up (by extension, any case).
bool is_media_name(const std::string& name);

}  // namespace rc::packtool
