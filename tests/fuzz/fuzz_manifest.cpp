// libFuzzer target for the pack.json parser: any bytes must give a value or located
// problems, never a crash, an exception or an out-of-bounds read.
// Build (clang only, not part of the CMake build):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//       tests/fuzz/fuzz_manifest.cpp content/manifest.cpp content/problem.cpp -o fuzz_manifest
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = rc::content::parse_manifest(text);
    // The Result contract: a value, or at least one Error saying why not.
    if (!result.ok() && !result.has_errors())
        std::abort();
    for (const auto& problem : result.problems) {
        if (problem.where.empty() || problem.message.empty())
            std::abort();
    }
    return 0;
}
