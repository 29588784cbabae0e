// What the facilitator types on the vote screen, and the projector's minimum text height.
#include <catch2/catch.hpp>

#include "game/workshop_input.h"

using rc::game::band_count_from_fields;
using rc::game::BandCount;
using rc::game::parse_typed_count;

TEST_CASE("a typed count is a whole number, nothing, or refused", "[game][workshop][typing]") {
    SECTION("digits, with spaces around, are a count") {
        CHECK(parse_typed_count("12").value == 12u);
        CHECK(parse_typed_count(" 7 ").value == 7u);
        CHECK(parse_typed_count("0").value == 0u);
        CHECK(parse_typed_count("100000").value == 100000u);
    }
    SECTION("an empty field is not typed, which is not zero") {
        CHECK(parse_typed_count("").empty);
        CHECK(parse_typed_count("   ").empty);
        CHECK_FALSE(parse_typed_count("0").empty);
    }
    SECTION("anything else is refused with the reason") {
        const auto [text, why] = GENERATE(table<const char*, const char*>(
            {{"x", "\"x\" is not a number"},
             {"-3", "\"-3\" is not a number"},
             {"1.5", "\"1.5\" is not a number"},
             {"1 2", "\"1 2\" is not a number"},
             {"100001", "100001 is more than 100000"},
             {"99999999999999999999", "\"99999999999999999999\" is not a number"}}));
        const auto typed = parse_typed_count(text);
        CHECK_FALSE(typed.empty);
        CHECK_FALSE(typed.value);
        CHECK(typed.why == why);
    }
}

TEST_CASE("a band's two fields make its count", "[game][workshop][typing]") {
    CHECK(band_count_from_fields("", "").ok);
    CHECK_FALSE(band_count_from_fields("", "").count);  // not counted
    CHECK(band_count_from_fields("4", "").count == BandCount{4, 0});
    CHECK(band_count_from_fields("", "9").count == BandCount{0, 9});
    CHECK(band_count_from_fields("3", "5").count == BandCount{3, 5});
    CHECK_FALSE(band_count_from_fields("3", "x").ok);
    CHECK_FALSE(band_count_from_fields("3", "x").count);
    CHECK(rc::game::field_text(std::nullopt, true).empty());
    CHECK(rc::game::field_text(BandCount{3, 0}, true) == "3");
    CHECK(rc::game::field_text(BandCount{3, 0}, false) == "0");
}

TEST_CASE("projector text reaches 3.5 % of the screen height", "[game][workshop][typing]") {
    const auto [font, height] = GENERATE(table<float, float>({{27.f, 768.f},
                                                              {18.f, 768.f},
                                                              {33.f, 720.f},
                                                              {20.f, 720.f},
                                                              {50.f, 1080.f},
                                                              {30.f, 1080.f}}));
    const float scale = rc::game::projector_font_scale(font, height);
    CHECK(scale >= 1.f);
    CHECK(font * scale >= rc::game::kProjectorMinTextShare * height - 0.01f);
    // Text already big enough is left as it is.
    if (font >= rc::game::kProjectorMinTextShare * height)
        CHECK(scale == 1.f);
}

TEST_CASE("a typed place is cut to its length in characters, never inside one",
          "[game][workshop][typing]") {
    using rc::game::cut_to_chars;
    CHECK(cut_to_chars("Médiathèque", 100) == "Médiathèque");
    CHECK(cut_to_chars("Médiathèque", 2) == "Mé");
    CHECK(cut_to_chars("Médiathèque", 1) == "M");
    CHECK(cut_to_chars("18–34", 3) == "18–");  // the en dash is 3 bytes, 1 character
    CHECK(cut_to_chars("", 5).empty());
    CHECK(cut_to_chars("abc", 0).empty());
}
