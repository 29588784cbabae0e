// HTTP in the browser with emscripten_fetch: the browser downloads, its callbacks only
// queue the answer, and pump() runs the game's callbacks at a known point of the frame
// (as libcurl's multi interface does natively).
#include <emscripten/fetch.h>

#include <cstring>
#include <deque>
#include <vector>

#include "engine/net/http.h"

namespace rc::engine {
namespace {

class FetchHttp;

struct Request {
    FetchHttp* owner = nullptr;
    HttpResponse response;
    HttpCallback done;
};

class FetchHttp final : public Http {
  public:
    explicit FetchHttp(const HttpDesc& desc)
        : timeout_ms_(desc.timeout() * 1000u), max_bytes_(desc.max_body()) {}

    ~FetchHttp() override {
        for (emscripten_fetch_t* fetch : running_) {
            delete static_cast<Request*>(fetch->userData);
            fetch->userData = nullptr;
            emscripten_fetch_close(fetch);
        }
        for (Request* request : finished_)
            delete request;
    }

    void get(const std::string& url, HttpCallback done) override {
        auto* request = new Request{this, {}, std::move(done)};
        request->response.url = url;
        emscripten_fetch_attr_t attr;
        emscripten_fetch_attr_init(&attr);
        std::strcpy(attr.requestMethod, "GET");
        attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
        attr.timeoutMSecs = timeout_ms_;
        attr.userData = request;
        attr.onsuccess = &FetchHttp::on_done;
        attr.onerror = &FetchHttp::on_done;
        if (emscripten_fetch_t* fetch = emscripten_fetch(&attr, url.c_str())) {
            running_.push_back(fetch);
        } else {
            request->response.error = "cannot start the download";
            finished_.push_back(request);
        }
    }

    void pump() override {
        // A callback may start new requests: run only those finished before this call.
        std::deque<Request*> ready;
        ready.swap(finished_);
        for (Request* request : ready) {
            request->done(request->response);
            delete request;
        }
    }

    bool busy() const override { return !running_.empty() || !finished_.empty(); }

  private:
    static void on_done(emscripten_fetch_t* fetch) {
        auto* request = static_cast<Request*>(fetch->userData);
        if (!request)
            return;  // aborted by the destructor, which closed it
        request->owner->finish(fetch, request);
        emscripten_fetch_close(fetch);
    }

    void finish(emscripten_fetch_t* fetch, Request* request) {
        std::erase(running_, fetch);
        auto& response = request->response;
        response.status = fetch->status;
        if (fetch->status == 0)
            response.error = "network error";
        else if (fetch->status < 200 || fetch->status >= 300)
            response.error = "HTTP " + std::to_string(fetch->status);
        else if (fetch->numBytes > max_bytes_)
            response.error = "larger than the " + std::to_string(max_bytes_ >> 20) + " MB limit";
        else {
            const auto* data = reinterpret_cast<const std::uint8_t*>(fetch->data);
            response.body.assign(data, data + fetch->numBytes);
        }
        finished_.push_back(request);
    }

    unsigned timeout_ms_;
    std::uint64_t max_bytes_;
    std::vector<emscripten_fetch_t*> running_;
    std::deque<Request*> finished_;
};

}  // namespace

std::unique_ptr<Http> Http::create(const HttpDesc& desc) {
    return std::make_unique<FetchHttp>(desc);
}

}  // namespace rc::engine
