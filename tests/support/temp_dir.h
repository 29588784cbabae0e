// A fresh directory under the system temp dir, removed with everything in it when the
// object goes out of scope. Tests build their own small packs and data dirs in it.
#pragma once

#include <filesystem>
#include <string_view>

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

}  // namespace rc::tests
