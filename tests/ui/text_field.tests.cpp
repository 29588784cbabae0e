// text_field_active() says whether a field has the keyboard now, where ImGui's
// io.WantTextInput says what it was at the start of the last frame: right after Enter
// leaves a field, the next key belongs to the screen again (the workshop's Enter that
// goes on to the next picture just after the one that revealed it).
#include <SDL.h>
#include <imgui.h>
#include <catch2/catch.hpp>

#include <array>

#include "engine/gfx/gfx.h"
#include "support/headless_window.h"

namespace rc::engine {
namespace {

// One frame with a field that takes the keyboard on the first frame; whether Enter was
// pressed in it.
bool frame_with_field(Gfx& gfx, bool focus) {
    static std::array<char, 16> buffer{};
    gfx.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0.f, 0.f));
    ImGui::SetNextWindowSize(ImVec2(300.f, 100.f));
    ImGui::Begin("field", nullptr, ImGuiWindowFlags_NoDecoration);
    if (focus)
        ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputText("##count", buffer.data(), buffer.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::End();
    gfx.end_frame();
    return entered;
}

SDL_Event enter_key(Uint32 type) {
    SDL_Event event{};
    event.type = type;
    event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.key.keysym.sym = SDLK_RETURN;
    event.key.keysym.scancode = SDL_SCANCODE_RETURN;
    return event;
}

TEST_CASE("text_field_active: true while a field has the keyboard, false once Enter left it",
          "[field]") {
    rc::tests::HeadlessWindow window(640, 480);
    Gfx& gfx = window.gfx();
    CHECK_FALSE(text_field_active());
    frame_with_field(gfx, true);
    frame_with_field(gfx, false);
    frame_with_field(gfx, false);
    REQUIRE(text_field_active());
    REQUIRE(ImGui::GetIO().WantTextInput);

    gfx.process_event(enter_key(SDL_KEYDOWN));
    CHECK(frame_with_field(gfx, false));  // Enter leaves the field
    gfx.process_event(enter_key(SDL_KEYUP));
    // Between this frame and the next, where a key for the screen is handled:
    CHECK_FALSE(text_field_active());
    CHECK(ImGui::GetIO().WantTextInput);  // ImGui's own flag still says "typing"
}

}  // namespace
}  // namespace rc::engine
