#include <condition_variable>
#include <deque>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include "engine/media/media_loader.h"
#include "engine/net/http.h"

namespace rc::engine {
namespace {

struct Job {
    MediaTicket ticket = 0;
    std::string path;
    std::string label;
};

bool read_file(const std::string& path, std::vector<std::uint8_t>* bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

MediaResult load(const Job& job, const DecodeLimits& limits) {
    MediaResult result;
    result.ticket = job.ticket;
    std::vector<std::uint8_t> bytes;
    std::string why;
    if (is_url(job.path)) {
        // Pictures of a pack opened from the web; this thread may wait, frames do not.
        HttpResponse response = fetch_url_blocking(job.path);
        if (response.ok())
            bytes = std::move(response.body);
        else
            why = "cannot download " + job.path + ": " + response.error;
    } else if (!read_file(job.path, &bytes)) {
        why = "cannot read the file";
    }
    if (why.empty())
        result.ok = decode_image(bytes, limits, &result.image, &why);
    if (!result.ok)
        result.error = job.label + ": " + why;
    return result;
}

// One worker thread: decoding is the slow part, and one item ahead is all the game needs.
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

    MediaTicket request(const std::string& source, const std::string& label, bool urgent) override {
        std::lock_guard lock(mutex_);
        const MediaTicket ticket = ++last_ticket_;
        if (urgent)
            jobs_.push_front({ticket, source, label});
        else
            jobs_.push_back({ticket, source, label});
        ++in_flight_;
        changed_.notify_all();
        return ticket;
    }

    std::vector<MediaResult> collect() override {
        std::lock_guard lock(mutex_);
        std::vector<MediaResult> done;
        done.swap(done_);
        in_flight_ -= done.size();
        return done;
    }

    void wait() override {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !done_.empty() || in_flight_ == 0; });
    }

    bool pending() const override {
        std::lock_guard lock(mutex_);
        return in_flight_ > 0;
    }

  private:
    void run() {
        std::unique_lock lock(mutex_);
        while (true) {
            changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_)
                return;
            Job job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            MediaResult result = load(job, limits_);
            lock.lock();
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
    std::deque<Job> jobs_;
    std::vector<MediaResult> done_;
    std::size_t in_flight_ = 0;
    MediaTicket last_ticket_ = 0;
    bool stopping_ = false;
    std::thread worker_;  // last: starts once everything above exists
};

}  // namespace

std::unique_ptr<MediaLoader> MediaLoader::create(const DecodeLimits& limits, Uint32 wake_event) {
    return std::make_unique<NativeMediaLoader>(limits, wake_event);
}

}  // namespace rc::engine
