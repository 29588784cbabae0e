// Input that comes faster than frames: InputTrickle hands each frame only what ImGui 1.86
// can take in (one change per key and per mouse button, text and Tab in separate frames),
// and the native loop with it types "1", Tab, "5" into two fields even when all of it
// waits in SDL's queue before a single frame.
#include <SDL.h>
#include <imgui.h>
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "engine/gfx/gfx.h"
#include "engine/platform/input_trickle.h"
#include "engine/platform/runner.h"
#include "support/headless_window.h"

namespace rc::engine {
namespace {

// The scancodes of the keys typed here (SDL's keymap is not there before SDL_Init).
SDL_Scancode scancode_of(SDL_Keycode code) {
    switch (code) {
        case SDLK_TAB:
            return SDL_SCANCODE_TAB;
        case SDLK_BACKSPACE:
            return SDL_SCANCODE_BACKSPACE;
        case SDLK_1:
            return SDL_SCANCODE_1;
        case SDLK_5:
            return SDL_SCANCODE_5;
        default:
            FAIL("no scancode for key " << code);
            return SDL_SCANCODE_UNKNOWN;
    }
}

SDL_Event key(Uint32 type, SDL_Keycode code) {
    SDL_Event event{};
    event.type = type;
    event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.key.keysym.sym = code;
    event.key.keysym.scancode = scancode_of(code);
    return event;
}

SDL_Event text(const char* typed) {
    SDL_Event event{};
    event.type = SDL_TEXTINPUT;
    SDL_strlcpy(event.text.text, typed, sizeof event.text.text);
    return event;
}

SDL_Event mouse(Uint32 type, int x, int y) {
    SDL_Event event{};
    event.type = type;
    if (type == SDL_MOUSEMOTION) {
        event.motion.x = x;
        event.motion.y = y;
    } else {
        event.button.button = SDL_BUTTON_LEFT;
        event.button.x = x;
        event.button.y = y;
    }
    return event;
}

// A typed character: its key down, its text, its key up.
void type_char(std::vector<SDL_Event>& events, char c) {
    const char typed[2] = {c, '\0'};
    events.push_back(key(SDL_KEYDOWN, static_cast<SDL_Keycode>(c)));
    events.push_back(text(typed));
    events.push_back(key(SDL_KEYUP, static_cast<SDL_Keycode>(c)));
}

void press(std::vector<SDL_Event>& events, SDL_Keycode code) {
    events.push_back(key(SDL_KEYDOWN, code));
    events.push_back(key(SDL_KEYUP, code));
}

// The frames the events are handed out in, as event types.
std::vector<std::vector<Uint32>> frames_of(const std::vector<SDL_Event>& events) {
    InputTrickle trickle;
    for (const auto& event : events)
        trickle.push(event);
    std::vector<std::vector<Uint32>> frames;
    while (trickle.holding()) {
        std::vector<Uint32> types;
        for (const auto& event : trickle.take_for_frame())
            types.push_back(event.type);
        REQUIRE_FALSE(types.empty());  // every frame takes at least one: no stall
        frames.push_back(types);
    }
    return frames;
}

TEST_CASE("InputTrickle: a key's down and up in separate frames, text and Tab apart", "[trickle]") {
    std::vector<SDL_Event> events;
    type_char(events, '1');
    press(events, SDLK_TAB);
    type_char(events, '5');
    const std::vector<std::vector<Uint32>> expected = {
        {SDL_KEYDOWN, SDL_TEXTINPUT},  // '1' down, its text; its up waits (one change a key)
        {SDL_KEYUP, SDL_KEYDOWN},      // '1' up, Tab down (no text in this frame)
        {SDL_KEYUP, SDL_KEYDOWN},      // Tab up, '5' down; its text waits: it follows Tab
        {SDL_TEXTINPUT, SDL_KEYUP},    // '5' typed into the next field
    };
    CHECK(frames_of(events) == expected);
}

TEST_CASE("InputTrickle: a click and a move away, repeated keys, other events", "[trickle]") {
    SECTION("press, release and move: three frames, the move last") {
        const std::vector<SDL_Event> events = {
            mouse(SDL_MOUSEMOTION, 10, 10), mouse(SDL_MOUSEBUTTONDOWN, 10, 10),
            mouse(SDL_MOUSEBUTTONUP, 10, 10), mouse(SDL_MOUSEMOTION, 5, 5)};
        const std::vector<std::vector<Uint32>> expected = {
            {SDL_MOUSEMOTION, SDL_MOUSEBUTTONDOWN}, {SDL_MOUSEBUTTONUP}, {SDL_MOUSEMOTION}};
        CHECK(frames_of(events) == expected);
    }
    SECTION("Backspace twice: four frames") {
        std::vector<SDL_Event> events;
        press(events, SDLK_BACKSPACE);
        press(events, SDLK_BACKSPACE);
        CHECK(frames_of(events).size() == 4);
    }
    SECTION("events ImGui keeps no state for pass in one frame") {
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_Event wheel{};
        wheel.type = SDL_MOUSEWHEEL;
        CHECK(frames_of({wheel, wheel, quit}).size() == 1);
    }
}

// Two fields, the first one focused; once it has the cursor, `typed` is queued all at
// once, as if it came during one long frame. Quits after a few more frames.
class TwoFields final : public LoopClient {
  public:
    explicit TwoFields(std::vector<SDL_Event> typed) : typed_(std::move(typed)) {}
    std::array<std::string, 2> fields;
    void handle_event(const SDL_Event&) override {}
    void draw() override {
        if (++frames_ == 5) {
            for (auto& event : typed_)
                REQUIRE(SDL_PushEvent(&event) == 1);
        }
        ImGui::SetNextWindowPos(ImVec2(0.f, 0.f));
        ImGui::SetNextWindowSize(ImVec2(400.f, 200.f));
        ImGui::Begin("fields", nullptr, ImGuiWindowFlags_NoDecoration);
        if (frames_ == 1)
            ImGui::SetKeyboardFocusHere();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::array<char, 32> buffer{};
            fields[i].copy(buffer.data(), buffer.size() - 1);
            if (ImGui::InputText(i == 0 ? "##first" : "##second", buffer.data(), buffer.size()))
                fields[i] = buffer.data();
        }
        ImGui::End();
    }
    bool busy() const override { return !quit_requested(); }  // keeps drawing until done
    bool quit_requested() const override { return frames_ > 30; }
    std::string accessible_text() const override { return {}; }
    std::string language_code() const override { return "en"; }

  private:
    std::vector<SDL_Event> typed_;
    int frames_ = 0;
};

TEST_CASE("run_loop: \"1\", Tab, \"5\" queued before one frame fill two fields", "[trickle]") {
    rc::tests::HeadlessWindow window(640, 480);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    std::vector<SDL_Event> events;
    type_char(events, '1');
    press(events, SDLK_TAB);
    type_char(events, '5');
    TwoFields client(events);
    run_loop(window.gfx(), client);
    CHECK(client.fields[0] == "1");
    CHECK(client.fields[1] == "5");
}

}  // namespace
}  // namespace rc::engine
