// The pack tool's own words, in English and French, kept in one table (messages.cpp) so a
// translation is one place to edit. Located problems ("items.csv:12: answer: ...") are
// in English, as the game prints them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/manifest.h"

namespace rc::packtool {

enum class Msg {
    Usage,
    UnknownCommand,
    MissingArgument,
    NewDone,
    NewKept,
    ImportWritten,
    ImportNotWritten,
    ImportCounts,
    ImportKept,
    ImportSheet,
    ImportNoSheet,
    ItemLine,
    Provenance,
    Stripped,
    Changes,
    NothingStripped,
    NothingFound,
    FromSpreadsheet,
    FromFolder,
    FromMetadata,
    FromPack,
    Errors,
    Warnings,
    NoProblems,
    ValidateSummary,
    ZipWritten,
    ZipCheckFailed,
    ExportWritten,
    New,
    Updated,
    InfoTitle,
    InfoItems,
    InfoByAnswer,
    InfoByKind,
    InfoByCategory,
    InfoByDifficulty,
    InfoLanguages,
    InfoSize,
    InfoProvenance,
    InfoNoProvenance,
    NextSteps,
};

// The text in `lang` with {1}, {2}... replaced by `args`.
std::string message(Msg id, content::Lang lang, const std::vector<std::string>& args = {});

// --lang fr|en wins; else French when LC_ALL, LC_MESSAGES or LANG starts with "fr".
content::Lang pick_language(std::string_view flag);

}  // namespace rc::packtool
