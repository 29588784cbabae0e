// Where the pack tool reads and writes packs: a pack given as a folder, its pack.json, a
// .zip or an http(s) link (a zip link is downloaded to a temporary file, a folder link
// is read file by file, both with the game's safe download code), all read through the
// game's PackSource; and the zip a pack is shared as.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "content/source.h"

namespace rc::packtool {

// A pack opened for reading, and the temporary files that hold it while it is read.
struct OpenedPack {
    content::SourcePtr source;
    std::shared_ptr<const std::filesystem::path> scratch;  // removed with the last copy
};

content::Result<OpenedPack> open_pack(const std::string& location);

// A new empty folder under the system's temporary folder, removed with the last copy.
std::shared_ptr<const std::filesystem::path> make_scratch_folder();

// Every file of the pack (pack.json and each item's media, plus what else a folder or zip
// holds but hidden files and the spreadsheet) into a zip at `out`, written beside it and
// renamed in place. Returns "" or why not.
std::string write_pack_zip(const content::PackSource& source, const std::filesystem::path& out);

}  // namespace rc::packtool
