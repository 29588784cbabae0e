#include "engine/gfx/gfx.h"

#include <SDL_image.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "engine/gfx/frame_signature.h"
#include "engine/platform/platform.h"

namespace rc::engine {
namespace {

// Latin, Latin-1 and Latin Extended-A (œ, Œ), general punctuation (’ « » … – —),
// arrows (← →) and the minus sign (−): everything French and English UI text needs.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0};
// The display face only draws the game's title and the final score ("Real or generated?",
// "Vrai ou généré ?", "7 / 10"): Latin-1 is enough, and at three times the body size each
// glyph it holds costs nine times the raster time of a body one at start-up.
const ImWchar kDisplayRanges[] = {0x0020, 0x00FF, 0};
// Noto Sans has no arrows: they come from Noto Sans Symbols, merged into each face.
const ImWchar kArrowRanges[] = {0x2190, 0x2193, 0};

// The scale of the UI relative to a 1280×720 window, so a 1920×1080 projector gets
// proportionally bigger text and a phone in portrait keeps a readable size.
float scale_for(SDL_Point size) {
    const float width = static_cast<float>(size.x);
    const float height = static_cast<float>(size.y);
    // A portrait screen is measured against 720×1280, a landscape one against 1280×720.
    const float landscape = std::min(width / 1280.f, height / 720.f);
    const float portrait = std::min(width / 720.f, height / 1280.f);
    return std::clamp(std::max(landscape, portrait), 0.8f, 4.f);
}

// Horizontal oversampling sharpens small text when it lands between pixels; large text
// does not need it, and it doubles the atlas's raster time and size.
ImFont* add_font(const std::filesystem::path& file, const std::filesystem::path& symbols,
                 float size, const ImWchar* ranges = kGlyphRanges) {
    ImFontConfig config;
    config.OversampleH = size < 32.f ? 2 : 1;
    config.OversampleV = 1;
    auto& io = ImGui::GetIO();
    if (file.empty()) {
        config.SizePixels = size;
        return io.Fonts->AddFontDefault(&config);
    }
    ImFont* font = io.Fonts->AddFontFromFileTTF(file.string().c_str(), size, &config, ranges);
    if (font && !symbols.empty()) {
        // The symbol font's arrows are drawn small for their size: enlarge and lift them
        // to match the letters.
        config.MergeMode = true;
        config.GlyphOffset = ImVec2(0.f, -size * 0.04f);
        io.Fonts->AddFontFromFileTTF(symbols.string().c_str(), size * 1.4f, &config, kArrowRanges);
    }
    return font;
}

void apply_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0.f;
    style.FrameRounding = 10.f;
    style.FramePadding = ImVec2(14.f, 10.f);
    style.ItemSpacing = ImVec2(12.f, 10.f);
    style.WindowPadding = ImVec2(20.f, 16.f);
    style.ScrollbarSize = 18.f;
    style.GrabMinSize = 18.f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.13f, 1.f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.20f, 0.32f, 0.55f, 1.f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.42f, 0.70f, 1.f);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.33f, 0.50f, 0.80f, 1.f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace

std::filesystem::path find_font(const char* file_name) {
    std::vector<std::filesystem::path> candidates;
    if (char* base = SDL_GetBasePath()) {
        candidates.push_back(std::filesystem::path(base) / "fonts" / file_name);
        SDL_free(base);
    }
    if (const char* dir = std::getenv("REALCHECK_FONT_DIR"))
        candidates.push_back(std::filesystem::path(dir) / file_name);
    candidates.push_back(std::filesystem::path("/usr/share/fonts/truetype/noto") / file_name);
    std::error_code ec;
    for (const auto& candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, ec))
            return candidate;
    return {};
}

void use_installed_fonts(GfxDesc* desc) {
    desc->font_file = find_font("NotoSans-Regular.ttf");
    desc->bold_font_file = find_font("NotoSans-Bold.ttf");
    desc->symbols_font_file = find_font("NotoSansSymbols-Regular.ttf");
}

std::unique_ptr<Gfx> Gfx::create(const GfxDesc& desc, std::string* why) {
    std::unique_ptr<Gfx> gfx(new Gfx());
    gfx->desc_ = desc;
    const SDL_Point size = default_window_size();
    const int width = desc.width > 0 ? desc.width : size.x;
    const int height = desc.height > 0 ? desc.height : size.y;
    Uint32 flags = platform_window_flags();
    if (desc.headless)
        flags = SDL_WINDOW_HIDDEN;
    if (desc.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    gfx->window_ = SDL_CreateWindow(desc.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                    SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (!gfx->window_) {
        *why = std::string("cannot open a window: ") + SDL_GetError();
        return nullptr;
    }
    SDL_SetWindowMinimumSize(gfx->window_, 320, 400);
    const Uint32 renderer_flags = desc.headless
                                      ? SDL_RENDERER_SOFTWARE
                                      : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    gfx->renderer_ = SDL_CreateRenderer(gfx->window_, -1, renderer_flags);
    if (!gfx->renderer_ && !desc.headless)
        gfx->renderer_ = SDL_CreateRenderer(gfx->window_, -1, SDL_RENDERER_SOFTWARE);
    if (!gfx->renderer_) {
        *why = std::string("cannot create a renderer: ") + SDL_GetError();
        return nullptr;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is computed, nothing to remember
    ImGui_ImplSDL2_InitForSDLRenderer(gfx->window_);
    ImGui_ImplSDLRenderer_Init(gfx->renderer_);
    gfx->imgui_ready_ = true;
    gfx->rebuild_fonts_if_needed();
    return gfx;
}

Gfx::~Gfx() {
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (renderer_)
        SDL_DestroyRenderer(renderer_);
    if (window_)
        SDL_DestroyWindow(window_);
}

SDL_Point Gfx::output_size() const {
    SDL_Point size{1280, 720};
    SDL_GetRendererOutputSize(renderer_, &size.x, &size.y);
    return size;
}

void Gfx::process_event(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    clicks_.on_event(event);
    // Shown again, resized, uncovered: what the window shows may be gone.
    if (event.type == SDL_WINDOWEVENT)
        must_render_ = true;
}

void Gfx::set_base_font_size(float pixels) {
    base_font_size_ = pixels;
}

void Gfx::rebuild_fonts_if_needed() {
    const float density = layout_density();
    const SDL_Point pixels = output_size();
    ui_scale_ =
        scale_for({static_cast<int>(pixels.x / density), static_cast<int>(pixels.y / density)}) *
        density;
    const float body = std::round(base_font_size_ * ui_scale_);
    if (body == built_font_size_)
        return;
    built_font_size_ = body;
    auto& io = ImGui::GetIO();
    io.Fonts->Clear();
    const auto& bold_file = desc_.bold_font_file.empty() ? desc_.font_file : desc_.bold_font_file;
    const auto& symbols = desc_.symbols_font_file;
    fonts_.body = add_font(desc_.font_file, symbols, body);
    fonts_.bold = add_font(bold_file, symbols, body);
    fonts_.heading = add_font(bold_file, symbols, std::round(body * 1.5f));
    fonts_.display = add_font(bold_file, {}, std::round(body * 3.f), kDisplayRanges);
    io.Fonts->Build();
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    apply_style(body / 22.f);
}

void Gfx::begin_frame() {
    rebuild_fonts_if_needed();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // imgui 1.86 asserts on a zero time step (two frames within one clock tick, or a frozen
    // clock in headless browsers).
    auto& io = ImGui::GetIO();
    io.DeltaTime = std::max(io.DeltaTime, 1.f / 1000.f);
    if (const auto click = clicks_.position_for_frame())
        io.MousePos = ImVec2(click->x, click->y);
    ImGui::NewFrame();
}

bool text_field_active() {
    const ImGuiContext* context = ImGui::GetCurrentContext();
    return context && context->ActiveId != 0 && context->ActiveId == context->InputTextState.ID;
}

bool Gfx::end_frame() {
    ImGui::Render();
    ImDrawData* draw_data = ImGui::GetDrawData();
    const std::uint64_t signature = frame_signature(*draw_data, texture_generation());
    const bool unchanged =
        !must_render_ && signature == last_signature_ && pending_screenshot_.empty();
    must_render_ = false;
    last_signature_ = signature;
    if (unchanged)
        return false;
    SDL_SetRenderDrawColor(renderer_, 23, 26, 33, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(draw_data);
    if (!pending_screenshot_.empty())
        save_screenshot();
    SDL_RenderPresent(renderer_);
    return true;
}

void Gfx::request_screenshot(const std::filesystem::path& png) {
    pending_screenshot_ = png;
    screenshot_error_.clear();
}

void Gfx::save_screenshot() {
    const auto size = output_size();
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, size.x, size.y, 32, SDL_PIXELFORMAT_RGBA32);
    if (!surface) {
        screenshot_error_ = std::string("out of memory: ") + SDL_GetError();
    } else if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, surface->pixels,
                                    surface->pitch) != 0 ||
               IMG_SavePNG(surface, pending_screenshot_.string().c_str()) != 0) {
        screenshot_error_ = pending_screenshot_.string() + ": " + SDL_GetError();
    }
    SDL_FreeSurface(surface);
    pending_screenshot_.clear();
}

}  // namespace rc::engine
