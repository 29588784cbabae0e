// What a facilitator types in workshop mode, and how big the projector text must be.
// Plain C++ (no ImGui): the screens call it, the tests check it directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "game/workshop.h"

namespace rc::game {

// Body text on a workshop screen is at least this share of the screen's height, so it
// reads from the back of a room (3.5 %: 27 px on a 1024×768 projector, 38 px at 1080p).
inline constexpr float kProjectorMinTextShare = 0.035f;

// The factor (1 or more) that brings text of `font_pixels` to kProjectorMinTextShare of
// `screen_height`.
float projector_font_scale(float font_pixels, float screen_height);

// A typed count: "" is "not typed", digits (spaces around allowed) up to kMaxVotesPerCount
// a number; anything else is refused.
struct TypedCount {
    bool empty = false;
    std::optional<std::uint32_t> value;  // none: refused (see `why`)
    std::string why;
};
TypedCount parse_typed_count(std::string_view text);

// A band's count from its two fields: both empty is "not counted" (nullopt), one empty
// counts as 0. `ok` is false when either field holds something that is not a count.
struct TypedBandCount {
    bool ok = true;
    std::optional<BandCount> count;
};
TypedBandCount band_count_from_fields(std::string_view real, std::string_view generated);

// `text` cut to at most `max_chars` characters (code points), never inside one: a place
// or a date typed at set-up is kept to kMaxPlaceChars.
std::string cut_to_chars(std::string_view text, std::size_t max_chars);

// The text a field shows for a saved count: "" when not counted.
std::string field_text(const std::optional<BandCount>& count, bool real);

}  // namespace rc::game
