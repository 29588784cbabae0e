// Small text helpers of the pack tool: comparing what people type in a spreadsheet or
// name a folder ("Généré", "GENERE", "genere" are one word), trimming, lengths.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rc::packtool {

// Lower case without accents, for comparisons only: NFC first (macOS decomposes accents
// in file names), then the Latin-1 and Latin Extended-A letters French uses folded to
// ASCII ("Modifié" → "modifie", "Œ" → "oe"). Other characters are kept as they are.
std::string fold(std::string_view text);

std::string trim(std::string_view text);

// Splits on `separator`, keeping empty parts.
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace rc::packtool
