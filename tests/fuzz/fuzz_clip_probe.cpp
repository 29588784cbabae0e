// libFuzzer target for the clip container probe and the clip rules on top of it: any bytes
// must be accepted as a whole clip with sane values, or refused with a reason, without
// reading out of bounds, overflowing or running away on declared sizes and counts.
// Built and run by tools/fuzz (tests/fuzz/CMakeLists.txt).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "content/clip_probe.h"
#include "content/pack.h"

namespace {

bool sane(const rc::content::ClipInfo& info) {
    const bool quarter_turn =
        info.rotation == 0 || info.rotation == 90 || info.rotation == 180 || info.rotation == 270;
    bool printable_tag = info.codec_tag.size() <= rc::content::kMaxCodecTagChars;
    for (char c : info.codec_tag)
        printable_tag = printable_tag && c >= 0x20 && c < 0x7F;
    return quarter_turn && printable_tag && info.frame_count > 0 && std::isfinite(info.seconds) &&
           info.seconds >= 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    std::string why;
    auto info = rc::content::probe_clip(bytes, &why);
    if (info && !sane(*info))
        std::abort();
    if (!info && why.empty())
        std::abort();
    // The rules give the probe's reason, or judge what it found.
    const std::string problem = rc::content::clip_problem(bytes);
    if (info ? problem != rc::content::clip_problem(*info) : problem != why)
        std::abort();
    return 0;
}
