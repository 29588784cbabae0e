#include "support/clip_pack.h"

#include "content/test_images.h"

namespace rc::tests {

namespace fs = std::filesystem;

fs::path write_clip_pack(const TempDir& dir) {
    const fs::path pack = dir.path() / "pack";
    fs::create_directories(pack / "media");
    fs::copy_file(fs::path(RC_CLIP_FIXTURES) / "vp9.webm", pack / "media/0001.webm");
    nlohmann::json clip = item_json("clip", "media/0001.webm");
    clip["kind"] = "video";
    const auto items = nlohmann::json::array({clip, item_json("b", "media/0002.png")});
    dir.write("pack/media/0002.png", png_bytes(64, 48));
    dir.write("pack/pack.json", pack_json(items).dump());
    return pack;
}

}  // namespace rc::tests
