// tools/pack/media/stills.h — pictures as the eye should see them: EXIF orientation
// applied, colour profiles converted to sRGB, HEIF converted to JPEG, oversized pictures
// scaled down; then the pack's copy stripped. Lossless where nothing asks for new pixels.
#pragma once

#include <optional>

#include "tools/pack/media/containers.h"
#include "tools/pack/media/prepare.h"

namespace rc::packmedia {

// Above this many pixels a picture is refused before decoding (a decompression bomb).
constexpr std::uint64_t kMaxStillPixels = 120'000'000;
constexpr int kReencodeQuality = 92;

// Fills out.bytes/extension/stripped/changes/reencoded (or ok=false and error).
void prepare_still(ByteSpan bytes, MediaFormat format, const PrepareOptions& options,
                   PreparedMedia& out);

// A picture decoded to 8-bit grey (JPEG decoded at a reduced scale for speed).
struct GreyImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
};
std::optional<GreyImage> decode_grey(ByteSpan bytes);

}  // namespace rc::packmedia
