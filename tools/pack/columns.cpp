// Spreadsheet column names and values; see columns.h.
#include "tools/pack/columns.h"

#include <utility>

#include "tools/pack/text.h"

namespace rc::packtool {

namespace {

struct ColumnNames {
    Column column;
    std::string_view en;
    std::string_view fr;
    // Other spellings people type, compared folded (lower case, no accents, no spaces,
    // '_' or '-').
    std::vector<std::string_view> aliases;
};

const std::vector<ColumnNames>& column_table() {
    static const std::vector<ColumnNames> kTable = {
        {Column::File,
         "file",
         "fichier",
         {"filename", "nomdufichier", "nomfichier", "media", "image", "photo", "nom"}},
        {Column::Answer, "answer", "réponse", {"reponse", "type", "verdict"}},
        {Column::ExplanationFr,
         "explanation_fr",
         "explication_fr",
         {"explicationfr", "explicationfrancais", "explanationfr", "explication(fr)",
          "explanation(fr)", "explication"}},
        {Column::ExplanationEn,
         "explanation_en",
         "explication_en",
         {"explicationen", "explanationen", "explicationanglais", "explication(en)",
          "explanation(en)", "explanation"}},
        {Column::Credit, "credit", "crédit", {"credits", "auteur", "author", "auteurs", "authors"}},
        {Column::License, "license", "licence", {"licence", "license"}},
        {Column::SourceUrl,
         "source_url",
         "url_source",
         {"url", "source", "lien", "link", "sourceurl", "urlsource"}},
        {Column::Generator,
         "generator",
         "générateur",
         {"generateur", "modele", "model", "outil", "tool"}},
        {Column::Prompt, "prompt", "prompt", {"invite", "consigne"}},
        {Column::Category, "category", "catégorie", {"categorie", "theme"}},
        {Column::Difficulty, "difficulty", "difficulté", {"difficulte", "niveau", "level"}},
        {Column::Tells,
         "tells",
         "indices",
         {"indice", "tell", "indices", "reperes", "cercles", "circles"}},
    };
    return kTable;
}

// Folded and without the spaces, '_' and '-' people put or leave out.
std::string squeeze(std::string_view text) {
    std::string out;
    for (char c : fold(trim(text)))
        if (c != ' ' && c != '_' && c != '-')
            out += c;
    return out;
}

// Every column's names squeezed once, in the order they are tried: the English and French
// names first, then the aliases. Folding is the costly part, and a sheet's every header
// cell is compared with all of them.
const std::vector<std::pair<std::string, Column>>& squeezed_names() {
    static const auto kNames = [] {
        std::vector<std::pair<std::string, Column>> names;
        for (const auto& column : column_table()) {
            names.emplace_back(squeeze(column.en), column.column);
            names.emplace_back(squeeze(column.fr), column.column);
        }
        for (const auto& column : column_table())
            for (auto alias : column.aliases)
                names.emplace_back(squeeze(alias), column.column);
        return names;
    }();
    return kNames;
}

}  // namespace

const std::vector<Column>& all_columns() {
    static const std::vector<Column> kColumns = [] {
        std::vector<Column> columns;
        for (const auto& names : column_table())
            columns.push_back(names.column);
        return columns;
    }();
    return kColumns;
}

std::string_view column_name(Column column, content::Lang lang) {
    for (const auto& names : column_table())
        if (names.column == column)
            return lang == content::Lang::Fr ? names.fr : names.en;
    return {};
}

std::optional<Column> column_from_name(std::string_view header) {
    const std::string wanted = squeeze(header);
    if (wanted.empty())
        return std::nullopt;
    for (const auto& [name, column] : squeezed_names())
        if (wanted == name)
            return column;
    return std::nullopt;
}

std::optional<content::Answer> answer_from_word(std::string_view word) {
    using content::Answer;
    static const std::pair<std::string_view, Answer> kWords[] = {
        {"real", Answer::Real},           {"reel", Answer::Real},
        {"vrai", Answer::Real},           {"vraie", Answer::Real},
        {"authentique", Answer::Real},    {"photo", Answer::Real},
        {"generated", Answer::Generated}, {"genere", Answer::Generated},
        {"generee", Answer::Generated},   {"ia", Answer::Generated},
        {"ai", Answer::Generated},        {"fake", Answer::Generated},
        {"edited", Answer::Edited},       {"modifie", Answer::Edited},
        {"modifiee", Answer::Edited},     {"retouche", Answer::Edited},
        {"retouchee", Answer::Edited},
    };
    const std::string folded = squeeze(word);
    for (const auto& [text, answer] : kWords)
        if (folded == text)
            return answer;
    return std::nullopt;
}

std::optional<content::Answer> answer_from_folder(std::string_view name) {
    using content::Answer;
    static const std::pair<std::string_view, Answer> kFolders[] = {
        {"real", Answer::Real},        {"reel", Answer::Real},
        {"reels", Answer::Real},       {"vrai", Answer::Real},
        {"vrais", Answer::Real},       {"generated", Answer::Generated},
        {"genere", Answer::Generated}, {"generes", Answer::Generated},
        {"ia", Answer::Generated},     {"ai", Answer::Generated},
        {"edited", Answer::Edited},    {"modifie", Answer::Edited},
        {"modifies", Answer::Edited},
    };
    const std::string folded = squeeze(name);
    for (const auto& [text, answer] : kFolders)
        if (folded == text)
            return answer;
    return std::nullopt;
}

std::optional<int> difficulty_from_word(std::string_view word) {
    static const std::pair<std::string_view, int> kWords[] = {
        {"1", 1},      {"2", 2},     {"3", 3},       {"easy", 1}, {"facile", 1},
        {"medium", 2}, {"moyen", 2}, {"moyenne", 2}, {"hard", 3}, {"difficile", 3},
    };
    const std::string folded = squeeze(word);
    for (const auto& [text, level] : kWords)
        if (folded == text)
            return level;
    return std::nullopt;
}

}  // namespace rc::packtool
