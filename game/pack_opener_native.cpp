// Opening packs natively: local folders and zips on a worker thread; web links are read
// through a web source on that thread (blocking downloads never touch a frame).
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/net/http.h"
#include "game/pack_opener.h"

namespace rc::game {
namespace {

content::Result<content::Bytes> fetch_bytes(const std::string& url, std::uint64_t max_bytes) {
    engine::HttpDesc desc;
    desc.max_body_bytes = max_bytes;
    auto response = engine::fetch_url_blocking(url, desc);
    content::Result<content::Bytes> result;
    if (response.ok())
        result.value = std::move(response.body);
    else
        result.problems.push_back({content::Severity::Error, url, response.error});
    return result;
}

content::Result<content::LoadedPack> open_location(const std::string& location) {
    content::Result<content::SourcePtr> source;
    if (content::is_web_address(location))
        source.value = content::open_web_source(location, fetch_bytes);
    else
        source = content::open_local_source(location);
    if (!source.ok()) {
        content::Result<content::LoadedPack> refused;
        refused.problems = std::move(source.problems);
        return refused;
    }
    content::PackLoadDesc desc;
    desc.skip_media_checks = true;  // the session checks them in the background
    return content::load_pack(std::move(*source.value), desc);
}

content::Result<content::LoadedPack> open_archive(const std::string& name, content::Bytes bytes) {
    auto source = content::open_zip_source(std::move(bytes), name);
    if (!source.ok()) {
        content::Result<content::LoadedPack> refused;
        refused.problems = std::move(source.problems);
        return refused;
    }
    content::PackLoadDesc desc;
    desc.skip_media_checks = true;
    return content::load_pack(std::move(*source.value), desc);
}

class NativePackOpener final : public PackOpener {
  public:
    explicit NativePackOpener(const PackOpenerDesc& desc) : desc_(desc) {}
    ~NativePackOpener() override {
        cancel();
        for (auto& worker : workers_)
            worker.join();
    }

    void open(const std::string& location) override {
        start(location, [location] { return open_location(location); });
    }

    void open_bytes(std::string name, content::Bytes bytes) override {
        auto shared = std::make_shared<content::Bytes>(std::move(bytes));
        start(name, [name, shared] { return open_archive(name, std::move(*shared)); });
    }

    void cancel() override {
        std::lock_guard lock(mutex_);
        ++generation_;
        running_ = false;
        finished_.reset();
        changed_.notify_all();
    }

    std::optional<OpenedPack> poll() override {
        std::lock_guard lock(mutex_);
        auto done = std::move(finished_);
        finished_.reset();
        return done;
    }

    std::optional<OpenProgress> progress() const override { return std::nullopt; }

    bool busy() const override {
        std::lock_guard lock(mutex_);
        return running_ || finished_.has_value();
    }

    void wait() override {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !running_ || finished_.has_value(); });
    }

  private:
    template <class Open>
    void start(const std::string& location, Open open) {
        cancel();
        std::uint64_t generation = 0;
        {
            std::lock_guard lock(mutex_);
            generation = generation_;
            running_ = true;
        }
        // A superseded open may still be waiting on a slow server: it finishes on its own
        // thread and its result is dropped; the threads are joined at the end.
        workers_.emplace_back([this, location, open, generation] {
            OpenedPack opened{location, open(), {}};
            std::lock_guard lock(mutex_);
            if (generation != generation_)
                return;  // cancelled or superseded while it ran
            finished_ = std::move(opened);
            running_ = false;
            changed_.notify_all();
            wake();
        });
    }

    void wake() const {
        if (desc_.wake_event == 0)
            return;
        SDL_Event event{};
        event.type = desc_.wake_event;
        SDL_PushEvent(&event);
    }

    PackOpenerDesc desc_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<OpenedPack> finished_;
    std::uint64_t generation_ = 0;
    bool running_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace

std::unique_ptr<PackOpener> PackOpener::create(const PackOpenerDesc& desc) {
    return std::make_unique<NativePackOpener>(desc);
}

}  // namespace rc::game
