// The spreadsheet's rows; see spreadsheet.h.
#include "tools/pack/spreadsheet.h"

#include <map>

#include "tools/pack/csv.h"
#include "tools/pack/tells.h"
#include "tools/pack/text.h"

namespace rc::packtool {

namespace {

using content::Severity;

std::string at(const Sheet& sheet, std::size_t line) {
    return sheet.label + ":" + std::to_string(line);
}

void fill_row(Sheet& sheet, const std::map<Column, std::size_t>& columns, const CsvRow& csv,
              SheetRow& row) {
    auto cell = [&](Column column) -> std::string {
        auto found = columns.find(column);
        return found == columns.end() ? std::string() : trim(csv.fields[found->second]);
    };
    auto problem = [&](Column column, std::string message) {
        sheet.problems.push_back(
            {Severity::Error, at(sheet, csv.line),
             std::string(column_name(column, content::Lang::En)) + ": " + std::move(message)});
    };
    row.line = csv.line;
    row.file = cell(Column::File);
    if (auto word = cell(Column::Answer); !word.empty()) {
        row.answer = answer_from_word(word);
        if (!row.answer)
            problem(Column::Answer, "\"" + word + "\" is not one of real, generated, edited");
    }
    row.explanation_fr = cell(Column::ExplanationFr);
    row.explanation_en = cell(Column::ExplanationEn);
    row.credit = cell(Column::Credit);
    row.license = cell(Column::License);
    row.source_url = cell(Column::SourceUrl);
    row.generator = cell(Column::Generator);
    row.prompt = cell(Column::Prompt);
    row.category = cell(Column::Category);
    if (auto word = cell(Column::Difficulty); !word.empty()) {
        row.difficulty = difficulty_from_word(word);
        if (!row.difficulty)
            problem(Column::Difficulty, "\"" + word + "\" is not 1, 2 or 3 (easy, medium, hard)");
    }
    if (auto text = cell(Column::Tells); !text.empty()) {
        std::string why;
        auto tells = parse_tells(text, &why);
        if (why.empty())
            row.tells = std::move(tells);
        else
            problem(Column::Tells, why);
    }
}

// Which column each known header names; unknown headers are reported once, as warnings.
std::map<Column, std::size_t> map_columns(Sheet& sheet, const std::vector<std::string>& header,
                                          std::size_t line) {
    std::map<Column, std::size_t> columns;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto column = column_from_name(header[i]);
        if (!column) {
            if (!trim(header[i]).empty())
                sheet.problems.push_back(
                    {Severity::Warning, at(sheet, line),
                     "column \"" + trim(header[i]) + "\" is not one the tool reads: ignored"});
            continue;
        }
        if (!columns.emplace(*column, i).second)
            sheet.problems.push_back(
                {Severity::Warning, at(sheet, line),
                 "column \"" + trim(header[i]) + "\" is there twice: the first one is read"});
    }
    return columns;
}

}  // namespace

Sheet read_sheet(std::string_view bytes, std::string_view label) {
    Sheet sheet;
    sheet.label = std::string(label);
    const bool tsv = fold(label).ends_with(".tsv");
    CsvTable table = read_csv(bytes, label, tsv ? CsvSeparator::Tab : CsvSeparator::Detect);
    sheet.encoding = table.encoding;
    sheet.separator = table.separator;
    sheet.problems = std::move(table.problems);
    if (table.header.empty())
        return sheet;
    const std::size_t header_line = table.header_line;
    const auto columns = map_columns(sheet, table.header, header_line);
    if (!columns.count(Column::File)) {
        sheet.problems.push_back({Severity::Error, at(sheet, header_line),
                                  "no \"file\" (or \"fichier\") column: the rows cannot be "
                                  "matched to pictures"});
        return sheet;
    }
    for (const auto& csv : table.rows) {
        SheetRow row;
        fill_row(sheet, columns, csv, row);
        if (row.file.empty()) {
            sheet.problems.push_back(
                {Severity::Error, at(sheet, csv.line), "file: empty, the row is left out"});
            continue;
        }
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

std::vector<std::string> sheet_header(content::Lang lang) {
    std::vector<std::string> header;
    for (auto column : all_columns())
        header.emplace_back(column_name(column, lang));
    return header;
}

std::vector<std::string> sheet_row(const content::PackItem& item, const std::string& file,
                                   const std::string& prompt, content::Lang lang) {
    static const char* kFrenchAnswers[] = {"réel", "généré", "modifié"};
    std::vector<std::string> row;
    for (auto column : all_columns()) {
        switch (column) {
            case Column::File:
                row.push_back(file);
                break;
            case Column::Answer:
                row.emplace_back(lang == content::Lang::Fr
                                     ? kFrenchAnswers[static_cast<int>(item.answer)]
                                     : content::to_string(item.answer));
                break;
            case Column::ExplanationFr:
                row.push_back(item.explanation.fr);
                break;
            case Column::ExplanationEn:
                row.push_back(item.explanation.en);
                break;
            case Column::Credit:
                row.push_back(item.source.credit);
                break;
            case Column::License:
                row.push_back(item.source.license);
                break;
            case Column::SourceUrl:
                row.push_back(item.source.url);
                break;
            case Column::Generator:
                row.push_back(item.generator);
                break;
            case Column::Prompt:
                row.push_back(prompt);
                break;
            case Column::Category:
                row.push_back(item.category);
                break;
            case Column::Difficulty:
                row.push_back(item.difficulty ? std::to_string(item.difficulty) : "");
                break;
            case Column::Tells:
                row.push_back(format_tells(item.tells));
                break;
        }
    }
    return row;
}

}  // namespace rc::packtool
