#include "support/pack_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace rc::tests {
namespace {

// The first line the server prints, or "" after `timeout_ms`.
std::string read_line(int fd, int timeout_ms) {
    std::string line;
    while (line.find('\n') == std::string::npos) {
        pollfd ready{fd, POLLIN, 0};
        if (poll(&ready, 1, timeout_ms) <= 0)
            return {};
        char buffer[64];
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0)
            return {};
        line.append(buffer, static_cast<std::size_t>(got));
    }
    return line.substr(0, line.find('\n'));
}

}  // namespace

PackServer::PackServer(const std::filesystem::path& root) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(out[1], STDOUT_FILENO);
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDERR_FILENO);  // a client hanging up makes Python print tracebacks
        execl(PACK_SERVER_PYTHON, PACK_SERVER_PYTHON, PACK_SERVER_SCRIPT, root.c_str(), nullptr);
        _exit(127);
    }
    close(out[1]);
    const std::string line = pid_ > 0 ? read_line(out[0], 10'000) : std::string{};
    close(out[0]);
    port_ = line.empty() ? 0 : std::stoi(line);
    if (port_ <= 0) {
        stop();
        throw std::runtime_error("the test HTTP server did not start");
    }
}

PackServer::~PackServer() {
    stop();
}

void PackServer::stop() {
    if (pid_ <= 0)
        return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string PackServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace rc::tests
