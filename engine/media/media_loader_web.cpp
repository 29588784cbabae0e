// The browser's media loader: no threads, so the browser downloads (emscripten_fetch,
// a few at a time) and collect() decodes the finished downloads on the main thread, one
// per call, so a frame never decodes more than one picture. Requests with a read
// function (an archive held in memory) skip the download.
#include <emscripten/fetch.h>

#include <cstring>
#include <deque>

#include "engine/media/media_loader.h"

namespace rc::engine {
namespace {

// The current picture and the two ahead: more in flight would only delay the urgent one.
constexpr int kMaxInFlight = 3;

// Start-up milestones for tools/web-bench: the first pictures' steps (performance marks
// rc:picture ...). Not more: marks are kept.
EM_JS(void, rc_web_mark_media, (const char* what), {
    Module.rcMediaMarks = (Module.rcMediaMarks || 0) + 1;
    if (performance.mark && Module.rcMediaMarks <= 30)
        performance.mark('rc:picture ' + UTF8ToString(what));
});

struct Job {
    MediaTicket ticket = 0;
    MediaRequest request;
};

struct Ready {
    Job job;
    std::vector<std::uint8_t> bytes;
    std::string error;  // set when the download failed
};

class WebMediaLoader;

struct FetchContext {
    WebMediaLoader* loader = nullptr;
    Job job;
};

class WebMediaLoader final : public MediaLoader {
  public:
    explicit WebMediaLoader(const DecodeLimits& limits) : limits_(limits) {}

    ~WebMediaLoader() override { abort_downloads(); }

    MediaTicket request(MediaRequest request) override {
        const MediaTicket ticket = ++last_ticket_;
        const bool urgent = request.priority == MediaPriority::Urgent;
        Job job{ticket, std::move(request)};
        if (job.request.read)
            (urgent ? ready_urgent_ : ready_background_).push_back({std::move(job), {}, {}});
        else
            (urgent ? queued_urgent_ : queued_background_).push_back(std::move(job));
        start_downloads();
        return ticket;
    }

    void cancel_all() override {
        abort_downloads();
        queued_urgent_.clear();
        queued_background_.clear();
        ready_urgent_.clear();
        ready_background_.clear();
    }

    std::vector<MediaResult> collect() override {
        std::vector<MediaResult> results;
        auto& ready = ready_urgent_.empty() ? ready_background_ : ready_urgent_;
        if (ready.empty())
            return results;
        Ready done = std::move(ready.front());
        ready.pop_front();
        MediaResult result;
        if (done.error.empty()) {
            result = load_media(done.job.request, std::move(done.bytes), limits_);
            rc_web_mark_media("decoded");
        } else {
            result.error = done.job.request.label + ": " + done.error;
        }
        result.ticket = done.job.ticket;
        results.push_back(std::move(result));
        start_downloads();
        return results;
    }

    void wait() override {}

    bool pending() const override {
        return !queued_urgent_.empty() || !queued_background_.empty() || !running_.empty() ||
               !ready_urgent_.empty() || !ready_background_.empty();
    }

  private:
    void abort_downloads() {
        // Downloads still running must not call back into a dead loader or a new pack.
        for (emscripten_fetch_t* fetch : running_) {
            delete static_cast<FetchContext*>(fetch->userData);
            fetch->userData = nullptr;
            emscripten_fetch_close(fetch);
        }
        running_.clear();
    }

    void start_downloads() {
        while (static_cast<int>(running_.size()) < kMaxInFlight &&
               !(queued_urgent_.empty() && queued_background_.empty())) {
            auto& queue = queued_urgent_.empty() ? queued_background_ : queued_urgent_;
            auto* context = new FetchContext{this, std::move(queue.front())};
            queue.pop_front();
            emscripten_fetch_attr_t attr;
            emscripten_fetch_attr_init(&attr);
            std::strcpy(attr.requestMethod, "GET");
            attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
            attr.timeoutMSecs = 60'000;
            attr.userData = context;
            attr.onsuccess = &WebMediaLoader::on_done;
            attr.onerror = &WebMediaLoader::on_done;
            rc_web_mark_media("requested");
            if (emscripten_fetch_t* fetch =
                    emscripten_fetch(&attr, context->job.request.url.c_str()))
                running_.push_back(fetch);
        }
    }

    static void on_done(emscripten_fetch_t* fetch) {
        auto* context = static_cast<FetchContext*>(fetch->userData);
        if (!context)
            return;  // aborted, and closed then
        context->loader->finish(fetch, *context);
        delete context;
        emscripten_fetch_close(fetch);
    }

    void finish(emscripten_fetch_t* fetch, FetchContext& context) {
        std::erase(running_, fetch);
        Ready done{std::move(context.job), {}, {}};
        const std::string& url = done.job.request.url;
        if (fetch->status >= 200 && fetch->status < 300) {
            rc_web_mark_media("fetched");
            const auto* data = reinterpret_cast<const std::uint8_t*>(fetch->data);
            done.bytes.assign(data, data + fetch->numBytes);
        } else if (fetch->status == 0) {
            done.error = "cannot download " + url + ": network error";
        } else {
            done.error = "cannot download " + url + ": HTTP " + std::to_string(fetch->status);
        }
        const bool urgent = done.job.request.priority == MediaPriority::Urgent;
        (urgent ? ready_urgent_ : ready_background_).push_back(std::move(done));
        // A download may finish while earlier ones wait to be decoded: keep the network busy.
        start_downloads();
    }

    DecodeLimits limits_;
    MediaTicket last_ticket_ = 0;
    std::deque<Job> queued_urgent_;
    std::deque<Job> queued_background_;
    std::vector<emscripten_fetch_t*> running_;
    std::deque<Ready> ready_urgent_;
    std::deque<Ready> ready_background_;
};

}  // namespace

std::unique_ptr<MediaLoader> MediaLoader::create(const DecodeLimits& limits, Uint32) {
    return std::make_unique<WebMediaLoader>(limits);
}

}  // namespace rc::engine
