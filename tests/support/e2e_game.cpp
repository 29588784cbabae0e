// See e2e_game.h.
#include "support/e2e_game.h"

#include <SDL.h>
#include <SDL_image.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>

namespace rc::tests {

namespace fs = std::filesystem;
using nlohmann::json;

GameRun run_game(const std::string& args, const fs::path& work, const std::string& shell_prefix) {
    const auto err_file = work / "stderr.txt";
    const std::string command = shell_prefix + std::string(REALCHECK_BINARY) + " --headless " +
                                args + " 2>'" + err_file.string() + "' >/dev/null";
    const int raw = std::system(command.c_str());
    GameRun run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.err = read_file(err_file);
    return run;
}

void write_picture(const fs::path& file, int index, int width, int height) {
    fs::create_directories(file.parent_path());
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    REQUIRE(surface != nullptr);
    for (int y = 0; y < height; ++y) {
        auto* row = static_cast<Uint32*>(surface->pixels) + y * surface->pitch / 4;
        for (int x = 0; x < width; ++x)
            row[x] = SDL_MapRGBA(surface->format, static_cast<Uint8>(x * 255 / width),
                                 static_cast<Uint8>((index * 37) % 256),
                                 static_cast<Uint8>(y * 255 / height), 255);
    }
    const bool jpeg = file.extension() == ".jpg";
    const int saved =
        jpeg ? IMG_SaveJPG(surface, file.c_str(), 85) : IMG_SavePNG(surface, file.c_str());
    SDL_FreeSurface(surface);
    REQUIRE(saved == 0);
}

json item_json(const std::string& id, const std::string& media, const std::string& answer) {
    return {
        {"id", id},
        {"media", media},
        {"answer", answer},
        {"source", {{"credit", "Tester"}, {"license", "CC0-1.0"}}},
        {"explanation", {{"fr", "Regardez la lumière."}, {"en", "Look at the light."}}},
        {"tells",
         json::array(
             {{{"x", 0.5}, {"y", 0.5}, {"r", 0.1}, {"note", {{"fr", "ici"}, {"en", "here"}}}}})}};
}

fs::path make_pack(const TempDir& dir, int real, int generated, json extra_items) {
    const fs::path root = dir.path() / "pack";
    json items = json::array();
    for (int i = 0; i < real + generated; ++i) {
        const std::string media = "media/" + std::to_string(1000 + i) + (i % 2 ? ".jpg" : ".png");
        write_picture(root / media, i);
        items.push_back(
            item_json("item-" + std::to_string(i), media, i < real ? "real" : "generated"));
    }
    for (auto& extra : extra_items)
        items.push_back(extra);
    json pack = {{"format", 1},
                 {"id", "e2e"},
                 {"title", {{"fr", "Test"}, {"en", "Test"}}},
                 {"items", items}};
    dir.write("pack/pack.json", pack.dump(1));
    return root;
}

}  // namespace rc::tests
