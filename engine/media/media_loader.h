// Loads pack media in the background so no frame waits on a disk, a network or a decoder.
// The game asks for a source (a file path natively, a URL on the web) and later collects
// the decoded pixels; textures are then made on the main thread.
// media_loader_native.cpp reads files on a worker thread; media_loader_web.cpp fetches
// over HTTP and decodes between frames.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/media/image_decode.h"

namespace rc::engine {

using MediaTicket = std::uint64_t;

struct MediaResult {
    MediaTicket ticket = 0;
    bool ok = false;
    DecodedImage image;
    std::string error;  // "media/0003.jpg: cannot decode: …"
};

class MediaLoader {
  public:
    // `wake_event` (an SDL user event type, or 0) is pushed when a result is ready, so a
    // loop waiting for events wakes up.
    static std::unique_ptr<MediaLoader> create(const DecodeLimits& limits, Uint32 wake_event);
    virtual ~MediaLoader() = default;

    // `label` names the media in error messages (the pack-relative path). Urgent requests
    // (the picture the player waits for) go before background ones (checking a whole pack).
    virtual MediaTicket request(const std::string& source, const std::string& label,
                                bool urgent) = 0;
    // Results finished since the last call, in any order. Main thread only.
    virtual std::vector<MediaResult> collect() = 0;
    // Blocks until at least one result is ready or nothing is pending (headless runs).
    virtual void wait() = 0;
    virtual bool pending() const = 0;
};

}  // namespace rc::engine
