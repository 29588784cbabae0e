#include "game/votes_csv.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>

#include "content/unicode.h"

namespace rc::game {
namespace {

// A hostile file of a million bad lines must not make a million messages.
constexpr std::size_t kMaxVoteProblems = 50;
// A value echoed in a message is cut after this many bytes (a 1 MB "band" stays one line).
constexpr std::size_t kMaxShownBytes = 60;
constexpr std::array<std::string_view, 4> kColumns = {"item", "band", "real", "generated"};

struct Record {
    std::size_t line = 0;  // where the record starts, 1-based
    std::vector<std::string> fields;
    std::string error;  // a quoting mistake: the record is left out
};

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t") == std::string_view::npos;
}

bool all_blank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const auto& f) { return is_blank(f); });
}

constexpr std::array<char, 3> kSeparators = {',', ';', '\t'};

// How often each of kSeparators stands outside quotes on the first line that is not blank.
std::array<std::size_t, 3> separators_on_first_line(std::string_view text) {
    std::array<std::size_t, 3> counts{};
    bool quoted = false;
    bool blank = true;
    for (const char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (quoted || c == '"')
            blank = false;
        else if ((c == '\n' || c == '\r') && !blank)
            break;
        else if (c == '\n' || c == '\r')
            counts = {};  // a blank line's tabs say nothing
        else if (auto at = std::find(kSeparators.begin(), kSeparators.end(), c);
                 at != kSeparators.end())
            ++counts[static_cast<std::size_t>(at - kSeparators.begin())];
        blank = blank && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    }
    return counts;
}

// French Excel saves "CSV" with ';', other spreadsheets with a tab. The first line (the
// header, or the first count) tells which, when only one separator splits it into the four
// columns; otherwise ',' as RFC 4180 has it, so a file that read before reads the same.
char detect_separator(std::string_view text) {
    const auto counts = separators_on_first_line(text);
    std::optional<char> found;
    for (std::size_t s = 0; s < kSeparators.size(); ++s) {
        if (counts[s] + 1 < kColumns.size())
            continue;
        if (found)
            return ',';
        found = kSeparators[s];
    }
    return found.value_or(',');
}

// Splits RFC 4180 text (CRLF or LF, the separator detect_separator finds) into records,
// keeping line numbers.
class CsvScanner {
  public:
    explicit CsvScanner(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF")
            text_.remove_prefix(3);
        separator_ = detect_separator(text_);
    }

    char separator() const { return separator_; }

    bool next(Record& record) {
        if (pos_ >= text_.size())
            return false;
        record = {line_, {std::string{}}, {}};
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n' || c == '\r') {
                end_line();
                return true;
            }
            ++pos_;
            if (c == separator_) {
                record.fields.emplace_back();
                quoted_field_done_ = false;
            } else if (quoted_field_done_) {
                // `"18–34" ,`: spaces after the closing quote, as before the opening one
                if (c != ' ' && c != '\t' && record.error.empty())
                    record.error = "text after a closing quote";
            } else if (c == '"' && is_blank(record.fields.back())) {
                record.fields.back().clear();  // `1, "18–34"`: the space is not the band's
                read_quoted(record);
            } else {
                record.fields.back() += c;
            }
        }
        quoted_field_done_ = false;
        return true;
    }

  private:
    void end_line() {
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')
            ++pos_;
        ++pos_;
        ++line_;
        quoted_field_done_ = false;
    }

    void read_quoted(Record& record) {
        auto& field = record.fields.back();
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"' && pos_ < text_.size() && text_[pos_] == '"') {
                field += '"';
                ++pos_;
            } else if (c == '"') {
                quoted_field_done_ = true;
                return;
            } else {
                if (c == '\n')
                    ++line_;
                field += c;
            }
        }
        record.error = "a quoted field is not closed";
    }

    std::string_view text_;
    char separator_ = ',';
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool quoted_field_done_ = false;
};

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::string lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// A value from the file as a message shows it: one line (a NUL would cut the message short,
// a line break would split it), control bytes written as \xNN, cut at a character's start.
std::string shown(std::string_view raw) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (out.size() >= kMaxShownBytes && (c & 0xC0) != 0x80)
            return out + "…";
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c == 0x7F)
            out += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
        else
            out += ch;
    }
    return out;
}

// A whole number in [low, high], or the reason it is not one.
std::optional<std::uint64_t> parse_count(const std::string& raw, std::uint64_t low,
                                         std::uint64_t high, std::string* why) {
    const auto text = trim(raw);
    const bool negative = text.size() > 1 && text[0] == '-';
    const auto digits = negative ? text.substr(1) : text;
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        *why = "\"" + shown(raw) + "\" is not a number";
        return std::nullopt;
    }
    if (negative) {
        *why = shown(text) + " is below " + std::to_string(low);
        return std::nullopt;
    }
    const auto significant = digits.substr(std::min(digits.find_first_not_of('0'), digits.size()));
    std::uint64_t value = 0;  // more than 18 digits is more than any limit here
    for (char c : significant.size() > 18 ? std::string(19, '9') : significant)
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value < low)
        *why = shown(text) + " is below " + std::to_string(low);
    else if (value > high)
        *why = shown(text) + " is more than " + std::to_string(high);
    else
        return value;
    return std::nullopt;
}

// A name without what hand typing changes: ASCII case, the kind of dash (U+2010 to U+2015
// and the minus sign read as '-'), runs of spaces.
std::string loose_name(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto next = name.substr(i, 3);
        const bool dash = (next.size() == 3 && next.substr(0, 2) == "\xE2\x80" &&
                           static_cast<unsigned char>(next[2]) >= 0x90 &&
                           static_cast<unsigned char>(next[2]) <= 0x95) ||
                          next == "\xE2\x88\x92";
        if (dash) {
            out += '-';
            i += 2;
        } else if (name[i] == ' ' || name[i] == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out +=
                name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i];
        }
    }
    return out;
}

std::string band_list(const std::vector<Band>& bands) {
    std::string list;
    for (const auto& band : bands)
        list += (list.empty() ? "" : ", ") + band.name;
    return list;
}

class VotesReader {
  public:
    VotesReader(std::string_view label, char separator, WorkshopSession& session)
        : label_(label), separator_(separator), session_(session) {}

    bool read_header(const Record& record) {
        std::vector<std::string> names;
        for (const auto& field : record.fields)
            names.push_back(lower(trim(field)));
        const bool looks_like_header = std::any_of(names.begin(), names.end(), [](const auto& n) {
            return std::find(kColumns.begin(), kColumns.end(), n) != kColumns.end();
        });
        if (!looks_like_header)
            return false;
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            auto at = std::find(names.begin(), names.end(), kColumns[c]);
            order_[c] = static_cast<std::size_t>(at - names.begin());
        }
        auto sorted = names;
        std::sort(sorted.begin(), sorted.end());
        std::array<std::string, 4> expected = {"band", "generated", "item", "real"};
        header_bad_ =
            sorted.size() != 4 || !std::equal(sorted.begin(), sorted.end(), expected.begin());
        if (header_bad_)
            fail(record.line, "header: expected the columns item, band, real, generated; got \"" +
                                  shown(join(record.fields)) + "\"");
        return true;
    }

    void read(const Record& record) {
        if (header_bad_)
            return;  // the columns are unknown: reading on would only guess
        if (!record.error.empty())
            return fail(record.line, record.error);
        if (all_blank(record.fields))
            return;  // a blank line, or a spreadsheet's empty row (`;;;`)
        if (record.fields.size() != kColumns.size())
            return fail(record.line, "expected 4 fields (item,band,real,generated), got " +
                                         std::to_string(record.fields.size()));
        std::string why;
        const auto& item_text = record.fields[order_[0]];
        const auto item = parse_count(item_text, 1, session_.items.size(), &why);
        if (!item)
            return fail(record.line, "item: " + why + " (the session has " +
                                         std::to_string(session_.items.size()) + " items)");
        const auto band = find_band(record.fields[order_[1]]);
        if (!band)
            return fail(record.line, "band: \"" + shown(record.fields[order_[1]]) +
                                         "\" is not a band of this session (" +
                                         band_list(session_.setup.bands) + ")");
        // Empty counts read as on the vote screen: both empty is a skipped count (not
        // counted), one empty is nobody.
        const auto& real = record.fields[order_[2]];
        const auto& generated = record.fields[order_[3]];
        if (is_blank(real) && is_blank(generated))
            return;
        BandCount count;
        for (std::size_t c : {2, 3}) {
            const auto& raw = c == 2 ? real : generated;
            const auto value = is_blank(raw) ? std::optional<std::uint64_t>(0)
                                             : parse_count(raw, 0, kMaxVotesPerCount, &why);
            if (!value)
                return fail(record.line, std::string(kColumns[c]) + ": " + why);
            (c == 2 ? count.real : count.generated) = static_cast<std::uint32_t>(*value);
        }
        store(record.line, *item - 1, *band, count);
    }

    std::vector<content::Problem> problems() { return std::move(problems_); }

  private:
    std::string join(const std::vector<std::string>& fields) const {
        std::string text;
        for (const auto& field : fields)
            text += (text.empty() ? "" : std::string(1, separator_)) + field;
        return text;
    }

    // The band of that exact name; else the only one it names as typed by hand: "Under 18",
    // "18-34" for "18–34" (a spreadsheet's hyphen), doubled spaces.
    std::optional<std::size_t> find_band(const std::string& raw) const {
        const auto name = content::to_nfc(trim(raw));
        const auto& bands = session_.setup.bands;
        for (std::size_t b = 0; b < bands.size(); ++b)
            if (bands[b].name == name)
                return b;
        std::optional<std::size_t> found;
        for (std::size_t b = 0; b < bands.size(); ++b) {
            if (loose_name(bands[b].name) != loose_name(name))
                continue;
            if (found)
                return std::nullopt;  // two bands: guessing would count for the wrong one
            found = b;
        }
        return found;
    }

    void store(std::size_t line, std::size_t item, std::size_t band, BandCount count) {
        auto [it, fresh] = given_.try_emplace({item, band}, line);
        if (!fresh)
            return fail(line, "item " + std::to_string(item + 1) + ", band \"" +
                                  session_.setup.bands[band].name + "\": already given on line " +
                                  std::to_string(it->second) + "; this line is left out");
        auto& votes = session_.items[item].votes;
        votes.resize(session_.setup.bands.size());
        votes[band] = count;
    }

    void fail(std::size_t line, std::string message) {
        if (problems_.size() == kMaxVoteProblems)
            problems_.push_back({content::Severity::Warning, label_, "more problems not shown"});
        if (problems_.size() > kMaxVoteProblems)
            return;
        problems_.push_back(
            {content::Severity::Warning, label_ + ":" + std::to_string(line), std::move(message)});
    }

    std::string label_;
    char separator_;
    WorkshopSession& session_;
    std::array<std::size_t, 4> order_ = {0, 1, 2, 3};
    bool header_bad_ = false;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> given_;  // (item, band) → line
    std::vector<content::Problem> problems_;
};

// A spreadsheet writes the empty cells right of the table too (`1;under 18;2;3;;`).
void drop_empty_extra_columns(std::vector<std::string>& fields) {
    while (fields.size() > kColumns.size() && is_blank(fields.back()))
        fields.pop_back();
}

}  // namespace

std::vector<content::Problem> apply_votes_csv(std::string_view text, std::string_view label,
                                              WorkshopSession& session) {
    CsvScanner scanner(text);
    VotesReader reader(label, scanner.separator(), session);
    Record record;
    bool first = true;
    while (scanner.next(record)) {
        drop_empty_extra_columns(record.fields);
        if (first && record.error.empty() && reader.read_header(record)) {
            first = false;
            continue;
        }
        first = false;
        reader.read(record);
    }
    return reader.problems();
}

}  // namespace rc::game
