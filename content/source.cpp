// Pack sources: the path checks common to all, the folder and the web source; the zip
// source is in zip_source.cpp. See source.h.
// File-system calls use the std::error_code overloads and POSIX calls: nothing throws
// (the web build has exceptions off).
#include "content/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "content/manifest.h"

namespace rc::content {
namespace {

namespace fs = std::filesystem;

std::string os_reason(int error) {
    return std::generic_category().message(error);
}

// Component-wise: "/packs/a" must not count as inside "/packs/ab".
bool is_strictly_inside(const fs::path& root, const fs::path& candidate) {
    auto c = candidate.begin();
    for (const auto& part : root) {
        if (c == candidate.end() || *c != part)
            return false;
        ++c;
    }
    return c != candidate.end();
}

// Packs are often made on Windows or macOS, where "Media/A.JPG" opens "media/a.jpg".
std::string case_hint(const fs::path& missing) {
    auto lower = [](std::string text) {
        for (char& ch : text)
            if (ch >= 'A' && ch <= 'Z')
                ch = static_cast<char>(ch - 'A' + 'a');
        return text;
    };
    const std::string wanted = missing.filename().string();
    std::error_code ec;
    fs::directory_iterator it(missing.parent_path(), ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name != wanted && lower(name) == lower(wanted))
            return " (there is \"" + name + "\": file names are case-sensitive)";
    }
    return "";
}

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

// Opens without blocking (a named pipe would wait for a writer forever), then refuses
// anything but a regular file before reading a byte.
Result<Bytes> read_regular_file(const fs::path& file, const std::string& where,
                                std::uint64_t max_bytes) {
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ENOENT)
            return refusal<Bytes>(where, "file not found" + case_hint(file));
        return refusal<Bytes>(where, "cannot read: " + os_reason(error));
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0)
        return refusal<Bytes>(where, "cannot read: " + os_reason(errno));
    if (S_ISDIR(info.st_mode))
        return refusal<Bytes>(where, "is a folder, not a file");
    if (!S_ISREG(info.st_mode))
        return refusal<Bytes>(where, "is not a regular file");
    if (static_cast<std::uint64_t>(info.st_size) > max_bytes)
        return refusal<Bytes>(
            where, "is larger than the " + limit_text(max_bytes) + " limit for one file");
    Result<Bytes> result;
    Bytes bytes(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return refusal<Bytes>(where, "cannot read: " + os_reason(errno));
        if (got == 0)
            break;  // shrank while read: keep what is there, the decoder will judge
        done += static_cast<std::size_t>(got);
    }
    bytes.resize(done);
    result.value = std::move(bytes);
    return result;
}

class FolderSource final : public PackSource {
  public:
    explicit FolderSource(fs::path root)
        : PackSource(SourceKind::Folder, root.string()), root_(std::move(root)) {}

    std::vector<std::string> list() const override {
        std::vector<std::string> files;
        std::error_code ec;
        fs::recursive_directory_iterator it(root_, fs::directory_options::none, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (files.size() >= kZipMaxEntries)
                break;
            std::error_code type_error;
            if (!it->is_regular_file(type_error))
                continue;
            // A link is a file of the pack only when it leads to one (read() refuses others).
            if (it->is_symlink(type_error)) {
                std::error_code link_error;
                const fs::path target = fs::canonical(it->path(), link_error);
                if (link_error || !is_strictly_inside(root_, target))
                    continue;
            }
            files.push_back(it->path().lexically_relative(root_).generic_string());
        }
        std::sort(files.begin(), files.end());
        return files;
    }

    std::optional<std::uint64_t> size_bytes() const override {
        std::uint64_t total = 0;
        for (const auto& relative : list()) {
            std::error_code ec;
            const auto size = fs::file_size(root_ / relative, ec);
            if (!ec)
                total += size;
        }
        return total;
    }

  protected:
    Result<Bytes> read_checked(const std::string& relative,
                               std::uint64_t max_bytes) const override {
        std::error_code ec;
        const fs::path resolved = fs::weakly_canonical(root_ / fs::path(relative), ec);
        if (ec)
            return refusal<Bytes>(relative, "cannot resolve the path: " + ec.message());
        if (resolved == root_)
            return refusal<Bytes>(relative, "is the pack folder itself, not a file in it");
        // The text has no "..", so only a symbolic link can lead out; the pack's files may
        // still link to each other.
        if (!is_strictly_inside(root_, resolved))
            return refusal<Bytes>(relative,
                                  "leads outside the pack folder (through a symbolic link)");
        return read_regular_file(resolved, relative, max_bytes);
    }

  private:
    fs::path root_;  // canonical
};

class WebSource final : public PackSource {
  public:
    WebSource(std::string base, WebFetch fetch)
        : PackSource(SourceKind::Web, std::move(base)), fetch_(std::move(fetch)) {}

    std::vector<std::string> list() const override { return {}; }
    bool readable() const override { return static_cast<bool>(fetch_); }
    std::optional<std::uint64_t> size_bytes() const override { return std::nullopt; }

  protected:
    Result<Bytes> read_checked(const std::string& relative,
                               std::uint64_t max_bytes) const override {
        if (!fetch_)
            return refusal<Bytes>(relative,
                                  "cannot be read here: web packs are fetched by address");
        auto fetched = fetch_(url_of_checked(relative), max_bytes);
        for (auto& problem : fetched.problems)
            problem.where = relative;
        return fetched;
    }
    std::string url_of_checked(const std::string& relative) const override {
        return where() + relative;
    }

  private:
    WebFetch fetch_;
};

}  // namespace

std::string limit_text(std::uint64_t bytes, std::uint64_t megabyte) {
    return bytes >= megabyte ? std::to_string(bytes / megabyte) + " MB"
                             : std::to_string(bytes) + " bytes";
}

Result<Bytes> PackSource::read(std::string_view relative, std::uint64_t max_bytes) const {
    std::string why;
    if (!check_media_path(relative, &why))
        return refusal<Bytes>(std::string(relative), why);
    return read_checked(std::string(relative), max_bytes);
}

std::string PackSource::url_of(std::string_view relative) const {
    if (!check_media_path(relative, nullptr))
        return {};
    return url_of_checked(std::string(relative));
}

std::string PackSource::locate(std::string_view relative) const {
    switch (kind_) {
        case SourceKind::Folder:
            return (fs::path(where_) / fs::path(relative)).string();
        case SourceKind::Zip:
            return where_ + ": " + std::string(relative);
        case SourceKind::Web:
            break;
    }
    return where_ + std::string(relative);
}

Result<SourcePtr> open_folder_source(const fs::path& folder) {
    Result<SourcePtr> result;
    std::error_code ec;
    fs::path root = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) {
        result.problems.push_back(
            {Severity::Error, folder.string(), "cannot open: " + ec.message()});
        return result;
    }
    result.value = std::make_shared<FolderSource>(std::move(root));
    return result;
}

SourcePtr open_web_source(const std::string& base_url, WebFetch fetch) {
    std::string base = base_url;
    if (base.ends_with("/pack.json"))
        base.resize(base.size() - 9);
    else if (base.empty() || base.back() != '/')
        base += '/';
    return std::make_shared<WebSource>(std::move(base), std::move(fetch));
}

bool looks_like_zip(std::span<const std::uint8_t> head) {
    return head.size() >= 4 && head[0] == 'P' && head[1] == 'K' &&
           ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
}

bool is_web_address(std::string_view location) {
    return location.starts_with("http://") || location.starts_with("https://");
}

Result<SourcePtr> open_local_source(const fs::path& location, const ZipLimits& limits) {
    std::error_code ec;
    const auto status = fs::status(location, ec);
    if (location.filename() == "pack.json")  // names its folder
        return open_folder_source(location.parent_path().empty() ? fs::path(".")
                                                                 : location.parent_path());
    if (fs::is_directory(status))
        return open_folder_source(location);
    const char* not_a_pack = "is not a pack folder, a pack.json or a zip file";
    if (!fs::is_regular_file(status))
        return refusal<SourcePtr>(location.string(), status.type() == fs::file_type::not_found
                                                         ? "cannot read: " + os_reason(ENOENT)
                                                         : not_a_pack);
    std::uint8_t head[4] = {};
    {
        FileDescriptor fd(::open(location.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
        if (fd.get() >= 0 && ::read(fd.get(), head, sizeof head) == 4 && looks_like_zip(head))
            return open_zip_source(location, limits);
    }
    return refusal<SourcePtr>(location.string(), not_a_pack);
}

}  // namespace rc::content
