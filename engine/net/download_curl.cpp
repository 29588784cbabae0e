// download_to_file with libcurl's easy interface, on the caller's (worker) thread. Every
// answer is hostile: its size is capped while it arrives, its redirects may only go to
// https, and a server that stops sending is dropped rather than waited on forever.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "engine/net/download.h"

namespace rc::engine {
namespace {

namespace fs = std::filesystem;

struct GlobalInit {
    GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

void ensure_curl_initialised() {
    static GlobalInit once;  // curl_global_init is not thread-safe; a static local is
}

struct CurlUrlDeleter {
    void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlEasyDeleter {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

struct UrlParts {
    std::string scheme;
    std::string host;  // lower case; IPv6 without brackets
};

std::optional<UrlParts> parse_url(const std::string& url) {
    std::unique_ptr<CURLU, CurlUrlDeleter> handle(curl_url());
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        return std::nullopt;
    UrlParts parts;
    for (auto [part, out] :
         {std::pair{CURLUPART_SCHEME, &parts.scheme}, std::pair{CURLUPART_HOST, &parts.host}}) {
        char* text = nullptr;
        if (curl_url_get(handle.get(), part, &text, 0) != CURLUE_OK)
            return std::nullopt;
        *out = text;
        curl_free(text);
    }
    for (auto& c : parts.host)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (parts.host.size() > 2 && parts.host.front() == '[' && parts.host.back() == ']')
        parts.host = parts.host.substr(1, parts.host.size() - 2);
    return parts;
}

bool is_loopback_host(const std::string& host) {
    if (host == "localhost")
        return true;
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

// "1000 MB", "64 KB", "512 bytes": the limit as a person reads it.
std::string size_text(std::uint64_t bytes) {
    if (bytes >= 1'000'000)
        return std::to_string(bytes / 1'000'000) + " MB";
    if (bytes >= 1'000)
        return std::to_string(bytes / 1'000) + " KB";
    return std::to_string(bytes) + " bytes";
}

// A header value we send back must not smuggle another header in.
bool safe_header_value(const std::string& value) {
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7F)
            return false;
    return !value.empty();
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ' ||
                             text.back() == '\t'))
        text.remove_suffix(1);
    return std::string(text);
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
            return false;
    return true;
}

struct Transfer {
    std::FILE* file = nullptr;
    DownloadControl* control = nullptr;
    std::uint64_t max_bytes = 0;
    std::uint64_t received = 0;
    std::uint64_t control_start = 0;  // control->received when the download began
    bool declare_total = true;
    bool too_big = false;
    int write_errno = 0;
    std::string etag;
    std::string last_modified;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (transfer->received + bytes > transfer->max_bytes) {
        transfer->too_big = true;
        return 0;  // CURLE_WRITE_ERROR
    }
    if (std::fwrite(data, 1, bytes, transfer->file) != bytes) {
        transfer->write_errno = errno ? errno : EIO;
        return 0;
    }
    transfer->received += bytes;
    if (transfer->control)
        transfer->control->received = transfer->control_start + transfer->received;
    return bytes;
}

// Keeps the validators of the last answer only: a redirect's headers come first.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        transfer->etag.clear();
        transfer->last_modified.clear();
    } else if (starts_with_nocase(line, "etag:")) {
        transfer->etag = trimmed(line.substr(5));
    } else if (starts_with_nocase(line, "last-modified:")) {
        transfer->last_modified = trimmed(line.substr(14));
    }
    return size * count;
}

int on_progress(void* user, curl_off_t dltotal, curl_off_t, curl_off_t, curl_off_t) {
    auto* transfer = static_cast<Transfer*>(user);
    if (!transfer->control)
        return 0;
    if (transfer->declare_total && dltotal > 0)
        transfer->control->total = transfer->control_start + static_cast<std::uint64_t>(dltotal);
    return transfer->control->cancelled ? 1 : 0;  // non-zero aborts the transfer
}

struct Limits {
    std::uint64_t max_bytes;
    long connect_seconds;
    long stall_seconds;
};

Limits limits_of(const DownloadDesc& desc) {
    return {
        desc.max_bytes ? desc.max_bytes : kDefaultMaxDownloadBytes,
        desc.connect_timeout_seconds > 0 ? desc.connect_timeout_seconds : kConnectTimeoutSeconds,
        desc.stall_timeout_seconds > 0 ? desc.stall_timeout_seconds : kStallTimeoutSeconds};
}

curl_slist* conditional_headers(const DownloadDesc& desc) {
    curl_slist* headers = nullptr;
    if (safe_header_value(desc.if_none_match))
        headers = curl_slist_append(headers, ("If-None-Match: " + desc.if_none_match).c_str());
    if (safe_header_value(desc.if_modified_since))
        headers =
            curl_slist_append(headers, ("If-Modified-Since: " + desc.if_modified_since).c_str());
    return headers;
}

void configure(CURL* easy, const DownloadDesc& desc, const Limits& limits, bool plain_http,
               Transfer* transfer, curl_slist* headers, char* error_buffer) {
    curl_easy_setopt(easy, CURLOPT_URL, desc.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, plain_http ? "http" : "https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(kMaxRedirects));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, limits.connect_seconds);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, limits.stall_seconds);
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
    curl_easy_setopt(easy, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "realcheck");
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, transfer);
    if (headers)
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
}

std::string with_detail(std::string message, const char* detail) {
    if (detail && *detail)
        message += " (" + trimmed(detail) + ")";
    return message;
}

// Turns curl's outcome into the sentence a facilitator reads, and says whether the
// server could not be reached at all (then an older copy may serve).
void describe_failure(CURL* easy, CURLcode code, const Transfer& transfer, const Limits& limits,
                      const std::string& host, const char* detail, DownloadResult& result) {
    long os_errno = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno);
    curl_off_t connect_time = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect_time);
    const std::string limit = "larger than the " + size_text(limits.max_bytes) + " limit";
    switch (code) {
        case CURLE_HTTP_RETURNED_ERROR:
            result.error = "HTTP " + std::to_string(result.status);
            return;
        case CURLE_FILESIZE_EXCEEDED:
            result.error = limit;
            return;
        case CURLE_WRITE_ERROR:
            result.error = transfer.too_big ? limit
                                            : "cannot write the download: " +
                                                  std::string(std::strerror(transfer.write_errno));
            return;
        case CURLE_ABORTED_BY_CALLBACK:
            result.error = "cancelled";
            return;
        case CURLE_UNSUPPORTED_PROTOCOL:
            result.error = result.status >= 300 && result.status < 400
                               ? "the server redirected to a plain http address; only https is "
                                 "followed"
                               : with_detail("unsupported address", detail);
            return;
        case CURLE_TOO_MANY_REDIRECTS:
            result.error = "more than " + std::to_string(kMaxRedirects) + " redirects";
            return;
        case CURLE_COULDNT_RESOLVE_HOST:
            result.error = "cannot resolve the host " + host;
            result.unreachable = true;
            return;
        case CURLE_COULDNT_CONNECT:
            result.error = os_errno == ECONNREFUSED
                               ? "connection refused"
                               : with_detail("cannot connect to " + host, detail);
            result.unreachable = true;
            return;
        case CURLE_OPERATION_TIMEDOUT:
            result.error = connect_time > 0 ? "no data received for " +
                                                  std::to_string(limits.stall_seconds) + " s"
                                            : "no connection to " + host + " within " +
                                                  std::to_string(limits.connect_seconds) + " s";
            result.unreachable = true;
            return;
        case CURLE_PEER_FAILED_VERIFICATION:
            result.error = with_detail("the server's TLS certificate is not valid", detail);
            return;
        case CURLE_SSL_CONNECT_ERROR:
            result.error = with_detail("TLS connection failed", detail);
            return;
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_PARTIAL_FILE:
        case CURLE_GOT_NOTHING:
            result.error = with_detail("the connection was cut", detail);
            result.unreachable = true;
            return;
        default:
            result.error = with_detail(curl_easy_strerror(code), detail);
            return;
    }
}

// The body is on disk only once fsync says so: a power cut must not leave half a pack
// that looks whole.
std::string flush_to_disk(std::FILE* file) {
    if (std::fflush(file) != 0 || ::fsync(fileno(file)) != 0)
        return std::strerror(errno);
    return {};
}

std::string check_address(const std::string& url, std::string* host, bool* plain_http) {
    const auto parts = parse_url(url);
    if (!parts)
        return "not a valid web address";
    *host = parts->host;
    *plain_http = parts->scheme == "http";
    if (parts->scheme == "https")
        return {};
    if (*plain_http && is_loopback_host(parts->host))
        return {};
    if (*plain_http)
        return "plain http addresses are refused (only https, or http on this computer)";
    return "only https addresses can be downloaded";
}

DownloadResult perform(const DownloadDesc& desc, DownloadControl* control, std::FILE* file) {
    DownloadResult result;
    std::string host;
    bool plain_http = false;
    result.error = check_address(desc.url, &host, &plain_http);
    if (!result.error.empty())
        return result;
    std::unique_ptr<CURL, CurlEasyDeleter> easy(curl_easy_init());
    if (!easy) {
        result.error = "cannot start a download";
        return result;
    }
    const Limits limits = limits_of(desc);
    Transfer transfer;
    transfer.file = file;
    transfer.control = control;
    transfer.max_bytes = limits.max_bytes;
    transfer.control_start = control ? control->received.load() : 0;
    transfer.declare_total = desc.declare_total;
    std::unique_ptr<curl_slist, SlistDeleter> headers(conditional_headers(desc));
    char detail[CURL_ERROR_SIZE] = {};
    configure(easy.get(), desc, limits, plain_http, &transfer, headers.get(), detail);
    const CURLcode code = curl_easy_perform(easy.get());
    long status = 0;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
    result.status = static_cast<int>(status);
    result.bytes = transfer.received;
    if (control && control->cancelled) {
        result.error = "cancelled";
    } else if (code != CURLE_OK) {
        describe_failure(easy.get(), code, transfer, limits, host, detail, result);
    } else if (status == 304) {
        result.not_modified = true;
    } else if (status < 200 || status >= 300) {
        result.error = "HTTP " + std::to_string(status);
    } else if (auto why = flush_to_disk(file); !why.empty()) {
        result.error = "cannot write the download: " + why;
    } else {
        result.ok = true;
        result.etag = transfer.etag;
        result.last_modified = transfer.last_modified;
    }
    return result;
}

}  // namespace

DownloadProgress DownloadControl::progress() const {
    DownloadProgress out;
    out.received = received.load();
    if (const auto declared = total.load(); declared > 0)
        out.total = declared;
    return out;
}

bool is_loopback_url(const std::string& url) {
    ensure_curl_initialised();
    const auto parts = parse_url(url);
    return parts && is_loopback_host(parts->host);
}

DownloadResult download_to_file(const DownloadDesc& desc, DownloadControl* control) {
    ensure_curl_initialised();
    DownloadResult result;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(desc.file.c_str(), "wbe"));
    if (!file) {
        result.error = "cannot write " + desc.file.string() + ": " + std::strerror(errno);
        return result;
    }
    result = perform(desc, control, file.get());
    if (std::fclose(file.release()) != 0 && result.ok) {
        result.ok = false;
        result.error = "cannot write the download: " + std::string(std::strerror(errno));
    }
    if (!result.ok) {
        std::error_code ignored;
        fs::remove(desc.file, ignored);
    }
    return result;
}

}  // namespace rc::engine
