// `realcheck-pack validate`: every problem of a pack, or of a facilitator's folder with its
// spreadsheet, at once, errors apart from warnings. On top of the game's own checks
// (content::load_pack, where an item left out is an error here: it will not play): a
// missing explanation in one language (warning), metadata left in a media file (error), a
// media file name that gives the answer away (error), near-duplicate pictures (warning).
#pragma once

#include <string>
#include <vector>

#include "content/pack.h"
#include "content/pack_check.h"
#include "content/problem.h"
#include "content/source.h"

namespace rc::packtool {

struct ValidateReport {
    std::size_t items = 0;  // items of pack.json (or rows of the spreadsheet)
    std::vector<content::Problem> problems;
    bool has_errors() const;
};

// The pack read as the game plays it (content/pack_check.h, shared with the game's editor).
using content::load_pack_as_game;

// `location` is a pack (folder, pack.json, zip, link) or a folder holding items.csv.
ValidateReport validate(const std::string& location);

// Whether a media file's name says what it is (content/pack_check.h).
using content::name_gives_answer_away;

}  // namespace rc::packtool
