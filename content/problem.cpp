// Formatting of located problems; see problem.h.
#include "content/problem.h"

namespace rc::content {

std::string to_string(const Problem& problem) {
    if (problem.where.empty())
        return problem.message;
    return problem.where + ": " + problem.message;
}

}  // namespace rc::content
