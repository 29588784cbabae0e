// The window, the SDL renderer, Dear ImGui and its fonts, and screenshots. One Gfx per
// program; the runners (platform/) and the headless driver both draw through it.
// It knows nothing of quizzes.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "engine/gfx/click_latch.h"

struct ImFont;

namespace rc::engine {

// Body text in pixels at 1280×720 until the game sets its own size.
inline constexpr float kDefaultTextPixels = 22.f;

struct GfxDesc {
    std::string title;
    int width = 0;          // 0 → default_window_size() (platform.h)
    int height = 0;         // 0 → default_window_size()
    bool headless = false;  // no visible window: SDL's dummy driver + software renderer
    bool fullscreen = false;
    std::filesystem::path font_file;          // regular face; must cover French (œ, ’, « »)
    std::filesystem::path bold_font_file;     // optional
    std::filesystem::path symbols_font_file;  // optional: arrows (← →), merged into each face
};

// The faces the screens use; rebuilt when the text size or the window size changes.
struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;  // 1.5× body
    ImFont* display = nullptr;  // 3× body, for the score
};

class Gfx {
  public:
    static std::unique_ptr<Gfx> create(const GfxDesc& desc, std::string* why);
    ~Gfx();
    Gfx(const Gfx&) = delete;
    Gfx& operator=(const Gfx&) = delete;

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    const Fonts& fonts() const { return fonts_; }
    // Output size in pixels (drawable size, not window points, on high-DPI screens).
    SDL_Point output_size() const;

    void process_event(const SDL_Event& event);
    // Body text height in pixels at 1280×720; the fonts follow the window size from it.
    void set_base_font_size(float pixels);
    void begin_frame();
    // Renders and presents, unless the frame looks exactly as the last one presented (no
    // window event since, no screenshot asked for): then nothing is drawn and it returns
    // false. When a screenshot was requested, reads it back first.
    bool end_frame();
    // Saves the next frame end_frame() renders as a PNG; *why on failure.
    void request_screenshot(const std::filesystem::path& png);
    const std::string& screenshot_error() const { return screenshot_error_; }
    // How much bigger than at 1280×720 the UI is drawn.
    float ui_scale() const { return ui_scale_; }

  private:
    Gfx() = default;
    void rebuild_fonts_if_needed();
    void save_screenshot();

    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool imgui_ready_ = false;
    GfxDesc desc_;
    Fonts fonts_;
    float base_font_size_ = kDefaultTextPixels;
    float built_font_size_ = 0.f;
    float ui_scale_ = 1.f;
    std::filesystem::path pending_screenshot_;
    std::string screenshot_error_;
    ClickLatch clicks_;
    std::uint64_t last_signature_ = 0;
    bool must_render_ = true;  // the first frame, and after a window event
};

// Whether a text field has the keyboard now. ImGui's io.WantTextInput lags a frame
// behind: just after Enter leaves a field it still says yes, and a key pressed then for
// the screen (Enter again: the next picture) would be dropped as the field's.
bool text_field_active();

// Where the UI font is: beside the executable (fonts/), $REALCHECK_FONT_DIR, or Debian's
// fonts-noto-core. Empty when none is found.
std::filesystem::path find_font(const char* file_name);
// Fills the desc's font files with Noto Sans (regular, bold, symbols) found by find_font.
void use_installed_fonts(GfxDesc* desc);

}  // namespace rc::engine
