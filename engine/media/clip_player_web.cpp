// The browser's clip player: the browser's own decoder plays the clip in an HTMLVideoElement
// (muted, looping, never shown), and its frames are copied into an RGBA surface through a
// canvas: one copy per new video frame, only when the game takes it, none while paused.
// No FFmpeg in the WebAssembly build, so no check of the bytes beyond their format: what the
// browser cannot play fails here, with the browser's reason.
//
// The element always gets the clip as a Blob: the bytes of a pack held in memory, or the
// clip downloaded whole from its address (as pictures are). A plain address would need a
// server that answers Range requests to seek (python's http.server does not), and the
// service worker keeps whole files, not ranges.
//
// The element keeps its own clock: advance() has nothing to do, and position() is the
// element's currentTime. The frame interval is not in any browser API: it is estimated from
// requestVideoFrameCallback (the media times of successive frames while playing, about the
// median of the last ones), and is 1/30 s until a few frames have played. step() moves by that
// interval, aiming at the middle of the next frame so a small error still lands on it.
//
// The JS side (EM_JS below) keeps one entry a player in Module.rcClips, by handle; its
// events (first frame, new frame, play/pause, failure) call rc_clip_web_event, which
// updates the player and pushes the game's wake event so the loop draws.
#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "engine/media/clip_player.h"

namespace rc::engine {
namespace {

// Nothing at all from the clip for this long (no metadata, no data): a dead server.
constexpr double kOpenTimeoutSeconds = 20.0;
// A clip downloaded by its address is held whole, as a zip pack is (at most 60 s of video).
constexpr double kMaxDownloadBytes = 512.0 * 1024 * 1024;
// Until the clip has played a few frames, the interval step() and next_change_in() use.
constexpr double kDefaultFrameInterval = 1.0 / 30.0;

// The JS entry's progress, as rc_clip_status returns it.
enum JsStatus { kJsOpening = 0, kJsLoaded = 1, kJsFailed = 2 };

// `bytes` (size > 0): the clip in memory; else it is downloaded from `url`. Returns the
// handle; everything else happens in the entry's events.
// clang-format off
EM_JS(int, rc_clip_open, (const char* url_ptr, const std::uint8_t* bytes, int size,
                          double timeout_ms, double max_bytes), {
    var clips = Module.rcClips || (Module.rcClips = {next: 1, table: {}});
    var handle = clips.next++;
    var video = document.createElement('video');
    var c = {
        video: video, closed: false, status: 0, error: "", blobUrl: "", abort: null,
        onTimeout: null, timer: 0, listeners: [], dirty: false, frameStart: -1,
        intervals: [], lastMedia: -1, lastPresented: -1, seekedSince: false,
        frameRequest: 0, pollRequest: 0, canvas: null, context: null
    };
    clips.table[handle] = c;
    var notify = function() {
        if (!c.closed)
            _rc_clip_web_event(handle);
    };
    var fail = function(message) {
        if (c.closed || c.status === 2)
            return;
        c.status = 2;
        c.error = message;
        clearTimeout(c.timer);
        notify();
    };
    // A new picture on the element: copied when the game takes it, one wake per frame.
    var markDirty = function() {
        if (c.closed || c.status !== 1 || c.dirty)
            return;
        c.dirty = true;
        notify();
    };
    var listen = function(name, fn) {
        video.addEventListener(name, fn);
        c.listeners.push([name, fn]);
    };
    var onFrame = function(now, meta) {
        if (c.closed)
            return;
        // Frame interval samples: successive frames while playing, no seek in between.
        if (!video.paused && !c.seekedSince && c.lastPresented >= 0) {
            var frames = meta.presentedFrames - c.lastPresented;
            var dt = meta.mediaTime - c.lastMedia;
            if (frames > 0 && dt > 0 && dt / frames >= 1 / 240 && dt / frames <= 1) {
                c.intervals.push(dt / frames);
                if (c.intervals.length > 31)
                    c.intervals.shift();
            }
        }
        c.seekedSince = false;
        c.lastPresented = meta.presentedFrames;
        c.lastMedia = meta.mediaTime;
        // While a seek is pending this frame is an older one: the seek's target stays.
        if (!video.seeking)
            c.frameStart = meta.mediaTime;
        markDirty();
        c.frameRequest = video.requestVideoFrameCallback(onFrame);
    };
    // Without requestVideoFrameCallback: a changed currentTime, checked once per display
    // frame, and only while playing.
    var lastTime = -1;
    var poll = function() {
        c.pollRequest = 0;
        if (c.closed || video.paused)
            return;
        if (video.currentTime !== lastTime) {
            lastTime = video.currentTime;
            c.frameStart = lastTime;
            markDirty();
        }
        c.pollRequest = requestAnimationFrame(poll);
    };
    c.hasFrameCallback = 'requestVideoFrameCallback' in video;
    if (c.hasFrameCallback)
        c.frameRequest = video.requestVideoFrameCallback(onFrame);
    // Fails the clip when nothing at all happens for timeout_ms while it opens.
    var rearm = function() {
        clearTimeout(c.timer);
        if (c.status === 0)
            c.timer = setTimeout(function() {
                if (c.onTimeout)
                    c.onTimeout();
                else
                    fail('cannot open the clip: nothing happened in ' +
                         Math.round(timeout_ms / 1000) + ' s');
            }, timeout_ms);
    };
    listen('loadstart', rearm);
    listen('progress', rearm);
    listen('loadedmetadata', rearm);
    listen('loadeddata', function() {
        if (c.status !== 0)
            return;
        clearTimeout(c.timer);
        c.status = 1;
        c.dirty = true;  // the first frame, whether it plays or not
        if (c.frameStart < 0)
            c.frameStart = video.currentTime;
        notify();
    });
    listen('play', function() {
        if (!c.hasFrameCallback && !c.pollRequest)
            c.pollRequest = requestAnimationFrame(poll);
        notify();
    });
    listen('pause', notify);
    // requestVideoFrameCallback also tells a seek's frame while paused.
    if (!c.hasFrameCallback)
        listen('seeked', markDirty);
    listen('error', function() {
        var e = video.error;
        var reasons = {
            1: 'loading was stopped',
            2: 'a read error stopped it',
            3: 'the clip is damaged or uses an encoding this browser cannot decode',
            4: 'a damaged file, or a format it does not support (such as HEVC)'
        };
        fail('cannot play in this browser: ' + (reasons[e ? e.code : 0] || 'unknown error') +
             (e && e.message ? ' (' + e.message + ')' : ""));
    });
    video.muted = true;
    video.defaultMuted = true;
    video.setAttribute('muted', "");  // iOS Safari reads the attribute for autoplay
    video.playsInline = true;
    video.setAttribute('playsinline', "");
    video.loop = true;
    video.preload = 'auto';
    // The Blob's type, from the clip's first bytes (the containers facilitators get).
    var play = function(blob) {
        blob.slice(0, 12).arrayBuffer().then(function(buffer) {
            if (c.closed)
                return;
            var b = new Uint8Array(buffer);
            var type = "";
            if (b.length >= 4 && b[0] === 0x1A && b[1] === 0x45 && b[2] === 0xDF && b[3] === 0xA3)
                type = 'video/webm';
            else if (b.length >= 8 && b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70)
                type = 'video/mp4';  // "ftyp"
            if (!type) {
                fail('not an MP4 or WebM clip');
                return;
            }
            c.blobUrl = URL.createObjectURL(new Blob([blob], {type: type}));
            video.src = c.blobUrl;
            rearm();
        }).catch(function(e) {
            fail('cannot read the clip: ' + e);
        });
    };
    if (size > 0) {
        play(new Blob([HEAPU8.subarray(bytes, bytes + size)]));  // the Blob copies them
    } else {
        // Downloaded whole, as the pictures are: the same CORS rules, a size cap, and a
        // timeout that runs while nothing arrives.
        var url = new URL(UTF8ToString(url_ptr), document.baseURI).href;
        c.abort = new AbortController();
        c.onTimeout = function() {
            c.abort.abort();
            fail('cannot download ' + url + ': nothing arrived in ' +
                 Math.round(timeout_ms / 1000) + ' s');
        };
        fetch(url, {signal: c.abort.signal}).then(function(response) {
            if (!response.ok) {
                fail('cannot download ' + url + ': HTTP ' + response.status);
                return;
            }
            var reader = response.body.getReader();
            var chunks = [];
            var received = 0;
            var pump = function() {
                return reader.read().then(function(step) {
                    if (c.closed || c.status !== 0)
                        return;
                    if (step.done) {
                        play(new Blob(chunks));
                        return;
                    }
                    received += step.value.length;
                    if (received > max_bytes) {
                        c.abort.abort();
                        fail('cannot download ' + url + ': larger than ' +
                             Math.round(max_bytes / 1048576) + ' MB');
                        return;
                    }
                    chunks.push(step.value);
                    rearm();
                    return pump();
                });
            };
            return pump();
        }).catch(function() {
            if (!c.closed && c.status === 0)
                fail('cannot download ' + url + ': network error');
        });
    }
    rearm();
    return handle;
});

EM_JS(void, rc_clip_close, (int handle), {
    var c = Module.rcClips && Module.rcClips.table[handle];
    if (!c)
        return;
    c.closed = true;
    delete Module.rcClips.table[handle];
    clearTimeout(c.timer);
    if (c.abort)
        c.abort.abort();
    var video = c.video;
    if (c.frameRequest && video.cancelVideoFrameCallback)
        video.cancelVideoFrameCallback(c.frameRequest);
    if (c.pollRequest)
        cancelAnimationFrame(c.pollRequest);
    c.listeners.forEach(function(l) { video.removeEventListener(l[0], l[1]); });
    video.pause();
    // An element without a source lets the browser free its decoder and buffers now.
    video.removeAttribute('src');
    video.load();
    if (video.parentNode)
        video.parentNode.removeChild(video);
    if (c.blobUrl)
        URL.revokeObjectURL(c.blobUrl);
    c.video = c.canvas = c.context = null;
});

// A failure found on the C++ side too (a limit): the entry stops downloading and decoding,
// and keeps only its element until it is closed.
EM_JS(void, rc_clip_fail, (int handle), {
    var c = Module.rcClips.table[handle];
    if (!c)
        return;
    c.status = 2;
    clearTimeout(c.timer);
    if (c.abort)
        c.abort.abort();
    c.video.pause();
    c.video.removeAttribute('src');
    c.video.load();
});

EM_JS(int, rc_clip_status, (int handle), {
    var c = Module.rcClips.table[handle];
    return c ? c.status : 2;
});

// The failure's reason, into `out` (`capacity` bytes, NUL included).
EM_JS(void, rc_clip_error, (int handle, char* out, int capacity), {
    var c = Module.rcClips.table[handle];
    stringToUTF8(c ? c.error : 'closed', out, capacity);
});

EM_JS(int, rc_clip_error_length, (int handle), {
    var c = Module.rcClips.table[handle];
    return lengthBytesUTF8(c ? c.error : 'closed');
});

EM_JS(int, rc_clip_video_width, (int handle), { return Module.rcClips.table[handle].video.videoWidth; });
EM_JS(int, rc_clip_video_height, (int handle), { return Module.rcClips.table[handle].video.videoHeight; });

// The clip's length in seconds; 0 while unknown (a WebM written live has none).
EM_JS(double, rc_clip_duration, (int handle), {
    var c = Module.rcClips.table[handle];
    var d = c ? c.video.duration : 0;
    return isFinite(d) ? d : 0;
});

EM_JS(double, rc_clip_current_time, (int handle), {
    var c = Module.rcClips.table[handle];
    return c ? c.video.currentTime : 0;
});

// The start of the frame on screen, as the last requestVideoFrameCallback told it (or the
// target of the last seek); -1 when unknown.
EM_JS(double, rc_clip_frame_start, (int handle), {
    var c = Module.rcClips.table[handle];
    return c ? c.frameStart : -1;
});

// The interval between frames seen while playing, or 0 before a few were seen.
EM_JS(double, rc_clip_measured_interval, (int handle), {
    var c = Module.rcClips.table[handle];
    if (!c || c.intervals.length < 3)
        return 0;
    // The median drops dropped frames and seeks; the mean of the samples near it undoes
    // the rounding of media times (WebM's are in milliseconds: 41 and 42 ms at 24 fps).
    var sorted = c.intervals.slice().sort(function(a, b) { return a - b; });
    var median = sorted[sorted.length >> 1];
    var near = sorted.filter(function(x) { return Math.abs(x - median) < median / 4; });
    return near.reduce(function(a, b) { return a + b; }, 0) / near.length;
});

EM_JS(int, rc_clip_paused, (int handle), {
    var c = Module.rcClips.table[handle];
    return c ? (c.video.paused ? 1 : 0) : 1;
});

EM_JS(void, rc_clip_set_playing, (int handle, int playing, const char* label_ptr), {
    var c = Module.rcClips.table[handle];
    if (!c || c.status === 2)
        return;
    if (!playing) {
        c.video.pause();
        return;
    }
    var label = UTF8ToString(label_ptr);
    var started = c.video.play();
    if (started && started.catch)
        started.catch(function(e) {
            // A pause() before the start also rejects (AbortError): that is no failure. A
            // refusal (autoplay rules) only leaves the clip paused: a press on play starts it.
            if (c.closed || (e && e.name === 'AbortError'))
                return;
            console.warn(label + ': the browser would not play the clip: ' + e);
            if (!c.closed)
                _rc_clip_web_event(handle);
        });
});

// `frame_start` (or -1): the start of the frame this seek shows, for the next step.
EM_JS(void, rc_clip_seek, (int handle, double seconds, double frame_start), {
    var c = Module.rcClips.table[handle];
    if (!c || c.status === 2)
        return;
    c.seekedSince = true;
    c.frameStart = frame_start >= 0 ? frame_start : seconds;
    c.video.currentTime = seconds;
});

// Copies the element's frame, scaled to width × height, into `pixels` (RGBA, `pitch` bytes
// a row) if it changed since the last copy. 1: copied, 0: nothing new, -1: failed (the
// reason is the entry's error).
EM_JS(int, rc_clip_copy_frame, (int handle, std::uint8_t* pixels, int pitch, int width, int height), {
    var c = Module.rcClips.table[handle];
    if (!c || c.status !== 1 || !c.dirty)
        return 0;
    c.dirty = false;
    try {
        if (!c.context) {
            c.canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height)
                                                              : document.createElement('canvas');
            c.canvas.width = width;
            c.canvas.height = height;
            // Read back every frame: a canvas kept in memory, not on the GPU.
            c.context = c.canvas.getContext('2d', {willReadFrequently: true, alpha: false});
        }
        c.context.drawImage(c.video, 0, 0, width, height);
        var data = c.context.getImageData(0, 0, width, height).data;
        if (pitch === width * 4) {
            HEAPU8.set(data, pixels);
        } else {
            for (var y = 0; y < height; ++y)
                HEAPU8.set(data.subarray(y * width * 4, (y + 1) * width * 4), pixels + y * pitch);
        }
        return 1;
    } catch (e) {
        c.status = 2;
        c.error = 'cannot copy a frame: ' + e;
        return -1;
    }
});
// clang-format on

std::string js_error(int handle) {
    std::string text(static_cast<std::size_t>(rc_clip_error_length(handle)) + 1, '\0');
    rc_clip_error(handle, text.data(), static_cast<int>(text.size()));
    text.resize(text.size() - 1);
    return text;
}

// "8.3", "60", "60.1": one decimal, none when it is zero.
std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (out.size() > 2 && out.ends_with(".0"))
        out.resize(out.size() - 2);
    return out;
}

class WebClipPlayer;

// Handle → player, for the JS events; a closed player is gone from it before its entry.
std::unordered_map<int, WebClipPlayer*>& players() {
    static std::unordered_map<int, WebClipPlayer*> table;
    return table;
}

class WebClipPlayer final : public ClipPlayer {
  public:
    WebClipPlayer(ClipSource source, const ClipLimits& limits, Uint32 wake_event)
        : label_(std::move(source.label)), limits_(limits), wake_event_(wake_event) {
        max_side_ =
            source.max_side > 0 ? std::min(source.max_side, limits.max_side) : limits.max_side;
        if (source.read) {
            // A pack held in memory: the element gets the bytes as a Blob.
            std::vector<std::uint8_t> bytes;
            std::string why;
            if (!source.read(&bytes, &why)) {
                fail(why);
                return;
            }
            if (bytes.empty()) {
                fail("not an MP4 or WebM clip");
                return;
            }
            handle_ = rc_clip_open(nullptr, bytes.data(), static_cast<int>(bytes.size()),
                                   kOpenTimeoutSeconds * 1000.0, kMaxDownloadBytes);
        } else {
            handle_ = rc_clip_open(source.url.c_str(), nullptr, 0, kOpenTimeoutSeconds * 1000.0,
                                   kMaxDownloadBytes);
        }
        players()[handle_] = this;
    }

    ~WebClipPlayer() override {
        if (handle_) {
            players().erase(handle_);
            rc_clip_close(handle_);
        }
    }

    // A JS event: the element's state may have changed; the game draws again.
    void on_event() {
        if (state_ == ClipState::Opening) {
            const int status = rc_clip_status(handle_);
            if (status == kJsFailed)
                fail(js_error(handle_));
            else if (status == kJsLoaded)
                on_loaded();
        }
        wake();
    }

    ClipState state() const override { return state_; }
    std::string error() const override { return error_; }
    int width() const override { return width_; }
    int height() const override { return height_; }
    int source_width() const override { return source_width_; }
    int source_height() const override { return source_height_; }
    double duration() const override { return state_ == ClipState::Ready ? duration_ : 0.0; }

    double frame_interval() const override {
        if (!handle_)
            return kDefaultFrameInterval;
        const double measured = rc_clip_measured_interval(handle_);
        return measured > 0 ? measured : kDefaultFrameInterval;
    }

    double position() const override {
        return state_ == ClipState::Ready ? rc_clip_current_time(handle_) : 0.0;
    }

    bool playing() const override {
        return state_ != ClipState::Failed && handle_ && !rc_clip_paused(handle_);
    }

    void set_playing(bool playing) override {
        if (state_ != ClipState::Failed)
            rc_clip_set_playing(handle_, playing ? 1 : 0, label_.c_str());
    }

    void seek(double seconds) override {
        // The element throws on a non-finite time, and a throw in JS aborts the wasm.
        if (state_ == ClipState::Failed || !std::isfinite(seconds))
            return;
        const double end = state_ == ClipState::Ready ? duration_ : seconds;
        rc_clip_seek(handle_, std::clamp(seconds, 0.0, std::max(end, 0.0)), -1.0);
    }

    void step(int frames) override {
        if (state_ != ClipState::Ready || frames == 0)
            return;
        rc_clip_set_playing(handle_, 0, label_.c_str());
        const double interval = frame_interval();
        double start = rc_clip_frame_start(handle_);
        if (start < 0)
            start = rc_clip_current_time(handle_);
        // From the start of the frame on screen, not a frame number: the interval is an
        // estimate, and its error must not grow with the time into the clip. The middle of
        // the wanted frame, since seeking to its exact start may land on the one before.
        double seconds = start + (frames + 0.5) * interval;
        if (duration_ > 0) {
            seconds = std::fmod(seconds, duration_);
            if (seconds < 0)
                seconds += duration_;
        }
        seconds = std::max(seconds, 0.0);
        rc_clip_seek(handle_, seconds, std::max(seconds - interval / 2, 0.0));
    }

    void advance(double) override {}  // the element plays on its own clock

    SDL_Surface* take_frame() override {
        if (state_ != ClipState::Ready)
            return nullptr;
        const int copied = rc_clip_copy_frame(handle_, static_cast<std::uint8_t*>(frame_->pixels),
                                              frame_->pitch, width_, height_);
        if (copied < 0) {
            fail(js_error(handle_));
            return nullptr;
        }
        return copied > 0 ? frame_.get() : nullptr;
    }

    double next_change_in() const override {
        return state_ == ClipState::Ready && playing() ? frame_interval() : -1.0;
    }

    void wait_frame() override {}

  private:
    void on_loaded() {
        source_width_ = rc_clip_video_width(handle_);
        source_height_ = rc_clip_video_height(handle_);
        duration_ = rc_clip_duration(handle_);
        const auto pixels =
            static_cast<std::uint64_t>(source_width_) * static_cast<std::uint64_t>(source_height_);
        if (source_width_ <= 0 || source_height_ <= 0) {
            fail("cannot play in this browser: the clip has no picture");
            return;
        }
        if (pixels > limits_.max_pixels) {
            fail("frames of " + std::to_string(source_width_) + "×" +
                 std::to_string(source_height_) + " (" + decimal(pixels / 1e6) +
                 " megapixels), more than the " + decimal(limits_.max_pixels / 1e6) +
                 " megapixel limit");
            return;
        }
        if (duration_ > limits_.max_seconds) {
            fail("the clip lasts " + decimal(duration_) + " s, longer than the " +
                 decimal(limits_.max_seconds) + " s limit");
            return;
        }
        // Upright already (the browser applies a phone clip's rotation), scaled to fit.
        const double scale =
            std::min(1.0, static_cast<double>(max_side_) / std::max(source_width_, source_height_));
        width_ = std::max(1, static_cast<int>(std::lround(source_width_ * scale)));
        height_ = std::max(1, static_cast<int>(std::lround(source_height_ * scale)));
        frame_.reset(
            SDL_CreateRGBSurfaceWithFormat(0, width_, height_, 32, SDL_PIXELFORMAT_RGBA32));
        if (!frame_) {
            fail(std::string("cannot make a frame surface: ") + SDL_GetError());
            return;
        }
        state_ = ClipState::Ready;
    }

    void fail(const std::string& why) {
        state_ = ClipState::Failed;
        error_ = label_ + ": " + why;
        width_ = height_ = 0;
        frame_.reset();
        if (handle_)
            rc_clip_fail(handle_);
        wake();
    }

    void wake() const {
        if (!wake_event_)
            return;
        SDL_Event event{};
        event.type = wake_event_;
        SDL_PushEvent(&event);
    }

    std::string label_;
    ClipLimits limits_;
    Uint32 wake_event_ = 0;
    int max_side_ = 0;
    int handle_ = 0;
    ClipState state_ = ClipState::Opening;
    std::string error_;
    int width_ = 0;
    int height_ = 0;
    int source_width_ = 0;
    int source_height_ = 0;
    double duration_ = 0.0;
    SurfacePtr frame_;
};

}  // namespace

std::unique_ptr<ClipPlayer> ClipPlayer::open(ClipSource source, const ClipLimits& limits,
                                             Uint32 wake_event) {
    return std::make_unique<WebClipPlayer>(std::move(source), limits, wake_event);
}

bool check_clip(std::span<const std::uint8_t>, const ClipLimits&, std::string*) {
    return true;  // the browser's decoder is only known when it plays (clip_player.h)
}

}  // namespace rc::engine

// The JS entries' events (Module.rcClips): a player closed meanwhile is simply gone.
extern "C" EMSCRIPTEN_KEEPALIVE void rc_clip_web_event(int handle) {
    auto& table = rc::engine::players();
    if (auto found = table.find(handle); found != table.end())
        found->second->on_event();
}
