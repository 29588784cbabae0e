// A fresh directory under the system temp dir, removed with everything in it when the
// object goes out of scope. Tests build their own small packs and data dirs in it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rc::tests {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes `contents` to path()/relative, creating parent folders; returns the full path.
    std::filesystem::path write(std::string_view relative, std::string_view contents) const;

  private:
    std::filesystem::path path_;
};

// The whole contents of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& file);
// The names of the entries of `dir`, sorted.
std::vector<std::string> file_names(const std::filesystem::path& dir);

}  // namespace rc::tests
