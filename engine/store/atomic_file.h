// Writing a file so that a crash, a full disk or a power cut leaves either the old file or
// the new one, never half of each: write a temp file beside it, flush it to disk, rename it
// over the target. Plain C++ (no SDL) so the game core and its tests use it directly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace rc::engine {

// Returns an empty string on success, else a message naming the file and the problem
// ("/home/x/.local/share/realcheck/deck.json: No space left on device").
std::string write_file_atomically(const std::filesystem::path& file, std::string_view contents);

// The whole file, or nullopt with *why set. Missing files give nullopt and *why empty.
std::optional<std::string> read_small_file(const std::filesystem::path& file, std::string* why,
                                           std::uintmax_t max_bytes = 16 * 1024 * 1024);

// True once after any successful write_file_atomically: the web runner then copies the
// in-memory file system to IndexedDB (IDBFS), which needs an explicit sync.
bool take_storage_changed();

// Moves a file that could not be read aside (name.corrupt-N) so it is kept for inspection
// and never overwritten. Returns the new path, or empty on failure.
std::filesystem::path keep_corrupt_file(const std::filesystem::path& file);

// write(2) until everything is written or an error (ENOSPC, EIO...) stops it; false with
// errno set. Short writes and EINTR are retried.
bool write_all(int fd, std::string_view contents);
// After a file is created or renamed, its folder entry must reach the disk too, or a power
// cut can lose it or bring the old file back. Best effort: some file systems refuse.
void sync_folder(const std::filesystem::path& file);

}  // namespace rc::engine
