// The pack library: the packs this device knows, in <data_dir>/library/. A catalog
// (library.json, versioned, written atomically) lists every pack opened from disk, the
// demo, and the packs downloaded from a link, whose copies live in library/packs/<key>.zip
// or library/packs/<key>/. Downloading (fetch, library_fetch.cpp) is native only: in the
// browser the service worker keeps packs. A catalog that cannot be read is moved aside
// (library.json.corrupt-N) and never overwritten blindly.
//
// A fetch either adds or replaces a pack that validated, or leaves the library exactly as
// it was (no temporary file left, catalog and copies unchanged) with located problems.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "content/pack.h"
#include "content/problem.h"
#include "engine/net/download.h"
#include "game/progress.h"

namespace rc::game {

inline constexpr int kLibraryFormat = 1;

struct FetchJob;  // library_fetch.cpp

enum class Origin { Demo, Link, Disk };

struct AnswerCounts {
    std::size_t real = 0;
    std::size_t generated = 0;
    std::size_t edited = 0;
};

struct LibraryEntry {
    std::string key;  // stable, from the link or the location; [a-z0-9-] only
    Origin origin = Origin::Disk;
    std::string location;  // what to open: a folder or a zip file (absolute)
    std::string url;       // the link, for downloaded packs
    content::LocalizedText title;
    AnswerCounts counts;
    bool has_fr = false;  // the title and every explanation exist in French
    bool has_en = false;
    std::uint64_t size_bytes = 0;
    std::string etag;           // of the downloaded copy, for conditional requests
    std::string last_modified;  // likewise
    std::string added_at;       // UTC ISO 8601
    std::string updated_at;
};

struct FetchDesc {
    std::uint64_t max_bytes = engine::kDefaultMaxDownloadBytes;  // the whole pack
    int connect_timeout_seconds = 0;  // 0 → engine defaults (tests shorten them)
    int stall_timeout_seconds = 0;
};

struct FetchOutcome {
    // The local copy to open (a zip file or a folder); empty when the fetch failed.
    std::filesystem::path location;
    std::string key;
    // Errors (where = the link) when the fetch failed; the pack's warnings otherwise.
    std::vector<content::Problem> problems;
    // Set when an older copy was opened: the link was unchanged (304) or unreachable.
    bool from_copy = false;
    // "could not reach <url> (…); opened the copy downloaded on 2024-05-01", else empty.
    std::string note;

    bool ok() const { return !location.empty(); }
};

class Library {
  public:
    explicit Library(std::filesystem::path data_dir);
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    // Every entry, in the order they were added. *note tells when the catalog was corrupt
    // (and moved aside) or unreadable.
    std::vector<LibraryEntry> entries(LoadNote* note = nullptr) const;

    // Records a pack opened from disk (Disk, no copy made) or the demo (Demo), keyed by
    // its location; opening it again updates the entry. Link entries come from fetch.
    content::Result<LibraryEntry> remember(Origin origin, const std::filesystem::path& location,
                                           const content::LoadedPack& pack);

    // Forgets an entry; a downloaded copy is deleted too, a pack on disk never is.
    // Returns "" or why it could not.
    std::string remove(const std::string& key);

    // Downloads a pack link into the library (blocking: a worker thread), see the top of
    // this file and library_fetch.cpp. Native builds only.
    FetchOutcome fetch(const std::string& url, const FetchDesc& desc,
                       engine::DownloadControl* control);

    const std::filesystem::path& folder() const { return folder_; }
    std::filesystem::path catalog_file() const { return folder_ / "library.json"; }

  private:
    FetchOutcome fetch_zip(FetchJob& job);
    FetchOutcome fetch_folder(FetchJob& job);
    FetchOutcome commit(FetchJob& job, const LibraryEntry& entry);
    // The entry with `key`, read without touching a corrupt catalog (a failed fetch must
    // leave the library as it was).
    std::optional<LibraryEntry> find_quietly(const std::string& key) const;
    // Where a downloaded copy lives: library/packs/<key>.zip or library/packs/<key>/.
    std::filesystem::path copy_path(const std::string& key, bool zip) const;
    // Replaces or adds `entry` (by key) and writes the catalog; "" or why not.
    std::string save_entry(const LibraryEntry& entry);

    std::filesystem::path folder_;  // <data_dir>/library
    std::mutex catalog_mutex_;      // one read-modify-write of the catalog at a time
};

// "pack-3f9a0c12": a readable slug of the link's (or path's) last part and a short hash
// of the whole, so the same link gives the same key in every run.
std::string library_key(std::string_view url_or_path);
// The folder a link names: "https://h/p/pack.json" and "https://h/p" → "https://h/p/".
// A zip link (its path ends in .zip) is returned as it is.
std::string normalized_link(std::string_view url);
bool is_zip_link(std::string_view url);

// What the catalog says about a pack: title, counts by answer, languages present.
LibraryEntry describe_pack(const content::Manifest& manifest);

// UTC now as "2024-05-01T12:00:00Z".
std::string utc_now_iso();

std::string_view to_string(Origin origin);

}  // namespace rc::game
