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

inline constexpr int kHttpTimeoutSeconds = 30;
inline constexpr std::uint64_t kHttpMaxBodyBytes = 256ull << 20;

struct HttpDesc {
    int timeout_seconds = 0;           // 0 → kHttpTimeoutSeconds
    std::uint64_t max_body_bytes = 0;  // 0 → kHttpMaxBodyBytes; bigger answers fail

    int timeout() const { return timeout_seconds > 0 ? timeout_seconds : kHttpTimeoutSeconds; }
    std::uint64_t max_body() const {
        return max_body_bytes > 0 ? max_body_bytes : kHttpMaxBodyBytes;
    }
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

}  // namespace rc::engine
