// The headless workshop's file of counts, VOTES.csv: columns item,band,real,generated,
// comma-separated, fields optionally quoted as in RFC 4180 (a quoted field may hold commas,
// doubled quotes and line breaks). A file saved with ';' (French Excel) or tabs reads too:
// the first line that is not blank tells, when only one of ',', ';' and tab splits it into
// four fields or more; else ','. Empty fields after the fourth (`1;under 18;2;3;;`) and
// lines of empty fields are passed over. `item` is the 1-based position in the session, `band` a
// band's name (or the one band it names typed by hand: any case, '-' for '–'). A first line
// naming the columns is a header (any order); without one the columns are in that order. A
// UTF-8 BOM, CRLF line ends and spaces around values (quoted or not) are accepted. Items or
// bands absent from the file, and lines whose two counts are empty, stay "not counted"; one
// empty count is 0. It reads text only: the caller reads the file (bounded) and saves the
// session.
#pragma once

#include <string_view>
#include <vector>

#include "content/problem.h"
#include "game/workshop.h"

namespace rc::game {

// Fills session.items[*].votes from `text`. Each bad line is left out with a Warning
// located at "<label>:<line>" (the line where the record starts):
//   VOTES.csv:7: real: "x" is not a number
// The lines that are right are applied whatever the others hold.
std::vector<content::Problem> apply_votes_csv(std::string_view text, std::string_view label,
                                              WorkshopSession& session);

}  // namespace rc::game
