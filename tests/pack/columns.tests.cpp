// Column names, answer words, difficulty words and the tells syntax.
#include <catch2/catch.hpp>

#include "tools/pack/columns.h"
#include "tools/pack/spreadsheet.h"
#include "tools/pack/tells.h"

using namespace rc::packtool;
using rc::content::Answer;

TEST_CASE("column names are read in English and French, any case, accents or not",
          "[pack][columns]") {
    auto [name, column] = GENERATE(table<const char*, Column>({
        {"file", Column::File},
        {"Fichier", Column::File},
        {"answer", Column::Answer},
        {"Réponse", Column::Answer},
        {"REPONSE", Column::Answer},
        {"explication_fr", Column::ExplanationFr},
        {"Explication FR", Column::ExplanationFr},
        {"explanation_en", Column::ExplanationEn},
        {"crédit", Column::Credit},
        {"licence", Column::License},
        {"license", Column::License},
        {"url_source", Column::SourceUrl},
        {"source_url", Column::SourceUrl},
        {"Générateur", Column::Generator},
        {"prompt", Column::Prompt},
        {"catégorie", Column::Category},
        {"difficulté", Column::Difficulty},
        {"indices", Column::Tells},
        {"tells", Column::Tells},
    }));
    CAPTURE(name);
    CHECK(column_from_name(name) == column);
}

TEST_CASE("every template column reads back as itself in both languages", "[pack][columns]") {
    for (auto column : all_columns())
        for (auto lang : {rc::content::Lang::Fr, rc::content::Lang::En})
            CHECK(column_from_name(column_name(column, lang)) == column);
    CHECK_FALSE(column_from_name("couleur").has_value());
}

TEST_CASE("answer words in English and French", "[pack][columns]") {
    auto [word, answer] = GENERATE(table<const char*, Answer>({
        {"real", Answer::Real},
        {"Réel", Answer::Real},
        {"REEL", Answer::Real},
        {"vrai", Answer::Real},
        {"generated", Answer::Generated},
        {"Généré", Answer::Generated},
        {"genere", Answer::Generated},
        {"IA", Answer::Generated},
        {"edited", Answer::Edited},
        {"Modifié", Answer::Edited},
        {"MODIFIE", Answer::Edited},
    }));
    CAPTURE(word);
    CHECK(answer_from_word(word) == answer);
}

TEST_CASE("unknown answer words and folder names are not guessed", "[pack][columns]") {
    CHECK_FALSE(answer_from_word("faux").has_value());
    CHECK_FALSE(answer_from_word("").has_value());
    CHECK(answer_from_folder("Généré") == Answer::Generated);
    CHECK(answer_from_folder("GENERE") == Answer::Generated);
    CHECK(answer_from_folder("reel") == Answer::Real);
    CHECK(answer_from_folder("Modifié") == Answer::Edited);
    CHECK(answer_from_folder("edited") == Answer::Edited);
    CHECK_FALSE(answer_from_folder("vacances").has_value());
    CHECK(difficulty_from_word("difficile") == 3);
    CHECK(difficulty_from_word("2") == 2);
    CHECK_FALSE(difficulty_from_word("4").has_value());
}

TEST_CASE("the tells column", "[pack][tells]") {
    std::string error;
    SECTION("fractions with notes in both languages, several tells") {
        auto tells =
            parse_tells("0.42, 0.61, 0.08: six doigts | six fingers; 0.1 0.2 0.3: ombre", &error);
        CHECK(error.empty());
        REQUIRE(tells.size() == 2);
        CHECK(tells[0].x == Approx(0.42));
        CHECK(tells[0].y == Approx(0.61));
        CHECK(tells[0].r == Approx(0.08));
        CHECK(tells[0].note.fr == "six doigts");
        CHECK(tells[0].note.en == "six fingers");
        CHECK(tells[1].note.fr == "ombre");
        CHECK(tells[1].note.en.empty());
    }
    SECTION("decimal commas, percentages, a time range, language prefixes, escapes") {
        auto tells =
            parse_tells("0,5 0,25 0,1 @ 1,5-2.5 : en: the shadow\n42% 61% 8%: a\\;b", &error);
        CHECK(error.empty());
        REQUIRE(tells.size() == 2);
        CHECK(tells[0].x == Approx(0.5));
        CHECK(tells[0].y == Approx(0.25));
        REQUIRE(tells[0].t0);
        CHECK(*tells[0].t0 == Approx(1.5));
        CHECK(*tells[0].t1 == Approx(2.5));
        CHECK(tells[0].note.en == "the shadow");
        CHECK(tells[0].note.fr.empty());
        CHECK(tells[1].x == Approx(0.42));
        CHECK(tells[1].note.fr == "a;b");
    }
    SECTION("mistakes say which tell and what") {
        parse_tells("0.1, 0.2, 0.3: ok; 1.4, 0.2, 0.1: trop loin", &error);
        CHECK(error ==
              "tell 2: x 1.4 is not between 0 and 1 (a fraction of the picture, or a percentage)");
        parse_tells("0.1, 0.2: deux nombres", &error);
        CHECK(error == "tell 1: \"0.1, 0.2\" is not three numbers x, y, r");
        parse_tells("0.1 0.2 0.1 @ 3-1: à l'envers", &error);
        CHECK(error == "tell 1: time range 3-1 ends before it starts");
    }
    SECTION("formatted tells read back the same") {
        auto tells = parse_tells(
            "0.5, 0.5, 0.2 @ 1-: l'ombre | the | shadow; 0.1, 0.1, 0.1: | only en", &error);
        REQUIRE(error.empty());
        auto again = parse_tells(format_tells(tells), &error);
        REQUIRE(error.empty());
        REQUIRE(again.size() == tells.size());
        for (std::size_t i = 0; i < tells.size(); ++i) {
            CHECK(again[i].x == Approx(tells[i].x));
            CHECK(again[i].t0 == tells[i].t0);
            CHECK(again[i].t1 == tells[i].t1);
            CHECK(again[i].note.fr == tells[i].note.fr);
            CHECK(again[i].note.en == tells[i].note.en);
        }
    }
}

TEST_CASE("spreadsheet rows are located at their line and column", "[pack][sheet]") {
    auto sheet = read_sheet(
        "fichier;réponse;difficulté;indices\r\na.jpg;faux;2;\r\nb.jpg;IA;7;0.1 0.1\r\n;réel;;\r\n",
        "items.csv");
    std::vector<std::string> messages;
    for (const auto& p : sheet.problems)
        messages.push_back(rc::content::to_string(p));
    CHECK(messages == std::vector<std::string>{
                          "items.csv:2: answer: \"faux\" is not one of real, generated, edited",
                          "items.csv:3: difficulty: \"7\" is not 1, 2 or 3 (easy, medium, hard)",
                          "items.csv:3: tells: tell 1: \"0.1 0.1\" is not three numbers x, y, r",
                          "items.csv:4: file: empty, the row is left out"});
    REQUIRE(sheet.rows.size() == 2);
    CHECK_FALSE(sheet.rows[0].answer.has_value());
    CHECK(sheet.rows[1].answer == Answer::Generated);
}
