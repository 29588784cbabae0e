// The browser's media loader: no threads, so the browser downloads (emscripten_fetch,
// a few at a time) and collect() decodes the finished downloads on the main thread, one
// per call, so a frame never decodes more than one picture.
#include <emscripten/fetch.h>

#include <cstring>
#include <deque>

#include "engine/media/media_loader.h"

namespace rc::engine {
namespace {

// The current picture and the two ahead: more in flight would only delay the urgent one.
constexpr int kMaxInFlight = 3;

struct Job {
    MediaTicket ticket = 0;
    std::string url;
    std::string label;
};

struct Downloaded {
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

    ~WebMediaLoader() override {
        // Downloads still running must not call back into a dead loader.
        for (emscripten_fetch_t* fetch : running_) {
            delete static_cast<FetchContext*>(fetch->userData);
            fetch->userData = nullptr;
            emscripten_fetch_close(fetch);
        }
    }

    MediaTicket request(const std::string& source, const std::string& label, bool urgent) override {
        const MediaTicket ticket = ++last_ticket_;
        if (urgent)
            queued_.push_front({ticket, source, label});
        else
            queued_.push_back({ticket, source, label});
        start_downloads();
        return ticket;
    }

    std::vector<MediaResult> collect() override {
        std::vector<MediaResult> results;
        if (downloaded_.empty())
            return results;
        Downloaded done = std::move(downloaded_.front());
        downloaded_.pop_front();
        MediaResult result;
        result.ticket = done.job.ticket;
        std::string why = done.error;
        if (why.empty())
            result.ok = decode_image(done.bytes, limits_, &result.image, &why);
        if (!result.ok)
            result.error = done.job.label + ": " + why;
        results.push_back(std::move(result));
        start_downloads();
        return results;
    }

    // The browser cannot block: the page's frames go on until the downloads finish.
    void wait() override {}

    bool pending() const override {
        return !queued_.empty() || !running_.empty() || !downloaded_.empty();
    }

  private:
    void start_downloads() {
        while (static_cast<int>(running_.size()) < kMaxInFlight && !queued_.empty()) {
            auto* context = new FetchContext{this, std::move(queued_.front())};
            queued_.pop_front();
            emscripten_fetch_attr_t attr;
            emscripten_fetch_attr_init(&attr);
            std::strcpy(attr.requestMethod, "GET");
            attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
            attr.timeoutMSecs = 60'000;
            attr.userData = context;
            attr.onsuccess = &WebMediaLoader::on_done;
            attr.onerror = &WebMediaLoader::on_done;
            if (emscripten_fetch_t* fetch = emscripten_fetch(&attr, context->job.url.c_str()))
                running_.push_back(fetch);
        }
    }

    static void on_done(emscripten_fetch_t* fetch) {
        auto* context = static_cast<FetchContext*>(fetch->userData);
        if (!context)
            return;  // aborted by the destructor, which closed it
        context->loader->finish(fetch, *context);
        delete context;
        emscripten_fetch_close(fetch);
    }

    void finish(emscripten_fetch_t* fetch, FetchContext& context) {
        std::erase(running_, fetch);
        Downloaded done{std::move(context.job), {}, {}};
        if (fetch->status >= 200 && fetch->status < 300) {
            const auto* data = reinterpret_cast<const std::uint8_t*>(fetch->data);
            done.bytes.assign(data, data + fetch->numBytes);
        } else if (fetch->status == 0) {
            done.error = "cannot download " + done.job.url + ": network error";
        } else {
            done.error =
                "cannot download " + done.job.url + ": HTTP " + std::to_string(fetch->status);
        }
        downloaded_.push_back(std::move(done));
        // A download may finish while earlier ones wait to be decoded: keep the network busy.
        start_downloads();
    }

    DecodeLimits limits_;
    MediaTicket last_ticket_ = 0;
    std::deque<Job> queued_;
    std::vector<emscripten_fetch_t*> running_;
    std::deque<Downloaded> downloaded_;
};

}  // namespace

std::unique_ptr<MediaLoader> MediaLoader::create(const DecodeLimits& limits, Uint32) {
    return std::make_unique<WebMediaLoader>(limits);
}

}  // namespace rc::engine
