// CSV/TSV reading and writing for the pack tool; see csv.h.
#include "tools/pack/csv.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "content/unicode.h"

namespace rc::packtool {

namespace {

// Windows-1252's 0x80–0x9F; 0 where the code page leaves a byte undefined.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, char32_t code) {
    if (code >= 0xD800 && code <= 0xDFFF)
        code = kReplacement;  // a lone surrogate is not a character
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::string from_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char byte : bytes) {
        char32_t code = byte;
        if (byte >= 0x80 && byte < 0xA0)
            code = kCp1252High[byte - 0x80] ? kCp1252High[byte - 0x80] : kReplacement;
        append_utf8(out, code);
    }
    return out;
}

std::string from_utf16(std::string_view bytes, bool big_endian) {
    std::string out;
    auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return big_endian ? (a << 8 | b) : (b << 8 | a);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        char32_t code = unit(i);
        if (code >= 0xD800 && code < 0xDC00 && i + 3 < bytes.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        append_utf8(out, code);
    }
    return out;
}

// The separator the header line uses most, outside quotes.
char detect_separator(std::string_view text) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            commas += c == ',', semicolons += c == ';', tabs += c == '\t';
    }
    if (tabs > commas && tabs > semicolons)
        return '\t';
    return semicolons > commas ? ';' : ',';
}

bool blank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const std::string& field) {
        return field.find_first_not_of(" \t") == std::string::npos;
    });
}

// Splits decoded text into records, each with the line it starts on. A quote opens a
// quoted field only at the start of a field (as LibreOffice reads it); inside one, a
// doubled quote is a quote. An unclosed quote runs to the end, reported by the caller.
struct Splitter {
    std::string_view text;
    char separator;
    std::size_t pos = 0;
    std::size_t line = 1;
    bool unclosed_quote = false;

    bool next(CsvRow& row) {
        if (pos >= text.size())
            return false;
        row.line = line;
        row.fields.assign(1, {});
        bool quoted = false, field_start = true;
        while (pos < text.size()) {
            char c = text[pos++];
            if (quoted) {
                if (c == '"' && pos < text.size() && text[pos] == '"') {
                    row.fields.back() += '"';
                    ++pos;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    count_line(c);
                    row.fields.back() += c;
                }
                continue;
            }
            if (c == '"' && field_start) {
                quoted = true;
                field_start = false;
            } else if (c == separator) {
                row.fields.emplace_back();
                field_start = true;
            } else if (c == '\r' || c == '\n') {
                end_line(c);
                return true;
            } else {
                row.fields.back() += c;
                field_start = false;
            }
        }
        unclosed_quote = quoted;
        return true;
    }

    // A line break inside a quoted field: kept as '\n', counted as a line.
    void count_line(char& c) {
        if (c == '\r') {
            if (pos < text.size() && text[pos] == '\n')
                ++pos;
            c = '\n';
        }
        if (c == '\n')
            ++line;
    }
    void end_line(char c) {
        if (c == '\r' && pos < text.size() && text[pos] == '\n')
            ++pos;
        ++line;
    }
};

std::string located(std::string_view label, std::size_t line) {
    return std::string(label) + ":" + std::to_string(line);
}

void drop_trailing_empty(std::vector<std::string>& fields) {
    while (!fields.empty() && fields.back().find_first_not_of(" \t") == std::string::npos)
        fields.pop_back();
}

// Checks a row's width against the header: extra filled cells are an error (the row is
// left out, its cells would land in the wrong columns); missing ones read as empty.
bool fit_row(CsvRow& row, std::size_t width, std::string_view label,
             std::vector<content::Problem>& problems) {
    const std::size_t given = row.fields.size();
    std::vector<std::string> trimmed = row.fields;
    drop_trailing_empty(trimmed);
    if (trimmed.size() > width) {
        problems.push_back({content::Severity::Error, located(label, row.line),
                            std::to_string(trimmed.size()) + " columns, but the header has " +
                                std::to_string(width) + ": the row is left out"});
        return false;
    }
    if (given < width && given > 1)
        problems.push_back({content::Severity::Warning, located(label, row.line),
                            std::to_string(given) + " columns, but the header has " +
                                std::to_string(width) + ": the missing ones are read as empty"});
    row.fields.resize(width);
    return true;
}

}  // namespace

std::string decode_spreadsheet_text(std::string_view bytes, std::string* encoding) {
    auto name = [&](const char* text) {
        if (encoding)
            *encoding = text;
    };
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        name("UTF-8 with BOM");
        return content::is_valid_utf8(bytes) ? std::string(bytes) : from_cp1252(bytes);
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        name("UTF-16");
        return from_utf16(bytes.substr(2), bytes[0] == '\xFE');
    }
    if (content::is_valid_utf8(bytes)) {
        name("UTF-8");
        return std::string(bytes);
    }
    name("Windows-1252");
    return from_cp1252(bytes);
}

CsvTable read_csv(std::string_view bytes, std::string_view file_label, CsvSeparator separator) {
    CsvTable table;
    if (bytes.size() > kMaxCsvBytes) {
        table.problems.push_back({content::Severity::Error, std::string(file_label),
                                  "larger than " + std::to_string(kMaxCsvBytes >> 20) +
                                      " MB: not a spreadsheet of pictures"});
        return table;
    }
    const std::string text = decode_spreadsheet_text(bytes, &table.encoding);
    switch (separator) {
        case CsvSeparator::Comma:
            table.separator = ',';
            break;
        case CsvSeparator::Semicolon:
            table.separator = ';';
            break;
        case CsvSeparator::Tab:
            table.separator = '\t';
            break;
        case CsvSeparator::Detect:
            table.separator = detect_separator(text);
            break;
    }
    Splitter splitter{text, table.separator};
    CsvRow row;
    bool have_header = false;
    while (splitter.next(row)) {
        if (blank(row.fields))
            continue;
        if (!have_header) {
            drop_trailing_empty(row.fields);
            if (row.fields.size() > kMaxCsvColumns) {
                table.problems.push_back({content::Severity::Error, located(file_label, row.line),
                                          std::to_string(row.fields.size()) +
                                              " columns: not a spreadsheet of pictures"});
                return table;
            }
            table.header = std::move(row.fields);
            table.header_line = row.line;
            have_header = true;
            continue;
        }
        if (fit_row(row, table.header.size(), file_label, table.problems))
            table.rows.push_back(std::move(row));
    }
    if (splitter.unclosed_quote)
        table.problems.push_back(
            {content::Severity::Error, located(file_label, row.line),
             "a quote opens a field that is never closed: the rest of the file is in it"});
    if (!have_header)
        table.problems.push_back(
            {content::Severity::Error, std::string(file_label), "empty: no header row"});
    return table;
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, char separator) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i)
                out += separator;
            const std::string& field = row[i];
            const bool quote =
                field.find_first_of(std::string("\"\r\n") + separator) != std::string::npos;
            if (!quote) {
                out += field;
                continue;
            }
            out += '"';
            for (char c : field)
                out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace rc::packtool
