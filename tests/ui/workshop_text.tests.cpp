// Workshop screens are read from the back of a room: in a real ImGui frame, the text of a
// projector panel is at least kProjectorMinTextShare of the screen's height on the common
// projector sizes, whatever the text-size setting made the fonts.
#include <imgui.h>
#include <catch2/catch.hpp>

#include "game/screens/workshop_widgets.h"
#include "game/workshop_input.h"

namespace {

// One frame of `width` × `height` whose heading face is `heading_pixels` high.
class ProjectorFrame {
  public:
    ProjectorFrame(float width, float height, float heading_pixels) {
        ImGui::CreateContext();
        auto& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.f / 60.f;
        io.IniFilename = nullptr;
        ImFontConfig config;
        config.SizePixels = heading_pixels;
        fonts_.heading = io.Fonts->AddFontDefault(&config);
        fonts_.body = fonts_.bold = fonts_.display = fonts_.heading;
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::NewFrame();
    }
    ~ProjectorFrame() {
        ImGui::Render();
        ImGui::DestroyContext();
    }
    ProjectorFrame(const ProjectorFrame&) = delete;
    ProjectorFrame& operator=(const ProjectorFrame&) = delete;
    const rc::engine::Fonts& fonts() const { return fonts_; }

  private:
    rc::engine::Fonts fonts_;
};

}  // namespace

TEST_CASE("projector panels draw text at 3.5 % of the screen height or more", "[ui][workshop]") {
    // The heading face at the smallest and the default text size on each screen, as
    // Gfx builds it (body × 1.5, the body scaled from 1280×720, at least 0.8×).
    const auto [width, height, heading] = GENERATE(table<float, float, float>({{1024, 768, 21},
                                                                               {1024, 768, 27},
                                                                               {1280, 720, 27},
                                                                               {1280, 720, 33},
                                                                               {1920, 1080, 41},
                                                                               {1920, 1080, 50}}));
    ProjectorFrame frame(width, height, heading);
    rc::game::begin_projector_panel(frame.fonts(), "projector", false);
    const float body = ImGui::GetFontSize();
    ImGui::TextUnformatted("Real or generated?");
    const float line = ImGui::GetItemRectSize().y;
    rc::game::title_text("Picture 1 of 20");
    const float title = ImGui::GetItemRectSize().y;
    rc::game::end_projector_panel();
    INFO(width << "x" << height << ", heading face " << heading << " px");
    CHECK(body >= rc::game::kProjectorMinTextShare * height - 0.01f);
    CHECK(line >= rc::game::kProjectorMinTextShare * height - 0.01f);
    CHECK(title > body);
    // A face already big enough is not enlarged.
    if (heading >= rc::game::kProjectorMinTextShare * height)
        CHECK(body == heading);
}
