// Downloading one file to disk, natively (libcurl on a thread of its own), with the safe
// defaults a pack download needs: https only (plain http only to loopback addresses, for
// local serving and tests), TLS verification on, at most 5 redirects and only to https,
// a connect timeout, an abort when no byte arrives for a while (never a total timeout: a
// big pack on a slow link must finish), a size cap enforced while receiving, progress,
// cancel, and conditional requests (ETag / Last-Modified) so an unchanged pack is not
// downloaded again. The body goes to `file` (the caller's temporary file); on any
// failure the file is removed. The browser has no counterpart: it fetches packs with
// Http (http.h) and keeps them with its service worker.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rc::engine {

inline constexpr std::uint64_t kDefaultMaxDownloadBytes = 1'000'000'000;
inline constexpr int kConnectTimeoutSeconds = 15;
inline constexpr int kStallTimeoutSeconds = 30;
inline constexpr int kMaxRedirects = 5;

struct DownloadDesc {
    std::string url;
    std::filesystem::path file;       // the body is written here
    std::uint64_t max_bytes = 0;      // 0 → kDefaultMaxDownloadBytes
    int connect_timeout_seconds = 0;  // 0 → kConnectTimeoutSeconds
    int stall_timeout_seconds = 0;    // 0 → kStallTimeoutSeconds
    std::string if_none_match;        // the ETag of the copy we have, if any
    std::string if_modified_since;    // its Last-Modified, if any
    // false: leave control->total alone, for a download of several files whose total is
    // not known (a pack folder); the declared length of one file would mislead.
    bool declare_total = true;
};

struct DownloadProgress {
    std::uint64_t received = 0;
    std::optional<std::uint64_t> total;  // when the server declared it
};

struct DownloadResult {
    bool ok = false;            // the body is in the file
    bool not_modified = false;  // 304: the copy we have is current (ok is false, no error)
    int status = 0;             // HTTP status of the last answer; 0 when none came
    std::string error;          // "HTTP 404", "no data for 30 s", "larger than 1000 MB", …
    // No usable answer came from the server (cannot resolve, refused, connect timeout,
    // stalled): a copy downloaded earlier may be opened instead.
    bool unreachable = false;
    std::string etag;
    std::string last_modified;
    std::uint64_t bytes = 0;
};

// Shared by the downloading thread and the caller: progress and a cancel flag. A download
// adds to `received` (so one control follows the files of a pack folder) and, when the
// server declares a length, sets `total` to received-at-start + that length.
struct DownloadControl {
    std::atomic<std::uint64_t> received{0};
    std::atomic<std::uint64_t> total{0};  // 0 when unknown
    std::atomic<bool> cancelled{false};
    DownloadProgress progress() const;
};

// Blocking: runs on a worker thread. `control` may be null.
DownloadResult download_to_file(const DownloadDesc& desc, DownloadControl* control);

// Whether a URL may be fetched over plain http: its host is a loopback address.
bool is_loopback_url(const std::string& url);

}  // namespace rc::engine
