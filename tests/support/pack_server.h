// Runs tests/support/pack_server.py on 127.0.0.1 for the download and library tests, and
// always stops it: the destructor kills the process and waits for it, so neither a failed
// REQUIRE nor an exception leaves a server behind.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace rc::tests {

class PackServer {
  public:
    // Serves `root` (its files under /files/); fails the test when the server does not
    // print its port within a few seconds.
    explicit PackServer(const std::filesystem::path& root);
    ~PackServer();
    PackServer(const PackServer&) = delete;
    PackServer& operator=(const PackServer&) = delete;

    int port() const { return port_; }
    // "http://127.0.0.1:PORT" + path.
    std::string url(const std::string& path) const;
    // Stops the server now (to test an unreachable link); the port stays refused.
    void stop();

  private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace rc::tests
