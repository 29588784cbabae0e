// The facilitator's spreadsheet (items.csv / items.tsv) read into rows of pack fields,
// with every problem located at its line and column ("items.csv:12: answer: "faux" is not
// one of real, generated, edited"), and the pack's items written back as the same
// columns (export). A cell left empty means "not given": the import keeps what the pack
// already has there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/manifest.h"
#include "content/problem.h"
#include "tools/pack/columns.h"

namespace rc::packtool {

struct SheetRow {
    std::size_t line = 0;
    std::string file;  // as typed: "generated/cat.png" or "cat.png"
    std::optional<content::Answer> answer;
    std::string explanation_fr, explanation_en, credit, license, source_url, generator, prompt,
        category;
    std::optional<int> difficulty;
    std::optional<std::vector<content::Tell>> tells;
};

struct Sheet {
    std::string label;  // "items.csv"
    std::string encoding;
    char separator = ',';
    std::vector<SheetRow> rows;
    std::vector<content::Problem> problems;
};

// The spreadsheet names in a source folder, in the order they are looked for.
inline constexpr const char* kSheetNames[] = {"items.csv", "items.tsv"};

// `label` locates problems; a name ending in .tsv is read with tabs.
Sheet read_sheet(std::string_view bytes, std::string_view label);

// The template's header row in `lang`.
std::vector<std::string> sheet_header(content::Lang lang);

// One row of the template's columns for an item; `file` names its picture. The answer is
// written in `lang` ("généré" in French).
std::vector<std::string> sheet_row(const content::PackItem& item, const std::string& file,
                                   const std::string& prompt, content::Lang lang);

}  // namespace rc::packtool
