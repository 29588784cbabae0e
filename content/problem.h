// Located problems and the result type used across module boundaries.
// Errors are values: a loader returns what it could build plus every problem it found,
// never throws, so a facilitator sees all mistakes at once.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rc::content {

enum class Severity {
    Error,    // the whole thing (pack, file) is refused
    Warning,  // one part (an item) is left out, the rest goes on
};

struct Problem {
    Severity severity = Severity::Error;
    std::string where;    // "pack.json: items[3].answer" or "media/0003.jpg"
    std::string message;  // "expected \"real\", \"generated\" or \"edited\", got \"fake\""
};

// "pack.json: items[3].answer: expected ..." — the form shown to facilitators and on stderr.
std::string to_string(const Problem& problem);

template <class T>
struct Result {
    std::optional<T> value;
    std::vector<Problem> problems;

    bool ok() const { return value.has_value(); }
    bool has_errors() const {
        for (const auto& p : problems)
            if (p.severity == Severity::Error)
                return true;
        return false;
    }
};

// A result with no value: one Error at `where`, or the problems of a step that failed.
template <class T>
Result<T> refusal(std::string where, std::string message) {
    Result<T> result;
    result.problems.push_back({Severity::Error, std::move(where), std::move(message)});
    return result;
}
template <class T>
Result<T> refusal(std::vector<Problem> problems) {
    Result<T> result;
    result.problems = std::move(problems);
    return result;
}

}  // namespace rc::content
