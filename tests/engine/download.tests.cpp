// download_to_file against a local server (tests/support/pack_server.py): the answers a
// hostile or broken server can give, and what is left on disk after each.
#include "engine/net/download.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "support/pack_server.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using rc::engine::DownloadControl;
using rc::engine::DownloadDesc;
using rc::engine::DownloadResult;

struct Fixture {
    rc::tests::TempDir served;
    rc::tests::TempDir work;
    std::string body = std::string(300'000, 'a') + "end";
    rc::tests::PackServer server{(served.write("pack.zip", body), served.path())};

    DownloadResult get(const std::string& path, DownloadControl* control = nullptr,
                       std::uint64_t max_bytes = 0) {
        DownloadDesc desc;
        desc.url = server.url(path);
        desc.file = work.path() / "out";
        desc.max_bytes = max_bytes;
        desc.stall_timeout_seconds = 2;
        desc.connect_timeout_seconds = 5;
        return rc::engine::download_to_file(desc, control);
    }
    bool out_exists() const { return fs::exists(work.path() / "out"); }
};

}  // namespace

TEST_CASE("a download writes the body and reports progress", "[download]") {
    Fixture f;
    DownloadControl control;
    const auto result = f.get("/files/pack.zip", &control);
    REQUIRE(result.ok);
    CHECK(result.error.empty());
    CHECK(result.status == 200);
    CHECK(result.bytes == f.body.size());
    CHECK(rc::tests::read_file(f.work.path() / "out") == f.body);
    CHECK(control.progress().received == f.body.size());
    REQUIRE(control.progress().total);
    CHECK(*control.progress().total == f.body.size());
    CHECK(result.etag.size() == 18);
    CHECK(result.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT");

    SECTION("the same ETag gives not_modified and no file") {
        DownloadDesc desc;
        desc.url = f.server.url("/files/pack.zip");
        desc.file = f.work.path() / "again";
        desc.if_none_match = result.etag;
        const auto again = rc::engine::download_to_file(desc, nullptr);
        CHECK_FALSE(again.ok);
        CHECK(again.not_modified);
        CHECK(again.error.empty());
        CHECK(again.status == 304);
        CHECK_FALSE(fs::exists(desc.file));
    }
    SECTION("a control following two downloads adds them up") {
        const auto second = f.get("/files/pack.zip", &control);
        REQUIRE(second.ok);
        CHECK(control.progress().received == 2 * f.body.size());
    }
}

TEST_CASE("failed downloads say why and leave no file", "[download]") {
    Fixture f;
    SECTION("404") {
        const auto result = f.get("/404");
        CHECK(result.error == "HTTP 404");
        CHECK(result.status == 404);
        CHECK_FALSE(result.unreachable);
    }
    SECTION("a declared length over the limit") {
        const auto result = f.get("/big-declared.zip", nullptr, 1'000'000);
        CHECK(result.error == "larger than the 1 MB limit");
    }
    SECTION("an undeclared body that grows over the limit") {
        const auto result = f.get("/big-undeclared.zip", nullptr, 1'000'000);
        CHECK(result.error == "larger than the 1 MB limit");
    }
    SECTION("the default limit is named in MB") {
        const auto result = f.get("/big-declared.zip", nullptr, 5'000'000);
        CHECK(result.error == "larger than the 5 MB limit");
    }
    SECTION("a server that stops sending") {
        const auto start = std::chrono::steady_clock::now();
        const auto result = f.get("/stall.zip");
        CHECK(result.error == "no data received for 2 s");
        CHECK(result.unreachable);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    }
    SECTION("a redirect to plain http, even on this computer") {
        const auto result = f.get("/redirect-http.zip");
        CHECK(result.error ==
              "the server redirected to a plain http address; only https is followed");
    }
    SECTION("a refused connection") {
        const std::string url = f.server.url("/files/pack.zip");
        f.server.stop();
        DownloadDesc desc;
        desc.url = url;
        desc.file = f.work.path() / "out";
        const auto result = rc::engine::download_to_file(desc, nullptr);
        CHECK(result.error == "connection refused");
        CHECK(result.unreachable);
    }
    SECTION("cancelled half-way") {
        f.served.write("slow.bin", std::string(400'000, 's'));
        DownloadControl control;
        DownloadResult result;
        std::thread worker([&] { result = f.get("/slow/slow.bin", &control); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (control.received < 100'000 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        control.cancelled = true;
        worker.join();
        CHECK(result.error == "cancelled");
        CHECK(control.received >= 100'000);
        CHECK(control.received < 400'000);
    }
    CHECK_FALSE(f.out_exists());
}

TEST_CASE("only https, or plain http on this computer, is downloaded", "[download]") {
    rc::tests::TempDir work;
    DownloadDesc desc;
    desc.file = work.path() / "out";
    for (const char* url : {"http://example.com/pack.zip", "ftp://127.0.0.1/pack.zip",
                            "file:///etc/passwd", "not a url"}) {
        desc.url = url;
        const auto result = rc::engine::download_to_file(desc, nullptr);
        INFO(url);
        CHECK_FALSE(result.ok);
        CHECK_FALSE(result.error.empty());
        CHECK(result.status == 0);
        CHECK_FALSE(fs::exists(desc.file));
    }
    CHECK(rc::engine::is_loopback_url("http://127.0.0.1:8000/p/"));
    CHECK(rc::engine::is_loopback_url("http://127.1.2.3/p/"));
    CHECK(rc::engine::is_loopback_url("http://LOCALHOST:80/"));
    CHECK(rc::engine::is_loopback_url("http://[::1]:8000/"));
    CHECK_FALSE(rc::engine::is_loopback_url("http://128.0.0.1/"));
    CHECK_FALSE(rc::engine::is_loopback_url("http://localhost.example.com/"));
    CHECK_FALSE(rc::engine::is_loopback_url("http://127.0.0.1.example.com/"));
    CHECK_FALSE(rc::engine::is_loopback_url("http://example.com/?127.0.0.1"));
}
