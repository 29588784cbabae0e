// realcheck: the command line. Without --headless it opens the game window.
#include <SDL.h>
#include <SDL_image.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/platform/platform.h"
#include "engine/platform/runner.h"
#include "game/app.h"
#include "game/edit_script.h"
#include "game/editor_launch.h"
#include "game/headless.h"
#include "game/strings.h"

namespace {

constexpr const char* kUsage =
    "usage: realcheck [--pack PATH|URL] [--lang fr|en] [--data-dir DIR] [--fullscreen]\n"
    "                 [--max-download MB]\n"
    "       realcheck --headless --pack PATH --seed N --answers rgrg... [--sure su-...]\n"
    "                 [--screenshot-dir DIR] [--summary-json FILE] [--size WxH]\n"
    "                 [--data-dir DIR] [--lang fr|en]\n"
    "       realcheck --headless --workshop --pack PATH --seed N --votes VOTES.csv\n"
    "                 --export-dir DIR [--items N] [--place TEXT] [--date TEXT]\n"
    "                 [--screenshot-dir DIR] [--size WxH] [--data-dir DIR] [--lang fr|en]\n"
    "       realcheck --edit PACK [--lang fr|en] [--fullscreen]\n"
    "       realcheck --headless --edit PACK --edit-script FILE [--screenshot-dir DIR]\n"
    "                 [--size WxH] [--lang fr|en]\n"
    "\n"
    "  --pack PATH|URL    a pack folder, its pack.json, a .zip file, or a link to a pack folder "
    "or\n"
    "                     zip (downloaded into the library, opened offline next time)\n"
    "                     (default: the last pack, else the demo pack)\n"
    "  --max-download MB  the largest pack a link may download (default 1000)\n"
    "  --lang fr|en       interface language (default: the system's, then the saved setting)\n"
    "  --data-dir DIR     where settings, the no-repeat deck and results are kept\n"
    "  --headless         play a whole game without a window (SDL dummy video driver)\n"
    "  --answers LETTERS  headless answers: r real, g generated, e edited; cycled if short\n"
    "  --sure LETTERS     headless: before each answer, s Sure, u Not sure, - nothing said;\n"
    "                     cycled if short (the summary keeps it with each item)\n"
    "  --seed N           the draw of items (same seed and pack: same items, same order)\n"
    "  --screenshot-dir   headless: save a PNG of every screen there\n"
    "  --summary-json F   headless: write the game summary as JSON\n"
    "  --size WxH         headless: window size in pixels (default 1280x720)\n"
    "  --first-frame      headless: stop after drawing the title screen once (benchmarks)\n"
    "  --workshop         headless: play a workshop session from a file of counts\n"
    "  --votes FILE       workshop: VOTES.csv, columns item,band,real,generated\n"
    "  --export-dir DIR   workshop: write <session id>.csv, .json and -debrief.png there\n"
    "  --items N          workshop: the number of items (default 20, at most 200)\n"
    "  --place TEXT       workshop: where it takes place\n"
    "  --date TEXT        workshop: its date, as written\n"
    "  --edit PACK        edit a pack (a folder, its pack.json, or a zip: saved as a new\n"
    "                     folder beside it) in the editor's window; headless, with\n"
    "                     --edit-script FILE, the commands (--screenshot-dir: editor.png)\n"
    "                     one a line (see the README, \"Editing a pack\")\n";

struct Options {
    rc::game::HeadlessDesc headless;
    bool is_headless = false;
    bool fullscreen = false;
    bool data_dir_given = false;
    rc::game::EditScriptDesc edit;  // --edit: a pack to edit, not a game to play
};

bool parse_size(std::string_view text, int* width, int* height) {
    const auto x = text.find('x');
    if (x == std::string_view::npos)
        return false;
    const auto w = std::from_chars(text.data(), text.data() + x, *width);
    const auto h = std::from_chars(text.data() + x + 1, text.data() + text.size(), *height);
    return w.ec == std::errc{} && h.ec == std::errc{} && *width >= 320 && *height >= 240 &&
           *width <= 8192 && *height <= 8192;
}

// Returns 0 to go on, else the exit status (1 bad usage, 3 --help).
int parse_args(int argc, char** argv, Options* options) {
    auto& app = options->headless.app;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        auto value = [&]() -> std::string_view { return argv[++i]; };
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 3;
        } else if (arg == "--headless") {
            options->is_headless = true;
        } else if (arg == "--fullscreen") {
            options->fullscreen = true;
        } else if (arg == "--first-frame") {
            options->headless.first_frame_only = true;
        } else if (arg == "--workshop") {
            options->headless.workshop.on = true;
        } else if (!has_value) {
            std::fprintf(stderr, "realcheck: %s: unknown option or missing value\n%s", argv[i],
                         kUsage);
            return 1;
        } else if (arg == "--pack") {
            app.pack = std::string(value());
        } else if (arg == "--data-dir") {
            app.data_dir = std::string(value());
            options->data_dir_given = true;
        } else if (arg == "--lang") {
            const auto lang = value();
            if (lang != "fr" && lang != "en") {
                std::fprintf(stderr, "realcheck: --lang: expected fr or en, got \"%.*s\"\n",
                             static_cast<int>(lang.size()), lang.data());
                return 1;
            }
            app.lang = lang == "fr" ? rc::content::Lang::Fr : rc::content::Lang::En;
        } else if (arg == "--seed") {
            const auto text = value();
            std::uint64_t seed = 0;
            const auto parsed = std::from_chars(text.data(), text.data() + text.size(), seed);
            if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size()) {
                std::fprintf(stderr, "realcheck: --seed: expected a number\n");
                return 1;
            }
            app.seed = seed;
        } else if (arg == "--max-download") {
            const auto text = value();
            std::uint64_t megabytes = 0;
            const auto parsed = std::from_chars(text.data(), text.data() + text.size(), megabytes);
            if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() ||
                megabytes == 0 || megabytes > 1'000'000) {
                std::fprintf(stderr, "realcheck: --max-download: expected megabytes (1 or more)\n");
                return 1;
            }
            app.max_download_bytes = megabytes * 1'000'000;
        } else if (arg == "--votes") {
            options->headless.workshop.votes = std::string(value());
        } else if (arg == "--export-dir") {
            options->headless.workshop.export_dir = std::string(value());
        } else if (arg == "--place") {
            options->headless.workshop.place = std::string(value());
        } else if (arg == "--date") {
            options->headless.workshop.date = std::string(value());
        } else if (arg == "--items") {
            const auto text = value();
            std::size_t items = 0;
            const auto parsed = std::from_chars(text.data(), text.data() + text.size(), items);
            if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() || items == 0 ||
                items > rc::game::kMaxWorkshopItems) {
                std::fprintf(stderr, "realcheck: --items: expected a number from 1 to %zu\n",
                             rc::game::kMaxWorkshopItems);
                return 1;
            }
            options->headless.workshop.items = items;
        } else if (arg == "--edit") {
            options->edit.pack = std::string(value());
        } else if (arg == "--edit-script") {
            options->edit.script = std::string(value());
        } else if (arg == "--answers") {
            options->headless.answers = std::string(value());
        } else if (arg == "--sure") {
            options->headless.sure = std::string(value());
        } else if (arg == "--screenshot-dir") {
            options->headless.screenshot_dir = std::string(value());
        } else if (arg == "--summary-json") {
            options->headless.summary_json = std::string(value());
        } else if (arg == "--size") {
            if (!parse_size(value(), &options->headless.width, &options->headless.height)) {
                std::fprintf(stderr, "realcheck: --size: expected WxH, e.g. 1920x1080\n");
                return 1;
            }
        } else {
            std::fprintf(stderr, "realcheck: %s: unknown option\n%s", argv[i], kUsage);
            return 1;
        }
    }
    return 0;
}

int run_windowed(const Options& options) {
    rc::engine::GfxDesc desc;
    const auto lang = options.headless.app.lang.value_or(rc::content::Lang::En);
    desc.title = rc::game::Strings::builtin().get(lang, "app.title");
    desc.fullscreen = options.fullscreen;
    rc::engine::use_installed_fonts(&desc);
    std::string why;
    auto gfx = rc::engine::Gfx::create(desc, &why);
    if (!gfx) {
        std::fprintf(stderr, "realcheck: %s\n", why.c_str());
        return 1;
    }
    // Edit on the Packs screen ends the game's loop; the editor takes the window, then a
    // new game opens on the pack (edited).
    auto app_options = options.headless.app;
    for (;;) {
        rc::game::App app(*gfx, app_options);
        SDL_SetWindowTitle(gfx->window(),
                           rc::game::Strings::builtin().get(app.lang(), "app.title").c_str());
        for (const auto& warning : app.session().warnings())
            std::fprintf(stderr, "warning: %s\n", rc::content::to_string(warning).c_str());
        for (const auto& error : app.pack_errors())
            std::fprintf(stderr, "%s\n", error.c_str());
        const int status = rc::engine::run_loop(*gfx, app);
        if (app.edit_request().empty())
            return status;
        rc::game::EditorLaunchDesc edit;
        edit.pack = app.edit_request();
        edit.lang = app.lang();
        const int edited = rc::game::run_editor_in(*gfx, edit);
        if (edited == 1 || edited == rc::game::kEditorWindowClosed)
            return edited == 1 ? 1 : 0;
        app_options.pack = app.edit_request();
        app_options.lang = app.lang();
    }
}

// SDL is started for what the editor draws (its window, or headless screenshots).
bool start_sdl(bool headless) {
    if (headless)
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "realcheck: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    return true;
}

// The editor: a window, or headless a script; the script's model needs no window.
int run_editor(const Options& options) {
    rc::game::EditorLaunchDesc desc;
    desc.pack = options.edit.pack;
    desc.script = options.edit.script;
    desc.headless = options.is_headless;
    desc.fullscreen = options.fullscreen;
    desc.lang = options.headless.app.lang;
    if (desc.headless) {
        desc.screenshot_dir = options.headless.screenshot_dir;
        desc.width = options.headless.width;
        desc.height = options.headless.height;
    }
    if (desc.pack.empty() || (!desc.headless && !desc.script.empty())) {
        std::fprintf(stderr,
                     "realcheck: --edit PACK opens the editor; a script runs headless: "
                     "realcheck --headless --edit PACK --edit-script FILE\n");
        return 1;
    }
    const bool draws = !desc.headless || !desc.screenshot_dir.empty();
    if (draws && !start_sdl(desc.headless))
        return 1;
    const int status = rc::game::run_editor(desc);
    if (draws) {
        IMG_Quit();
        SDL_Quit();
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    rc::engine::tune_memory();
    Options options;
    if (int status = parse_args(argc, argv, &options))
        return status == 3 ? 0 : status;
    if (!options.edit.pack.empty() || !options.edit.script.empty())
        return run_editor(options);
    auto& app = options.headless.app;
    if (options.is_headless) {
        // Headless runs are for tests and benchmarks: they leave the player's deck and
        // results alone unless a data folder is named explicitly.
        app.remember_deck = options.data_dir_given;
        app.save_results = options.data_dir_given;
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    }
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "realcheck: cannot start SDL: %s\n", SDL_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    const int status =
        options.is_headless ? rc::game::run_headless(options.headless) : run_windowed(options);
    IMG_Quit();
    SDL_Quit();
    return status;
}
