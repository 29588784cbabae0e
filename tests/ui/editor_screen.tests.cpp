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
                                    content::Lang lang) {
        std::vector<EditorAction> actions;
        ImGui::NewFrame();
        EditorContext ctx{Strings::builtin(), lang, fonts_, editor, {}, state, actions};
        draw_editor_screen(ctx);
        ImGui::Render();
        return actions;
    }

  private:
    engine::Fonts fonts_;  // null faces: ImGui's default font
};

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

TEST_CASE("problems_summary counts errors and warnings in the UI language", "[ui][editor-ui]") {
    rc::tests::TempDir dir;
    const auto editor = open(write_pack(dir, true));
    EditorScreenState state;
    std::vector<EditorAction> actions;
    EditorContext ctx{Strings::builtin(), content::Lang::En, {}, *editor, {}, state, actions};
    CHECK(problems_summary(ctx, {}) == "No problems");
    const auto problems = editor->problems();
    REQUIRE_FALSE(problems.empty());
    CHECK(problems_summary(ctx, problems).rfind("1 errors", 0) == 0);
    ctx.lang = content::Lang::Fr;
    CHECK(problems_summary(ctx, {}) == "Aucun problème");
}

}  // namespace rc::game
