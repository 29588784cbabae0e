// The pack editor's journal: an append-only file beside pack.json (pack.json.journal)
// holding the edits not yet saved, one JSON object a line, so a crash or a power cut loses
// at most the last second or so. Each line is handed to the kernel at once (a killed
// process loses nothing) and the file is flushed to the disk at most every
// kJournalSyncSeconds (a power cut loses what came after the last flush).
//
// It knows nothing of what the lines mean: the editor (pack_editor.h) writes and replays
// them. Plain C++, POSIX files, no SDL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rc::game {

inline constexpr double kJournalSyncSeconds = 1.0;
// A journal is read back whole; the edits of one sitting stay far below this.
inline constexpr std::uintmax_t kMaxJournalBytes = 64ull << 20;

class EditJournal {
  public:
    // `clock` gives seconds (any origin); empty means the steady clock.
    EditJournal(std::filesystem::path file, std::function<double()> clock);
    ~EditJournal();
    EditJournal(const EditJournal&) = delete;
    EditJournal& operator=(const EditJournal&) = delete;

    const std::filesystem::path& file() const { return file_; }
    bool exists() const;
    bool is_open() const { return fd_ >= 0; }

    // A new journal whose first line is `header` (a file already there is replaced), flushed
    // to the disk with its folder entry. Returns "" or why not.
    std::string start(std::string_view header);
    // Appends to the journal already on disk (after a recovery). Returns "" or why not.
    std::string resume();
    // One line (without its '\n'), written at once, flushed when the last flush is
    // kJournalSyncSeconds old. Returns "" or why not.
    std::string append(std::string_view line);
    // Flushes a write left pending by append when it is due; call it while idle.
    void tick();
    // Flushes now (before a pause, or on closing).
    void sync();
    // Closes and deletes the file. Returns "" or why not.
    std::string remove();
    void move_to(std::filesystem::path file);  // closed; the next start() writes there

    std::size_t syncs() const { return syncs_; }  // flushes to the disk so far (tests)

    // The whole lines of a journal on disk (a last line cut short is left out); nullopt
    // with *why set when it cannot be read.
    static std::optional<std::vector<std::string>> read_lines(const std::filesystem::path& file,
                                                              std::string* why);

  private:
    void close();
    double now() const;

    std::filesystem::path file_;
    std::function<double()> clock_;
    int fd_ = -1;
    bool pending_ = false;  // written since the last flush
    double last_sync_ = 0.0;
    std::size_t syncs_ = 0;
};

}  // namespace rc::game
