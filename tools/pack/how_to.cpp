// The how-to a starting folder holds (README.txt, LISEZ-MOI.txt); the README's facilitator
// section says the same.
#include "tools/pack/pack_items.h"

namespace rc::packtool {

namespace {

constexpr const char* kHowToEn = R"(HOW TO MAKE A REALCHECK PACK
============================

1. Put the pictures and clips in the folders:
     real/       real photos
     generated/  pictures made by AI (Midjourney, DALL-E, Firefly, Flux...)
     edited/     real photos altered by AI
   (French names work too: reel/, genere/, modifie/.) Any file name is fine: the
   tool renames every file, so names never give the answer away.

2. Fill items.csv in LibreOffice or Excel (one row per picture; save as CSV, comma or
   semicolon, any encoding). Every column but "file" may be left empty.
     file            the picture's name (cat.jpg, or generated/cat.jpg)
     answer          real, generated or edited (also: réel, vrai, généré, IA, modifié);
                     when empty, the folder decides
     explanation_fr  why, in French, shown after the answer
     explanation_en  why, in English
     credit          who made it (required by the game)
     license         its licence: CC0-1.0, CC-BY-4.0, "used with permission"... (required)
     source_url      where it comes from
     generator       the AI model or tool, for generated and edited pictures
     prompt          the prompt, if you have it (kept, not shown to players)
     category        a word to group pictures: portrait, animals, news...
     difficulty      1, 2 or 3 (or easy, medium, hard)
     tells           circles on the picture, shown after the answer (see below)
   French column names work too: fichier, réponse, explication_fr, explication_en,
   crédit, licence, url_source, générateur, prompt, catégorie, difficulté, indices.

3. The tells column: one circle per ";" written as
     x, y, r: note in French | note in English
   x and y are where the centre is, r the radius, as fractions of the picture's width
   (x, r) and height (y) from 0 to 1, or percentages: 0.42, 0.61, 0.08 or 42% 61% 8%.
   With a decimal comma, separate the three with spaces: 0,42 0,61 0,08.
   Examples:
     0.42, 0.61, 0.08: six doigts | six fingers
     0.2 0.3 0.1: mains floues | blurry hands; 70% 20% 10%: | text that means nothing
   On a clip, "@ 1.5-2.5" after r shows the circle from 1.5 s to 2.5 s only:
     0.5, 0.5, 0.2 @ 1.5-2.5: l'ombre saute | the shadow jumps
   A note may start with "fr:" or "en:"; write \; or \| for a ; or | inside a note.

4. Make the pack, check it, share it:
     realcheck-pack import THIS-FOLDER --out my-pack
     realcheck-pack validate my-pack
     realcheck-pack zip my-pack --out my-pack.zip
   Send my-pack.zip (mail, USB key) or put it on a web server and share the link;
   the game opens both: realcheck --pack my-pack.zip.
   To write the explanations later: realcheck-pack export my-pack --csv items.csv,
   edit it, then import again (nothing is duplicated; empty cells keep what the pack has).
)";

constexpr const char* kHowToFr = R"(FAIRE UN PACK REALCHECK
=======================

1. Rangez les images et les vidéos dans les dossiers :
     real/       les vraies photos
     generated/  les images faites par une IA (Midjourney, DALL-E, Firefly, Flux...)
     edited/     les vraies photos retouchées par une IA
   (Les noms français marchent aussi : reel/, genere/, modifie/.) Les noms des fichiers
   n'ont pas d'importance : l'outil les renomme tous, ils ne trahiront pas la réponse.

2. Remplissez items.csv dans LibreOffice ou Excel (une ligne par image ; enregistrez en
   CSV, virgule ou point-virgule, n'importe quel encodage). Seule la colonne « fichier »
   est obligatoire.
     fichier         le nom de l'image (chat.jpg, ou generated/chat.jpg)
     réponse         réel, généré ou modifié (ou : vrai, IA, real, generated, edited) ;
                     vide, c'est le dossier qui décide
     explication_fr  pourquoi, en français, montré après la réponse
     explication_en  pourquoi, en anglais
     crédit          l'auteur (exigé par le jeu)
     licence         sa licence : CC0-1.0, CC-BY-4.0, « avec autorisation »... (exigée)
     url_source      d'où elle vient
     générateur      le modèle ou l'outil d'IA, pour les images générées ou modifiées
     prompt          le prompt, si vous l'avez (gardé, pas montré aux joueurs)
     catégorie       un mot pour regrouper : portrait, animaux, actualité...
     difficulté      1, 2 ou 3 (ou facile, moyen, difficile)
     indices         des cercles sur l'image, montrés après la réponse (voir plus bas)
   Les noms anglais des colonnes marchent aussi : file, answer, explanation_fr,
   explanation_en, credit, license, source_url, generator, prompt, category,
   difficulty, tells.

3. La colonne des indices : un cercle par « ; », écrit
     x, y, r : note en français | note en anglais
   x et y placent le centre, r est le rayon, en fractions de la largeur (x, r) et de la
   hauteur (y) de l'image, de 0 à 1, ou en pourcentages : 0.42, 0.61, 0.08 ou 42% 61% 8%.
   Avec une virgule décimale, séparez les trois par des espaces : 0,42 0,61 0,08.
   Exemples :
     0.42, 0.61, 0.08 : six doigts | six fingers
     0,2 0,3 0,1 : mains floues | blurry hands; 70% 20% 10% : texte illisible
   Sur une vidéo, « @ 1.5-2.5 » après r montre le cercle de 1,5 s à 2,5 s seulement :
     0.5, 0.5, 0.2 @ 1.5-2.5 : l'ombre saute | the shadow jumps
   Une note peut commencer par « fr: » ou « en: » ; écrivez \; ou \| pour un ; ou un |
   dans une note.

4. Faites le pack, vérifiez-le, partagez-le :
     realcheck-pack import CE-DOSSIER --out mon-pack
     realcheck-pack validate mon-pack
     realcheck-pack zip mon-pack --out mon-pack.zip
   Envoyez mon-pack.zip (courriel, clé USB) ou mettez-le sur un serveur web et partagez
   le lien ; le jeu ouvre les deux : realcheck --pack mon-pack.zip.
   Pour écrire les explications plus tard : realcheck-pack export mon-pack --csv items.csv,
   modifiez-le, puis importez à nouveau (rien n'est dupliqué ; une case vide garde ce
   que le pack contient).
)";

}  // namespace

std::string how_to_text(content::Lang lang) {
    return lang == content::Lang::Fr ? kHowToFr : kHowToEn;
}

}  // namespace rc::packtool
