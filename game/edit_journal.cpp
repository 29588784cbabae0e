// The pack editor's journal; see edit_journal.h.
#include "game/edit_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "engine/store/atomic_file.h"

namespace rc::game {
namespace {

std::string failure(const std::filesystem::path& file, const char* what) {
    return file.string() + ": " + what + ": " + std::strerror(errno);
}

}  // namespace

EditJournal::EditJournal(std::filesystem::path file, std::function<double()> clock)
    : file_(std::move(file)), clock_(std::move(clock)) {}

EditJournal::~EditJournal() {
    close();
}

double EditJournal::now() const {
    if (clock_)
        return clock_();
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

bool EditJournal::exists() const {
    std::error_code ec;
    return std::filesystem::is_regular_file(file_, ec);
}

std::string EditJournal::start(std::string_view header) {
    close();
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0)
        return failure(file_, "cannot create");
    if (auto why = append(header); !why.empty())
        return why;
    sync();
    engine::sync_folder(file_);
    return {};
}

std::string EditJournal::resume() {
    close();
    fd_ = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd_ < 0)
        return failure(file_, "cannot open");
    last_sync_ = now();
    return {};
}

std::string EditJournal::append(std::string_view line) {
    if (fd_ < 0)
        return file_.string() + ": the journal is not open";
    std::string text(line);
    text += '\n';
    if (!engine::write_all(fd_, text))
        return failure(file_, "cannot write");
    pending_ = true;
    tick();
    return {};
}

void EditJournal::tick() {
    if (pending_ && now() - last_sync_ >= kJournalSyncSeconds)
        sync();
}

void EditJournal::sync() {
    if (fd_ < 0 || !pending_)
        return;
    ::fdatasync(fd_);
    pending_ = false;
    last_sync_ = now();
    ++syncs_;
}

void EditJournal::close() {
    if (fd_ < 0)
        return;
    sync();
    ::close(fd_);
    fd_ = -1;
}

std::string EditJournal::remove() {
    close();
    std::error_code ec;
    std::filesystem::remove(file_, ec);
    if (ec)
        return file_.string() + ": cannot remove: " + ec.message();
    return {};
}

void EditJournal::move_to(std::filesystem::path file) {
    close();
    file_ = std::move(file);
}

std::optional<std::vector<std::string>> EditJournal::read_lines(const std::filesystem::path& file,
                                                                std::string* why) {
    auto text = engine::read_small_file(file, why, kMaxJournalBytes);
    if (!text) {
        if (why && why->empty())
            *why = file.string() + ": no journal";
        return std::nullopt;
    }
    // A line is whole once its '\n' is written: a last line without one was cut short by
    // a power cut, and is left out.
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto end = text->find('\n'); end != std::string::npos; end = text->find('\n', start)) {
        lines.push_back(text->substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace rc::game
