// A press, its release and a move away that all come between two frames (a quick tap on
// a slow device) still click the button under the press: ClickLatch gives ImGui the
// press's position for the frame that sees it and the release's for the next.
#include <SDL.h>
#include <imgui.h>
#include <catch2/catch.hpp>

#include <optional>

#include "engine/gfx/click_latch.h"
#include "engine/gfx/gfx.h"
#include "support/headless_window.h"

namespace rc::engine {
namespace {

SDL_Event button_event(Uint32 type, int x, int y) {
    SDL_Event event{};
    event.type = type;
    event.button.button = SDL_BUTTON_LEFT;
    event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.button.clicks = 1;
    event.button.x = x;
    event.button.y = y;
    return event;
}

SDL_Event motion_event(int x, int y) {
    SDL_Event event{};
    event.type = SDL_MOUSEMOTION;
    event.motion.x = x;
    event.motion.y = y;
    return event;
}

bool same_point(const std::optional<SDL_FPoint>& point, float x, float y) {
    return point && point->x == x && point->y == y;
}

TEST_CASE("ClickLatch: the press's position for one frame, then the release's", "[click]") {
    ClickLatch latch;
    CHECK_FALSE(latch.position_for_frame());
    latch.on_event(button_event(SDL_MOUSEBUTTONDOWN, 100, 50));
    latch.on_event(motion_event(300, 200));
    latch.on_event(button_event(SDL_MOUSEBUTTONUP, 120, 60));
    latch.on_event(motion_event(5, 5));
    CHECK(same_point(latch.position_for_frame(), 100.f, 50.f));
    CHECK(same_point(latch.position_for_frame(), 120.f, 60.f));
    CHECK_FALSE(latch.position_for_frame());  // later frames: where the pointer is
}

TEST_CASE("ClickLatch: a release alone, and a double press, keep the first press", "[click]") {
    ClickLatch latch;
    latch.on_event(button_event(SDL_MOUSEBUTTONUP, 7, 8));
    CHECK(same_point(latch.position_for_frame(), 7.f, 8.f));
    CHECK_FALSE(latch.position_for_frame());
    latch.on_event(button_event(SDL_MOUSEBUTTONDOWN, 10, 20));
    latch.on_event(button_event(SDL_MOUSEBUTTONDOWN, 30, 40));
    CHECK(same_point(latch.position_for_frame(), 10.f, 20.f));
    CHECK_FALSE(latch.position_for_frame());
}

// One frame with a button at a fixed place; true when it was pressed.
bool frame_with_button(Gfx& gfx, ImVec2* centre) {
    gfx.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(200.f, 150.f));
    ImGui::SetNextWindowSize(ImVec2(400.f, 300.f));
    ImGui::Begin("click-latch", nullptr, ImGuiWindowFlags_NoDecoration);
    const bool pressed = ImGui::Button("Start", ImVec2(200.f, 80.f));
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    *centre = ImVec2((min.x + max.x) / 2.f, (min.y + max.y) / 2.f);
    ImGui::End();
    gfx.end_frame();
    return pressed;
}

TEST_CASE("Gfx: a click whose press, release and move away come in one frame presses the button",
          "[click]") {
    rc::tests::HeadlessWindow window(800, 600);
    Gfx& gfx = window.gfx();
    ImVec2 centre;
    for (int i = 0; i < 3; ++i)
        REQUIRE_FALSE(frame_with_button(gfx, &centre));
    const int x = static_cast<int>(centre.x);
    const int y = static_cast<int>(centre.y);
    gfx.process_event(motion_event(x, y));
    gfx.process_event(button_event(SDL_MOUSEBUTTONDOWN, x, y));
    gfx.process_event(button_event(SDL_MOUSEBUTTONUP, x, y));
    gfx.process_event(motion_event(5, 5));
    SDL_WarpMouseInWindow(gfx.window(), 5, 5);  // where SDL's own state says it is
    int presses = 0;
    for (int i = 0; i < 4; ++i)
        presses += frame_with_button(gfx, &centre) ? 1 : 0;
    CHECK(presses == 1);
}

}  // namespace
}  // namespace rc::engine
