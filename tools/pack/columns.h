// What the spreadsheet's columns and values mean: the column names in English and French
// (as the template writes them, any case, with or without accents), the answer words
// ("réel", "IA", "Generated"...) and the difficulty words. Plain C++.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/manifest.h"

namespace rc::packtool {

enum class Column {
    File,
    Answer,
    ExplanationFr,
    ExplanationEn,
    Credit,
    License,
    SourceUrl,
    Generator,
    Prompt,
    Category,
    Difficulty,
    Tells,
};

// Every column, in the template's order.
const std::vector<Column>& all_columns();

// The name the template writes: English "file", "answer", ...; French "fichier", "réponse".
std::string_view column_name(Column column, content::Lang lang);

// The column a header cell names, in either language and a few usual spellings
// ("Explication (FR)", "licence", "URL", "nom du fichier"); nullopt when unknown.
std::optional<Column> column_from_name(std::string_view header);

// "real", "Réel", "vrai", "GÉNÉRÉ", "IA", "ai", "modifie", "edited"... → the answer.
std::optional<content::Answer> answer_from_word(std::string_view word);

// The answer a sub-folder name gives: "real"/"reel"/"réel"/"vrai", "generated"/"généré"/
// "ia"/"ai", "edited"/"modifié" (any case, accents or not); nullopt for other names.
std::optional<content::Answer> answer_from_folder(std::string_view name);

// 1, 2, 3 or "easy"/"facile", "medium"/"moyen", "hard"/"difficile"; nullopt otherwise.
std::optional<int> difficulty_from_word(std::string_view word);

}  // namespace rc::packtool
