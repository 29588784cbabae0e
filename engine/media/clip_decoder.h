// One clip's FFmpeg demuxer and decoder over bytes held in memory, for one thread at a time
// (the player's worker, or check_clip). Opening indexes every video frame's timestamp by
// demuxing the whole clip once, without decoding: the index gives the exact frame count,
// duration and frame times that stepping and seeking need, and proves the container whole.
// FFmpeg never touches a file or the network: a custom AVIOContext reads the bytes, only
// the MP4/MOV and Matroska/WebM demuxers and the H.264, VP8 and VP9 decoders are allowed.
// Part of librealcheck-clips.so (clip_module.h), never linked into the game itself.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/media/clip_limits.h"
#include "engine/media/image_decode.h"

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVIOContext;
struct AVPacket;
struct AVStream;
struct SwsContext;

namespace rc::engine {

// Decoder threads: two keep a 4K H.264 clip in real time; a check decodes one frame only.
inline constexpr int kClipPlayThreads = 2;
inline constexpr int kClipCheckThreads = 1;

struct ClipTimeline {
    int width = 0;  // of the frames convert() makes: upright, scaled to fit
    int height = 0;
    int source_width = 0;  // the clip's own upright display size
    int source_height = 0;
    int rotation = 0;  // degrees turned clockwise to stand upright: 0, 90, 180, 270
    double duration = 0;
    double frame_interval = 0;
    std::vector<double> frame_times;  // seconds from the first frame, ascending
};

enum class DecodeStep { Frame, End, Error };

class ClipDecoder {
  public:
    // `bytes` and `stop` must outlive the decoder; `stop` set aborts reading promptly.
    ClipDecoder(std::span<const std::uint8_t> bytes, const std::atomic<bool>* stop);
    ~ClipDecoder();
    ClipDecoder(const ClipDecoder&) = delete;
    ClipDecoder& operator=(const ClipDecoder&) = delete;

    // Demuxes and indexes the clip, checks the limits, opens the decoder and decodes the
    // first frame (kept for next()). `side`: the longest side of the frames made.
    bool open(const ClipLimits& limits, int side, int threads, std::string* why);
    const ClipTimeline& timeline() const { return timeline_; }

    // Positions the decoder so that next() gives frames from the last keyframe at or
    // before frame `index`, in presentation order.
    bool seek_to(int index, std::string* why);
    // Decodes the next frame; *index is its place in frame_times.
    DecodeStep next(int* index, std::string* why);
    // The frame next() last gave: RGBA32, scaled, upright.
    SurfacePtr convert(std::string* why);

  private:
    struct Packet {
        std::int64_t pts = 0;  // the decode timestamp when the packet has no other
        std::int64_t dts = 0;
        std::int64_t duration = 0;
        bool keyframe = false;
    };
    struct ScalerKey {  // what the scaler was made for
        int width = 0;
        int height = 0;
        int format = -1;
        int colorspace = -1;
        int range = -1;
        bool operator==(const ScalerKey&) const = default;
    };

    static int read_io(void* opaque, std::uint8_t* buffer, int size);
    static std::int64_t seek_io(void* opaque, std::int64_t offset, int whence);
    bool open_input(std::string* why);
    bool find_video_stream(const ClipLimits& limits, std::string* why);
    void set_upright_size(const AVStream* stream);
    void fit_output(int side);
    bool index_frames(const ClipLimits& limits, std::string* why);
    bool read_index_packets(std::size_t max_frames, std::vector<Packet>* packets, std::string* why);
    bool make_timeline(const ClipLimits& limits, std::vector<Packet> packets, std::string* why);
    bool set_duration(const ClipLimits& limits, std::int64_t last_duration, std::string* why);
    bool open_codec(int threads, std::string* why);
    bool seek_demuxer(std::int64_t timestamp, std::string* why);
    DecodeStep receive(int* index, std::string* why);
    bool feed_decoder(std::string* why);
    int frame_index(std::int64_t timestamp) const;  // -1 before the first frame
    bool scale_into(SDL_Surface* surface, std::string* why);
    // "what: FFmpeg's error (its last log line)".
    std::string fail(const std::string& what, int code) const;

    std::span<const std::uint8_t> bytes_;
    std::int64_t position_ = 0;  // of the next byte read_io gives
    const std::atomic<bool>* stop_;
    AVIOContext* io_ = nullptr;
    AVFormatContext* format_ = nullptr;
    AVCodecContext* codec_ = nullptr;
    AVFrame* frame_ = nullptr;
    AVPacket* packet_ = nullptr;
    SwsContext* scaler_ = nullptr;
    ScalerKey scaler_key_;
    int stream_ = -1;
    double time_base_ = 0;
    std::vector<std::int64_t> pts_;  // each frame's presentation timestamp, ascending
    std::vector<Packet> keyframes_;  // ascending by pts
    ClipTimeline timeline_;
    std::uint64_t max_pixels_ = 0;
    bool held_ = false;  // frame_ was decoded by seek_to and not yet given by next()
    int held_index_ = 0;
    double sent_seconds_ = 0;  // the time of the last frame given to the decoder, for messages
    bool draining_ = false;    // the demuxer is at its end: the decoder gives what it holds
};

}  // namespace rc::engine
