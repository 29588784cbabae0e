// A small pack with a real clip, for the tests of what the editor does on clips.
#pragma once

#include <filesystem>

#include "support/temp_dir.h"

namespace rc::tests {

// dir/pack: item "clip" a real clip (1 s, 10 frames a second, RC_CLIP_FIXTURES' vp9.webm),
// item "b" a picture. Returns the pack's folder.
std::filesystem::path write_clip_pack(const TempDir& dir);

}  // namespace rc::tests
