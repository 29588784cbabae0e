// Parsing and schema checks of pack.json (format 1); see manifest.h.
// Only nlohmann::json's non-throwing entry points are used (parse with exceptions off,
// find, get_ptr): the web build has exceptions disabled and a throw would abort the page,
// and a facilitator's typo must become a located message, never a crash.
#include "content/manifest.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

namespace rc::content {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxExcerptBytes = 60;
constexpr std::size_t kUncapped = static_cast<std::size_t>(-1);  // names: checked, never cut
constexpr const char* kLocalizedShape = R"(expected an object like {"fr": "…", "en": "…"})";

// Collects the problems of one scope (the whole file, or one item) at one severity and
// remembers whether that scope had any.
class Reporter {
  public:
    Reporter(std::string_view file_label, Severity severity, std::vector<Problem>& out)
        : file_label_(file_label), severity_(severity), out_(out) {}

    void report(std::string_view path, std::string message) {
        out_.push_back({severity_, where_of(path), std::move(message)});
        ++count_;
    }
    // A Warning that keeps the item (a text cut to its cap): not counted against clean().
    void note(std::string_view path, std::string message) {
        out_.push_back({Severity::Warning, where_of(path), std::move(message)});
    }
    bool clean() const { return count_ == 0; }

  private:
    std::string where_of(std::string_view path) const {
        std::string where(file_label_);
        if (!path.empty()) {
            where += ": ";
            where += path;
        }
        return where;
    }

    std::string_view file_label_;
    Severity severity_;
    std::vector<Problem>& out_;
    std::size_t count_ = 0;
};

// Pack text echoed in a message: control characters replaced and long text cut on a UTF-8
// character boundary, so messages stay one readable line of valid UTF-8.
std::string excerpt(std::string_view text) {
    bool cut = text.size() > kMaxExcerptBytes;
    if (cut) {
        std::size_t end = kMaxExcerptBytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        text = text.substr(0, end);
    }
    std::string out;
    for (char ch : text) {
        auto byte = static_cast<unsigned char>(ch);
        out += (byte < 0x20 || byte == 0x7F) ? '?' : ch;
    }
    if (cut)
        out += "…";
    return out;
}

std::string in_quotes(std::string_view text) {
    return "\"" + excerpt(text) + "\"";
}

// The value a facilitator wrote, as shown after "got".
std::string describe(const json& value) {
    if (value.is_null())
        return "null";
    if (const auto* flag = value.get_ptr<const json::boolean_t*>())
        return *flag ? "true" : "false";
    if (const auto* text = value.get_ptr<const json::string_t*>())
        return in_quotes(*text);
    if (value.is_number())
        return value.dump(-1, ' ', false, json::error_handler_t::replace);  // never throws
    if (value.is_object())
        return "an object";
    if (value.is_array())
        return "an array";
    return "an unknown value";
}

std::string join(std::string_view base, std::string_view key) {
    if (base.empty())
        return std::string(key);
    std::string path(base);
    path += '.';
    path += key;
    return path;
}

std::string indexed(std::string_view base, std::size_t index) {
    return std::string(base) + "[" + std::to_string(index) + "]";
}

const json* member(const json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// Integers, or floats with no fractional part ("difficulty": 2.0 is fine).
std::optional<std::int64_t> whole_number(const json& value) {
    if (const auto* i = value.get_ptr<const json::number_integer_t*>())
        return *i;
    if (const auto* u = value.get_ptr<const json::number_unsigned_t*>()) {
        if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(*u);
    }
    if (const auto* f = value.get_ptr<const json::number_float_t*>()) {
        if (std::isfinite(*f) && std::floor(*f) == *f && std::fabs(*f) < 1e15)
            return static_cast<std::int64_t>(*f);
    }
    return std::nullopt;
}

std::optional<double> number(const json& value) {
    if (!value.is_number())
        return std::nullopt;
    if (const auto* i = value.get_ptr<const json::number_integer_t*>())
        return static_cast<double>(*i);
    if (const auto* u = value.get_ptr<const json::number_unsigned_t*>())
        return static_cast<double>(*u);
    if (const auto* f = value.get_ptr<const json::number_float_t*>())
        return *f;
    return std::nullopt;
}

bool is_continuation_byte(char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) == 0x80;
}

// Characters (code points) of valid UTF-8, which is all nlohmann's parser lets through.
std::size_t char_count(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char ch) { return !is_continuation_byte(ch); }));
}

// Keeps the first max_chars characters, cut on a character boundary, and says so.
void cap_text(std::string& text, std::size_t max_chars, const std::string& path, Reporter& r) {
    if (max_chars == kUncapped || text.size() <= max_chars)
        return;  // fewer bytes than the cap: fewer characters too
    const std::size_t chars = char_count(text);
    if (chars <= max_chars)
        return;
    std::size_t kept = 0;
    std::size_t end = 0;
    for (; end < text.size(); ++end) {
        if (!is_continuation_byte(text[end]) && kept++ == max_chars)
            break;
    }
    text.resize(end);
    r.note(path, std::to_string(chars) + " characters, cut to " + std::to_string(max_chars));
}

std::optional<std::string> string_value(const json& value, const std::string& path, Reporter& r,
                                        std::size_t max_chars) {
    if (const auto* text = value.get_ptr<const json::string_t*>()) {
        std::string out = *text;
        cap_text(out, max_chars, path, r);
        return out;
    }
    r.report(path, "expected a string, got " + describe(value));
    return std::nullopt;
}

std::optional<std::string> required_string(const json& object, const char* key,
                                           std::string_view base, Reporter& r,
                                           std::size_t max_chars = kUncapped) {
    const json* value = member(object, key);
    if (!value) {
        r.report(join(base, key), "required field is missing");
        return std::nullopt;
    }
    return string_value(*value, join(base, key), r, max_chars);
}

// A required string that must also be non-empty (credit, license).
std::optional<std::string> required_text(const json& object, const char* key, std::string_view base,
                                         Reporter& r, std::size_t max_chars) {
    auto text = required_string(object, key, base, r, max_chars);
    if (text && text->empty()) {
        r.report(join(base, key), "must not be empty");
        return std::nullopt;
    }
    return text;
}

// Optional strings may be absent or null (spreadsheet exports write null for empty cells).
// Returns false, after reporting, only when the value has a wrong type.
bool optional_string(const json& object, const char* key, std::string_view base, Reporter& r,
                     std::string& out, std::size_t max_chars) {
    const json* value = member(object, key);
    if (!value || value->is_null())
        return true;
    auto text = string_value(*value, join(base, key), r, max_chars);
    if (text)
        out = std::move(*text);
    return text.has_value();
}

std::optional<LocalizedText> localized(const json& value, const std::string& path, Reporter& r,
                                       std::size_t max_chars) {
    if (!value.is_object()) {
        r.report(path, std::string(kLocalizedShape) + ", got " + describe(value));
        return std::nullopt;
    }
    LocalizedText text;
    bool ok = optional_string(value, "fr", path, r, text.fr, max_chars);
    ok = optional_string(value, "en", path, r, text.en, max_chars) && ok;
    if (!ok)
        return std::nullopt;
    if (text.empty()) {
        r.report(path, R"(needs a non-empty "fr" or "en" text)");
        return std::nullopt;
    }
    return text;
}

std::optional<LocalizedText> required_localized(const json& object, const char* key,
                                                std::string_view base, Reporter& r,
                                                std::size_t max_chars) {
    const json* value = member(object, key);
    if (!value) {
        r.report(join(base, key), "required field is missing");
        return std::nullopt;
    }
    return localized(*value, join(base, key), r, max_chars);
}

bool is_id_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
           ch == '-';
}

// Ids name saved progress and download folders, hence the file-name-safe alphabet.
void check_id(std::string_view id, const std::string& path, Reporter& r) {
    if (id.empty()) {
        r.report(path, "must not be empty");
    } else if (char_count(id) > kMaxIdChars) {
        r.report(path, std::to_string(char_count(id)) + " characters; an id has at most " +
                           std::to_string(kMaxIdChars));
    } else if (!std::all_of(id.begin(), id.end(), is_id_char)) {
        r.report(path,
                 R"(must use only lowercase letters a-z, digits 0-9, ".", "_" and "-", got )" +
                     in_quotes(id));
    }
}

// ---- items ----

void read_media(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    auto media = required_string(item, "media", base, r);
    if (!media)
        return;
    std::string why;
    if (media->empty()) {
        r.report(join(base, "media"), R"(expected a path like "media/0001.jpg", got "")");
    } else if (char_count(*media) > kMaxMediaPathChars) {
        r.report(join(base, "media"), std::to_string(char_count(*media)) +
                                          " characters; a media path has at most " +
                                          std::to_string(kMaxMediaPathChars));
    } else if (!check_media_path(*media, &why)) {
        r.report(join(base, "media"), excerpt(*media) + ": " + why);
    } else {
        out.media = std::move(*media);
    }
}

void read_kind(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    const json* kind = member(item, "kind");
    if (!kind)
        return;
    const auto* text = kind->get_ptr<const json::string_t*>();
    if (text && (*text == "image" || *text == "video")) {
        out.kind = *text == "image" ? MediaKind::Image : MediaKind::Video;
        return;
    }
    r.report(join(base, "kind"), R"(expected "image" or "video", got )" + describe(*kind));
}

void read_answer(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    const json* value = member(item, "answer");
    if (!value) {
        r.report(join(base, "answer"), "required field is missing");
        return;
    }
    const auto* text = value->get_ptr<const json::string_t*>();
    auto answer = text ? answer_from_string(*text) : std::nullopt;
    if (answer) {
        out.answer = *answer;
        return;
    }
    r.report(join(base, "answer"),
             R"(expected "real", "generated" or "edited", got )" + describe(*value));
}

void read_source(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    const json* source = member(item, "source");
    std::string path = join(base, "source");
    if (!source) {
        r.report(path, "required field is missing");
        return;
    }
    if (!source->is_object()) {
        r.report(path,
                 R"(expected an object like {"credit": "…", "license": "…", "url": "…"}, got )" +
                     describe(*source));
        return;
    }
    if (auto credit = required_text(*source, "credit", path, r, kMaxCreditChars))
        out.source.credit = *credit;
    if (auto license = required_text(*source, "license", path, r, kMaxLicenseChars))
        out.source.license = *license;
    optional_string(*source, "url", path, r, out.source.url, kMaxUrlChars);
}

void read_generator(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    const json* generator = member(item, "generator");
    if (!generator || generator->is_null())
        return;
    if (const auto* text = generator->get_ptr<const json::string_t*>()) {
        out.generator = *text;
        cap_text(out.generator, kMaxGeneratorChars, join(base, "generator"), r);
        return;
    }
    r.report(join(base, "generator"), "expected a string or null, got " + describe(*generator));
}

// x and y may sit on the edge (0 or 1); a circle needs a radius above 0.
std::optional<float> read_coordinate(const json& tell, const char* key, const std::string& base,
                                     bool is_radius, Reporter& r) {
    const json* value = member(tell, key);
    if (!value) {
        r.report(join(base, key), "required field is missing");
        return std::nullopt;
    }
    auto v = number(*value);
    bool ok = v && (is_radius ? (*v > 0.0 && *v <= 1.0) : (*v >= 0.0 && *v <= 1.0));
    if (ok)
        return static_cast<float>(*v);
    r.report(join(base, key),
             std::string(is_radius ? "expected a number greater than 0 and at most 1"
                                   : "expected a number from 0 to 1") +
                 ", got " + describe(*value));
    return std::nullopt;
}

// A tell's time range on a clip: seconds from the start, t1 after t0. Absent ends are open.
bool read_time_range(const json& tell, const std::string& base, Reporter& r, Tell& out) {
    bool ok = true;
    for (const char* key : {"t0", "t1"}) {
        const json* value = member(tell, key);
        if (!value || value->is_null())
            continue;
        auto seconds = number(*value);
        if (seconds && *seconds >= 0.0 && *seconds <= kMaxTellSeconds) {
            (key[1] == '0' ? out.t0 : out.t1) = static_cast<float>(*seconds);
            continue;
        }
        r.report(join(base, key), "expected a time in seconds from 0 to " +
                                      std::to_string(static_cast<int>(kMaxTellSeconds)) + ", got " +
                                      describe(*value));
        ok = false;
    }
    if (ok && out.t0 && out.t1 && *out.t1 < *out.t0) {
        r.report(join(base, "t1"), "expected a time after t0 (" + describe(*member(tell, "t0")) +
                                       "), got " + describe(*member(tell, "t1")));
        ok = false;
    }
    return ok;
}

std::optional<Tell> read_tell(const json& value, const std::string& path, Reporter& r) {
    if (!value.is_object()) {
        r.report(path,
                 R"(expected an object like {"x": 0.5, "y": 0.5, "r": 0.1, "note": {…}}, got )" +
                     describe(value));
        return std::nullopt;
    }
    auto x = read_coordinate(value, "x", path, false, r);
    auto y = read_coordinate(value, "y", path, false, r);
    auto radius = read_coordinate(value, "r", path, true, r);
    auto note = required_localized(value, "note", path, r, kMaxNoteChars);
    Tell tell;
    const bool timed_ok = read_time_range(value, path, r, tell);
    if (!x || !y || !radius || !note || !timed_ok)
        return std::nullopt;
    tell.x = *x;
    tell.y = *y;
    tell.r = *radius;
    tell.note = std::move(*note);
    return tell;
}

void read_tells(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    const json* tells = member(item, "tells");
    if (!tells || tells->is_null())
        return;
    std::string path = join(base, "tells");
    if (!tells->is_array()) {
        r.report(path, "expected an array of circles, got " + describe(*tells));
        return;
    }
    for (std::size_t i = 0; i < tells->size(); ++i) {
        if (auto tell = read_tell((*tells)[i], indexed(path, i), r))
            out.tells.push_back(std::move(*tell));
    }
}

void read_difficulty(const json& item, const std::string& base, Reporter& r, PackItem& out) {
    const json* value = member(item, "difficulty");
    if (!value || value->is_null())
        return;
    auto level = whole_number(*value);
    if (level && *level >= 1 && *level <= 3) {
        out.difficulty = static_cast<int>(*level);
        return;
    }
    r.report(join(base, "difficulty"),
             "expected a whole number from 1 to 3, got " + describe(*value));
}

std::optional<PackItem> read_item(const json& value, std::size_t index, Reporter& r) {
    std::string base = indexed("items", index);
    if (!value.is_object()) {
        r.report(base,
                 R"(expected an object like {"id": "…", "media": "…", …}, got )" + describe(value));
        return std::nullopt;
    }
    PackItem item;
    item.manifest_index = index;
    if (auto id = required_string(value, "id", base, r)) {
        check_id(*id, join(base, "id"), r);
        item.id = std::move(*id);
    }
    read_media(value, base, r, item);
    read_kind(value, base, r, item);
    read_answer(value, base, r, item);
    read_source(value, base, r, item);
    read_generator(value, base, r, item);
    if (auto text = required_localized(value, "explanation", base, r, kMaxExplanationChars))
        item.explanation = std::move(*text);
    read_tells(value, base, r, item);
    optional_string(value, "prompt", base, r, item.prompt, kMaxPromptChars);
    optional_string(value, "category", base, r, item.category, kMaxCategoryChars);
    read_difficulty(value, base, r, item);
    if (!r.clean())
        return std::nullopt;
    return item;
}

// Every item is checked, even when the top level already failed, so the facilitator sees
// all mistakes in one go.
void read_items(const json& items, std::string_view file_label, std::vector<Problem>& problems,
                Manifest& out) {
    std::map<std::string, std::size_t> first_use;  // id → index of the item that claimed it
    for (std::size_t i = 0; i < items.size(); ++i) {
        Reporter r(file_label, Severity::Warning, problems);
        auto item = read_item(items[i], i, r);
        const json* id_value = items[i].is_object() ? member(items[i], "id") : nullptr;
        const auto* id = id_value ? id_value->get_ptr<const json::string_t*>() : nullptr;
        if (!id || id->empty())
            continue;
        // An id is claimed by its first item even if that item is left out for another
        // reason: fixing that item later must not silently turn this into a duplicate.
        auto [it, inserted] = first_use.emplace(*id, i);
        if (!inserted) {
            r.report(join(indexed("items", i), "id"), "duplicate id " + in_quotes(*id) +
                                                          " (first used by " +
                                                          indexed("items", it->second) + ")");
            continue;
        }
        if (item)
            out.items.push_back(std::move(*item));
    }
}

// ---- top level ----

void read_format(const json& doc, Reporter& r, bool& unsupported) {
    const std::string supported = "this program reads format " + std::to_string(kManifestFormat);
    const json* value = member(doc, "format");
    if (!value) {
        r.report("format", "required field is missing; " + supported);
        return;
    }
    auto format = whole_number(*value);
    if (!format) {
        r.report("format", "expected a whole number, got " + describe(*value) + "; " + supported);
    } else if (*format != kManifestFormat) {
        unsupported = true;
        std::string hint =
            *format > kManifestFormat ? " (the pack may need a newer realcheck)" : "";
        r.report("format", "unsupported format " + std::to_string(*format) +
                               "; supported formats: " + std::to_string(kManifestFormat) + hint);
    }
}

// Optional top-level fields with a wrong value are dropped with a Warning: the pack still
// plays, and the facilitator is told.
void read_optional_top_level(const json& doc, Reporter& warn, Manifest& out) {
    if (const json* value = member(doc, "description"); value && !value->is_null()) {
        if (auto text = localized(*value, "description", warn, kMaxDescriptionChars))
            out.description = std::move(*text);
    }
    if (const json* authors = member(doc, "authors"); authors && !authors->is_null()) {
        if (!authors->is_array()) {
            warn.report("authors", "expected an array of names, got " + describe(*authors));
        } else {
            for (std::size_t i = 0; i < authors->size(); ++i) {
                if (auto name =
                        string_value((*authors)[i], indexed("authors", i), warn, kMaxAuthorChars))
                    out.authors.push_back(std::move(*name));
            }
        }
    }
    if (const json* answers = member(doc, "answers"); answers && !answers->is_null()) {
        auto count = whole_number(*answers);
        if (count == 2 || count == 3) {
            out.three_answers = *count == 3;
        } else {
            warn.report("answers",
                        "expected 2 (real/generated) or 3 (real/generated/edited), got " +
                            describe(*answers));
        }
    }
}

// Receives nlohmann's syntax error without exceptions: sax_parse reports it through
// parse_error() and stops.
class SyntaxErrorLocator : public nlohmann::json_sax<json> {
  public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) override {
        position_ = position;
        detail_ = error.what();
        return false;
    }

    std::size_t position_ = 0;
    std::string detail_;
};

// nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error ..."; keep the part after the location (we give our own) and only printable
// ASCII, since it quotes raw input bytes.
std::string syntax_detail(const std::string& what) {
    std::string_view rest(what);
    if (rest.rfind("[json.exception", 0) == 0) {
        auto colon = rest.find(": ");
        if (colon != std::string_view::npos)
            rest.remove_prefix(colon + 2);
    }
    std::string out;
    for (char ch : rest.substr(0, 200))
        out += (ch >= 0x20 && ch < 0x7F) ? ch : '?';
    return out;
}

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; });
}

std::string syntax_message(std::string_view text) {
    if (is_blank(text))
        return "the file is empty";
    if (text.size() >= 2 &&
        ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
        return "not valid JSON: the file is saved as UTF-16; save it as UTF-8";
    SyntaxErrorLocator locator;
    json::sax_parse(text.begin(), text.end(), &locator);
    // nlohmann's position counts characters read, so the offending byte is the one before
    // it (or the end of the text).
    std::size_t bad = std::min(locator.position_ > 0 ? locator.position_ - 1 : 0, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column;  // count characters as an editor shows them, not UTF-8 bytes
        }
    }
    std::string message =
        "not valid JSON: line " + std::to_string(line) + ", column " + std::to_string(column);
    if (!locator.detail_.empty())
        message += ": " + syntax_detail(locator.detail_);
    return message;
}

}  // namespace

const std::string& LocalizedText::get(Lang lang, bool* fell_back) const {
    const std::string& wanted = lang == Lang::Fr ? fr : en;
    const std::string& other = lang == Lang::Fr ? en : fr;
    bool use_other = wanted.empty() && !other.empty();
    if (fell_back)
        *fell_back = use_other;
    return use_other ? other : wanted;
}

std::string_view to_string(Answer answer) {
    switch (answer) {
        case Answer::Real:
            return "real";
        case Answer::Generated:
            return "generated";
        case Answer::Edited:
            return "edited";
    }
    return "real";
}

std::optional<Answer> answer_from_string(std::string_view text) {
    if (text == "real")
        return Answer::Real;
    if (text == "generated")
        return Answer::Generated;
    if (text == "edited")
        return Answer::Edited;
    return std::nullopt;
}

bool check_media_path(std::string_view relative, std::string* why) {
    auto fail = [why](const char* reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (relative.empty())
        return fail("is empty");
    for (char ch : relative) {
        auto byte = static_cast<unsigned char>(ch);
        if (byte < 0x20 || byte == 0x7F)
            return fail("contains control characters");
    }
    if (relative.find('\\') != std::string_view::npos)
        return fail(R"(uses "\"; separate folders with "/" (media/0001.jpg))");
    bool drive_letter =
        relative.size() >= 2 && relative[1] == ':' &&
        ((relative[0] >= 'a' && relative[0] <= 'z') || (relative[0] >= 'A' && relative[0] <= 'Z'));
    if (relative.front() == '/' || drive_letter)
        return fail("is an absolute path; give it relative to the pack folder (media/0001.jpg)");
    std::size_t start = 0;
    while (start <= relative.size()) {
        std::size_t end = relative.find('/', start);
        if (end == std::string_view::npos)
            end = relative.size();
        if (relative.substr(start, end - start) == "..")
            return fail(R"(uses ".."; media files must be inside the pack folder)");
        start = end + 1;
    }
    return true;
}

Result<Manifest> parse_manifest(std::string_view json_text, std::string_view file_label) {
    Result<Manifest> result;
    Reporter error(file_label, Severity::Error, result.problems);
    json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (doc.is_discarded()) {
        error.report("", syntax_message(json_text));
        return result;
    }
    if (!doc.is_object()) {
        error.report("", R"(expected an object like {"format": 1, "id": …, "items": […]}, got )" +
                             describe(doc));
        return result;
    }
    bool unsupported = false;
    read_format(doc, error, unsupported);
    if (unsupported)
        return result;  // a newer format may mean anything: say only that

    Manifest manifest;
    if (auto id = required_string(doc, "id", "", error)) {
        check_id(*id, "id", error);
        manifest.id = std::move(*id);
    }
    if (auto title = required_localized(doc, "title", "", error, kMaxTitleChars))
        manifest.title = std::move(*title);
    Reporter warn(file_label, Severity::Warning, result.problems);
    read_optional_top_level(doc, warn, manifest);

    const json* items = member(doc, "items");
    if (!items) {
        error.report("items", "required field is missing");
    } else if (!items->is_array()) {
        error.report("items", "expected an array of items, got " + describe(*items));
    } else {
        read_items(*items, file_label, result.problems, manifest);
    }
    if (error.clean())
        result.value = std::move(manifest);
    return result;
}

}  // namespace rc::content
