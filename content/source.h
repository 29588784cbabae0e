// Pack sources: the one place that knows where a pack's bytes come from. A pack is read
// file by file through a PackSource — a folder, a zip archive (libzip) or a web address —
// and every reader (the manifest loader, the media checks, the game's media loader, the
// pack tool) goes through it, so path safety is enforced here once for all three: a
// pack-relative path with "..", an absolute path, a backslash or a control character is
// refused before any implementation sees it, and a folder also refuses links leading out
// and anything that is not a regular file (a named pipe would block a reader forever).
//
// What it does not do: parse the manifest (manifest.h), decide whether media decode
// (pack.h, the game), or download a pack into the library (the game). Reads block, so
// they run on worker threads natively; in the browser, web sources are fetched by URL
// (url_of) and zip archives are held in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"

namespace rc::content {

using Bytes = std::vector<std::uint8_t>;

// No pack file is read whole when bigger than this (a clip or a photo is far smaller).
inline constexpr std::uint64_t kMaxPackFileBytes = 512ull << 20;

enum class SourceKind { Folder, Zip, Web };

class PackSource {
  public:
    virtual ~PackSource() = default;
    PackSource(const PackSource&) = delete;
    PackSource& operator=(const PackSource&) = delete;

    SourceKind kind() const { return kind_; }
    // Where the pack is, for messages and the library: a folder path, a zip file's path
    // (or name, for an archive held in memory), or a folder URL ending in '/'.
    const std::string& where() const { return where_; }

    // Reads one file of the pack by its '/'-separated path relative to the pack's root.
    // Errors are located at `relative` ("cannot read: No such file or directory",
    // "leaves the pack folder"). Safe to call from several threads.
    Result<Bytes> read(std::string_view relative,
                       std::uint64_t max_bytes = kMaxPackFileBytes) const;
    // The file's web address when the source is on the web (the browser fetches it),
    // else empty. Checks the path as read() does.
    std::string url_of(std::string_view relative) const;
    // A file of the pack named for a person: "/home/ana/pack/pack.json",
    // "pack.zip: pack.json", "https://host/pack/pack.json".
    std::string locate(std::string_view relative) const;
    // Every file of the pack, '/'-separated and relative to its root, sorted. A web
    // source cannot list a server's folder: it returns nothing.
    virtual std::vector<std::string> list() const = 0;
    // False for a web source in the browser, whose files are fetched by url_of instead.
    virtual bool readable() const { return true; }
    // Bytes taken by the pack (the archive's size for a zip), when known.
    virtual std::optional<std::uint64_t> size_bytes() const = 0;

  protected:
    PackSource(SourceKind kind, std::string where) : kind_(kind), where_(std::move(where)) {}
    // `relative` has passed check_media_path.
    virtual Result<Bytes> read_checked(const std::string& relative,
                                       std::uint64_t max_bytes) const = 0;
    virtual std::string url_of_checked(const std::string&) const { return {}; }

  private:
    SourceKind kind_;
    std::string where_;
};

using SourcePtr = std::shared_ptr<const PackSource>;

// A pack folder (or the folder of a pack.json). Refused when it cannot be opened.
Result<SourcePtr> open_folder_source(const std::filesystem::path& folder);

// Blocking download of one URL for web sources (natively libcurl on a worker thread).
using WebFetch = std::function<Result<Bytes>(const std::string& url, std::uint64_t max_bytes)>;
// A pack folder on a web server: `base_url` names the folder (a '/' is added) or its
// pack.json. `fetch` may be empty where reads are done by URL (the browser).
SourcePtr open_web_source(const std::string& base_url, WebFetch fetch);

struct ZipLimits {
    std::uint64_t max_total_bytes = 0;   // 0 → kZipMaxTotalBytes: sum of uncompressed sizes
    std::uint64_t max_ratio = 0;         // 0 → kZipMaxRatio (uncompressed / compressed)
    std::uint64_t ratio_from_bytes = 0;  // 0 → kZipRatioFromBytes: smaller entries may be denser
    std::uint64_t max_entries = 0;       // 0 → kZipMaxEntries
};
inline constexpr std::uint64_t kZipMaxTotalBytes = 2'000'000'000;
inline constexpr std::uint64_t kZipMaxRatio = 100;
inline constexpr std::uint64_t kZipRatioFromBytes = 10'000'000;
inline constexpr std::uint64_t kZipMaxEntries = 100'000;
// In the browser the whole archive is held in memory.
inline constexpr std::uint64_t kMaxZipInMemoryBytes = 512ull << 20;

// A zip archive holding the pack at its root or in one top folder. The archive is
// checked whole on opening (every entry, used or not) and refused, naming the entry, for:
// "..", an absolute path, a link, encryption, a duplicate name, a declared total over
// the limit, a compression ratio over the limit, a truncated or corrupt archive.
// `__MACOSX/` and `.DS_Store` are ignored; names are UTF-8 (decoded from CP437 when the
// archive does not flag them as UTF-8) and compared in NFC.
Result<SourcePtr> open_zip_source(const std::filesystem::path& file, const ZipLimits& limits = {});
Result<SourcePtr> open_zip_source(Bytes archive, std::string name, const ZipLimits& limits = {});

// Whether the bytes start like a zip archive ("PK\3\4", or "PK\5\6" for an empty one).
bool looks_like_zip(std::span<const std::uint8_t> head);
bool is_web_address(std::string_view location);  // http:// or https://

// A size limit for messages: "512 MB", or "1000 bytes" under a megabyte (never "0 MB").
// `megabyte` is 2^20 for memory and file limits, 10^6 where the limit is given that way.
std::string limit_text(std::uint64_t bytes, std::uint64_t megabyte = 1u << 20);

// A pack given on the command line or the packs screen: a folder, its pack.json, or a
// zip file. Web addresses are the caller's business (downloaded into the library first
// natively; opened with open_web_source or fetched as a zip in the browser).
Result<SourcePtr> open_local_source(const std::filesystem::path& location,
                                    const ZipLimits& limits = {});

}  // namespace rc::content
