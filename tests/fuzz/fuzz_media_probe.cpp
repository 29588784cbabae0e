// libFuzzer target for the image header probe: any bytes must be accepted with a non-zero
// size or refused with a reason, without reading out of bounds.
// Built and run by tools/fuzz (tests/fuzz/CMakeLists.txt); by hand:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//       tests/fuzz/fuzz_media_probe.cpp content/media_probe.cpp -o fuzz_media_probe
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "content/media_probe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string why;
    auto info = rc::content::probe_image(std::span<const std::uint8_t>(data, size), &why);
    if (info && (info->width == 0 || info->height == 0))
        std::abort();
    if (!info && why.empty())
        std::abort();
    return 0;
}
