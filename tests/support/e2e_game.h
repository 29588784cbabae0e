// What the end-to-end tests share: running the game binary headless, and packs made of
// real pictures (PNG and JPEG written with SDL_image) in a test's own folder.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support/temp_dir.h"

namespace rc::tests {

struct GameRun {
    int status = -1;  // the exit status, -1 when the game did not exit by itself
    std::string err;  // what it wrote on stderr
};

// Runs `realcheck --headless ARGS` (the binary the build made) in a shell; `shell_prefix`
// runs first in the same shell (limits such as ulimit -f). stderr is kept in `work`.
GameRun run_game(const std::string& args, const std::filesystem::path& work,
                 const std::string& shell_prefix = "");

// A picture that really decodes: a gradient with a different hue per index; JPEG when the
// file's name ends in .jpg, else PNG.
void write_picture(const std::filesystem::path& file, int index, int width = 160, int height = 120);

// An item of pack.json with a source, an explanation and one tell, in both languages.
nlohmann::json item_json(const std::string& id, const std::string& media,
                         const std::string& answer);

// A pack of `real` real and `generated` generated items, all decodable, in dir/pack,
// followed by `extra_items` as given.
std::filesystem::path make_pack(const TempDir& dir, int real, int generated,
                                nlohmann::json extra_items = nlohmann::json::array());

}  // namespace rc::tests
