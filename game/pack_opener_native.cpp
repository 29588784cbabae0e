// Opening packs natively, on a worker thread: local folders and zips are opened where they
// are; a link is downloaded into the library first (or its kept copy is used when the
// link is unchanged or cannot be reached), then opened from there, so it opens offline
// next time. Blocking downloads never touch a frame.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "game/library.h"
#include "game/pack_opener.h"

namespace rc::game {
namespace {

content::Result<content::LoadedPack> open_location(const std::string& location) {
    return read_pack(content::open_local_source(location));
}

OpenedPack open_link(const std::string& url, Library& library, const FetchDesc& desc,
                     engine::DownloadControl* control) {
    FetchOutcome fetched = library.fetch(url, desc, control);
    if (!fetched.ok())
        return {url, content::refusal<content::LoadedPack>(std::move(fetched.problems)), {}};
    OpenedPack opened{url, open_location(fetched.location.string()), {}};
    if (!fetched.note.empty())
        opened.notes.push_back(fetched.note);
    return opened;
}

class NativePackOpener final : public PackOpener {
  public:
    explicit NativePackOpener(const PackOpenerDesc& desc) : desc_(desc), library_(*desc.library) {
        if (desc.max_download_bytes > 0)
            fetch_desc_.max_bytes = desc.max_download_bytes;
    }
    ~NativePackOpener() override {
        supersede();
        for (auto& worker : workers_)
            worker.thread.join();
    }

    void open(const std::string& location) override {
        if (!content::is_web_address(location)) {
            start(
                [location] {
                    return OpenedPack{location, open_location(location), {}};
                },
                nullptr, true);
            return;
        }
        auto control = std::make_shared<engine::DownloadControl>();
        start([this, location,
               control] { return open_link(location, library_, fetch_desc_, control.get()); },
              control);
    }

    void open_bytes(std::string name, content::Bytes bytes) override {
        auto shared = std::make_shared<content::Bytes>(std::move(bytes));
        start([name, shared] {
            return OpenedPack{
                name, read_pack(content::open_zip_source(std::move(*shared), name)), {}};
        });
    }

    // A download stops at once and ends as a refusal that says it was cancelled (the
    // library stays as it was); a local open is short and is simply forgotten.
    void cancel() override {
        std::lock_guard lock(mutex_);
        if (download_) {
            download_->cancelled = true;
            return;
        }
        forget_locked();
    }

    std::optional<OpenedPack> poll() override {
        std::lock_guard lock(mutex_);
        auto done = std::move(finished_);
        finished_.reset();
        return done;
    }

    std::optional<OpenProgress> progress() const override {
        std::lock_guard lock(mutex_);
        if (!running_ || !download_)
            return std::nullopt;
        const auto now = download_->progress();
        return OpenProgress{now.received, now.total};
    }

    bool busy() const override {
        std::lock_guard lock(mutex_);
        return running_ || finished_.has_value();
    }

    void wait() override {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !running_ || finished_.has_value(); });
    }

  private:
    // A pack opened from disk joins the library's list (links were recorded when fetched).
    void remember(const std::string& location, const content::LoadedPack& pack) {
        const Origin origin = location == desc_.demo_location ? Origin::Demo : Origin::Disk;
        library_.remember(origin, location, pack);
    }

    // Hands the result to the main thread, unless a newer open superseded it.
    bool publish(OpenedPack opened, std::uint64_t generation) {
        std::lock_guard lock(mutex_);
        if (generation != generation_)
            return false;
        finished_ = std::move(opened);
        running_ = false;
        download_.reset();
        changed_.notify_all();
        wake();
        return true;
    }

    // Drops the open in progress: its download stops, and its result will be ignored.
    void supersede() {
        std::lock_guard lock(mutex_);
        if (download_)
            download_->cancelled = true;
        forget_locked();
    }

    void forget_locked() {
        download_.reset();
        ++generation_;
        running_ = false;
        finished_.reset();
        changed_.notify_all();
    }

    // Threads of opens that have finished are joined here, so none piles up.
    void join_finished() {
        std::erase_if(workers_, [](Worker& worker) {
            if (!worker.done->load())
                return false;
            worker.thread.join();
            return true;
        });
    }

    // `record`: a pack opened from disk is recorded in the library once the game has it
    // (the catalog write, and the folder walk for its size, never delay the title screen).
    template <class Open>
    void start(Open open, std::shared_ptr<engine::DownloadControl> control = nullptr,
               bool record = false) {
        supersede();
        join_finished();
        std::uint64_t generation = 0;
        {
            std::lock_guard lock(mutex_);
            generation = generation_;
            running_ = true;
            download_ = std::move(control);
        }
        // A superseded open may still be waiting on a slow server: it finishes on its own
        // thread and its result is dropped.
        auto done = std::make_shared<std::atomic<bool>>(false);
        std::thread thread([this, open, generation, done, record] {
            OpenedPack opened = open();
            std::optional<content::LoadedPack> to_record;
            if (record && opened.pack.ok())
                to_record = *opened.pack.value;  // the source is shared, the manifest copied
            const std::string location = opened.location;
            if (publish(std::move(opened), generation) && to_record)
                remember(location, *to_record);
            *done = true;
        });
        workers_.push_back({std::move(thread), std::move(done)});
    }

    void wake() const {
        if (desc_.wake_event == 0)
            return;
        SDL_Event event{};
        event.type = desc_.wake_event;
        SDL_PushEvent(&event);
    }

    PackOpenerDesc desc_;
    Library& library_;
    FetchDesc fetch_desc_;
    mutable std::mutex mutex_;
    std::shared_ptr<engine::DownloadControl> download_;  // the link being downloaded
    std::condition_variable changed_;
    std::optional<OpenedPack> finished_;
    std::uint64_t generation_ = 0;
    bool running_ = false;
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> workers_;
};

}  // namespace

std::unique_ptr<PackOpener> PackOpener::create(const PackOpenerDesc& desc) {
    return std::make_unique<NativePackOpener>(desc);
}

}  // namespace rc::game
