// The editor's window (EditorApp) in the real main loop, on SDL's dummy video driver with
// the software renderer: closing the window with unsaved edits asks Save / Discard /
// Cancel, as Esc does, instead of ending the loop at once.
#include <SDL.h>
#include <SDL_image.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "content/test_images.h"
#include "engine/gfx/gfx.h"
#include "engine/platform/runner.h"
#include "game/editor_app.h"
#include "support/headless_window.h"
#include "support/temp_dir.h"

namespace rc::game {
namespace {

// A real picture (the editor decodes its thumbnails).
void write_png(const std::filesystem::path& file) {
    std::filesystem::create_directories(file.parent_path());
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 40, 30, 32, SDL_PIXELFORMAT_RGBA32);
    REQUIRE(surface);
    SDL_FillRect(surface, nullptr, SDL_MapRGBA(surface->format, 90, 140, 200, 255));
    const int saved = IMG_SavePNG(surface, file.string().c_str());
    SDL_FreeSurface(surface);
    REQUIRE(saved == 0);
}

std::filesystem::path write_pack(const rc::tests::TempDir& dir) {
    nlohmann::json items = nlohmann::json::array();
    for (const char* id : {"alpha", "beta", "gamma", "delta"}) {
        items.push_back(rc::tests::item_json(id, std::string("media/") + id + ".png"));
        write_png(dir.path() / "pack/media" / (std::string(id) + ".png"));
    }
    dir.write("pack/pack.json", rc::tests::pack_json(items).dump(2));
    return dir.path() / "pack";
}

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void push_quit() {
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    REQUIRE(SDL_PushEvent(&quit) == 1);
}

// The EditorApp as the loop sees it, answering the close question with the next of
// `answers` on the first frame that shows it, as a click would; after Cancel it closes
// the window again. A loop that ended on the close itself never shows the question.
class AnsweringClient final : public engine::LoopClient {
  public:
    AnsweringClient(EditorApp& app, std::vector<EditorActionType> answers)
        : app_(app), answers_(std::move(answers)) {}

    void handle_event(const SDL_Event& event) override { app_.handle_event(event); }
    void draw() override {
        app_.draw();
        if (!app_.state().confirm_close || questions_ >= answers_.size())
            return;
        const EditorActionType answer = answers_[questions_++];
        app_.apply(EditorAction::of(answer));
        if (answer == EditorActionType::CancelClose) {
            still_open_after_cancel_ = !app_.quit_requested();
            push_quit();
        }
    }
    bool busy() const override { return app_.busy(); }
    int redraw_in_ms() const override { return app_.redraw_in_ms(); }
    bool quit_requested() const override { return app_.quit_requested(); }
    bool quits_on_close() const override { return app_.quits_on_close(); }
    std::string accessible_text() const override { return app_.accessible_text(); }
    std::string language_code() const override { return app_.language_code(); }

    std::size_t questions() const { return questions_; }
    bool still_open_after_cancel() const { return still_open_after_cancel_; }

  private:
    EditorApp& app_;
    std::vector<EditorActionType> answers_;
    std::size_t questions_ = 0;
    bool still_open_after_cancel_ = false;
};

SDL_Event key_down(SDL_Keycode key, SDL_Scancode scancode) {
    SDL_Event event{};
    event.type = SDL_KEYDOWN;
    event.key.keysym.sym = key;
    event.key.keysym.scancode = scancode;
    return event;
}

}  // namespace

TEST_CASE("the editor plays the chosen clip; E ends the chosen tell at the frame shown",
          "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto pack = write_pack(dir);
    std::filesystem::copy_file(std::filesystem::path(RC_CLIP_FIXTURES) / "vp9.webm",
                               pack / "media/clip.webm");
    auto manifest = nlohmann::json::parse(read_text(pack / "pack.json"));
    manifest["items"][0]["media"] = "media/clip.webm";
    manifest["items"][0]["kind"] = "video";
    dir.write("pack/pack.json", manifest.dump(2));
    auto opened = PackEditor::open(pack);
    REQUIRE(opened.ok());
    PackEditor& editor = **opened.value;
    rc::tests::HeadlessWindow window(1280, 720);
    EditorApp app(window.gfx(), editor, content::Lang::En);
    app.show_clip_at(0.5);  // the first item is chosen: its clip, paused on 0.5 s

    EditorAction add = EditorAction::of(EditorActionType::AddTell);
    add.item = 0;
    add.t0 = 0.2;
    app.apply(add);
    app.state().tell = 0;
    app.handle_event(key_down(SDLK_e, SDL_SCANCODE_E));
    auto tell = editor.tells(0).at(0);
    CHECK(tell.t0 == Approx(0.2f));
    REQUIRE(tell.t1);
    CHECK(*tell.t1 == Approx(0.5f).margin(0.06f));  // the frame of 0.5 s (10 a second)

    SECTION("a frame forward (the key in the place of \".\"), then E again") {
        app.handle_event(key_down(SDLK_PERIOD, SDL_SCANCODE_PERIOD));
        app.handle_event(key_down(SDLK_e, SDL_SCANCODE_E));
        tell = editor.tells(0).at(0);
        CHECK(*tell.t1 == Approx(0.6f).margin(0.06f));
    }
    SECTION("without a tell chosen, E changes nothing") {
        app.state().tell.reset();
        app.show_clip_at(0.8);
        app.handle_event(key_down(SDLK_e, SDL_SCANCODE_E));
        CHECK(*editor.tells(0).at(0).t1 == Approx(0.5f).margin(0.06f));
    }
}

TEST_CASE("closing the editor's window asks first when edits are unsaved", "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto pack = write_pack(dir);
    const std::string before = read_text(pack / "pack.json");
    auto opened = PackEditor::open(pack);
    REQUIRE(opened.ok());
    PackEditor& editor = **opened.value;
    rc::tests::HeadlessWindow window(1280, 720);
    EditorApp app(window.gfx(), editor, content::Lang::En);
    CHECK_FALSE(app.quits_on_close());

    SECTION("without unsaved edits the window closes at once") {
        AnsweringClient client(app, {});
        push_quit();
        CHECK(engine::run_loop(window.gfx(), client) == 0);
        CHECK(client.questions() == 0);
        CHECK(app.window_closed());
        return;
    }

    EditorAction credit = EditorAction::of(EditorActionType::SetField);
    credit.item = 1;
    credit.field = EditField::Credit;
    credit.text = "Photo: Camille";
    app.apply(credit);
    REQUIRE(editor.modified());

    SECTION("the question shows and the editor stays until it is answered") {
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        app.handle_event(quit);
        CHECK(app.state().confirm_close);
        CHECK_FALSE(app.quit_requested());
    }
    SECTION("Discard quits; pack.json is left alone and the journal keeps the edit") {
        AnsweringClient client(app, {EditorActionType::DiscardAndQuit});
        push_quit();
        engine::run_loop(window.gfx(), client);
        CHECK(client.questions() == 1);
        CHECK(app.quit_requested());
        CHECK(app.window_closed());
        CHECK(read_text(pack / "pack.json") == before);
        CHECK(read_text(editor.journal().file()).find("Photo: Camille") != std::string::npos);
    }
    SECTION("Save writes pack.json, then quits") {
        AnsweringClient client(app, {EditorActionType::SaveAndQuit});
        push_quit();
        engine::run_loop(window.gfx(), client);
        CHECK(client.questions() == 1);
        CHECK(app.window_closed());
        CHECK_FALSE(editor.modified());
        const auto saved = nlohmann::json::parse(read_text(pack / "pack.json"));
        CHECK(saved["items"][1]["source"]["credit"] == "Photo: Camille");
        CHECK_FALSE(std::filesystem::exists(editor.journal().file()));
    }
    SECTION("Cancel keeps the editor open; closing again asks again") {
        AnsweringClient client(app,
                               {EditorActionType::CancelClose, EditorActionType::DiscardAndQuit});
        push_quit();
        engine::run_loop(window.gfx(), client);
        CHECK(client.still_open_after_cancel());
        CHECK(client.questions() == 2);
        CHECK(app.window_closed());
    }
}

}  // namespace rc::game
