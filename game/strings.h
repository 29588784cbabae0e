// UI text lookup. The tables are content/strings/{fr,en}.json, compiled into the binary so
// the game needs no data files to show its own words. Placeholders are written {name}.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/manifest.h"

namespace rc::game {

using StringTable = std::map<std::string, std::string, std::less<>>;

class Strings {
  public:
    // The built-in tables (parsed once).
    static const Strings& builtin();
    // Parses two tables; problems (bad JSON, non-string values) go to *problems.
    static Strings parse(std::string_view fr_json, std::string_view en_json,
                         std::vector<std::string>* problems);

    // The text for `key`; a missing key shows as the key itself, which tests forbid.
    const std::string& get(content::Lang lang, std::string_view key) const;
    // A file size for people, in whole units so it never wraps inside a number:
    // "640 kB" under a megabyte, else "37 MB" (French: "640 ko", "37 Mo").
    std::string size(content::Lang lang, std::uint64_t bytes) const;
    std::string format(content::Lang lang, std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;
    const StringTable& table(content::Lang lang) const {
        return lang == content::Lang::Fr ? fr_ : en_;
    }

  private:
    StringTable fr_;
    StringTable en_;
    mutable StringTable missing_;
};

// Replaces each {name} in `text` by its value; unknown placeholders stay as they are.
std::string fill_placeholders(std::string_view text,
                              std::initializer_list<std::pair<std::string_view, std::string>> args);

// Embedded table texts (generated at build time from content/strings/*.json).
extern const char* const kStringsFrJson;
extern const char* const kStringsEnJson;

}  // namespace rc::game
