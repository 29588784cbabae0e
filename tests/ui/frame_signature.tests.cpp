// A frame that looks exactly as the last one presented is not rendered again (a browser
// without a GPU pays a whole-canvas read-back for each); anything that changes what is on
// screen renders: other text, a texture's new pixels, a window event, a screenshot.
#include <SDL.h>
#include <imgui.h>
#include <catch2/catch.hpp>

#include <string>

#include "engine/gfx/gfx.h"
#include "engine/gfx/texture.h"
#include "support/headless_window.h"
#include "support/temp_dir.h"

namespace rc::engine {
namespace {

// One frame showing `text` (and `texture` when given); whether it was rendered.
bool frame(Gfx& gfx, const std::string& text, const Texture* texture = nullptr) {
    gfx.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(10.f, 10.f));
    ImGui::SetNextWindowSize(ImVec2(300.f, 200.f));
    ImGui::Begin("signature", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted(text.c_str());
    if (texture)
        ImGui::Image(texture->handle(), ImVec2(64.f, 64.f));
    ImGui::End();
    return gfx.end_frame();
}

SDL_Surface* filled_surface(Uint8 red) {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32, SDL_PIXELFORMAT_RGBA32);
    REQUIRE(surface);
    SDL_FillRect(surface, nullptr, SDL_MapRGBA(surface->format, red, 0, 0, 255));
    return surface;
}

TEST_CASE("Gfx: a frame like the last one is not rendered again", "[signature]") {
    rc::tests::HeadlessWindow window(640, 480);
    Gfx& gfx = window.gfx();
    CHECK(frame(gfx, "one"));  // the first frame always renders
    frame(gfx, "one");         // ImGui settles its layout in the second
    CHECK_FALSE(frame(gfx, "one"));
    CHECK_FALSE(frame(gfx, "one"));
    CHECK(frame(gfx, "two"));
    CHECK_FALSE(frame(gfx, "two"));

    SECTION("a window event renders the next frame") {
        SDL_Event event{};
        event.type = SDL_WINDOWEVENT;
        event.window.event = SDL_WINDOWEVENT_EXPOSED;
        gfx.process_event(event);
        CHECK(frame(gfx, "two"));
        CHECK_FALSE(frame(gfx, "two"));
    }
    SECTION("a screenshot renders the frame it is taken of") {
        rc::tests::TempDir dir;
        gfx.request_screenshot(dir.path() / "shot.png");
        CHECK(frame(gfx, "two"));
        CHECK(std::filesystem::exists(dir.path() / "shot.png"));
    }
    SECTION("new pixels in the same texture render") {
        SDL_Surface* red = filled_surface(200);
        SDL_Surface* dark = filled_surface(20);
        Texture texture;
        std::string why;
        REQUIRE(texture.update(gfx.renderer(), red, &why));
        SDL_Texture* handle = texture.handle();
        CHECK(frame(gfx, "two", &texture));
        frame(gfx, "two", &texture);
        CHECK_FALSE(frame(gfx, "two", &texture));
        REQUIRE(texture.update(gfx.renderer(), dark, &why));
        REQUIRE(texture.handle() == handle);  // the same streaming texture, other pixels
        CHECK(frame(gfx, "two", &texture));
        SDL_FreeSurface(red);
        SDL_FreeSurface(dark);
    }
}

}  // namespace
}  // namespace rc::engine
