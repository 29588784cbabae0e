// The text helpers draw any length: Dear ImGui 1.86 aborts (16-bit vertex indices) when a
// single text call reserves more than 65,536 vertices, 4 per byte.
#include <imgui.h>
#include <catch2/catch.hpp>

#include <string>

#include "game/screens/widgets.h"

namespace {

// One ImGui frame with the built-in font and no renderer; Render() runs ImGui's checks.
class Frame {
  public:
    Frame() {
        ImGui::CreateContext();
        auto& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280.f, 720.f);
        io.DeltaTime = 1.f / 60.f;
        io.IniFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as our SDL renderer
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0.f, 0.f));
        ImGui::SetNextWindowSize(ImVec2(1280.f, 720.f));
        ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration);
    }
    ~Frame() { ImGui::DestroyContext(); }
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    void render() {
        ImGui::End();
        ImGui::Render();
    }
};

// How far the cursor moves down while `draw` runs.
template <class Draw>
float height_of(Draw draw) {
    const float top = ImGui::GetCursorPosY();
    draw();
    return ImGui::GetCursorPosY() - top;
}

std::string lines_of(const std::string& line, int count) {
    std::string text;
    for (int i = 0; i < count; ++i)
        text += line + "\n";
    return text;
}

}  // namespace

TEST_CASE("text helpers draw 200,000 characters in one frame without ImGui aborting",
          "[ui][widgets]") {
    const std::string huge(200'000, 'x');
    Frame frame;
    SECTION("wrapped text, a single unbroken word") {
        rc::game::text_wrapped(huge);
    }
    SECTION("centred text") {
        rc::game::text_wrapped_centered(huge, 600.f);
        rc::game::text_centered(huge);
    }
    SECTION("a button label is cut to its width") {
        rc::game::big_button(huge, ImVec2(300.f, 40.f));
        CHECK(ImGui::GetItemRectSize().x == Approx(300.f));
    }
    frame.render();
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
}

TEST_CASE("long text is drawn whole, line after line", "[ui][widgets]") {
    Frame frame;
    const float line = ImGui::GetTextLineHeight();
    const std::string text = lines_of("line", 2'000);  // 10,000 bytes
    const float height = height_of([&] { rc::game::text_wrapped(text); });
    CHECK(height >= 2'000 * line);
    frame.render();
}

TEST_CASE("wrapping matches ImGui's TextWrapped line for line", "[ui][widgets]") {
    Frame frame;
    const std::string text =
        "Regardez les mains: six doigts, des ongles fondus.\nLa lumière vient de deux côtés "
        "à la fois, et l'ombre du verre ne suit pas celle de la table. " +
        std::string(300, 'w') + " fin.";
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 250.f);
    const float ours = height_of([&] { rc::game::text_wrapped(text); });
    const float imgui = height_of([&] { ImGui::TextWrapped("%s", text.c_str()); });
    ImGui::PopTextWrapPos();
    CHECK(ours == Approx(imgui));
    CHECK(ours > 5 * ImGui::GetTextLineHeight());
    frame.render();
}
