// The editor screen's decisions: which tell a pointer grabs, where a key steps, what an
// item's list entry says.
#include <catch2/catch.hpp>

#include "game/editor_view.h"

namespace rc::game {
namespace {

content::Tell tell_at(float x, float y, float r) {
    content::Tell tell;
    tell.x = x;
    tell.y = y;
    tell.r = r;
    return tell;
}

// A 1000×500 picture drawn at (100, 50).
const PictureFrame kFrame{100.f, 50.f, 1000.f, 500.f};

}  // namespace

TEST_CASE("tell_under grabs a tell by its inside or its edge", "[game][editor-view]") {
    // Centre (600, 300) in pixels, radius 100 pixels.
    const std::vector<content::Tell> tells{tell_at(0.5f, 0.5f, 0.1f)};

    SECTION("the centre is the inside") {
        const auto hit = tell_under(tells, kFrame, 600.f, 300.f);
        REQUIRE(hit);
        CHECK(hit->tell == 0);
        CHECK(hit->grip == TellGrip::Inside);
    }
    SECTION("near the circle, either side, is the edge") {
        for (float x : {600.f + 100.f - 5.f, 600.f + 100.f + 5.f}) {
            const auto hit = tell_under(tells, kFrame, x, 300.f);
            REQUIRE(hit);
            CHECK(hit->grip == TellGrip::Edge);
        }
    }
    SECTION("further out is nothing") {
        CHECK_FALSE(tell_under(tells, kFrame, 600.f + 100.f + kEdgeGrabPixels + 1.f, 300.f));
    }
}

TEST_CASE("tell_under prefers the tell drawn last and skips a clip's hidden ones",
          "[game][editor-view]") {
    std::vector<content::Tell> tells{tell_at(0.5f, 0.5f, 0.2f), tell_at(0.5f, 0.5f, 0.05f)};
    auto hit = tell_under(tells, kFrame, 600.f, 300.f);
    REQUIRE(hit);
    CHECK(hit->tell == 1);

    tells[1].t0 = 3.f;  // not yet shown at 1 s: the first one is under the pointer
    hit = tell_under(tells, kFrame, 600.f, 300.f, 1.0);
    REQUIRE(hit);
    CHECK(hit->tell == 0);
    hit = tell_under(tells, kFrame, 600.f, 300.f, 4.0);
    REQUIRE(hit);
    CHECK(hit->tell == 1);
}

TEST_CASE("a tiny tell is still grabbed within the least grab radius", "[game][editor-view]") {
    const std::vector<content::Tell> tells{tell_at(0.5f, 0.5f, 0.001f)};  // 1 pixel
    const auto hit = tell_under(tells, kFrame, 600.f + kMinGrabRadiusPixels - 1.f, 300.f);
    REQUIRE(hit);
    CHECK(hit->tell == 0);
}

TEST_CASE("radius_from_pixels is a fraction of the picture's width", "[game][editor-view]") {
    CHECK(radius_from_pixels(kFrame, 600.f, 300.f, 650.f, 300.f) == Approx(0.05f));
    CHECK(radius_from_pixels(kFrame, 600.f, 300.f, 630.f, 340.f) == Approx(0.05f));
    CHECK(radius_from_pixels(PictureFrame{}, 0.f, 0.f, 10.f, 0.f) == kMinTellRadius);
}

TEST_CASE("step_item stays in the list", "[game][editor-view]") {
    CHECK(step_item(0, -1, 5) == 0);
    CHECK(step_item(0, 1, 5) == 1);
    CHECK(step_item(3, 10, 5) == 4);
    CHECK(step_item(4, -10, 5) == 0);
    CHECK(step_item(9, -1, 5) == 3);  // a stale index comes back in first
    CHECK(step_item(2, 1, 0) == 0);
}

TEST_CASE("item_state_keys says what is wrong, or ok", "[game][editor-view]") {
    ItemState state;
    CHECK(item_state_keys(state) == std::vector<std::string>{"editor.state.ok"});

    state.no_tells = true;
    state.missing_en = true;
    CHECK(item_state_keys(state) ==
          std::vector<std::string>{"editor.state.no_tells", "editor.state.missing_en"});

    state.problems.push_back({content::Severity::Warning, "pack.json: items[0]", "w"});
    CHECK(item_state_keys(state).front() == "editor.state.warning");
    state.problems.push_back({content::Severity::Error, "pack.json: items[0]", "e"});
    CHECK(item_state_keys(state).front() == "editor.state.error");
}

}  // namespace rc::game
