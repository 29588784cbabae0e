// The zip pack source (libzip): the archive is checked whole when it is opened, then files
// are read from it one at a time when needed, never unpacked whole. See source.h.
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "content/source.h"
#include "content/unicode.h"

namespace rc::content {
namespace {

namespace fs = std::filesystem;

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ArchiveFile = std::unique_ptr<zip_file_t, FileCloser>;

std::string archive_error(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

std::string describe_open_error(int code) {
    switch (code) {
        case ZIP_ER_NOZIP:
            return "is not a zip archive, or is truncated (no central directory)";
        case ZIP_ER_INCONS:
            return "is a corrupt zip archive (inconsistent entries)";
        case ZIP_ER_NOENT:
            return "cannot read: No such file or directory";
        default:
            return "cannot open the archive: " + archive_error(code);
    }
}

// Names made on Windows may use backslashes; checks treat them as separators.
std::string with_slashes(std::string name) {
    for (char& ch : name)
        if (ch == '\\')
            ch = '/';
    return name;
}

// Why an entry name is unsafe, or empty.
std::string unsafe_name(const std::string& name) {
    if (name.empty())
        return "has an empty name";
    if (name.front() == '/' || (name.size() >= 2 && name[1] == ':'))
        return "is an absolute path";
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        if (name.compare(start, end - start, "..") == 0)
            return "climbs out of the archive with \"..\"";
        start = end + 1;
    }
    for (unsigned char ch : name)
        if (ch < 0x20 || ch == 0x7F)
            return "has a control character in its name";
    return {};
}

bool is_link(zip_t* archive, zip_uint64_t index) {
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(archive, index, 0, &opsys, &attributes) != 0)
        return false;
    const bool unix_mode = opsys == ZIP_OPSYS_UNIX || opsys == ZIP_OPSYS_OS_X;
    return unix_mode && ((attributes >> 16) & S_IFMT) == S_IFLNK;
}

// Files that macOS and Finder add to archives: never part of a pack.
bool is_junk(const std::string& name) {
    if (name.starts_with("__MACOSX/"))
        return true;
    const std::size_t slash = name.rfind('/');
    const std::string last = name.substr(slash == std::string::npos ? 0 : slash + 1);
    return last == ".DS_Store" || last.starts_with("._");
}

struct Entry {
    zip_uint64_t index = 0;
    zip_uint64_t size = 0;
};

struct Limits {
    std::uint64_t max_total;
    std::uint64_t max_ratio;
    std::uint64_t ratio_from;
    std::uint64_t max_entries;
};

Limits effective(const ZipLimits& given) {
    return {given.max_total_bytes ? given.max_total_bytes : kZipMaxTotalBytes,
            given.max_ratio ? given.max_ratio : kZipMaxRatio,
            given.ratio_from_bytes ? given.ratio_from_bytes : kZipRatioFromBytes,
            given.max_entries ? given.max_entries : kZipMaxEntries};
}

// Checks one entry; returns why it refuses the archive, or empty.
std::string entry_problem(zip_t* archive, zip_uint64_t index, const zip_stat_t& stat,
                          const std::string& name, const Limits& limits, std::uint64_t* total) {
    if (std::string why = unsafe_name(name); !why.empty())
        return why;
    if (is_link(archive, index))
        return "is a symbolic link";
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        return "is encrypted";
    *total += stat.size;
    if (*total > limits.max_total)
        return "takes the archive over " + limit_text(limits.max_total, 1'000'000) +
               " once unpacked";
    const std::uint64_t packed = std::max<std::uint64_t>(stat.comp_size, 1);
    if (stat.size > limits.ratio_from && stat.size / packed > limits.max_ratio)
        return "is compressed " + std::to_string(stat.size / packed) + ":1, over the limit of " +
               std::to_string(limits.max_ratio) + ":1 (a zip bomb?)";
    return {};
}

class ZipSource final : public PackSource {
  public:
    ZipSource(std::string where, Bytes memory, std::optional<std::uint64_t> size)
        : PackSource(SourceKind::Zip, std::move(where)), memory_(std::move(memory)), size_(size) {}

    // Checks every entry and builds the name table; the first problem refuses the archive.
    std::vector<Problem> index(Archive archive, const ZipLimits& given) {
        archive_ = std::move(archive);
        const Limits limits = effective(given);
        const zip_int64_t count = zip_get_num_entries(archive_.get(), 0);
        if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries)
            return {{Severity::Error, where(), "has too many entries"}};
        std::uint64_t total = 0;
        std::map<std::string, Entry> entries;
        for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
            zip_stat_t stat;
            zip_stat_init(&stat);
            const char* raw = zip_get_name(archive_.get(), i, ZIP_FL_ENC_GUESS);
            if (!raw || zip_stat_index(archive_.get(), i, ZIP_FL_ENC_GUESS, &stat) != 0)
                return {{Severity::Error, where(), "has an unreadable entry (corrupt archive)"}};
            const std::string name = to_nfc(with_slashes(raw));
            if (auto why = entry_problem(archive_.get(), i, stat, name, limits, &total);
                !why.empty())
                return {{Severity::Error, where() + ": " + name, why}};
            if (name.back() == '/' || is_junk(name))
                continue;
            if (!entries.emplace(name, Entry{i, stat.size}).second)
                return {{Severity::Error, where() + ": " + name, "appears twice in the archive"}};
        }
        entries_ = strip_top_folder(std::move(entries));
        return {};
    }

    std::vector<std::string> list() const override {
        std::vector<std::string> names;
        for (const auto& [name, entry] : entries_)
            names.push_back(name);
        return names;
    }

    std::optional<std::uint64_t> size_bytes() const override { return size_; }
    const Bytes& memory() const { return memory_; }

  protected:
    Result<Bytes> read_checked(const std::string& relative,
                               std::uint64_t max_bytes) const override {
        const auto found = entries_.find(to_nfc(relative));
        if (found == entries_.end())
            return refusal<Bytes>(relative, "file not found in the archive");
        const Entry& entry = found->second;
        if (entry.size > max_bytes)
            return refusal<Bytes>(
                relative,
                "is larger than the " + limit_text(max_bytes, 1u << 20) + " limit for one file");
        std::lock_guard lock(mutex_);  // libzip archives are not thread-safe
        ArchiveFile file(zip_fopen_index(archive_.get(), entry.index, 0));
        if (!file)
            return refusal<Bytes>(relative,
                                  std::string("cannot read: ") + zip_strerror(archive_.get()));
        Bytes bytes(static_cast<std::size_t>(entry.size));
        std::size_t done = 0;
        while (done < bytes.size()) {
            const zip_int64_t got = zip_fread(file.get(), bytes.data() + done, bytes.size() - done);
            if (got < 0)
                return refusal<Bytes>(relative,
                                      std::string("cannot read: ") + zip_file_strerror(file.get()));
            if (got == 0)
                return refusal<Bytes>(relative, "cannot read: the entry is truncated");
            done += static_cast<std::size_t>(got);
        }
        // libzip checks the CRC when the end of the entry is read: read it, so that damaged
        // data is refused rather than handed to a decoder, and so is data longer than declared.
        std::uint8_t extra = 0;
        const zip_int64_t past_end = zip_fread(file.get(), &extra, 1);
        if (past_end < 0)
            return refusal<Bytes>(relative,
                                  std::string("cannot read: ") + zip_file_strerror(file.get()));
        if (past_end > 0)
            return refusal<Bytes>(relative, "cannot read: the entry is longer than declared");
        Result<Bytes> result;
        result.value = std::move(bytes);
        return result;
    }

  private:
    // A pack zipped with its folder ("my-pack/pack.json") reads as if zipped from inside.
    static std::map<std::string, Entry> strip_top_folder(std::map<std::string, Entry> entries) {
        if (entries.empty() || entries.count("pack.json"))
            return entries;
        const std::string first = entries.begin()->first;
        const std::size_t slash = first.find('/');
        if (slash == std::string::npos)
            return entries;
        const std::string top = first.substr(0, slash + 1);
        for (const auto& [name, entry] : entries)
            if (!name.starts_with(top))
                return entries;
        std::map<std::string, Entry> inside;
        for (auto& [name, entry] : entries)
            inside.emplace(name.substr(top.size()), entry);
        return inside;
    }

    Bytes memory_;  // the archive when it is held in memory (the browser), else empty
    std::optional<std::uint64_t> size_;
    Archive archive_;
    std::map<std::string, Entry> entries_;  // NFC name inside the pack → entry
    mutable std::mutex mutex_;
};

// libzip refuses (ZIP_CHECKCONS) an archive with two entries of the same name without
// saying which: open it again leniently to name the entry.
Result<SourcePtr> refuse_duplicate(const std::string& where, zip_t* lenient) {
    Archive archive(lenient);
    std::map<std::string, int> seen;
    const zip_int64_t count = archive ? zip_get_num_entries(archive.get(), 0) : 0;
    for (zip_int64_t i = 0; i < count; ++i)
        if (const char* raw =
                zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS))
            if (++seen[to_nfc(with_slashes(raw))] == 2)
                return refusal<SourcePtr>(where + ": " + to_nfc(with_slashes(raw)),
                                          "appears twice in the archive");
    return refusal<SourcePtr>(where, "has two entries of the same name");
}

Result<SourcePtr> finish_opening(std::shared_ptr<ZipSource> source, Archive archive,
                                 const ZipLimits& limits) {
    Result<SourcePtr> result;
    result.problems = source->index(std::move(archive), limits);
    if (result.problems.empty())
        result.value = std::move(source);
    return result;
}

}  // namespace

Result<SourcePtr> open_zip_source(const fs::path& file, const ZipLimits& limits) {
    int code = 0;
    Archive archive(zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
    if (!archive && code == ZIP_ER_EXISTS)
        return refuse_duplicate(file.string(), zip_open(file.c_str(), ZIP_RDONLY, &code));
    if (!archive)
        return refusal<SourcePtr>(file.string(), describe_open_error(code));
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    auto source = std::make_shared<ZipSource>(file.string(), Bytes{},
                                              ec ? std::nullopt : std::optional(size));
    return finish_opening(std::move(source), std::move(archive), limits);
}

Result<SourcePtr> open_zip_source(Bytes bytes, std::string name, const ZipLimits& limits) {
    if (bytes.size() > kMaxZipInMemoryBytes)
        return refusal<SourcePtr>(name, "is larger than the " +
                                            std::to_string(kMaxZipInMemoryBytes >> 20) +
                                            " MB limit for an archive opened here");
    const std::uint64_t size = bytes.size();
    auto source = std::make_shared<ZipSource>(name, std::move(bytes), size);
    // The buffer belongs to the source, which outlives the archive that reads it.
    const Bytes& memory = source->memory();
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(memory.data(), memory.size(), 0, &error);
    Archive archive(buffer ? zip_open_from_source(buffer, ZIP_RDONLY | ZIP_CHECKCONS, &error)
                           : nullptr);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (!archive) {
        if (buffer)
            zip_source_free(buffer);
        if (code == ZIP_ER_EXISTS) {
            zip_source_t* again =
                zip_source_buffer_create(memory.data(), memory.size(), 0, nullptr);
            zip_t* lenient = again ? zip_open_from_source(again, ZIP_RDONLY, nullptr) : nullptr;
            if (again && !lenient)
                zip_source_free(again);
            return refuse_duplicate(name, lenient);
        }
        return refusal<SourcePtr>(name, describe_open_error(code));
    }
    return finish_opening(std::move(source), std::move(archive), limits);
}

}  // namespace rc::content
