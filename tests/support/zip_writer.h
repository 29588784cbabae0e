// Zip archives for the tests, written with libzip, plus byte patches for what libzip will
// not write (duplicate names, encrypted entries, names without the UTF-8 flag): the
// archives a careless or hostile pack maker could hand over.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rc::tests {

struct ZipEntry {
    enum class Kind { File, Folder, Link };

    std::string name;  // bytes as stored (libzip guesses the encoding: UTF-8 or CP437)
    std::string data;  // a link's target for Kind::Link
    Kind kind = Kind::File;
    bool stored = false;  // no compression (deflate otherwise)
};

// Bytes read back from a pack source, as text to compare with what was written.
std::string text_of(const std::vector<std::uint8_t>& bytes);
// Bytes that do not compress (a fixed pseudo-random sequence per seed), so a zip holds
// them at their size.
std::string noise(std::size_t size, std::uint32_t seed);

// Writes `entries`, in order, to `file` (replaced). Fails the test on a libzip error.
void write_zip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries);
// The same archive as bytes.
std::string zip_bytes(const std::vector<ZipEntry>& entries);

// One entry as found through the central directory: where its two headers start.
struct ZipRecord {
    std::string name;
    std::size_t local_header = 0;
    std::size_t central_header = 0;
    std::size_t data = 0;  // the entry's (compressed) bytes, after its local header
};
std::vector<ZipRecord> zip_records(const std::string& zip);

// Renames entry `from` to `to` (same length) in both its local and central headers.
void rename_entry(std::string& zip, const std::string& from, const std::string& to);
// Sets and clears general-purpose flag bits of entry `name` in both its headers
// (bit 0: encrypted, bit 11: the name is UTF-8).
void patch_flags(std::string& zip, const std::string& name, std::uint16_t set,
                 std::uint16_t clear = 0);

inline constexpr std::uint16_t kZipFlagEncrypted = 1u << 0;
inline constexpr std::uint16_t kZipFlagUtf8 = 1u << 11;

}  // namespace rc::tests
