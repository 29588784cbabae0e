#include <string>

#include "engine/net/http.h"

namespace rc::engine {

std::string join_url(const std::string& base, const std::string& relative) {
    if (base.empty())
        return relative;
    return base.back() == '/' ? base + relative : base + "/" + relative;
}

bool is_url(const std::string& location) {
    return location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0;
}

}  // namespace rc::engine
