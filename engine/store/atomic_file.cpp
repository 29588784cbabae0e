#include "engine/store/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace rc::engine {
namespace {

std::atomic<bool> storage_changed{false};

std::string failure(const std::filesystem::path& file, const char* what, int error) {
    std::string message = file.string() + ": " + what + ": " + std::strerror(error);
    // A full disk (or a quota, or a file size limit) is the usual cause: say it plainly.
    if (error == ENOSPC || error == EDQUOT || error == EFBIG)
        message += " (no room left to save it; the previous version is kept)";
    return message;
}

// The process that wrote `name` (file.tmp-PID) is gone: its save was killed before the
// rename. Another process's save in progress is left alone.
bool is_stale_temp(const std::string& name, const std::string& prefix) {
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0)
        return false;
    pid_t pid = 0;
    for (char digit : name.substr(prefix.size())) {
        if (digit < '0' || digit > '9' || pid > 1'000'000'000)
            return false;
        pid = pid * 10 + (digit - '0');
    }
    return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

// A save killed between creating its temporary file and the rename leaves that file
// behind; without this, every kill would leave one more.
void remove_stale_temps(const std::filesystem::path& file) {
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const std::string prefix = file.filename().string() + ".tmp-";
    std::error_code ec;
    std::vector<std::filesystem::path> stale;
    for (auto it = std::filesystem::directory_iterator(folder, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (is_stale_temp(it->path().filename().string(), prefix))
            stale.push_back(it->path());
    }
    for (const auto& path : stale)
        std::filesystem::remove(path, ec);
}

}  // namespace

void sync_folder(const std::filesystem::path& file) {
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

bool write_all(int fd, std::string_view contents) {
    const char* data = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

std::string write_file_atomically(const std::filesystem::path& file, std::string_view contents) {
    std::error_code ec;
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
        return file.string() + ": cannot create its folder: " + ec.message();

    const auto temp = std::filesystem::path(file.string() + ".tmp-" + std::to_string(::getpid()));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return failure(temp, "cannot create", errno);
    bool ok = write_all(fd, contents);
    int error = ok ? 0 : errno;
    // fsync before rename: otherwise the rename can reach the disk before the data does.
    if (ok && ::fsync(fd) != 0) {
        ok = false;
        error = errno;
    }
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        std::filesystem::remove(temp, ec);
        return failure(file, "cannot write", error);
    }
    if (std::rename(temp.c_str(), file.c_str()) != 0) {
        error = errno;
        std::filesystem::remove(temp, ec);
        return failure(file, "cannot replace", error);
    }
    sync_folder(file);
    remove_stale_temps(file);
    storage_changed = true;
    return {};
}

bool take_storage_changed() {
    return storage_changed.exchange(false);
}

std::optional<std::string> read_small_file(const std::filesystem::path& file, std::string* why,
                                           std::uintmax_t max_bytes) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        if (why)
            why->clear();
        return std::nullopt;
    }
    // A named pipe would block the read forever, a device might never end.
    if (!std::filesystem::is_regular_file(file, ec)) {
        if (why)
            *why = file.string() + ": is not a regular file";
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        if (why)
            *why = file.string() + ": " + ec.message();
        return std::nullopt;
    }
    if (size > max_bytes) {
        if (why)
            *why = file.string() + ": file is too large (" + std::to_string(size) + " bytes)";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) {
        if (why)
            *why = file.string() + ": cannot read: " + std::strerror(errno);
        return std::nullopt;
    }
    return buffer.str();
}

std::filesystem::path keep_corrupt_file(const std::filesystem::path& file) {
    std::error_code ec;
    for (int n = 1; n < 1000; ++n) {
        auto aside = std::filesystem::path(file.string() + ".corrupt-" + std::to_string(n));
        if (std::filesystem::exists(aside, ec))
            continue;
        std::filesystem::rename(file, aside, ec);
        return ec ? std::filesystem::path{} : aside;
    }
    return {};
}

}  // namespace rc::engine
