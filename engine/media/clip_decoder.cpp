#include "engine/media/clip_decoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>
#include <string_view>

namespace rc::engine {
namespace {

constexpr int kIoBufferBytes = 64 * 1024;
// Frames a clip may hold for each second of its limit: far above any camera's rate, so only
// a file declaring a flood of tiny frames is refused for it, before they are all indexed.
constexpr double kMaxFramesPerSecond = 240.0;
constexpr int kMaxStreams = 64;
// Pixel shapes further from square than this are nonsense from a file, not a camera.
constexpr double kMaxSampleAspect = 4.0;
// The last frame's duration when the clip does not say, and the clip has a single frame.
constexpr double kDefaultFrameSeconds = 1.0 / 25.0;
// A duration within this of the limit is at the limit (timestamps are rounded).
constexpr double kSecondsSlack = 1e-3;
// Earlier keyframes tried when a seek lands after the frame asked for; then the start.
constexpr int kMaxSeekRetries = 3;
constexpr std::size_t kMaxLogChars = 200;
// Demuxers and decoders FFmpeg may use at all, whatever the bytes claim to be.
constexpr char kAllowedDemuxers[] = "mov,matroska";
constexpr char kAllowedDecoders[] = "h264,vp8,vp9";

// FFmpeg's last error message on this thread ("moov atom not found"), for our messages;
// nothing goes to stderr.
thread_local std::string tls_last_log;

void keep_log_line(void* context, int level, const char* format, va_list args) {
    if (level > AV_LOG_ERROR)
        return;
    char line[512];
    int print_prefix = 0;
    av_log_format_line2(context, level, format, args, line, sizeof line, &print_prefix);
    std::string text;
    // The message may quote the file's bytes: printable ASCII only, and short.
    for (const char* c = line; *c && text.size() < kMaxLogChars; ++c)
        text += (*c >= 0x20 && *c < 0x7f) ? *c : ' ';
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    tls_last_log = std::move(text);
}

std::string error_text(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

int interrupted(void* stop) {
    return static_cast<const std::atomic<bool>*>(stop)->load() ? 1 : 0;
}

// Nested opens (an MP4's external data references, playlists) would reach files or the
// network: refused, the clip is its bytes and nothing else.
int refuse_io(AVFormatContext*, AVIOContext**, const char*, int, AVDictionary**) {
    return AVERROR(EPERM);
}

// The demuxer for the bytes' container, by its signature: no other format is probed.
const AVInputFormat* container_format(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t kEbml[] = {0x1A, 0x45, 0xDF, 0xA3};
    if (bytes.size() >= 4 && std::equal(kEbml, kEbml + 4, bytes.begin()))
        return av_find_input_format("matroska");
    if (bytes.size() < 8)
        return nullptr;
    const std::string_view box(reinterpret_cast<const char*>(bytes.data()) + 4, 4);
    for (const char* name : {"ftyp", "moov", "mdat", "free", "skip", "wide"})
        if (box == name)
            return av_find_input_format("mov");
    return nullptr;
}

// An EBML variable-length number at `at`: an element ID keeps its length marker, a size
// does not. Returns false past the end or on a malformed length.
bool read_ebml_number(std::span<const std::uint8_t> bytes, std::size_t* at, bool keep_marker,
                      std::uint64_t* value, bool* all_ones) {
    if (*at >= bytes.size() || bytes[*at] == 0)
        return false;
    const int length = std::countl_zero(bytes[*at]) + 1;
    if (*at + static_cast<std::size_t>(length) > bytes.size())
        return false;
    const std::uint8_t marker = static_cast<std::uint8_t>(0x80u >> (length - 1));
    std::uint64_t number = keep_marker ? bytes[*at] : (bytes[*at] & (marker - 1));
    bool ones = (bytes[*at] & (marker - 1)) == marker - 1;
    for (int i = 1; i < length; ++i) {
        number = (number << 8) | bytes[*at + static_cast<std::size_t>(i)];
        ones = ones && bytes[*at + static_cast<std::size_t>(i)] == 0xFF;
    }
    *at += static_cast<std::size_t>(length);
    *value = number;
    *all_ones = ones;
    return true;
}

// Where a WebM's Segment says it ends, when it says (a recording still being written does
// not). The demuxer plays a cut file to where it stops without a word; this is the proof.
std::uint64_t webm_declared_end(std::span<const std::uint8_t> bytes) {
    constexpr std::uint64_t kEbmlHeader = 0x1A45DFA3, kSegment = 0x18538067;
    std::size_t at = 0;
    std::uint64_t id = 0, size = 0;
    bool unknown = false;
    if (!read_ebml_number(bytes, &at, true, &id, &unknown) || id != kEbmlHeader ||
        !read_ebml_number(bytes, &at, false, &size, &unknown) || unknown ||
        size > bytes.size() - at)
        return 0;
    at += static_cast<std::size_t>(size);
    if (!read_ebml_number(bytes, &at, true, &id, &unknown) || id != kSegment ||
        !read_ebml_number(bytes, &at, false, &size, &unknown) || unknown)
        return 0;
    return size > std::numeric_limits<std::uint64_t>::max() - at ? size : at + size;
}

bool allowed_codec(AVCodecID id) {
    return id == AV_CODEC_ID_H264 || id == AV_CODEC_ID_VP8 || id == AV_CODEC_ID_VP9;
}

// Degrees to turn clockwise so the picture stands upright, from the display matrix (a
// phone held upright records landscape frames and says so there).
int upright_rotation(const AVStream* stream) {
    std::size_t size = 0;
    const auto* matrix = reinterpret_cast<const std::int32_t*>(
        av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size));
    if (!matrix || size < 9 * sizeof(std::int32_t))
        return 0;
    const double counterclockwise = av_display_rotation_get(matrix);
    if (!std::isfinite(counterclockwise))
        return 0;
    const long quarters = std::lround(-counterclockwise / 90.0) % 4;
    return static_cast<int>((quarters + 4) % 4) * 90;
}

std::string megapixels(std::uint64_t pixels) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / 1e6);
    return text;
}

std::string too_many_pixels(int width, int height, std::uint64_t max_pixels) {
    const std::uint64_t pixels = std::uint64_t(width) * std::uint64_t(height);
    return "frames of " + std::to_string(width) + "×" + std::to_string(height) + " pixels (" +
           megapixels(pixels) + " megapixels) are over the " + megapixels(max_pixels) +
           " megapixel limit";
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

// Turns an RGBA32 surface clockwise by 90, 180 or 270 degrees. Each pixel's place in the
// new surface is `origin + x * step_x + y * step_y` bytes.
SurfacePtr turned(SDL_Surface* source, int degrees) {
    const int w = source->w;
    const int h = source->h;
    const bool quarter = degrees != 180;
    SurfacePtr out(SDL_CreateRGBSurfaceWithFormat(0, quarter ? h : w, quarter ? w : h, 32,
                                                  SDL_PIXELFORMAT_RGBA32));
    if (!out)
        return nullptr;
    const std::ptrdiff_t pitch = out->pitch;
    std::ptrdiff_t origin = (h - 1) * 4, step_x = pitch, step_y = -4;  // 90
    if (degrees == 180) {
        origin = (h - 1) * pitch + (w - 1) * 4, step_x = -4, step_y = -pitch;
    } else if (degrees == 270) {
        origin = (w - 1) * pitch, step_x = -pitch, step_y = 4;
    }
    auto* target = static_cast<std::uint8_t*>(out->pixels);
    for (int y = 0; y < h; ++y) {
        const auto* row = static_cast<const std::uint8_t*>(source->pixels) + y * source->pitch;
        std::uint8_t* place = target + origin + y * step_y;
        for (int x = 0; x < w; ++x, place += step_x)
            std::memcpy(place, row + 4 * x, 4);
    }
    return out;
}

}  // namespace

ClipDecoder::ClipDecoder(std::span<const std::uint8_t> bytes, const std::atomic<bool>* stop)
    : bytes_(bytes), stop_(stop) {
    static std::once_flag quiet;
    std::call_once(quiet, [] { av_log_set_callback(keep_log_line); });
}

ClipDecoder::~ClipDecoder() {
    sws_freeContext(scaler_);
    av_packet_free(&packet_);
    av_frame_free(&frame_);
    avcodec_free_context(&codec_);
    avformat_close_input(&format_);  // custom IO: io_ is ours to free
    if (io_)
        av_freep(&io_->buffer);
    avio_context_free(&io_);
}

int ClipDecoder::read_io(void* opaque, std::uint8_t* buffer, int size) {
    auto* self = static_cast<ClipDecoder*>(opaque);
    const auto left = static_cast<std::int64_t>(self->bytes_.size()) - self->position_;
    if (left <= 0 || size <= 0)
        return AVERROR_EOF;
    const auto count = static_cast<int>(std::min<std::int64_t>(left, size));
    std::memcpy(buffer, self->bytes_.data() + self->position_, static_cast<std::size_t>(count));
    self->position_ += count;
    return count;
}

std::int64_t ClipDecoder::seek_io(void* opaque, std::int64_t offset, int whence) {
    auto* self = static_cast<ClipDecoder*>(opaque);
    const auto size = static_cast<std::int64_t>(self->bytes_.size());
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return size;
    std::int64_t base = 0;
    if (whence == SEEK_CUR)
        base = self->position_;
    else if (whence == SEEK_END)
        base = size;
    else if (whence != SEEK_SET)
        return AVERROR(EINVAL);
    // Within the bytes, written so that no sum can overflow: base is within [0, size].
    if (offset < -base || offset > size - base)
        return AVERROR(EINVAL);
    self->position_ = base + offset;
    return self->position_;
}

std::string ClipDecoder::fail(const std::string& what, int code) const {
    std::string text = what + ": " + error_text(code);
    if (!tls_last_log.empty())
        text += " (" + tls_last_log + ")";
    tls_last_log.clear();
    return text;
}

bool ClipDecoder::open(const ClipLimits& limits, int side, int threads, std::string* why) {
    tls_last_log.clear();
    max_pixels_ = limits.max_pixels;
    packet_ = av_packet_alloc();
    frame_ = av_frame_alloc();
    if (!packet_ || !frame_) {
        *why = "out of memory";
        return false;
    }
    if (!open_input(why) || !find_video_stream(limits, why) || !index_frames(limits, why) ||
        !open_codec(threads, why))
        return false;
    fit_output(side);
    return seek_to(0, why);  // decodes the first frame: the proof the clip plays
}

bool ClipDecoder::open_input(std::string* why) {
    const AVInputFormat* container = container_format(bytes_);
    if (!container) {
        *why = "not an MP4 or WebM clip";
        return false;
    }
    const std::uint64_t declared_end = webm_declared_end(bytes_);
    if (declared_end > bytes_.size()) {
        *why = "is truncated: its data ends at byte " + std::to_string(declared_end) +
               " but the file has " + std::to_string(bytes_.size()) + " bytes";
        return false;
    }
    auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferBytes));
    io_ = buffer ? avio_alloc_context(buffer, kIoBufferBytes, 0, this, &read_io, nullptr, &seek_io)
                 : nullptr;
    if (!io_)
        av_free(buffer);
    format_ = io_ ? avformat_alloc_context() : nullptr;
    if (!format_) {
        *why = "out of memory";
        return false;
    }
    format_->pb = io_;
    format_->flags |= AVFMT_FLAG_CUSTOM_IO;
    format_->interrupt_callback = {&interrupted, const_cast<std::atomic<bool>*>(stop_)};
    format_->io_open = &refuse_io;
    format_->max_streams = kMaxStreams;
    AVDictionary* options = nullptr;
    av_dict_set(&options, "format_whitelist", kAllowedDemuxers, 0);
    av_dict_set(&options, "codec_whitelist", kAllowedDecoders, 0);
    av_dict_set(&options, "protocol_whitelist", "", 0);
    const int code = avformat_open_input(&format_, nullptr, container, &options);
    av_dict_free(&options);
    if (code < 0) {  // format_ is freed and null then
        *why = fail("cannot read", code);
        return false;
    }
    return true;
}

bool ClipDecoder::find_video_stream(const ClipLimits& limits, std::string* why) {
    for (unsigned i = 0; i < format_->nb_streams; ++i) {
        const AVStream* stream = format_->streams[i];
        const bool video = stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
                           !(stream->disposition & AV_DISPOSITION_ATTACHED_PIC);
        if (video && stream_ < 0)
            stream_ = static_cast<int>(i);
        else
            format_->streams[i]->discard = AVDISCARD_ALL;  // never read, never decoded
    }
    if (stream_ < 0) {
        *why = "has no video stream";
        return false;
    }
    const AVStream* stream = format_->streams[stream_];
    const AVCodecParameters* codec = stream->codecpar;
    if (!allowed_codec(codec->codec_id)) {
        *why = std::string("its video codec is ") + avcodec_get_name(codec->codec_id) +
               ", not H.264, VP8 or VP9";
        return false;
    }
    if (codec->width <= 0 || codec->height <= 0) {
        *why = "does not say its frame size";
        return false;
    }
    if (std::uint64_t(codec->width) * std::uint64_t(codec->height) > limits.max_pixels) {
        *why = too_many_pixels(codec->width, codec->height, limits.max_pixels);
        return false;
    }
    time_base_ = av_q2d(stream->time_base);
    if (!(time_base_ > 0)) {
        *why = "has no time base";
        return false;
    }
    set_upright_size(stream);
    return true;
}

void ClipDecoder::set_upright_size(const AVStream* stream) {
    const AVRational shape =
        av_guess_sample_aspect_ratio(format_, format_->streams[stream_], nullptr);
    double aspect = shape.num > 0 && shape.den > 0 ? av_q2d(shape) : 1.0;
    if (aspect > kMaxSampleAspect || aspect < 1.0 / kMaxSampleAspect)
        aspect = 1.0;
    const int width = std::max(1, static_cast<int>(std::lround(stream->codecpar->width * aspect)));
    const int height = stream->codecpar->height;
    timeline_.rotation = upright_rotation(stream);
    const bool quarter = timeline_.rotation % 180 != 0;
    timeline_.source_width = quarter ? height : width;
    timeline_.source_height = quarter ? width : height;
}

void ClipDecoder::fit_output(int side) {
    const int longest = std::max(timeline_.source_width, timeline_.source_height);
    const double scale = std::min(1.0, static_cast<double>(std::max(1, side)) / longest);
    timeline_.width = std::max(1, static_cast<int>(std::lround(timeline_.source_width * scale)));
    timeline_.height = std::max(1, static_cast<int>(std::lround(timeline_.source_height * scale)));
}

bool ClipDecoder::index_frames(const ClipLimits& limits, std::string* why) {
    const double frames = std::max(0.0, limits.max_seconds) * kMaxFramesPerSecond + 1;
    std::vector<Packet> packets;
    return read_index_packets(static_cast<std::size_t>(frames), &packets, why) &&
           make_timeline(limits, std::move(packets), why);
}

bool ClipDecoder::read_index_packets(std::size_t max_frames, std::vector<Packet>* packets,
                                     std::string* why) {
    while (true) {
        tls_last_log.clear();
        const int code = av_read_frame(format_, packet_);
        if (code == AVERROR_EOF)
            return true;
        if (code < 0) {
            *why = fail("is damaged", code);
            return false;
        }
        if (!tls_last_log.empty()) {  // damage the demuxer skipped over, with frames lost
            av_packet_unref(packet_);
            *why = "is damaged: " + tls_last_log;
            return false;
        }
        const AVPacket packet = *packet_;  // fields only; the data is released at once
        av_packet_unref(packet_);
        if (packet.stream_index != stream_ || (packet.flags & AV_PKT_FLAG_DISCARD))
            continue;
        if (packet.flags & AV_PKT_FLAG_CORRUPT) {
            *why = "is damaged: a video frame is cut short";
            return false;
        }
        const std::int64_t time = packet.pts != AV_NOPTS_VALUE ? packet.pts : packet.dts;
        if (time == AV_NOPTS_VALUE) {
            *why = "is damaged: a video frame has no time";
            return false;
        }
        if (packets->size() == max_frames) {
            *why = "has more than " + std::to_string(max_frames) + " video frames";
            return false;
        }
        const std::int64_t dts = packet.dts != AV_NOPTS_VALUE ? packet.dts : time;
        packets->push_back({time, dts, packet.duration, (packet.flags & AV_PKT_FLAG_KEY) != 0});
    }
}

bool ClipDecoder::make_timeline(const ClipLimits& limits, std::vector<Packet> packets,
                                std::string* why) {
    std::stable_sort(packets.begin(), packets.end(),
                     [](const Packet& a, const Packet& b) { return a.pts < b.pts; });
    for (const Packet& packet : packets) {
        if (!pts_.empty() && pts_.back() == packet.pts)
            continue;  // two frames at one time: only one can be shown
        pts_.push_back(packet.pts);
        if (packet.keyframe)
            keyframes_.push_back(packet);
    }
    if (pts_.empty() || keyframes_.empty()) {
        *why = pts_.empty() ? "has no video frames" : "has no keyframe to start decoding from";
        return false;
    }
    const double first = static_cast<double>(pts_.front());
    for (const std::int64_t pts : pts_)
        timeline_.frame_times.push_back((static_cast<double>(pts) - first) * time_base_);
    return set_duration(limits, packets.back().duration, why);
}

bool ClipDecoder::set_duration(const ClipLimits& limits, std::int64_t last_duration,
                               std::string* why) {
    const std::size_t count = pts_.size();
    const double span = timeline_.frame_times.back();
    double last = static_cast<double>(last_duration) * time_base_;
    if (!(last > 0))  // the last frame lasts as long as the others, when the clip does not say
        last = count > 1 ? span / static_cast<double>(count - 1) : kDefaultFrameSeconds;
    timeline_.duration = span + last;
    timeline_.frame_interval = timeline_.duration / static_cast<double>(count);
    if (std::isfinite(timeline_.duration) &&
        timeline_.duration <= limits.max_seconds + kSecondsSlack)
        return true;
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g s", limits.max_seconds);
    *why = "lasts " + seconds_text(timeline_.duration) + ", over the " + limit + " limit";
    return false;
}

bool ClipDecoder::open_codec(int threads, std::string* why) {
    const AVStream* stream = format_->streams[stream_];
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    codec_ = codec ? avcodec_alloc_context3(codec) : nullptr;
    if (!codec_) {
        *why = "has no decoder for its codec";
        return false;
    }
    int code = avcodec_parameters_to_context(codec_, stream->codecpar);
    if (code < 0) {
        *why = fail("cannot decode", code);
        return false;
    }
    codec_->pkt_timebase = stream->time_base;
    codec_->thread_count = std::max(1, threads);
    // The decoder refuses bigger frames itself, before allocating them (a size change
    // mid-stream), and a damaged frame is an error rather than a concealed guess.
    codec_->max_pixels = static_cast<std::int64_t>(
        std::min<std::uint64_t>(max_pixels_, std::numeric_limits<std::int64_t>::max()));
    codec_->err_recognition |= AV_EF_EXPLODE;
    AVDictionary* options = nullptr;
    av_dict_set(&options, "codec_whitelist", kAllowedDecoders, 0);
    code = avcodec_open2(codec_, codec, &options);
    av_dict_free(&options);
    if (code < 0) {
        *why = fail("cannot decode", code);
        return false;
    }
    return true;
}

bool ClipDecoder::seek_demuxer(std::int64_t timestamp, std::string* why) {
    const int code = av_seek_frame(format_, stream_, timestamp, AVSEEK_FLAG_BACKWARD);
    if (code < 0) {
        *why = fail("cannot seek", code);
        return false;
    }
    avcodec_flush_buffers(codec_);
    draining_ = false;
    held_ = false;
    return true;
}

bool ClipDecoder::seek_to(int index, std::string* why) {
    tls_last_log.clear();
    index = std::clamp(index, 0, static_cast<int>(pts_.size()) - 1);
    auto after =
        std::upper_bound(keyframes_.begin(), keyframes_.end(), pts_[index],
                         [](std::int64_t pts, const Packet& key) { return pts < key.pts; });
    int key = std::max(0, static_cast<int>(after - keyframes_.begin()) - 1);
    // The demuxer's own index may place a keyframe differently (decode times, edit lists):
    // when the first frame decoded comes after the one asked for, try the keyframe before.
    for (int attempt = 0;; ++attempt) {
        const bool from_start = key == 0 || attempt == kMaxSeekRetries;
        if (!seek_demuxer(keyframes_[from_start ? 0 : key].dts, why))
            return false;
        int first = 0;
        const DecodeStep step = receive(&first, why);
        if (step == DecodeStep::Error)
            return false;
        if (step == DecodeStep::End) {
            *why = "cannot decode: no frame decodes from " +
                   seconds_text(timeline_.frame_times[static_cast<std::size_t>(index)]);
            return false;
        }
        if (first <= index || from_start) {
            held_ = true;
            held_index_ = first;
            return true;
        }
        --key;
    }
}

DecodeStep ClipDecoder::next(int* index, std::string* why) {
    if (held_) {
        held_ = false;
        *index = held_index_;
        return DecodeStep::Frame;
    }
    return receive(index, why);
}

int ClipDecoder::frame_index(std::int64_t timestamp) const {
    if (timestamp == AV_NOPTS_VALUE || timestamp < pts_.front())
        return -1;
    const auto after = std::upper_bound(pts_.begin(), pts_.end(), timestamp);
    return static_cast<int>(after - pts_.begin()) - 1;
}

DecodeStep ClipDecoder::receive(int* index, std::string* why) {
    while (true) {
        if (stop_->load()) {
            *why = "stopped";
            return DecodeStep::Error;
        }
        const int code = avcodec_receive_frame(codec_, frame_);
        if (code == 0) {
            *index = frame_index(frame_->best_effort_timestamp);
            if (*index >= 0)
                return DecodeStep::Frame;
            continue;  // before the clip's first frame (cut by an edit list)
        }
        if (code == AVERROR_EOF || (code == AVERROR(EAGAIN) && draining_))
            return DecodeStep::End;
        if (code != AVERROR(EAGAIN)) {
            *why = fail("cannot decode near " + seconds_text(sent_seconds_), code);
            return DecodeStep::Error;
        }
        if (!feed_decoder(why))
            return DecodeStep::Error;
    }
}

bool ClipDecoder::feed_decoder(std::string* why) {
    while (true) {
        int code = av_read_frame(format_, packet_);
        if (code == AVERROR_EOF) {
            draining_ = true;
            avcodec_send_packet(codec_, nullptr);  // the decoder now gives what it holds
            return true;
        }
        if (code < 0) {
            *why = fail("cannot read", code);
            return false;
        }
        if (packet_->stream_index != stream_) {
            av_packet_unref(packet_);
            continue;
        }
        const std::int64_t time = packet_->pts != AV_NOPTS_VALUE ? packet_->pts : packet_->dts;
        if (time != AV_NOPTS_VALUE)
            sent_seconds_ = std::max(
                0.0, (static_cast<double>(time) - static_cast<double>(pts_.front())) * time_base_);
        code = avcodec_send_packet(codec_, packet_);
        av_packet_unref(packet_);
        if (code < 0) {
            *why = fail("cannot decode near " + seconds_text(sent_seconds_), code);
            return false;
        }
        return true;
    }
}

SurfacePtr ClipDecoder::convert(std::string* why) {
    const bool quarter = timeline_.rotation % 180 != 0;
    SurfacePtr scaled(SDL_CreateRGBSurfaceWithFormat(
        0, quarter ? timeline_.height : timeline_.width,
        quarter ? timeline_.width : timeline_.height, 32, SDL_PIXELFORMAT_RGBA32));
    if (!scaled) {
        *why = "out of memory for a frame";
        return nullptr;
    }
    if (!scale_into(scaled.get(), why))
        return nullptr;
    if (timeline_.rotation == 0)
        return scaled;
    SurfacePtr upright = turned(scaled.get(), timeline_.rotation);
    if (!upright)
        *why = "out of memory for a frame";
    return upright;
}

bool ClipDecoder::scale_into(SDL_Surface* surface, std::string* why) {
    const int width = frame_->width;
    const int height = frame_->height;
    if (width <= 0 || height <= 0 || std::uint64_t(width) * std::uint64_t(height) > max_pixels_) {
        *why = too_many_pixels(width, height, max_pixels_);
        return false;
    }
    const ScalerKey key{width, height, frame_->format, frame_->colorspace, frame_->color_range};
    if (!scaler_ || !(key == scaler_key_)) {
        sws_freeContext(scaler_);
        scaler_ =
            sws_getContext(width, height, static_cast<AVPixelFormat>(frame_->format), surface->w,
                           surface->h, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
        if (!scaler_) {
            *why = "cannot convert its frames' pixel format";
            return false;
        }
        scaler_key_ = key;
        // The colour matrix the clip says (BT.709 for HD), not swscale's BT.601 default.
        sws_setColorspaceDetails(scaler_, sws_getCoefficients(frame_->colorspace),
                                 frame_->color_range == AVCOL_RANGE_JPEG,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    }
    std::uint8_t* planes[4] = {static_cast<std::uint8_t*>(surface->pixels)};
    const int strides[4] = {surface->pitch};
    sws_scale(scaler_, frame_->data, frame_->linesize, 0, height, planes, strides);
    return true;
}

}  // namespace rc::engine
