// Text helpers; see text.h.
#include "tools/pack/text.h"

#include <utility>

#include "content/unicode.h"

namespace rc::packtool {

namespace {

// Two-byte UTF-8 letters (U+00C0–U+017F) folded to ASCII; "" keeps the letter.
std::string_view fold_latin(char32_t code) {
    static const std::pair<char32_t, std::string_view> kFolds[] = {
        {0xC0, "a"},  {0xC1, "a"}, {0xC2, "a"}, {0xC3, "a"},   {0xC4, "a"},   {0xC5, "a"},
        {0xC6, "ae"}, {0xC7, "c"}, {0xC8, "e"}, {0xC9, "e"},   {0xCA, "e"},   {0xCB, "e"},
        {0xCC, "i"},  {0xCD, "i"}, {0xCE, "i"}, {0xCF, "i"},   {0xD1, "n"},   {0xD2, "o"},
        {0xD3, "o"},  {0xD4, "o"}, {0xD5, "o"}, {0xD6, "o"},   {0xD8, "o"},   {0xD9, "u"},
        {0xDA, "u"},  {0xDB, "u"}, {0xDC, "u"}, {0xDD, "y"},   {0xE0, "a"},   {0xE1, "a"},
        {0xE2, "a"},  {0xE3, "a"}, {0xE4, "a"}, {0xE5, "a"},   {0xE6, "ae"},  {0xE7, "c"},
        {0xE8, "e"},  {0xE9, "e"}, {0xEA, "e"}, {0xEB, "e"},   {0xEC, "i"},   {0xED, "i"},
        {0xEE, "i"},  {0xEF, "i"}, {0xF1, "n"}, {0xF2, "o"},   {0xF3, "o"},   {0xF4, "o"},
        {0xF5, "o"},  {0xF6, "o"}, {0xF8, "o"}, {0xF9, "u"},   {0xFA, "u"},   {0xFB, "u"},
        {0xFC, "u"},  {0xFD, "y"}, {0xFF, "y"}, {0x152, "oe"}, {0x153, "oe"}, {0x178, "y"}};
    for (const auto& [from, to] : kFolds)
        if (from == code)
            return to;
    return {};
}

}  // namespace

std::string fold(std::string_view text) {
    const std::string composed = content::to_nfc(text);
    std::string out;
    out.reserve(composed.size());
    for (std::size_t i = 0; i < composed.size(); ++i) {
        const auto byte = static_cast<unsigned char>(composed[i]);
        if (byte < 0x80) {
            out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            continue;
        }
        if ((byte & 0xE0) == 0xC0 && i + 1 < composed.size()) {
            const char32_t code =
                ((byte & 0x1F) << 6) | (static_cast<unsigned char>(composed[i + 1]) & 0x3F);
            if (auto folded = fold_latin(code); !folded.empty()) {
                out += folded;
                ++i;
                continue;
            }
        }
        out += composed[i];
    }
    return out;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == separator)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

}  // namespace rc::packtool
