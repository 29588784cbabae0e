// The spreadsheet reader against what LibreOffice and Excel write: encodings, separators,
// quoting, line ends, and rows of the wrong width located by their line.
#include <catch2/catch.hpp>

#include "tools/pack/csv.h"

using rc::content::Severity;
using rc::packtool::CsvSeparator;
using rc::packtool::read_csv;

namespace {

std::vector<std::string> row(std::initializer_list<const char*> fields) {
    return {fields.begin(), fields.end()};
}

}  // namespace

TEST_CASE("the CSV reader reads what spreadsheets export", "[pack][csv]") {
    SECTION("UTF-8 with a BOM and commas") {
        auto table = read_csv(
            "\xEF\xBB\xBF"
            "file,answer\nchat.jpg,généré\n",
            "items.csv");
        CHECK(table.encoding == "UTF-8 with BOM");
        CHECK(table.separator == ',');
        CHECK(table.header == row({"file", "answer"}));
        REQUIRE(table.rows.size() == 1);
        CHECK(table.rows[0].fields == row({"chat.jpg", "généré"}));
        CHECK(table.problems.empty());
    }
    SECTION("semicolons (French Excel), with commas inside the fields") {
        auto table = read_csv("fichier;explication_fr\na.jpg;un, deux\n", "items.csv");
        CHECK(table.separator == ';');
        REQUIRE(table.rows.size() == 1);
        CHECK(table.rows[0].fields == row({"a.jpg", "un, deux"}));
    }
    SECTION("CRLF line ends, and quoted fields holding line breaks and doubled quotes") {
        auto table = read_csv("file;note\r\na.jpg;\"il dit \"\"non\"\"\r\nensuite\"\r\nb.jpg;x\r\n",
                              "items.csv");
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].fields[1] == "il dit \"non\"\nensuite");
        CHECK(table.rows[0].line == 2);
        CHECK(table.rows[1].line == 4);  // the quoted line break counts as a line
        CHECK(table.rows[1].fields == row({"b.jpg", "x"}));
    }
    SECTION("Windows-1252 from old Excel is decoded to UTF-8") {
        auto table = read_csv(
            "fichier;r\xE9ponse\r\n\x9C"
            "uf.jpg;g\xE9n\xE9r\xE9 \x80\r\n",
            "items.csv");
        CHECK(table.encoding == "Windows-1252");
        CHECK(table.header == row({"fichier", "réponse"}));
        REQUIRE(table.rows.size() == 1);
        CHECK(table.rows[0].fields == row({"œuf.jpg", "généré €"}));
    }
    SECTION("UTF-16 (Excel's Unicode text) with tabs") {
        const std::string text = std::string("\xFF\xFE", 2) + std::string("f\0\t\0\xE9\0\n\0", 8);
        auto table = read_csv(text, "items.tsv");
        CHECK(table.encoding == "UTF-16");
        CHECK(table.separator == '\t');
        CHECK(table.header == row({"f", "é"}));
    }
    SECTION("tabs are forced for .tsv even when commas are more numerous") {
        auto table = read_csv("a,b\tc\n1,2\t3\n", "items.tsv", CsvSeparator::Tab);
        CHECK(table.header == row({"a,b", "c"}));
    }
    SECTION("empty trailing columns are dropped from the header and the rows") {
        auto table =
            read_csv("file;answer;;;\r\na.jpg;real;;;\r\n;;;;\r\nb.jpg;;;;\r\n", "items.csv");
        CHECK(table.header == row({"file", "answer"}));
        REQUIRE(table.rows.size() == 2);  // the blank row is left out
        CHECK(table.rows[0].fields == row({"a.jpg", "real"}));
        CHECK(table.rows[1].fields == row({"b.jpg", ""}));
        CHECK(table.problems.empty());
    }
    SECTION("a row with too many filled columns is left out, located at its line") {
        auto table =
            read_csv("file;answer\na.jpg;real\nb.jpg;real;extra\nc.jpg;real\n", "items.csv");
        REQUIRE(table.problems.size() == 1);
        CHECK(table.problems[0].severity == Severity::Error);
        CHECK(rc::content::to_string(table.problems[0]) ==
              "items.csv:3: 3 columns, but the header has 2: the row is left out");
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[1].fields[0] == "c.jpg");
    }
    SECTION("a row with too few columns is read, with a warning at its line") {
        auto table = read_csv("file;answer;category\na.jpg;real\n", "items.csv");
        REQUIRE(table.problems.size() == 1);
        CHECK(table.problems[0].severity == Severity::Warning);
        CHECK(table.problems[0].where == "items.csv:2");
        REQUIRE(table.rows.size() == 1);
        CHECK(table.rows[0].fields == row({"a.jpg", "real", ""}));
    }
    SECTION("an unclosed quote and an empty file are reported") {
        auto open = read_csv("file\n\"a.jpg\n", "items.csv");
        REQUIRE_FALSE(open.problems.empty());
        CHECK(open.problems.back().message.find("never closed") != std::string::npos);
        auto empty = read_csv("", "items.csv");
        REQUIRE(empty.problems.size() == 1);
        CHECK(rc::content::to_string(empty.problems[0]) == "items.csv: empty: no header row");
    }
}

TEST_CASE("the CSV writer's output reads back to the same rows", "[pack][csv]") {
    const std::vector<std::vector<std::string>> rows = {
        {"file", "note"}, {"a.jpg", "deux; lignes\n\"citées\""}, {"b.jpg", ""}};
    for (char separator : {',', ';'}) {
        const std::string text = rc::packtool::write_csv(rows, separator);
        CHECK(text.starts_with("\xEF\xBB\xBF"));
        auto table = read_csv(text, "items.csv");
        CHECK(table.separator == separator);
        CHECK(table.header == rows[0]);
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0].fields == rows[1]);
        CHECK(table.rows[1].fields == rows[2]);
    }
}
