// Placeholder until the browser's clip player (an HTMLVideoElement) lands: every clip fails
// with a clear message. check_clip accepts, as the interface says it does in the browser.
#include "engine/media/clip_failed.h"
#include "engine/media/clip_player.h"

namespace rc::engine {

std::unique_ptr<ClipPlayer> ClipPlayer::open(ClipSource source, const ClipLimits&, Uint32) {
    return failed_clip_player(source.label + ": clips cannot play in the browser yet");
}

bool check_clip(std::span<const std::uint8_t>, const ClipLimits&, std::string*) {
    return true;
}

}  // namespace rc::engine
