#include "support/zip_writer.h"

#include <sys/stat.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "support/temp_dir.h"

namespace rc::tests {
namespace {

std::uint32_t read_le(const std::string& bytes, std::size_t at, int width) {
    if (at + static_cast<std::size_t>(width) > bytes.size())
        throw std::runtime_error("zip patch: offset past the end of the archive");
    std::uint32_t value = 0;
    for (int i = width - 1; i >= 0; --i)
        value = value << 8 | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return value;
}

void write_le16(std::string& bytes, std::size_t at, std::uint16_t value) {
    bytes[at] = static_cast<char>(value & 0xFF);
    bytes[at + 1] = static_cast<char>(value >> 8);
}

const ZipRecord& record_named(const std::vector<ZipRecord>& records, const std::string& name) {
    for (const auto& record : records)
        if (record.name == name)
            return record;
    throw std::runtime_error("zip patch: no entry named " + name);
}

// General-purpose flags: local header +6, central header +8. Names: local +30, central +46.
constexpr std::size_t kLocalFlags = 6;
constexpr std::size_t kCentralFlags = 8;
constexpr std::size_t kLocalName = 30;
constexpr std::size_t kCentralName = 46;

}  // namespace

void write_zip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries) {
    int code = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive)
        throw std::runtime_error("zip_open failed with code " + std::to_string(code));
    auto fail = [archive](const std::string& what) {
        const std::string why = what + ": " + zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error(why);
    };
    for (const auto& entry : entries) {
        if (entry.kind == ZipEntry::Kind::Folder) {
            if (zip_dir_add(archive, entry.name.c_str(), ZIP_FL_ENC_GUESS) < 0)
                fail("zip_dir_add " + entry.name);
            continue;
        }
        // libzip reads the buffer when the archive is closed: it must own a copy.
        void* copy = entry.data.empty() ? nullptr : std::malloc(entry.data.size());
        if (copy)
            std::memcpy(copy, entry.data.data(), entry.data.size());
        zip_source_t* source = zip_source_buffer(archive, copy, entry.data.size(), 1);
        if (!source) {
            std::free(copy);
            fail("zip_source_buffer " + entry.name);
        }
        const zip_int64_t index =
            zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_GUESS | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            fail("zip_file_add " + entry.name);
        }
        const auto at = static_cast<zip_uint64_t>(index);
        if (entry.stored && zip_set_file_compression(archive, at, ZIP_CM_STORE, 0) != 0)
            fail("zip_set_file_compression " + entry.name);
        if (entry.kind == ZipEntry::Kind::Link &&
            zip_file_set_external_attributes(archive, at, 0, ZIP_OPSYS_UNIX,
                                             static_cast<zip_uint32_t>(S_IFLNK | 0777) << 16) != 0)
            fail("zip_file_set_external_attributes " + entry.name);
    }
    if (zip_close(archive) != 0)
        fail("zip_close");
}

std::string zip_bytes(const std::vector<ZipEntry>& entries) {
    TempDir dir;
    const auto file = dir.path() / "archive.zip";
    write_zip(file, entries);
    return read_file(file);
}

std::vector<ZipRecord> zip_records(const std::string& zip) {
    // The end of central directory record: 22 bytes, no comment (libzip writes none).
    if (zip.size() < 22 || read_le(zip, zip.size() - 22, 4) != 0x06054b50)
        throw std::runtime_error("zip patch: no end of central directory record");
    const std::size_t end = zip.size() - 22;
    const std::uint32_t count = read_le(zip, end + 10, 2);
    std::size_t at = read_le(zip, end + 16, 4);
    std::vector<ZipRecord> records;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (read_le(zip, at, 4) != 0x02014b50)
            throw std::runtime_error("zip patch: bad central header");
        const std::uint32_t name_size = read_le(zip, at + 28, 2);
        const std::uint32_t extra_size = read_le(zip, at + 30, 2);
        const std::uint32_t comment_size = read_le(zip, at + 32, 2);
        ZipRecord record;
        record.name = zip.substr(at + kCentralName, name_size);
        record.local_header = read_le(zip, at + 42, 4);
        record.central_header = at;
        if (read_le(zip, record.local_header, 4) != 0x04034b50)
            throw std::runtime_error("zip patch: bad local header");
        record.data = record.local_header + kLocalName + read_le(zip, record.local_header + 26, 2) +
                      read_le(zip, record.local_header + 28, 2);
        records.push_back(record);
        at += kCentralName + name_size + extra_size + comment_size;
    }
    return records;
}

void rename_entry(std::string& zip, const std::string& from, const std::string& to) {
    if (from.size() != to.size())
        throw std::runtime_error("zip patch: names must have the same length");
    const ZipRecord record = record_named(zip_records(zip), from);
    zip.replace(record.local_header + kLocalName, to.size(), to);
    zip.replace(record.central_header + kCentralName, to.size(), to);
}

void patch_flags(std::string& zip, const std::string& name, std::uint16_t set,
                 std::uint16_t clear) {
    const ZipRecord record = record_named(zip_records(zip), name);
    for (const std::size_t at :
         {record.local_header + kLocalFlags, record.central_header + kCentralFlags}) {
        const auto flags = static_cast<std::uint16_t>(read_le(zip, at, 2));
        write_le16(zip, at, static_cast<std::uint16_t>((flags | set) & ~clear));
    }
}

std::string text_of(const std::vector<std::uint8_t>& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::string noise(std::size_t size, std::uint32_t seed) {
    std::string out(size, '\0');
    std::uint32_t state = seed;
    for (char& ch : out) {
        state = state * 1664525u + 1013904223u;
        ch = static_cast<char>(state >> 24);
    }
    return out;
}

}  // namespace rc::tests
