// UI strings: the built-in fr/en tables agree (keys, placeholders, typography), and the
// lookup, placeholder filling and table parsing behave as documented.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "content/manifest.h"
#include "game/progress.h"
#include "game/strings.h"

namespace {

using rc::content::Lang;
using rc::game::fill_placeholders;
using rc::game::Strings;
using rc::game::StringTable;

std::set<std::string> keys_of(const StringTable& table) {
    std::set<std::string> keys;
    for (const auto& [key, value] : table)
        keys.insert(key);
    return keys;
}

std::string join(const std::set<std::string>& values) {
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "" : ", ") + value;
    return out;
}

// The {name} placeholders of `text`, and the text with each of them reduced to "{}" so
// their names are not taken for prose. Hand-written rather than std::regex, which makes
// GCC 12 warn (-Wmaybe-uninitialized) inside libstdc++ under the sanitizers.
struct Scan {
    std::set<std::string> names;
    std::string prose;
};

Scan scan(const std::string& text) {
    Scan result;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find('{', pos);
        const auto close = open == std::string::npos ? open : text.find_first_of("{}", open + 1);
        if (close == std::string::npos || text[close] == '{') {
            const auto stop = open == std::string::npos ? text.size() : open + 1;
            result.prose.append(text, pos, stop - pos);
            pos = stop;
            continue;
        }
        result.prose.append(text, pos, open - pos);
        result.prose += "{}";
        result.names.insert(text.substr(open + 1, close - open - 1));
        pos = close + 1;
    }
    return result;
}

std::set<std::string> placeholders(const std::string& text) {
    return scan(text).names;
}

std::string prose(const std::string& text) {
    return scan(text).prose;
}

}  // namespace

TEST_CASE("The built-in string tables agree with each other", "[game][strings]") {
    const auto& strings = Strings::builtin();
    const auto& fr = strings.table(Lang::Fr);
    const auto& en = strings.table(Lang::En);

    SECTION("both tables were parsed and are not empty") {
        CHECK(fr.size() > 10);
        CHECK(en.size() > 10);
    }

    SECTION("fr and en have exactly the same keys") {
        const auto fr_keys = keys_of(fr);
        const auto en_keys = keys_of(en);
        std::set<std::string> missing_in_en;
        std::set<std::string> missing_in_fr;
        for (const auto& key : fr_keys)
            if (!en_keys.count(key))
                missing_in_en.insert(key);
        for (const auto& key : en_keys)
            if (!fr_keys.count(key))
                missing_in_fr.insert(key);
        INFO("missing in en.json: " << join(missing_in_en));
        INFO("missing in fr.json: " << join(missing_in_fr));
        CHECK(missing_in_en.empty());
        CHECK(missing_in_fr.empty());
    }

    SECTION("no value is empty") {
        for (const auto* table : {&fr, &en}) {
            for (const auto& [key, value] : *table) {
                INFO((table == &fr ? "fr.json: " : "en.json: ") << key);
                CHECK_FALSE(value.empty());
            }
        }
    }

    SECTION("each key uses the same placeholders in both languages") {
        for (const auto& [key, fr_value] : fr) {
            auto en_it = en.find(key);
            if (en_it == en.end())
                continue;  // reported by the key-set section
            INFO(key << "\n  fr: " << fr_value << "\n  en: " << en_it->second);
            CHECK(placeholders(fr_value) == placeholders(en_it->second));
        }
    }

    SECTION("the keys the game builds from numbers exist in both languages") {
        for (int band = 0; band <= 3; ++band) {
            const auto key = "end.verdict." + std::to_string(band);
            INFO(key);
            CHECK(fr.count(key) == 1);
            CHECK(en.count(key) == 1);
        }
        for (int size = 0; size < rc::game::kTextSizeCount; ++size) {
            const auto key = "settings.text_size." + std::to_string(size);
            INFO(key);
            CHECK(fr.count(key) == 1);
            CHECK(en.count(key) == 1);
        }
    }

    SECTION("the window title in both languages") {
        // French puts a no-break space before "?" so the mark never starts a line.
        CHECK(strings.get(Lang::Fr, "app.title") == "Vrai ou généré\u00a0?");
        CHECK(strings.get(Lang::En, "app.title") == "Real or generated?");
    }

    SECTION("French uses the typographic apostrophe, never the straight one") {
        for (const auto& [key, value] : fr) {
            INFO("fr.json: " << key << ": " << value);
            CHECK(value.find('\'') == std::string::npos);
        }
    }

    SECTION("French puts one consistent kind of space before ? ! : ;") {
        // U+0020 (normal), U+00A0 (no-break) or U+202F (narrow no-break), but the same
        // everywhere, and never no space at all.
        std::set<std::string> kinds;
        for (const auto& [key, value] : fr) {
            const auto text = prose(value);
            for (std::size_t i = 0; i < text.size(); ++i) {
                const char c = text[i];
                if (c != '?' && c != '!' && c != ':' && c != ';')
                    continue;
                INFO("fr.json: " << key << ": " << value);
                std::string kind;
                if (i >= 1 && text[i - 1] == ' ')
                    kind = "U+0020";
                else if (i >= 2 && text.compare(i - 2, 2, "\xC2\xA0") == 0)
                    kind = "U+00A0";
                else if (i >= 3 && text.compare(i - 3, 3, "\xE2\x80\xAF") == 0)
                    kind = "U+202F";
                CHECK_FALSE(kind.empty());
                if (!kind.empty())
                    kinds.insert(kind);
            }
        }
        INFO("space kinds used: " << join(kinds));
        CHECK(kinds.size() == 1);
    }

    SECTION("English puts no space before ? ! :") {
        for (const auto& [key, value] : en) {
            const auto text = prose(value);
            INFO("en.json: " << key << ": " << value);
            CHECK(text.find(" ?") == std::string::npos);
            CHECK(text.find(" !") == std::string::npos);
            CHECK(text.find(" :") == std::string::npos);
        }
    }
}

TEST_CASE("Strings looks up and formats text", "[game][strings]") {
    const auto strings = Strings::parse(R"({"hello": "Bonjour {name} !", "only.fr": "seul"})",
                                        R"({"hello": "Hello {name}!"})", nullptr);

    SECTION("get returns the text of the language asked") {
        CHECK(strings.get(Lang::Fr, "hello") == "Bonjour {name} !");
        CHECK(strings.get(Lang::En, "hello") == "Hello {name}!");
    }

    SECTION("a missing key shows as the key itself") {
        CHECK(strings.get(Lang::En, "no.such.key") == "no.such.key");
        CHECK(strings.get(Lang::En, "only.fr") == "only.fr");
        CHECK(strings.get(Lang::Fr, "") == "");
        // The returned reference stays valid and stable across further lookups.
        const std::string& first = strings.get(Lang::Fr, "missing.a");
        strings.get(Lang::Fr, "missing.b");
        strings.get(Lang::En, "missing.c");
        CHECK(first == "missing.a");
        CHECK(&first == &strings.get(Lang::Fr, "missing.a"));
    }

    SECTION("format fills the placeholders of the looked-up text") {
        CHECK(strings.format(Lang::Fr, "hello", {{"name", "Zoé"}}) == "Bonjour Zoé !");
        CHECK(strings.format(Lang::En, "hello", {{"name", "Sam"}}) == "Hello Sam!");
        CHECK(strings.format(Lang::En, "hello", {}) == "Hello {name}!");
    }

    SECTION("format on the built-in tables") {
        const auto& builtin = Strings::builtin();
        CHECK(builtin.format(Lang::Fr, "end.score", {{"score", "12"}, {"total", "20"}}) ==
              "12 / 20");
        CHECK(builtin.format(Lang::En, "question.progress_long", {{"n", "3"}, {"total", "20"}}) ==
              "Question 3 / 20");
    }
}

TEST_CASE("fill_placeholders replaces {name}", "[game][strings]") {
    SECTION("known names are replaced, each time they appear") {
        CHECK(fill_placeholders("{a} and {b}", {{"a", "1"}, {"b", "2"}}) == "1 and 2");
        CHECK(fill_placeholders("{n}/{n}", {{"n", "7"}}) == "7/7");
        CHECK(fill_placeholders("Score: {score} / {total}.", {{"total", "20"}, {"score", "15"}}) ==
              "Score: 15 / 20.");
    }

    SECTION("text without placeholders is unchanged") {
        CHECK(fill_placeholders("", {{"a", "1"}}) == "");
        CHECK(fill_placeholders("plain text", {{"a", "1"}}) == "plain text");
        CHECK(fill_placeholders("C’est généré ?", {}) == "C’est généré ?");
    }

    SECTION("unknown placeholders stay as they are") {
        CHECK(fill_placeholders("{x} and {a}", {{"a", "1"}}) == "{x} and 1");
        CHECK(fill_placeholders("{}", {{"a", "1"}}) == "{}");
        CHECK(fill_placeholders("{A}", {{"a", "1"}}) == "{A}");
    }

    SECTION("an unterminated { is kept literally") {
        CHECK(fill_placeholders("Score {n", {{"n", "5"}}) == "Score {n");
        CHECK(fill_placeholders("{n} then {", {{"n", "5"}}) == "5 then {");
        CHECK(fill_placeholders("{", {}) == "{");
        CHECK(fill_placeholders("a } b", {{"a", "1"}}) == "a } b");
    }

    SECTION("values are inserted verbatim, not scanned again") {
        CHECK(fill_placeholders("{a}", {{"a", "{b}"}, {"b", "2"}}) == "{b}");
        CHECK(fill_placeholders("{a}", {{"a", "100%s %n"}}) == "100%s %n");
        CHECK(fill_placeholders("{a}!", {{"a", ""}}) == "!");
    }

    SECTION("UTF-8 around placeholders is kept intact") {
        CHECK(fill_placeholders("« {t} » — ok", {{"t", "Café"}}) == "« Café » — ok");
    }
}

TEST_CASE("Strings::parse reports problems", "[game][strings]") {
    SECTION("valid tables give no problems") {
        std::vector<std::string> problems;
        const auto strings = Strings::parse(R"({"k": "v"})", R"({"k": "w"})", &problems);
        CHECK(problems.empty());
        CHECK(strings.get(Lang::Fr, "k") == "v");
        CHECK(strings.get(Lang::En, "k") == "w");
    }

    SECTION("bad JSON is reported with the file name and gives an empty table") {
        std::vector<std::string> problems;
        const auto strings = Strings::parse(R"({"k": "v",)", R"({"k": "w"})", &problems);
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0], Catch::Contains("fr.json"));
        CHECK(strings.table(Lang::Fr).empty());
        CHECK(strings.get(Lang::En, "k") == "w");
    }

    SECTION("a table that is not an object is reported") {
        std::vector<std::string> problems;
        Strings::parse(R"({"k": "v"})", R"(["k", "v"])", &problems);
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0], Catch::Contains("en.json"));
    }

    SECTION("non-string values are reported by key and left out, the rest kept") {
        std::vector<std::string> problems;
        const auto strings = Strings::parse(R"({"a": "x", "n": 3, "o": {"p": "q"}, "z": null})",
                                            R"({"a": "y"})", &problems);
        REQUIRE(problems.size() == 3);
        std::string all;
        for (const auto& p : problems)
            all += p + "\n";
        INFO(all);
        CHECK_THAT(all, Catch::Contains("fr.json: n"));
        CHECK_THAT(all, Catch::Contains("fr.json: o"));
        CHECK_THAT(all, Catch::Contains("fr.json: z"));
        CHECK(strings.table(Lang::Fr).size() == 1);
        CHECK(strings.get(Lang::Fr, "a") == "x");
        CHECK(strings.get(Lang::Fr, "n") == "n");
    }

    SECTION("problems from both tables are all reported") {
        std::vector<std::string> problems;
        Strings::parse("nope", R"({"k": false})", &problems);
        REQUIRE(problems.size() == 2);
        CHECK_THAT(problems[0], Catch::Contains("fr.json"));
        CHECK_THAT(problems[1], Catch::Contains("en.json: k"));
    }

    SECTION("a null problems list is allowed") {
        const auto strings = Strings::parse("nope", "[]", nullptr);
        CHECK(strings.table(Lang::Fr).empty());
        CHECK(strings.table(Lang::En).empty());
    }
}

TEST_CASE("a stray brace does not hide a later placeholder", "[game][strings]") {
    CHECK(rc::game::fill_placeholders("a { b {n}", {{"n", "1"}}) == "a { b 1");
    CHECK(rc::game::fill_placeholders("{{n}}", {{"n", "1"}}) == "{1}");
}
