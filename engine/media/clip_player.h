// Short clips played muted in a loop: decoded a few frames ahead, never all at once, and
// handed to the game one frame at a time as an RGBA surface it uploads to a texture.
// clip_player_native.cpp decodes with FFmpeg's libraries on a worker thread;
// clip_player_web.cpp lets the browser's own decoder (an HTMLVideoElement) play the clip
// and copies its frames out. The clock is the caller's: `advance` moves it, so headless
// runs can play on a virtual clock. The player knows nothing of packs or quizzes.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "engine/media/clip_limits.h"
#include "engine/media/image_decode.h"
#include "engine/media/media_loader.h"

namespace rc::engine {

struct ClipSource {
    ReadBytes read;     // natively always set (the clip is read into memory once)
    std::string url;    // in the browser when `read` is empty
    std::string label;  // names the clip in error messages (the pack-relative path)
    int max_side = 0;   // the longest side the clip is drawn at (0: the limit's max_side)
};

enum class ClipState {
    Opening,  // reading, probing, decoding the first frame
    Ready,
    Failed,  // error() says why; nothing more happens
};

class ClipPlayer {
  public:
    // `wake_event` (an SDL user event type, or 0) is pushed when the player changes state
    // or a frame it was waiting for is decoded, so a sleeping loop wakes up.
    static std::unique_ptr<ClipPlayer> open(ClipSource source, const ClipLimits& limits,
                                            Uint32 wake_event);
    virtual ~ClipPlayer() = default;

    virtual ClipState state() const = 0;
    virtual std::string error() const = 0;  // "media/v01.webm: cannot decode: …"

    // Known once Ready. Width and height are of the frames handed out: upright (a phone
    // clip's rotation applied) and scaled to fit max_side.
    virtual int width() const = 0;
    virtual int height() const = 0;
    virtual int source_width() const = 0;  // the clip's own upright size
    virtual int source_height() const = 0;
    virtual double duration() const = 0;        // seconds
    virtual double frame_interval() const = 0;  // seconds from one frame to the next

    // The clock's calls below (seek, step, advance) do nothing until Ready.
    // The time of the frame for the clock (the one take_frame hands out), in seconds.
    virtual double position() const = 0;
    virtual bool playing() const = 0;  // true from the start: a clip plays once Ready
    virtual void set_playing(bool playing) = 0;
    // Shows the frame at `seconds` (clamped to the clip); playing or paused stays as it was.
    virtual void seek(double seconds) = 0;
    // Pauses and shows the next (+1) or previous (-1) frame; wraps around at the ends.
    virtual void step(int frames) = 0;
    // Moves the clip's clock on by `elapsed` seconds while playing; loops at the end.
    virtual void advance(double elapsed) = 0;
    // The frame to show, RGBA32, when it changed since the last call; null otherwise. The
    // surface stays valid until the next call.
    virtual SDL_Surface* take_frame() = 0;
    // Seconds until the frame on screen should change (a playing clip; 0 when a frame waits
    // to be taken), or a negative number when nothing will change by itself (paused,
    // failed, still opening): the loop sleeps, and wake_event comes when a frame is ready.
    virtual double next_change_in() const = 0;
    // Blocks until the frame for the current position is decoded or the player failed
    // (headless runs, tests). In the browser it returns at once.
    virtual void wait_frame() = 0;
};

// Proves the bytes are a clip this build can play: a video stream of a known codec within
// the limits, and a first frame that decodes. Natively it decodes that frame with FFmpeg;
// in the browser it returns true (the browser's decoder is only known when playing).
bool check_clip(std::span<const std::uint8_t> bytes, const ClipLimits& limits, std::string* why);

}  // namespace rc::engine
