// libFuzzer target for the pack tool's media step on bytes: provenance (exiv2 behind a
// catch-all, our JUMBF, caBX, PNG text and MP4 uuid readers) and the JPEG, PNG, WebP and
// GIF strippers. Any bytes: no crash, a message for every refusal, and a stripped copy
// that strips to itself (nothing left to remove, nothing else changed).
// Built and run by tools/fuzz (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "tools/pack/media/containers.h"
#include "tools/pack/media/prepare.h"

namespace {

using rc::packmedia::ByteSpan;
using rc::packmedia::StripResult;

void check_strip(StripResult (*strip)(ByteSpan), ByteSpan bytes) {
    const StripResult first = strip(bytes);
    if (!first.ok) {
        if (first.error.empty()) {
            std::abort();
        }
        return;
    }
    const StripResult again = strip(first.bytes);
    if (!again.ok || !again.removed.empty() || again.bytes != first.bytes) {
        std::abort();
    }
}

StripResult strip_jpeg_default(ByteSpan bytes) {
    return rc::packmedia::strip_jpeg(bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::uint8_t> bytes(data, data + size);
    const auto provenance = rc::packmedia::read_provenance(bytes);
    if (provenance.findings.empty() &&
        provenance.suggested != rc::packmedia::SuggestedAnswer::None &&
        provenance.digital_source_type.empty()) {
        std::abort();  // an answer is only suggested from something found
    }
    const ByteSpan span(bytes);
    check_strip(strip_jpeg_default, span);
    check_strip(rc::packmedia::strip_png, span);
    check_strip(rc::packmedia::strip_webp, span);
    check_strip(rc::packmedia::strip_gif, span);
    return 0;
}
