// The pack tool's message table; see messages.h.
#include "tools/pack/messages.h"

#include <cstdlib>
#include <map>

namespace rc::packtool {

namespace {

struct Texts {
    const char* en;
    const char* fr;
};

const std::map<Msg, Texts>& table() {
    static const std::map<Msg, Texts> kTexts = {
        {Msg::Usage,
         {"realcheck-pack: makes realcheck content packs from a folder of pictures and a "
          "spreadsheet\n"
          "\n"
          "  realcheck-pack new DIR                      a starting folder: real/ generated/ "
          "edited/,\n"
          "                                              items.csv and a how-to (README.txt)\n"
          "  realcheck-pack import SRC --out PACK [--max-side N]\n"
          "                                              builds or updates the pack folder PACK\n"
          "  realcheck-pack validate PACK                every problem, errors apart from "
          "warnings\n"
          "  realcheck-pack info PACK [--json]           counts, languages, size, provenance\n"
          "  realcheck-pack export PACK --csv FILE       the pack back to a spreadsheet\n"
          "  realcheck-pack zip PACK --out FILE.zip      one file to share\n"
          "\n"
          "PACK is a folder, a .zip or an http(s) link. --lang fr|en chooses the language.\n",
          "realcheck-pack : fait des packs de contenu realcheck à partir d'un dossier d'images et "
          "d'un tableur\n"
          "\n"
          "  realcheck-pack new DOSSIER                  un dossier de départ : real/ generated/ "
          "edited/,\n"
          "                                              items.csv et un mode d'emploi "
          "(LISEZ-MOI.txt)\n"
          "  realcheck-pack import SRC --out PACK [--max-side N]\n"
          "                                              crée ou met à jour le dossier du pack "
          "PACK\n"
          "  realcheck-pack validate PACK                tous les problèmes, erreurs et "
          "avertissements\n"
          "  realcheck-pack info PACK [--json]           décomptes, langues, taille, provenance\n"
          "  realcheck-pack export PACK --csv FICHIER    le pack en tableur\n"
          "  realcheck-pack zip PACK --out FICHIER.zip   un seul fichier à partager\n"
          "\n"
          "PACK est un dossier, un .zip ou un lien http(s). --lang fr|en choisit la langue.\n"}},
        {Msg::UnknownCommand, {"unknown command \"{1}\"", "commande inconnue « {1} »"}},
        {Msg::MissingArgument, {"{1}: missing {2}", "{1} : il manque {2}"}},
        {Msg::NewDone,
         {"Created {1}: put your pictures in real/, generated/ and edited/, fill items.csv, then "
          "run\n"
          "  realcheck-pack import {1} --out PACK",
          "{1} est prêt : rangez les images dans real/, generated/ et edited/, remplissez "
          "items.csv,\n"
          "puis lancez\n  realcheck-pack import {1} --out PACK"}},
        {Msg::NewKept, {"{1} already exists: kept as it is", "{1} existe déjà : laissé tel quel"}},
        {Msg::ImportWritten, {"Pack written: {1}", "Pack écrit : {1}"}},
        {Msg::ImportNotWritten, {"The pack was not written.", "Le pack n'a pas été écrit."}},
        {Msg::ImportCounts,
         {"{1} items ({2} new, {3} updated): {4} real, {5} generated, {6} edited",
          "{1} éléments ({2} nouveaux, {3} mis à jour) : {4} réels, {5} générés, {6} modifiés"}},
        {Msg::ImportKept,
         {"{1} items of the pack are no longer in the folder: kept (remove them from pack.json "
          "to drop them)",
          "{1} éléments du pack ne sont plus dans le dossier : gardés (retirez-les de pack.json "
          "pour les supprimer)"}},
        {Msg::ImportSheet, {"Spreadsheet: {1}", "Tableur : {1}"}},
        {Msg::ImportNoSheet,
         {"No spreadsheet (items.csv): answers from the folders only",
          "Pas de tableur (items.csv) : réponses tirées des dossiers seulement"}},
        {Msg::ItemLine,
         {"  {1}  {2} (from the {3})  {4} -> {5}  [{6}]",
          "  {1}  {2} (d'après : {3})  {4} -> {5}  [{6}]"}},
        {Msg::Provenance, {"      provenance: {1}", "      provenance : {1}"}},
        {Msg::Stripped, {"      stripped: {1}", "      retiré : {1}"}},
        {Msg::Changes, {"      changed: {1}", "      modifié : {1}"}},
        {Msg::NothingStripped, {"nothing", "rien"}},
        {Msg::FromSpreadsheet, {"spreadsheet", "tableur"}},
        {Msg::FromFolder, {"folder", "dossier"}},
        {Msg::FromMetadata, {"file's metadata", "métadonnées du fichier"}},
        {Msg::FromPack, {"pack", "pack"}},
        {Msg::NothingFound, {"nothing in the file", "rien dans le fichier"}},
        {Msg::Errors, {"Errors ({1}):", "Erreurs ({1}) :"}},
        {Msg::Warnings, {"Warnings ({1}):", "Avertissements ({1}) :"}},
        {Msg::NoProblems, {"No problems.", "Aucun problème."}},
        {Msg::ValidateSummary,
         {"{1}: {2} items, {3} errors, {4} warnings",
          "{1} : {2} éléments, {3} erreurs, {4} avertissements"}},
        {Msg::ZipWritten,
         {"Zip written: {1} ({2}); the game opens it: realcheck --pack {1}",
          "Zip écrit : {1} ({2}) ; le jeu l'ouvre : realcheck --pack {1}"}},
        {Msg::ZipCheckFailed,
         {"The zip was written but the game would refuse it:",
          "Le zip est écrit mais le jeu le refuserait :"}},
        {Msg::ExportWritten,
         {"Spreadsheet written: {1} ({2} rows). Edit it, save it as CSV, then import again.",
          "Tableur écrit : {1} ({2} lignes). Modifiez-le, enregistrez-le en CSV, puis importez à "
          "nouveau."}},
        {Msg::New, {"new", "nouveau"}},
        {Msg::Updated, {"updated", "mis à jour"}},
        {Msg::InfoTitle, {"Pack \"{1}\" ({2})", "Pack « {1} » ({2})"}},
        {Msg::InfoItems, {"Items: {1}", "Éléments : {1}"}},
        {Msg::InfoByAnswer, {"By answer: {1}", "Par réponse : {1}"}},
        {Msg::InfoByKind, {"By kind: {1}", "Par type : {1}"}},
        {Msg::InfoByCategory, {"By category: {1}", "Par catégorie : {1}"}},
        {Msg::InfoByDifficulty, {"By difficulty: {1}", "Par difficulté : {1}"}},
        {Msg::InfoLanguages,
         {"Languages: explanations in French {1}/{3}, in English {2}/{3}",
          "Langues : explications en français {1}/{3}, en anglais {2}/{3}"}},
        {Msg::InfoSize, {"Size: {1}", "Taille : {1}"}},
        {Msg::InfoProvenance,
         {"Provenance: {1} items said something about themselves: {2}",
          "Provenance : {1} éléments disaient quelque chose d'eux-mêmes : {2}"}},
        {Msg::InfoNoProvenance,
         {"Provenance: no item said anything about itself",
          "Provenance : aucun élément ne disait rien de lui-même"}},
        {Msg::NextSteps,
         {"Next: realcheck-pack validate {1}, then realcheck-pack zip {1} --out pack.zip",
          "Ensuite : realcheck-pack validate {1}, puis realcheck-pack zip {1} --out pack.zip"}},
    };
    return kTexts;
}

bool french(const char* value) {
    return value && std::string_view(value).starts_with("fr");
}

}  // namespace

std::string message(Msg id, content::Lang lang, const std::vector<std::string>& args) {
    const auto& texts = table().at(id);
    std::string text = lang == content::Lang::Fr ? texts.fr : texts.en;
    for (std::size_t i = args.size(); i-- > 0;) {
        const std::string key = "{" + std::to_string(i + 1) + "}";
        for (auto at = text.find(key); at != std::string::npos;
             at = text.find(key, at + args[i].size()))
            text.replace(at, key.size(), args[i]);
    }
    return text;
}

content::Lang pick_language(std::string_view flag) {
    if (flag == "fr")
        return content::Lang::Fr;
    if (flag == "en")
        return content::Lang::En;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value)
            return french(value) ? content::Lang::Fr : content::Lang::En;
    }
    return content::Lang::En;
}

}  // namespace rc::packtool
