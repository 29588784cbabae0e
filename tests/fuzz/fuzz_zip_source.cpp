// libFuzzer target for zip packs (content/zip_source.cpp) and the pack-source path checks:
// any bytes must open as an archive whose every entry passed the checks, or be refused
// with a located reason; every listed file must read back (or fail with a reason) within
// its declared size; any text used as a path must be refused or read safely.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "content/source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Small limits so the fuzzer meets them; the checks are the same as the game's.
    rc::content::ZipLimits limits;
    limits.max_total_bytes = 1 << 20;
    limits.ratio_from_bytes = 4096;
    limits.max_entries = 256;
    auto opened =
        rc::content::open_zip_source(rc::content::Bytes(data, data + size), "fuzz.zip", limits);
    if (!opened.ok()) {
        if (opened.problems.empty() || opened.problems.front().message.empty())
            std::abort();
        return 0;
    }
    const auto& source = **opened.value;
    for (const auto& name : source.list()) {
        auto read = source.read(name, 1 << 20);
        if (!read.ok() && read.problems.empty())
            std::abort();
    }
    // The input's tail as a path: refused, missing, or a file of the archive.
    const std::string path(reinterpret_cast<const char*>(data) + size / 2, size - size / 2);
    auto read = source.read(path, 1 << 20);
    if (!read.ok() && read.problems.empty())
        std::abort();
    return 0;
}
