// Opening a pack without blocking a frame: the one place that turns a location typed by
// a person (a folder, a pack.json, a zip file, a web link) or bytes handed over (a file
// chosen in the browser) into a pack source and its manifest. Media are not checked here
// (the pack session checks them in the background), so even a 1,000-item pack opens at
// once. pack_opener_native.cpp works on a thread of its own (and will download links
// into the library); pack_opener_web.cpp uses the browser's fetch and holds zips in memory.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/pack.h"

namespace rc::game {

struct OpenedPack {
    std::string location;                       // as asked for
    content::Result<content::LoadedPack> pack;  // the manifest parsed; media not checked
    std::vector<std::string> notes;             // "opened the copy downloaded on …"
};

struct OpenProgress {
    std::uint64_t received = 0;          // bytes downloaded so far
    std::optional<std::uint64_t> total;  // when known
};

class Library;

struct PackOpenerDesc {
    // The packs this device knows: links are downloaded into it, packs opened from disk
    // are recorded in it (natively). Owned by the caller; it outlives the opener.
    Library* library = nullptr;
    std::string demo_location;             // the built-in pack, recorded as such
    std::uint64_t max_download_bytes = 0;  // 0 → engine::kDefaultMaxDownloadBytes
    Uint32 wake_event = 0;                 // pushed when an open finishes (0: none)
};

class PackOpener {
  public:
    static std::unique_ptr<PackOpener> create(const PackOpenerDesc& desc);
    virtual ~PackOpener() = default;

    // Starts opening; supersedes (and cancels) any open in progress.
    virtual void open(const std::string& location) = 0;
    // A zip archive whose bytes are already here (a file chosen in the browser).
    virtual void open_bytes(std::string name, content::Bytes bytes) = 0;
    virtual void cancel() = 0;
    // The finished open, once. Main thread.
    virtual std::optional<OpenedPack> poll() = 0;
    virtual std::optional<OpenProgress> progress() const = 0;  // while downloading
    virtual bool busy() const = 0;
    // Natively blocks until poll() has something or nothing is going on (headless); in
    // the browser it returns at once.
    virtual void wait() = 0;
};

// The name an archive or a folder is shown under: its last path component.
std::string display_name(const std::string& location);

// The pack of an opened source with its manifest read, media not checked (the session
// checks them in the background); or the refusal of the source.
content::Result<content::LoadedPack> read_pack(content::Result<content::SourcePtr> opened);

}  // namespace rc::game
