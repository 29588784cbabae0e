// The pack editor on the desktop: a window, or headless with a script and screenshots.
#include <cstdio>
#include <memory>
#include <string>

#include "engine/gfx/gfx.h"
#include "engine/platform/paths.h"
#include "engine/platform/runner.h"
#include "game/edit_script.h"
#include "game/editor_app.h"
#include "game/editor_launch.h"
#include "game/strings.h"

namespace rc::game {
namespace {

content::Lang language(const EditorLaunchDesc& desc) {
    if (desc.lang)
        return *desc.lang;
    return engine::system_prefers_french() ? content::Lang::Fr : content::Lang::En;
}

std::unique_ptr<engine::Gfx> make_gfx(const EditorLaunchDesc& desc, std::string* why) {
    engine::GfxDesc gfx_desc;
    gfx_desc.title = Strings::builtin().get(language(desc), "editor.window_title");
    gfx_desc.width = desc.width;
    gfx_desc.height = desc.height;
    gfx_desc.headless = desc.headless;
    gfx_desc.fullscreen = desc.fullscreen;
    engine::use_installed_fonts(&gfx_desc);
    return engine::Gfx::create(gfx_desc, why);
}

// Draws the editor screen on `item` and saves it as NAME.png; two frames, as ImGui sizes
// some windows from the frame before.
class ShotTaker {
  public:
    explicit ShotTaker(const EditorLaunchDesc& desc) : desc_(desc) {}

    std::string take(PackEditor& editor, const EditShot& shot) {
        if (!gfx_) {
            std::string why;
            gfx_ = make_gfx(desc_, &why);
            if (!gfx_)
                return why;
        }
        // No input reaches a headless window: drawing changes nothing in the editor.
        EditorApp app(*gfx_, editor, language(desc_));
        if (shot.item)
            app.apply([&] {
                EditorAction select = EditorAction::of(EditorActionType::SelectItem);
                select.item = *shot.item;
                return select;
            }());
        if (shot.item && shot.tell && *shot.tell < editor.tells(*shot.item).size())
            app.state().tell = shot.tell;
        app.wait_for_pictures();
        app.show_clip_at(shot.clip_time);
        for (int frame = 0; frame < 2; ++frame) {
            if (frame == 1)
                gfx_->request_screenshot(desc_.screenshot_dir / (shot.name + ".png"));
            gfx_->begin_frame();
            app.draw();
            gfx_->end_frame();
        }
        return gfx_->screenshot_error();
    }

  private:
    const EditorLaunchDesc& desc_;
    std::unique_ptr<engine::Gfx> gfx_;
};

int run_headless_editor(const EditorLaunchDesc& desc) {
    if (desc.script.empty()) {
        std::fprintf(stderr,
                     "realcheck: --headless --edit needs --edit-script FILE (the commands)\n");
        return 1;
    }
    EditScriptDesc script;
    script.pack = desc.pack;
    script.script = desc.script;
    ShotTaker shots(desc);
    if (!desc.screenshot_dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(desc.screenshot_dir, ec);
        script.shot = [&shots](PackEditor& editor, const EditShot& shot) {
            return shots.take(editor, shot);
        };
    }
    return run_edit_script(script);
}

int run_windowed_editor(const EditorLaunchDesc& desc) {
    std::string why;
    auto gfx = make_gfx(desc, &why);
    if (!gfx) {
        std::fprintf(stderr, "realcheck: %s\n", why.c_str());
        return 1;
    }
    const int status = run_editor_in(*gfx, desc);
    return status == kEditorWindowClosed ? 0 : status;
}

}  // namespace

bool editor_available() {
    return true;
}

int run_editor_in(engine::Gfx& gfx, const EditorLaunchDesc& desc) {
    auto opened = PackEditor::open(desc.pack);
    if (!opened.ok()) {
        for (const auto& problem : opened.problems)
            std::fprintf(stderr, "%s\n", content::to_string(problem).c_str());
        return 2;
    }
    SDL_SetWindowTitle(gfx.window(),
                       Strings::builtin().get(language(desc), "editor.window_title").c_str());
    EditorApp app(gfx, **opened.value, language(desc));
    const int status = engine::run_loop(gfx, app);
    return app.window_closed() ? kEditorWindowClosed : status;
}

int run_editor(const EditorLaunchDesc& desc) {
    return desc.headless ? run_headless_editor(desc) : run_windowed_editor(desc);
}

}  // namespace rc::game
