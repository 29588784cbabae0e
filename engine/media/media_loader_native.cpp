// The native media loader: one worker thread reads and decodes. Decoding is the slow
// part, and the game asks for the current picture and two ahead, so one thread keeps up;
// urgent requests wait in their own queue, served first and in the order asked.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "engine/media/media_loader.h"

namespace rc::engine {
namespace {

struct Job {
    MediaTicket ticket = 0;
    MediaRequest request;
};

class NativeMediaLoader final : public MediaLoader {
  public:
    NativeMediaLoader(const DecodeLimits& limits, Uint32 wake_event)
        : limits_(limits), wake_event_(wake_event), worker_([this] { run(); }) {}

    ~NativeMediaLoader() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }

    MediaTicket request(MediaRequest request) override {
        std::lock_guard lock(mutex_);
        const MediaTicket ticket = ++last_ticket_;
        auto& queue = request.priority == MediaPriority::Urgent ? urgent_ : background_;
        queue.push_back({ticket, std::move(request)});
        changed_.notify_all();
        return ticket;
    }

    void cancel_all() override {
        std::lock_guard lock(mutex_);
        urgent_.clear();
        background_.clear();
        done_.clear();
        first_live_ticket_ = last_ticket_ + 1;
        changed_.notify_all();
    }

    std::vector<MediaResult> collect() override {
        std::lock_guard lock(mutex_);
        std::vector<MediaResult> done;
        done.swap(done_);
        return done;
    }

    void wait() override {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !done_.empty() || !busy_locked(); });
    }

    bool pending() const override {
        std::lock_guard lock(mutex_);
        return busy_locked() || !done_.empty();
    }

  private:
    bool busy_locked() const { return !urgent_.empty() || !background_.empty() || working_; }

    void run() {
        std::unique_lock lock(mutex_);
        while (true) {
            changed_.wait(lock,
                          [this] { return stopping_ || !urgent_.empty() || !background_.empty(); });
            if (stopping_)
                return;
            auto& queue = urgent_.empty() ? background_ : urgent_;
            Job job = std::move(queue.front());
            queue.pop_front();
            working_ = true;
            lock.unlock();
            MediaResult result = load_media(job.request, {}, limits_);
            result.ticket = job.ticket;
            lock.lock();
            working_ = false;
            if (job.ticket >= first_live_ticket_)  // else cancelled while it ran
                done_.push_back(std::move(result));
            changed_.notify_all();
            wake_main_loop();
        }
    }

    void wake_main_loop() const {
        if (wake_event_ == 0)
            return;
        SDL_Event event{};
        event.type = wake_event_;
        SDL_PushEvent(&event);
    }

    DecodeLimits limits_;
    Uint32 wake_event_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> urgent_;
    std::deque<Job> background_;
    std::vector<MediaResult> done_;
    bool working_ = false;
    MediaTicket last_ticket_ = 0;
    MediaTicket first_live_ticket_ = 0;
    bool stopping_ = false;
    std::thread worker_;  // last: starts once everything above exists
};

}  // namespace

std::unique_ptr<MediaLoader> MediaLoader::create(const DecodeLimits& limits, Uint32 wake_event) {
    return std::make_unique<NativeMediaLoader>(limits, wake_event);
}

}  // namespace rc::engine
