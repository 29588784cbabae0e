// The native clip player, inside librealcheck-clips.so: a worker thread reads the clip,
// owns its ClipDecoder and keeps a few converted frames ahead of the caller's clock; the
// main thread only moves the clock and takes frames. They meet under one mutex.
//
// Frames are numbered by a sequence that keeps counting across loops (frame i of loop k
// is k * frame_count + i), so "the frame for the clock" and "frames ahead of it" stay
// ordered through the seamless jump back to the start. A seek starts a new generation: the
// worker drops what it holds, seeks to the keyframe before, and decodes forward, converting
// only the frames at or after the one asked for.
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "engine/media/clip_decoder.h"
#include "engine/media/clip_module.h"

namespace rc::engine {
namespace {

// Frames converted ahead of the one on screen: enough to hide the seek back to the start
// when looping and a slower frame, few enough that a 1080p clip holds ~40 MB of them.
constexpr std::size_t kClipFramesAhead = 3;
// A clock this close before a frame's time is at that frame: a caller stepping its clock by
// frame_interval() adds up rounding errors (ten steps of 0.04 s make 0.39999…).
constexpr double kClockSlack = 1e-6;

struct QueuedFrame {
    std::int64_t seq = 0;
    SurfacePtr surface;
};

class FfmpegClipPlayer final : public ClipPlayer {
  public:
    FfmpegClipPlayer(ClipSource source, const ClipLimits& limits, Uint32 wake_event)
        : source_(std::move(source)),
          limits_(limits),
          wake_event_(wake_event),
          worker_([this] { run(); }) {}

    ~FfmpegClipPlayer() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        stop_ = true;  // also ends a read inside FFmpeg
        changed_.notify_all();
        worker_.join();
    }

    ClipState state() const override {
        std::lock_guard lock(mutex_);
        return state_;
    }
    std::string error() const override {
        std::lock_guard lock(mutex_);
        return error_;
    }
    int width() const override { return known(&ClipTimeline::width); }
    int height() const override { return known(&ClipTimeline::height); }
    int source_width() const override { return known(&ClipTimeline::source_width); }
    int source_height() const override { return known(&ClipTimeline::source_height); }
    double duration() const override { return known(&ClipTimeline::duration); }
    double frame_interval() const override { return known(&ClipTimeline::frame_interval); }

    double position() const override {
        std::lock_guard lock(mutex_);
        return state_ == ClipState::Ready ? timeline_.frame_times[target_index_locked()] : 0.0;
    }
    bool playing() const override {
        std::lock_guard lock(mutex_);
        return playing_;
    }
    void set_playing(bool playing) override {
        std::lock_guard lock(mutex_);
        playing_ = playing;
    }

    void seek(double seconds) override {
        std::lock_guard lock(mutex_);
        if (state_ != ClipState::Ready)
            return;
        clock_ = std::clamp(std::isnan(seconds) ? 0.0 : seconds, 0.0, timeline_.frame_times.back());
        const std::size_t index = index_at_locked(clock_);
        if (index != target_index_locked())
            start_generation_locked(index);
    }

    void step(int frames) override {
        std::lock_guard lock(mutex_);
        if (state_ != ClipState::Ready)
            return;
        playing_ = false;
        const auto count = frame_count_locked();
        if (frames > 0) {
            move_target_locked(target_seq_ + frames);  // forward: the worker is on its way
        } else if (frames < 0) {
            const auto index = static_cast<std::int64_t>(target_index_locked());
            start_generation_locked(
                static_cast<std::size_t>(((index + frames) % count + count) % count));
        }
        clock_ = timeline_.frame_times[target_index_locked()];
    }

    void advance(double elapsed) override {
        std::lock_guard lock(mutex_);
        if (state_ != ClipState::Ready || !playing_ || !(elapsed > 0) || !std::isfinite(elapsed))
            return;
        double loops = 0;
        clock_ = wrapped_locked(clock_ + elapsed, &loops);
        const std::size_t index = index_at_locked(clock_);
        if (!(loops < 2)) {  // long asleep: seek there rather than decode every loop missed
            start_generation_locked(index);
            return;
        }
        const std::int64_t loop = target_seq_ / frame_count_locked() + static_cast<int>(loops);
        move_target_locked(loop * frame_count_locked() + static_cast<std::int64_t>(index));
    }

    SDL_Surface* take_frame() override {
        std::lock_guard lock(mutex_);
        settle_locked();
        if (!pending_)
            return nullptr;
        shown_ = std::move(pending_);
        return shown_.get();
    }

    double next_change_in() const override {
        std::lock_guard lock(mutex_);
        if (state_ != ClipState::Ready)
            return -1;
        if (pending_ || (!queue_.empty() && queue_.front().seq <= target_seq_))
            return 0;  // a frame waits to be taken
        const std::size_t count = timeline_.frame_times.size();
        if (!playing_ || count < 2)
            return -1;
        const std::size_t index = target_index_locked();
        const double next =
            index + 1 < count ? timeline_.frame_times[index + 1] : timeline_.duration;
        return std::max(0.0, next - clock_);
    }

    void wait_frame() override {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] {
            settle_locked();
            return state_ == ClipState::Failed ||
                   (state_ == ClipState::Ready && produced_seq_ >= target_seq_);
        });
    }

  private:
    template <typename T>
    T known(T ClipTimeline::*field) const {  // zero until Ready
        std::lock_guard lock(mutex_);
        return state_ == ClipState::Ready ? timeline_.*field : T{};
    }

    // --- main thread, under the mutex ---

    std::int64_t frame_count_locked() const {
        return static_cast<std::int64_t>(timeline_.frame_times.size());
    }
    std::size_t target_index_locked() const {
        return static_cast<std::size_t>(target_seq_ % frame_count_locked());
    }
    std::size_t index_at_locked(double seconds) const {
        const auto& times = timeline_.frame_times;
        const auto after = std::upper_bound(times.begin(), times.end(), seconds + kClockSlack);
        return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, after - times.begin() - 1));
    }

    // Where `seconds` (from the start of this loop) falls in the clip, and *loops, how many
    // times it went past the end.
    double wrapped_locked(double seconds, double* loops) const {
        const double duration = timeline_.duration;
        *loops = std::floor(seconds / duration);
        double clock = seconds - *loops * duration;
        if (clock < 0 || clock >= duration) {  // the division rounded across the end
            const double back = clock < 0 ? 1 : -1;
            clock += back * duration;
            *loops -= back;
        }
        return std::clamp(clock, 0.0, duration);
    }

    // The worker will decode forward to `seq`, unless it is more than a loop away.
    void move_target_locked(std::int64_t seq) {
        if (seq - std::max(produced_seq_, target_seq_) > frame_count_locked()) {
            start_generation_locked(static_cast<std::size_t>(seq % frame_count_locked()));
            return;
        }
        target_seq_ = seq;
        settle_locked();
        changed_.notify_all();
    }

    void start_generation_locked(std::size_t index) {
        ++generation_;
        target_seq_ = static_cast<std::int64_t>(index);
        produced_seq_ = -1;
        queue_.clear();
        pending_.reset();  // the frame on screen stays until the new one is decoded
        changed_.notify_all();
    }

    // Frames at or before the clock leave the queue; the latest is the one to show.
    void settle_locked() {
        bool moved = false;
        while (!queue_.empty() && queue_.front().seq <= target_seq_) {
            pending_ = std::move(queue_.front().surface);
            queue_.pop_front();
            moved = true;
        }
        if (moved)
            changed_.notify_all();  // room for the worker
    }

    // --- worker thread ---

    void run() {
        std::vector<std::uint8_t> bytes;
        std::unique_ptr<ClipDecoder> decoder;
        std::string why;
        if (!load(&bytes, &decoder, &why))
            return fail(why);
        {
            std::lock_guard lock(mutex_);
            timeline_ = decoder->timeline();
            state_ = ClipState::Ready;
        }
        changed_.notify_all();
        wake();
        play(*decoder);
    }

    bool load(std::vector<std::uint8_t>* bytes, std::unique_ptr<ClipDecoder>* decoder,
              std::string* why) {
        if (!source_.read) {
            *why = "cannot read: no read function was given";
            return false;
        }
        if (!source_.read(bytes, why))
            return false;
        auto opened = std::make_unique<ClipDecoder>(*bytes, &stop_);
        const int side =
            source_.max_side > 0 ? std::min(source_.max_side, limits_.max_side) : limits_.max_side;
        if (!opened->open(limits_, side, kClipPlayThreads, why))
            return false;
        *decoder = std::move(opened);
        return true;
    }

    void play(ClipDecoder& decoder) {
        const auto count = static_cast<std::int64_t>(decoder.timeline().frame_times.size());
        std::uint64_t generation = 0;
        std::int64_t loop_start = 0;  // the sequence number of this loop's first frame
        std::int64_t last_seq = -1;
        std::string why;
        while (true) {
            std::int64_t seek_seq = -1;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] {
                    return stopping_ || generation != generation_ ||
                           queue_.size() < kClipFramesAhead;
                });
                if (stopping_)
                    return;
                if (generation != generation_) {
                    generation = generation_;
                    seek_seq = target_seq_;  // the clock may have moved on since the seek
                }
            }
            if (seek_seq >= 0) {
                if (!decoder.seek_to(static_cast<int>(seek_seq % count), &why))
                    return fail(why);
                loop_start = seek_seq - seek_seq % count;
                last_seq = -1;
            }
            int index = 0;
            const DecodeStep step = decoder.next(&index, &why);
            if (step == DecodeStep::Error)
                return fail(why);
            if (step == DecodeStep::End) {  // loop: back to the start, counting on
                if (!decoder.seek_to(0, &why))
                    return fail(why);
                loop_start += count;
                continue;
            }
            const std::int64_t seq = loop_start + index;
            if (seq <= last_seq)
                continue;  // out of order: its place has passed
            last_seq = seq;
            if (!offer(decoder, generation, seq))
                return;
        }
    }

    // Converts and queues frame `seq` unless the clock has passed it (it was decoded only
    // because later frames need it). False when the player failed.
    bool offer(ClipDecoder& decoder, std::uint64_t generation, std::int64_t seq) {
        {
            std::lock_guard lock(mutex_);
            if (generation != generation_)
                return true;  // a seek came meanwhile
            if (seq < target_seq_) {
                produced_seq_ = seq;
                return true;
            }
        }
        std::string why;
        SurfacePtr surface = decoder.convert(&why);
        if (!surface) {
            fail(why);
            return false;
        }
        bool awaited = false;
        {
            std::lock_guard lock(mutex_);
            if (generation != generation_)
                return true;
            produced_seq_ = seq;
            awaited = seq <= target_seq_;
            queue_.push_back({seq, std::move(surface)});
        }
        changed_.notify_all();
        if (awaited)
            wake();
        return true;
    }

    void fail(const std::string& why) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_)
                return;
            state_ = ClipState::Failed;
            error_ = source_.label + ": " + why;
            queue_.clear();
        }
        changed_.notify_all();
        wake();
    }

    void wake() const {
        if (wake_event_ == 0)
            return;
        SDL_Event event{};
        event.type = wake_event_;
        SDL_PushEvent(&event);
    }

    const ClipSource source_;
    const ClipLimits limits_;
    const Uint32 wake_event_;
    std::atomic<bool> stop_{false};

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    ClipState state_ = ClipState::Opening;
    std::string error_;
    ClipTimeline timeline_;  // set once, before Ready
    bool stopping_ = false;
    bool playing_ = true;
    double clock_ = 0;                // seconds into the clip, main thread
    std::uint64_t generation_ = 0;    // raised by each seek
    std::int64_t target_seq_ = 0;     // the frame for the clock
    std::int64_t produced_seq_ = -1;  // the last frame the worker finished, this generation
    std::deque<QueuedFrame> queue_;   // converted frames after the clock's, in order
    SurfacePtr pending_;              // the frame for the clock, not yet taken
    SurfacePtr shown_;                // the frame take_frame last gave
    std::thread worker_;              // last: starts once everything above exists
};

std::unique_ptr<ClipPlayer> open_player(ClipSource source, const ClipLimits& limits,
                                        Uint32 wake_event) {
    return std::make_unique<FfmpegClipPlayer>(std::move(source), limits, wake_event);
}

bool check(std::span<const std::uint8_t> bytes, const ClipLimits& limits, std::string* why) {
    const std::atomic<bool> never{false};
    ClipDecoder decoder(bytes, &never);
    return decoder.open(limits, 1, kClipCheckThreads, why);
}

const ClipModule kModule{kClipModuleVersion, sizeof(ClipModule), sizeof(ClipSource),
                         sizeof(ClipLimits), &open_player,       &check};

}  // namespace
}  // namespace rc::engine

extern "C" __attribute__((visibility("default"))) const rc::engine::ClipModule* rc_clip_module() {
    return &rc::engine::kModule;
}
