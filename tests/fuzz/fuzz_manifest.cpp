// libFuzzer target for the pack.json parser: any bytes must give a value or located
// problems, never a crash, an exception or an out-of-bounds read.
// Built and run by tools/fuzz (tests/fuzz/CMakeLists.txt); by hand:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//       tests/fuzz/fuzz_manifest.cpp content/manifest.cpp content/problem.cpp -o fuzz_manifest
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "content/manifest.h"

namespace {

std::size_t chars(const std::string& text) {
    std::size_t count = 0;
    for (char ch : text)
        count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return count;
}

bool within(const rc::content::LocalizedText& text, std::size_t max_chars) {
    return chars(text.fr) <= max_chars && chars(text.en) <= max_chars;
}

// Every text kept is within its documented cap (manifest.h).
bool texts_capped(const rc::content::Manifest& manifest) {
    using namespace rc::content;
    if (!within(manifest.title, kMaxTitleChars) ||
        !within(manifest.description, kMaxDescriptionChars))
        return false;
    for (const auto& item : manifest.items) {
        if (!within(item.explanation, kMaxExplanationChars) ||
            chars(item.generator) > kMaxGeneratorChars ||
            chars(item.source.credit) > kMaxCreditChars || chars(item.id) > kMaxIdChars)
            return false;
        for (const auto& tell : item.tells)
            if (!within(tell.note, kMaxNoteChars))
                return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = rc::content::parse_manifest(text);
    // The Result contract: a value, or at least one Error saying why not.
    if (!result.ok() && !result.has_errors())
        std::abort();
    if (result.ok() && !texts_capped(*result.value))
        std::abort();
    for (const auto& problem : result.problems) {
        if (problem.where.empty() || problem.message.empty())
            std::abort();
    }
    return 0;
}
