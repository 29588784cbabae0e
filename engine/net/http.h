// Asynchronous HTTP GET, pumped once per frame (the model is sokol_fetch.h): the game
// asks, goes on drawing, and gets a callback on the main thread when the answer is in.
// http_curl.cpp implements it natively with libcurl, http_fetch.cpp in the browser with
// emscripten_fetch. Only what a user asks for goes over the network (pack downloads).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rc::engine {

struct HttpResponse {
    std::string url;
    int status = 0;  // HTTP status; 0 when no answer came (network down)
    std::vector<std::uint8_t> body;
    std::string error;  // empty on a 2xx answer, else what went wrong

    bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

using HttpCallback = std::function<void(HttpResponse&)>;

struct HttpDesc {
    int timeout_seconds = 0;           // 0 → 30
    std::uint64_t max_body_bytes = 0;  // 0 → 256 MB; bigger answers fail
};

class Http {
  public:
    static std::unique_ptr<Http> create(const HttpDesc& desc = {});
    virtual ~Http() = default;
    virtual void get(const std::string& url, HttpCallback done) = 0;
    // Runs the callbacks of finished requests. Main thread, once per frame.
    virtual void pump() = 0;
    virtual bool busy() const = 0;
};

// "https://host/packs/demo/" + "media/1.jpg" → "https://host/packs/demo/media/1.jpg".
// `base` names a folder (a trailing slash is added when missing).
std::string join_url(const std::string& base, const std::string& relative);
bool is_url(const std::string& location);  // http:// or https://

// Whether a pack location is fetched over HTTP: URLs natively, everything in the browser
// (where relative locations such as "packs/demo" are relative to the page).
bool fetched_over_http(const std::string& location);

// Blocking GET for worker threads (natively: the media loader's thread).
HttpResponse fetch_url_blocking(const std::string& url, const HttpDesc& desc = {});

}  // namespace rc::engine
