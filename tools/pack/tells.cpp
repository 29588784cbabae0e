// The tells column syntax; see tells.h.
#include "tools/pack/tells.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "tools/pack/text.h"

namespace rc::packtool {

namespace {

// Splits on an unescaped `separator` (also on line breaks when `lines`); "\x" keeps x.
std::vector<std::string> split_escaped(std::string_view text, char separator, bool lines) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() &&
            (text[i + 1] == ';' || text[i + 1] == '|' || text[i + 1] == '\\')) {
            parts.back() += '\\';
            parts.back() += text[++i];
        } else if (c == separator || (lines && (c == '\n' || c == '\r'))) {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    return parts;
}

std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size())
            ++i;
        out += text[i];
    }
    return out;
}

// "0.42", "0,42", "42%" → 0.42; nullopt when not a number.
std::optional<double> number(std::string text) {
    text = trim(text);
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text = trim(std::string_view(text).substr(0, text.size() - 1));
    }
    for (char& c : text)
        if (c == ',')
            c = '.';
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return percent ? value / 100 : value;
}

// "0.42, 0.61, 0.08" or "0,42 0,61 0,08" or "42% 61% 8%" → three tokens.
std::vector<std::string> coordinate_tokens(std::string_view text) {
    std::vector<std::string> spaced;
    for (auto& part : split(text, ' '))
        for (auto& piece : split(part, '/'))
            if (auto token = trim(piece); !token.empty() && token != ",") {
                while (!token.empty() && token.back() == ',')
                    token.pop_back();
                if (!token.empty())
                    spaced.push_back(token);
            }
    if (spaced.size() == 3)
        return spaced;
    std::vector<std::string> commas;
    for (auto& piece : split(text, ','))
        commas.push_back(trim(piece));
    return commas;
}

std::string describe_number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

bool parse_range(std::string_view text, content::Tell& tell, std::string* error) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        *error = "time \"" + trim(text) + "\" is not a range like 1.5-2.5";
        return false;
    }
    const std::string from = trim(text.substr(0, dash)), to = trim(text.substr(dash + 1));
    auto seconds = [&](const std::string& part, std::optional<float>& out) {
        if (part.empty())
            return true;
        std::string plain = part;
        if (plain.back() == 's')
            plain.pop_back();
        const auto value = number(plain);
        if (!value || *value < 0 || *value > content::kMaxTellSeconds) {
            *error = "time \"" + part + "\" is not a number of seconds from 0 to 60";
            return false;
        }
        out = static_cast<float>(*value);
        return true;
    };
    if (!seconds(from, tell.t0) || !seconds(to, tell.t1))
        return false;
    if (tell.t0 && tell.t1 && *tell.t0 > *tell.t1) {
        *error = "time range " + from + "-" + to + " ends before it starts";
        return false;
    }
    return true;
}

bool parse_position(std::string_view text, content::Tell& tell, std::string* error) {
    std::string_view place = text;
    if (const auto at = text.find('@'); at != std::string_view::npos) {
        place = text.substr(0, at);
        if (!parse_range(text.substr(at + 1), tell, error))
            return false;
    }
    const auto tokens = coordinate_tokens(place);
    if (tokens.size() != 3) {
        *error = "\"" + trim(place) + "\" is not three numbers x, y, r";
        return false;
    }
    static const char* kNames[] = {"x", "y", "r"};
    float* targets[] = {&tell.x, &tell.y, &tell.r};
    for (int i = 0; i < 3; ++i) {
        const auto value = number(tokens[i]);
        if (!value) {
            *error = std::string(kNames[i]) + " \"" + tokens[i] + "\" is not a number";
            return false;
        }
        if (*value < 0 || *value > 1) {
            *error = std::string(kNames[i]) + " " + describe_number(*value) +
                     " is not between 0 and 1 (a fraction of the picture, or a percentage)";
            return false;
        }
        *targets[i] = static_cast<float>(*value);
    }
    if (tell.r <= 0) {
        *error = "r must be above 0";
        return false;
    }
    return true;
}

void parse_note(std::string_view text, content::LocalizedText& note) {
    const auto parts = split_escaped(text, '|', false);
    for (std::size_t i = 0; i < parts.size() && i < 2; ++i) {
        std::string part = trim(parts[i]);
        std::string* target = i == 0 ? &note.fr : &note.en;
        const std::string head = fold(part.substr(0, 3));
        if (head == "fr:" || head == "en:") {
            target = head == "fr:" ? &note.fr : &note.en;
            part = trim(std::string_view(part).substr(3));
        }
        *target = unescape(part);
    }
}

std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ';' || c == '|' || c == '\\')
            out += '\\';
        out += c == '\n' || c == '\r' ? ' ' : c;
    }
    return out;
}

std::string seconds_text(const std::optional<float>& value) {
    return value ? describe_number(*value) : std::string();
}

}  // namespace

std::vector<content::Tell> parse_tells(std::string_view text, std::string* error) {
    std::vector<content::Tell> tells;
    error->clear();
    int index = 0;
    for (const auto& entry : split_escaped(text, ';', true)) {
        if (trim(entry).empty())
            continue;
        ++index;
        content::Tell tell;
        const auto colon = entry.find(':');
        std::string why;
        if (!parse_position(std::string_view(entry).substr(0, colon), tell, &why)) {
            *error = "tell " + std::to_string(index) + ": " + why;
            return {};
        }
        if (colon != std::string::npos)
            parse_note(std::string_view(entry).substr(colon + 1), tell.note);
        tells.push_back(std::move(tell));
    }
    return tells;
}

std::string format_tells(const std::vector<content::Tell>& tells) {
    std::string out;
    for (const auto& tell : tells) {
        if (!out.empty())
            out += "; ";
        out += describe_number(tell.x) + ", " + describe_number(tell.y) + ", " +
               describe_number(tell.r);
        if (tell.timed())
            out += " @ " + seconds_text(tell.t0) + "-" + seconds_text(tell.t1);
        if (tell.note.empty())
            continue;
        out += ": ";
        if (!tell.note.fr.empty())
            out += escape(tell.note.fr);
        if (!tell.note.en.empty())
            out += (tell.note.fr.empty() ? "| " : " | ") + escape(tell.note.en);
    }
    return out;
}

}  // namespace rc::packtool
