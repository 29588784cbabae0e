// UTF-8 helpers for names that come from outside (zip entries, file names, pack text):
// validation and canonical composition (NFC) of Latin letters, so that "é" written as
// e + U+0301 by macOS matches the precomposed "é" a pack.json holds. Pure C++.
// It does not implement all of Unicode normalisation: only the compositions of Latin
// letters with one combining mark (U+00C0–U+024F, U+1E00–U+1EFF), which is what file
// names in French, and in the other Latin-script languages, are made of.
#pragma once

#include <string>
#include <string_view>

namespace rc::content {

bool is_valid_utf8(std::string_view text);

// `text` with Latin letter + combining mark sequences composed. Invalid UTF-8 is kept
// byte for byte (it cannot be normalised, and must still compare equal to itself).
std::string to_nfc(std::string_view text);

// Lower case without accents, for comparisons only: NFC first (macOS decomposes accents
// in file names), then the Latin-1 and Latin Extended-A letters French uses folded to
// ASCII ("Modifié" → "modifie", "Œ" → "oe"). Other characters are kept as they are.
std::string fold_for_comparison(std::string_view text);

}  // namespace rc::content
