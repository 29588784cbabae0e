// The pack editor's screen in real ImGui frames (no renderer): it draws any pack in both
// languages at the sizes facilitators use without ImGui's checks failing, emits nothing
// without input, and turns a click on the picture into a new tell where it was clicked.
#include <imgui.h>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "content/test_images.h"
#include "game/screens/editor_screen.h"
#include "support/temp_dir.h"

namespace rc::game {
namespace {

std::filesystem::path write_pack(const rc::tests::TempDir& dir, bool with_error) {
    nlohmann::json items = nlohmann::json::array();
    for (const char* id : {"alpha", "beta", "gamma", "delta"}) {
        items.push_back(rc::tests::item_json(id, std::string("media/") + id + ".png"));
        dir.write(std::string("pack/media/") + id + ".png", rc::tests::png_bytes(400, 300));
    }
    if (with_error)
        items[0]["source"]["credit"] = "";
    dir.write("pack/pack.json", rc::tests::pack_json(items).dump(2));
    return dir.path() / "pack";
}

// ImGui with its built-in font and no renderer; each frame's Render() runs its checks.
class Screen {
  public:
    Screen(float width, float height) {
        ImGui::CreateContext();
        auto& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.f / 60.f;
        io.IniFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Screen() { ImGui::DestroyContext(); }
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    std::vector<EditorAction> frame(const PackEditor& editor, EditorScreenState& state,
                                    content::Lang lang, EditorImages images = {}) {
        std::vector<EditorAction> actions;
        ImGui::NewFrame();
        EditorContext ctx{Strings::builtin(), lang, fonts_, editor, images, state, actions};
        draw_editor_screen(ctx);
        ImGui::Render();
        return actions;
    }

  private:
    engine::Fonts fonts_;  // null faces: ImGui's default font
};

// A pack whose first item is a real clip (160x120, 1 s), then three pictures.
std::filesystem::path write_clip_pack(const rc::tests::TempDir& dir) {
    const auto pack = write_pack(dir, false);
    std::filesystem::copy_file(std::filesystem::path(RC_CLIP_FIXTURES) / "vp9.webm",
                               pack / "media/clip.webm");
    auto manifest = nlohmann::json::parse(rc::tests::read_file(pack / "pack.json"));
    manifest["items"][0]["media"] = "media/clip.webm";
    manifest["items"][0]["kind"] = "video";
    dir.write("pack/pack.json", manifest.dump(2));
    return pack;
}

const EditorAction* find(const std::vector<EditorAction>& actions, EditorActionType type) {
    for (const auto& action : actions)
        if (action.type == type)
            return &action;
    return nullptr;
}

std::unique_ptr<PackEditor> open(const std::filesystem::path& pack) {
    auto opened = PackEditor::open(pack);
    REQUIRE(opened.ok());
    return std::move(*opened.value);
}

}  // namespace

TEST_CASE("the editor screen draws in both languages at 1280x720 and 1920x1080",
          "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_pack(dir, true));
    const auto lang = GENERATE(content::Lang::Fr, content::Lang::En);
    const auto [width, height] =
        GENERATE(std::make_pair(1280.f, 720.f), std::make_pair(1920.f, 1080.f));
    Screen screen(width, height);
    EditorScreenState state;
    for (const bool preview : {false, true}) {
        state.preview = preview;
        state.problems_open = preview;
        state.confirm_close = preview;
        for (int frame = 0; frame < 3; ++frame)
            CHECK(screen.frame(*editor, state, lang).empty());
    }
}

TEST_CASE("a click on the picture adds a tell there and chooses it", "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_pack(dir, false));
    Screen screen(1280.f, 720.f);
    EditorScreenState state;
    state.item = 1;
    // The middle of the picture area: between the list (a fifth) and the fields (0.3).
    const ImVec2 middle(1280.f * (0.2f + 0.5f * (1.f - 0.2f - 0.3f)), 400.f);
    ImGui::GetIO().MousePos = middle;
    screen.frame(*editor, state, content::Lang::En);  // hovered first
    ImGui::GetIO().MouseDown[0] = true;
    const auto actions = screen.frame(*editor, state, content::Lang::En);
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].type == EditorActionType::AddTell);
    CHECK(actions[0].item == 1);
    CHECK(actions[0].place.x == Approx(0.5f).margin(0.05f));
    CHECK(actions[0].place.r == Approx(kDefaultTellRadius).margin(0.001f));
    CHECK(actions[1].type == EditorActionType::SelectTell);
    CHECK(actions[1].tell == std::optional<std::size_t>(0));
}

TEST_CASE("a long explanation shows whole, wrapped, its field as tall as its text",
          "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor_ptr = open(write_pack(dir, false));
    PackEditor& editor = *editor_ptr;
    Screen screen(1280.f, 720.f);
    EditorScreenState state;
    // The height the fields' panel scrolls over, once drawn (ImGui measures a frame late).
    const auto fields_height = [&] {
        for (int frame = 0; frame < 3; ++frame)
            CHECK(screen.frame(editor, state, content::Lang::Fr).empty());
        return ImGui::FindWindowByName("editor-fields")->ContentSize.y;
    };
    const float short_text = fields_height();
    std::string words;
    while (words.size() < 600)
        words += "Regardez les mains, puis le reflet dans la vitrine. ";
    REQUIRE(editor.set_field(0, EditField::Explanation, words, content::Lang::Fr).empty());
    const float long_text = fields_height();
    // 600 characters in a panel 0.3 of 1280 pixels wide: well over the field's 4 lines.
    CHECK(long_text > short_text + ImGui::GetTextLineHeight() * 6.f);
}

TEST_CASE("on a playing clip, a click pauses it and adds a tell from the frame shown",
          "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_clip_pack(dir));
    REQUIRE(editor->media_kind(0) == content::MediaKind::Video);
    Screen screen(1280.f, 720.f);
    EditorScreenState state;
    EditorImages images;
    images.clip = ClipClock{0.4, 1.0, true};
    // The middle of the picture area, above the clip's controls.
    ImGui::GetIO().MousePos = ImVec2(1280.f * (0.2f + 0.5f * (1.f - 0.2f - 0.3f)), 300.f);
    screen.frame(*editor, state, content::Lang::Fr, images);
    ImGui::GetIO().MouseDown[0] = true;
    const auto actions = screen.frame(*editor, state, content::Lang::Fr, images);
    REQUIRE(actions.size() == 3);
    CHECK(actions[0].type == EditorActionType::PauseClip);
    CHECK(actions[1].type == EditorActionType::AddTell);
    CHECK(actions[1].t0 == std::optional<double>(0.4));
    CHECK(actions[2].type == EditorActionType::SelectTell);
}

TEST_CASE("the clip's controls: Shift + click on the bar seeks and ends the chosen tell there",
          "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_clip_pack(dir));
    REQUIRE(editor->add_tell(0, {0.5f, 0.5f, 0.1f}, 0.2).empty());
    Screen screen(1280.f, 720.f);
    EditorScreenState state;
    state.tell = 0;
    EditorImages images;
    images.clip = ClipClock{0.2, 1.0, false};
    auto& io = ImGui::GetIO();
    // The bar's track: on the buttons' row at the bottom of the picture area, right of the
    // three buttons (ImGui's 13-pixel font: rows of 1.8 and 0.8 font sizes, margins of 0.3
    // and 0.4), left of the time.
    const float font = 13.f;
    const float row_middle = 720.f - font * (0.4f + 0.3f + 0.8f + 0.9f);
    io.MousePos = ImVec2(600.f, row_middle);
    screen.frame(*editor, state, content::Lang::En, images);
    const bool shift = GENERATE(false, true);
    io.KeyShift = shift;
    io.MouseDown[0] = true;
    const auto actions = screen.frame(*editor, state, content::Lang::En, images);
    io.MouseDown[0] = false;
    io.KeyShift = false;
    const EditorAction* seek = find(actions, EditorActionType::SeekClip);
    REQUIRE(seek);
    CHECK(seek->seconds > 0.2);
    CHECK(seek->seconds < 1.0);
    const EditorAction* end = find(actions, EditorActionType::SetTellTime);
    CHECK((end != nullptr) == shift);
    if (end) {
        CHECK(end->end == TellEnd::End);
        CHECK(end->tell == std::optional<std::size_t>(0));
        CHECK(end->seconds == seek->seconds);
    }
    CHECK_FALSE(find(actions, EditorActionType::AddTell));
}

TEST_CASE("the clip's controls wait, greyed, until it plays", "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_clip_pack(dir));
    Screen screen(1280.f, 720.f);
    EditorScreenState state;
    auto& io = ImGui::GetIO();
    io.MousePos = ImVec2(600.f, 720.f - 13.f * (0.4f + 0.3f + 0.8f + 0.9f));
    screen.frame(*editor, state, content::Lang::En);
    io.MouseDown[0] = true;
    CHECK(screen.frame(*editor, state, content::Lang::En).empty());
    io.MouseDown[0] = false;
}

TEST_CASE("typing in a long explanation: one undo step, the text wrapped under the field",
          "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor_ptr = open(write_pack(dir, false));
    PackEditor& editor = *editor_ptr;
    std::string words;
    while (words.size() < 600)
        words += "Look at the hands, then at the reflection in the window. ";
    REQUIRE(editor.set_field(0, EditField::Explanation, words, content::Lang::En).empty());
    Screen screen(1280.f, 720.f);
    EditorScreenState state;
    auto& io = ImGui::GetIO();
    screen.frame(editor, state, content::Lang::En);
    const ImGuiID field = ImGui::FindWindowByName("editor-fields")->GetID("##explanation_en");
    // Down the fields' column until the pointer is over the English explanation.
    bool over = false;
    for (float y = 80.f; y < 720.f && !over; y += 8.f) {
        io.MousePos = ImVec2(1100.f, y);
        screen.frame(editor, state, content::Lang::En);
        over = ImGui::GetCurrentContext()->HoveredIdPreviousFrame == field;
    }
    REQUIRE(over);
    io.MouseDown[0] = true;
    auto actions = screen.frame(editor, state, content::Lang::En);
    io.MouseDown[0] = false;
    REQUIRE(find(actions, EditorActionType::BeginGesture));
    screen.frame(editor, state, content::Lang::En);
    CHECK(state.typing_in == field);
    CHECK(screen.frame(editor, state, content::Lang::En).empty());  // typed in, wrapped under
    // A click elsewhere (the list) leaves it: the gesture ends, the text shows wrapped again.
    io.MousePos = ImVec2(100.f, 400.f);
    screen.frame(editor, state, content::Lang::En);
    io.MouseDown[0] = true;
    actions = screen.frame(editor, state, content::Lang::En);
    io.MouseDown[0] = false;
    CHECK(find(actions, EditorActionType::EndGesture));
    screen.frame(editor, state, content::Lang::En);
    CHECK(state.typing_in == 0);
}

TEST_CASE("problems_summary counts errors and warnings in the UI language", "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_pack(dir, true));
    EditorScreenState state;
    std::vector<EditorAction> actions;
    EditorContext ctx{Strings::builtin(), content::Lang::En, {}, *editor, {}, state, actions};
    CHECK(problems_summary(ctx, {}) == "No problems");
    const auto problems = editor->problems();
    REQUIRE_FALSE(problems.empty());
    using content::Severity;
    const std::vector<content::Problem> one_error{{Severity::Error, "pack.json", "a"},
                                                  {Severity::Warning, "pack.json", "b"},
                                                  {Severity::Warning, "pack.json", "c"}};
    const std::vector<content::Problem> one_warning{{Severity::Warning, "pack.json", "d"}};
    CHECK(problems_summary(ctx, one_error) == "1 error · 2 warnings");
    CHECK(problems_summary(ctx, one_warning) == "0 errors · 1 warning");
    ctx.lang = content::Lang::Fr;
    CHECK(problems_summary(ctx, {}) == "Aucun problème");
    CHECK(problems_summary(ctx, one_error) == "1 erreur · 2 avertissements");
    CHECK(problems_summary(ctx, one_warning) == "0 erreur · 1 avertissement");
}

}  // namespace rc::game
