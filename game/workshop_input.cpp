#include "game/workshop_input.h"

#include <algorithm>
#include <charconv>

namespace rc::game {

float projector_font_scale(float font_pixels, float screen_height) {
    if (font_pixels <= 0.f)
        return 1.f;
    return std::max(1.f, kProjectorMinTextShare * screen_height / font_pixels);
}

TypedCount parse_typed_count(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return {true, std::nullopt, {}};
    text = text.substr(first, text.find_last_not_of(' ') - first + 1);
    std::uint64_t value = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size())
        return {false, std::nullopt, "\"" + std::string(text) + "\" is not a number"};
    if (value > kMaxVotesPerCount)
        return {false, std::nullopt,
                std::to_string(value) + " is more than " + std::to_string(kMaxVotesPerCount)};
    return {false, static_cast<std::uint32_t>(value), {}};
}

TypedBandCount band_count_from_fields(std::string_view real, std::string_view generated) {
    const auto r = parse_typed_count(real);
    const auto g = parse_typed_count(generated);
    if ((!r.empty && !r.value) || (!g.empty && !g.value))
        return {false, std::nullopt};
    if (r.empty && g.empty)
        return {true, std::nullopt};
    return {true, BandCount{r.value.value_or(0), g.value.value_or(0)}};
}

std::string cut_to_chars(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_char && ++chars > max_chars)
            return std::string(text.substr(0, i));
    }
    return std::string(text);
}

std::string field_text(const std::optional<BandCount>& count, bool real) {
    if (!count)
        return {};
    return std::to_string(real ? count->real : count->generated);
}

}  // namespace rc::game
