// The spreadsheet reader and writer of the pack tool: what LibreOffice and Excel export as
// CSV or TSV, decoded to UTF-8 rows. Plain C++; every byte sequence is accepted without a
// crash and problems come back located ("items.csv:12: ...").
//
// Reads: UTF-8 with or without a byte-order mark, UTF-16 with a mark (Excel's "Unicode
// text"), otherwise Windows-1252 (old Excel) when the bytes are not valid UTF-8; comma,
// semicolon or tab separators (detected from the header line, tab forced for .tsv);
// quoted fields holding separators, line breaks and doubled quotes; CRLF, LF or CR line
// ends. It does not know what the columns mean (spreadsheet.h does).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"

namespace rc::packtool {

// A spreadsheet is a few hundred rows; anything far bigger is not one.
inline constexpr std::size_t kMaxCsvBytes = 64u << 20;
inline constexpr std::size_t kMaxCsvColumns = 200;

struct CsvRow {
    std::size_t line = 0;  // the line the row starts on, 1-based, as a spreadsheet counts
    std::vector<std::string> fields;
};

enum class CsvSeparator { Detect, Comma, Semicolon, Tab };

struct CsvTable {
    std::vector<std::string> header;  // the first row, trailing empty names dropped
    std::size_t header_line = 1;
    std::vector<CsvRow> rows;  // the rows after it, blank rows left out
    char separator = ',';
    std::string encoding;  // "UTF-8", "UTF-8 with BOM", "UTF-16", "Windows-1252"
    std::vector<content::Problem> problems;
};

// `file_label` locates problems ("items.csv" → "items.csv:12").
CsvTable read_csv(std::string_view bytes, std::string_view file_label,
                  CsvSeparator separator = CsvSeparator::Detect);

// The bytes as UTF-8: a BOM removed, UTF-16 decoded, Windows-1252 decoded when the bytes
// are not valid UTF-8. *encoding names what was found.
std::string decode_spreadsheet_text(std::string_view bytes, std::string* encoding);

// Rows as CSV text: UTF-8 with a BOM (so Excel reads the accents), fields quoted when they
// hold the separator, a quote or a line break, CRLF line ends (what Excel writes).
std::string write_csv(const std::vector<std::vector<std::string>>& rows, char separator);

}  // namespace rc::packtool
