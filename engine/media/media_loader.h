// Loads media in the background so no frame waits on a disk, a network or a decoder.
// The game hands over how to get a picture's bytes (a read function natively and for
// archives held in memory, or a URL the browser fetches) and later collects the decoded
// pixels; textures are then made on the main thread. The loader knows nothing of packs.
// media_loader_native.cpp reads and decodes on a worker thread; media_loader_web.cpp
// fetches with the browser and decodes between frames, one picture per frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/media/image_decode.h"

namespace rc::engine {

using MediaTicket = std::uint64_t;

// Fills *bytes, or returns false with *why. Runs on the worker thread natively.
using ReadBytes = std::function<bool(std::vector<std::uint8_t>* bytes, std::string* why)>;

enum class MediaPriority {
    Urgent,      // a picture the player waits for: served first, in the order asked
    Background,  // checking a whole pack: served when nothing urgent waits
};

enum class MediaUse {
    Show,   // full picture and thumbnail
    Check,  // decode to prove the file is sound; no pixels kept
};

enum class MediaType {
    Picture,
    Clip,  // a short video: Check only (the header check, then check_clip); ClipPlayer shows it
};

struct MediaRequest {
    ReadBytes read;     // natively always set; in the browser, for bytes held in memory
    std::string url;    // in the browser when `read` is empty
    std::string label;  // names the media in error messages (the pack-relative path)
    MediaPriority priority = MediaPriority::Urgent;
    MediaUse use = MediaUse::Show;
    MediaType type = MediaType::Picture;
    int max_side = 0;  // Show: the longest side it is drawn at (0: the limit's max_side)
};

struct MediaResult {
    MediaTicket ticket = 0;
    bool ok = false;
    DecodedImage image;  // empty for MediaUse::Check
    std::string error;   // "media/0003.jpg: cannot decode: …"
};

class MediaLoader {
  public:
    // `wake_event` (an SDL user event type, or 0) is pushed when a result is ready, so a
    // loop waiting for events wakes up.
    static std::unique_ptr<MediaLoader> create(const DecodeLimits& limits, Uint32 wake_event);
    virtual ~MediaLoader() = default;

    virtual MediaTicket request(MediaRequest request) = 0;
    // Forgets every request made so far: queued ones are dropped, and the results of
    // those already running are thrown away (another pack was opened).
    virtual void cancel_all() = 0;
    // Results finished since the last call, in any order. Main thread only.
    virtual std::vector<MediaResult> collect() = 0;
    // Natively, blocks until a result is ready or nothing is pending (headless runs). In
    // the browser nothing may block: it returns at once, and frames go on until the
    // downloads finish.
    virtual void wait() = 0;
    virtual bool pending() const = 0;
};

// Runs `request` to completion on the calling thread: read (or `fetched` bytes), decode.
MediaResult load_media(const MediaRequest& request, std::vector<std::uint8_t> fetched,
                       const DecodeLimits& limits);

}  // namespace rc::engine
