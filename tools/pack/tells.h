// The tells column of the spreadsheet: circles on the picture, written as text.
//
//   x, y, r: note in French | note in English; x, y, r @ t0-t1: ...
//
// One tell per ';' (or line break). x, y and r are fractions of the picture's width (x, r)
// and height (y) from 0 to 1, or percentages ("42%"); a decimal comma works when the three
// are separated by spaces ("0,42 0,61 0,08"). "@ 1.5-2.5" shows a tell on a clip from 1.5 s
// to 2.5 s (either end may be left out). The note is French, then '|', then English; a
// part may start with "fr:" or "en:" to say its language. "\;" and "\|" are a ';' and a
// '|' inside a note.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/manifest.h"

namespace rc::packtool {

// The tells, or *error set to what is wrong ("tell 2: x 1.4 is not between 0 and 1").
std::vector<content::Tell> parse_tells(std::string_view text, std::string* error);

// The text parse_tells reads back to the same tells.
std::string format_tells(const std::vector<content::Tell>& tells);

}  // namespace rc::packtool
