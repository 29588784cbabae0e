// Native HTTP with libcurl's multi interface: transfers progress in pump(), on the main
// thread, without blocking a frame.
#include <curl/curl.h>

#include <algorithm>
#include <map>

#include "engine/net/http.h"

namespace rc::engine {
namespace {

struct Transfer {
    HttpResponse response;
    HttpCallback done;
    std::uint64_t max_bytes = 0;
    bool too_big = false;
};

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (transfer->response.body.size() + bytes > transfer->max_bytes) {
        transfer->too_big = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    transfer->response.body.insert(transfer->response.body.end(), data, data + bytes);
    return bytes;
}

void configure(CURL* easy, Transfer* transfer, int timeout_seconds) {
    curl_easy_setopt(easy, CURLOPT_URL, transfer->response.url.c_str());
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, static_cast<long>(timeout_seconds));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "realcheck");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer);
}

void finish(CURL* easy, CURLcode code, Transfer* transfer) {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    auto& response = transfer->response;
    response.status = static_cast<int>(status);
    if (transfer->too_big)
        response.error =
            "larger than the " + std::to_string(transfer->max_bytes >> 20) + " MB limit";
    else if (code != CURLE_OK)
        response.error = curl_easy_strerror(code);
    else if (status < 200 || status >= 300)
        response.error = "HTTP " + std::to_string(status);
    if (!response.error.empty())
        response.body.clear();
}

struct GlobalInit {
    GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

void ensure_curl_initialised() {
    static GlobalInit once;  // thread-safe since C++11; must run before any thread uses curl
}

class CurlHttp final : public Http {
  public:
    explicit CurlHttp(const HttpDesc& desc)
        : timeout_(desc.timeout()), max_bytes_(desc.max_body()) {
        ensure_curl_initialised();
        multi_ = curl_multi_init();
    }

    ~CurlHttp() override {
        for (auto& [easy, transfer] : transfers_) {
            curl_multi_remove_handle(multi_, easy);
            curl_easy_cleanup(easy);
        }
        curl_multi_cleanup(multi_);
    }

    void get(const std::string& url, HttpCallback done) override {
        auto transfer = std::make_unique<Transfer>();
        transfer->response.url = url;
        transfer->done = std::move(done);
        transfer->max_bytes = max_bytes_;
        CURL* easy = curl_easy_init();
        configure(easy, transfer.get(), timeout_);
        curl_multi_add_handle(multi_, easy);
        transfers_.emplace(easy, std::move(transfer));
    }

    void pump() override {
        int running = 0;
        curl_multi_perform(multi_, &running);
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            CURL* easy = message->easy_handle;
            auto node = transfers_.extract(easy);
            finish(easy, message->data.result, node.mapped().get());
            curl_multi_remove_handle(multi_, easy);
            curl_easy_cleanup(easy);
            node.mapped()->done(node.mapped()->response);
        }
    }

    bool busy() const override { return !transfers_.empty(); }

  private:
    int timeout_;
    std::uint64_t max_bytes_;
    CURLM* multi_ = nullptr;
    std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
};

}  // namespace

std::unique_ptr<Http> Http::create(const HttpDesc& desc) {
    return std::make_unique<CurlHttp>(desc);
}

}  // namespace rc::engine
