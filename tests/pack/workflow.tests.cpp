// The facilitator's whole path through realcheck-pack, commands run as the command line
// runs them (run_cli): a folder with French sub-folders and a French-Excel spreadsheet
// imported, validated, zipped and played by the real game binary; imported twice;
// exported and imported back; validated with mistakes; read from a link.
#include <SDL.h>
#include <SDL_image.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "content/source.h"
#include "support/pack_server.h"
#include "support/temp_dir.h"
#include "tools/pack/cli.h"
#include "tools/pack/validate.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Ran {
    int status = -1;
    std::string out, err;
};

Ran pack_tool(std::vector<std::string> args) {
    std::ostringstream out, err;
    Ran ran;
    ran.status = rc::packtool::run_cli(args, out, err);
    ran.out = out.str();
    ran.err = err.str();
    return ran;
}

// A picture that decodes, different for each index (so hashes differ).
void write_picture(const fs::path& file, int index, int width = 96, int height = 64) {
    fs::create_directories(file.parent_path());
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    REQUIRE(surface != nullptr);
    for (int y = 0; y < height; ++y) {
        auto* row = static_cast<Uint32*>(surface->pixels) + y * surface->pitch / 4;
        for (int x = 0; x < width; ++x)
            row[x] = SDL_MapRGBA(
                surface->format, static_cast<Uint8>((x * 255 / width + index * 53) % 256),
                static_cast<Uint8>((index * 37) % 256), static_cast<Uint8>(y * 255 / height), 255);
    }
    const bool jpeg = file.extension() == ".jpg";
    const int saved =
        jpeg ? IMG_SaveJPG(surface, file.c_str(), 85) : IMG_SavePNG(surface, file.c_str());
    SDL_FreeSurface(surface);
    REQUIRE(saved == 0);
}

// What French Excel writes: Windows-1252, ';', CRLF, a quoted cell with a line break.
const char kFrenchExcelSheet[] =
    "Fichier;R\xE9ponse;Explication_FR;Explication_EN;Cr\xE9"
    "dit;Licence;Cat\xE9gorie;Difficult\xE9;Indices\r\n"
    "chat.jpg;IA;\"Les moustaches se fondent\r\ndans le fond.\";The whiskers melt into the "
    "background.;"
    "Atelier;CC0-1.0;animaux;2;0,5 0,4 0,1 : moustaches | whiskers\r\n"
    "plage.png;;Une vraie plage.;A real beach.;Ana;CC-BY-4.0;paysage;1;\r\n"
    "rue.jpg;r\xE9"
    "el;Une vraie rue.;A real street.;Ana;CC-BY-4.0;ville;1;\r\n"
    "portrait.jpg;modifi\xE9;Le ciel a \xE9t\xE9 chang\xE9.;The sky was "
    "replaced.;Ana;CC0-1.0;portrait;3;"
    "20% 10% 15% : ciel | sky\r\n";

fs::path facilitator_folder(const rc::tests::TempDir& dir) {
    const fs::path src = dir.path() / "atelier";
    write_picture(src / "Généré" / "chat.jpg", 1);
    write_picture(src / "REEL" / "plage.png", 2);
    write_picture(src / "reel" / "rue.jpg", 3);
    write_picture(src / "Modifié" / "portrait.jpg", 4);
    write_picture(src / "genere" / "robot.jpg", 5);  // not in the spreadsheet: the folder decides
    dir.write("atelier/items.csv", kFrenchExcelSheet);
    return src;
}

json read_json(const fs::path& file) {
    return json::parse(rc::tests::read_file(file), nullptr, false);
}

std::map<std::string, json> items_by_origin(const json& pack) {
    std::map<std::string, json> items;
    for (const auto& item : pack["items"])
        items[item["origin"]["file"].get<std::string>()] = item;
    return items;
}

json field(const json& object, const char* key) {
    return object.contains(key) ? object.at(key) : json();
}

int run_game(const std::string& args) {
    const std::string command =
        std::string(REALCHECK_BINARY) + " --headless " + args + " >/dev/null 2>&1";
    const int raw = std::system(command.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

struct SdlImage {
    SdlImage() { IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG); }
    ~SdlImage() { IMG_Quit(); }
};

}  // namespace

TEST_CASE("a facilitator folder becomes a pack the game plays", "[pack][workflow]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path src = facilitator_folder(dir);
    const fs::path pack = dir.path() / "pack";

    const auto imported =
        pack_tool({"import", src.string(), "--out", pack.string(), "--lang", "en"});
    INFO(imported.out << imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("5 items (5 new, 0 updated): 2 real, 2 generated, 1 edited") !=
          std::string::npos);
    CHECK(imported.out.find("items.csv (Windows-1252, ';')") != std::string::npos);

    const json manifest = read_json(pack / "pack.json");
    REQUIRE(manifest["items"].size() == 5);
    auto items = items_by_origin(manifest);

    SECTION("answers come from the spreadsheet, else from the French folder names") {
        CHECK(items["Généré/chat.jpg"]["answer"] == "generated");
        CHECK(items["REEL/plage.png"]["answer"] == "real");
        CHECK(items["reel/rue.jpg"]["answer"] == "real");
        CHECK(items["Modifié/portrait.jpg"]["answer"] == "edited");
        CHECK(items["genere/robot.jpg"]["answer"] == "generated");
    }
    SECTION("the spreadsheet's cells, decoded from Windows-1252, fill the items") {
        const auto& cat = items["Généré/chat.jpg"];
        CHECK(cat["explanation"]["fr"] == "Les moustaches se fondent\ndans le fond.");
        CHECK(cat["explanation"]["en"] == "The whiskers melt into the background.");
        CHECK(cat["source"]["credit"] == "Atelier");
        CHECK(cat["category"] == "animaux");
        CHECK(cat["difficulty"] == 2);
        REQUIRE(cat["tells"].size() == 1);
        CHECK(cat["tells"][0]["x"].get<double>() == Approx(0.5));
        CHECK(cat["tells"][0]["note"]["en"] == "whiskers");
        CHECK(items["Modifié/portrait.jpg"]["explanation"]["fr"] == "Le ciel a été changé.");
    }
    SECTION("media get opaque names and stable ids") {
        for (const auto& [origin, item] : items) {
            const std::string media = item["media"];
            CHECK(media ==
                  "media/" + item["id"].get<std::string>() + fs::path(origin).extension().string());
            std::string word;
            CHECK_FALSE(rc::packtool::name_gives_answer_away(media, &word));
            CHECK(fs::exists(pack / media));
        }
    }
    SECTION("validate reports the missing credit of the item the sheet does not name") {
        const auto validated = pack_tool({"validate", pack.string()});
        CHECK(validated.status == 1);
        CHECK(validated.out.find("items[") != std::string::npos);
        CHECK(validated.out.find("source.credit") != std::string::npos);
    }
    SECTION("once complete, it validates, zips, and the game plays the zip") {
        // The facilitator fills the robot's row.
        dir.write("atelier/items.csv",
                  std::string(kFrenchExcelSheet) +
                      "robot.jpg;;Trop parfait.;Too perfect.;Atelier;CC0-1.0;;;\r\n");
        REQUIRE(pack_tool({"import", src.string(), "--out", pack.string()}).status == 0);
        const auto validated = pack_tool({"validate", pack.string(), "--lang", "en"});
        INFO(validated.out);
        CHECK(validated.status == 0);
        CHECK(validated.out.find("0 errors") != std::string::npos);
        // What the game's editor leaves beside pack.json is not shared.
        dir.write("pack/pack.json.bak", "{}");
        dir.write("pack/pack.json.journal", "edits");
        dir.write("pack/pack.json.tmp-4242", "");
        const fs::path zip = dir.path() / "atelier.zip";
        const auto zipped =
            pack_tool({"zip", pack.string(), "--out", zip.string(), "--lang", "en"});
        INFO(zipped.out);
        REQUIRE(zipped.status == 0);
        CHECK(pack_tool({"validate", zip.string()}).status == 0);
        const auto zipped_source = rc::content::open_zip_source(zip);
        REQUIRE(zipped_source.ok());
        for (const auto& name : (*zipped_source.value)->list()) {
            INFO(name);
            CHECK_FALSE(name.starts_with("pack.json."));
        }
        const fs::path summary = dir.path() / "summary.json";
        REQUIRE(run_game("--pack '" + zip.string() + "' --seed 3 --answers rg --data-dir '" +
                         (dir.path() / "data").string() + "' --summary-json '" + summary.string() +
                         "'") == 0);
        const json played = read_json(summary);
        REQUIRE(played["items"].is_array());
        CHECK(played["items"].size() == 5);
        std::set<std::string> ids;
        for (const auto& item : played["items"])
            ids.insert(item["id"].get<std::string>());
        std::set<std::string> expected;
        for (const auto& [origin, item] : items)
            expected.insert(item["id"].get<std::string>());
        CHECK(ids == expected);
    }
}

TEST_CASE("importing twice keeps the ids, adds nothing, and keeps edits", "[pack][workflow]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path src = facilitator_folder(dir);
    const fs::path pack = dir.path() / "pack";
    REQUIRE(pack_tool({"import", src.string(), "--out", pack.string()}).status == 0);
    json first = read_json(pack / "pack.json");

    // An edit made since (in the editor or by hand): a field the spreadsheet leaves empty
    // (the robot's explanation, the beach's generator) and one it fills (the cat's credit).
    for (auto& item : first["items"]) {
        if (item["origin"]["file"] == "genere/robot.jpg")
            item["explanation"]["en"] = "Edited by hand.";
        if (item["origin"]["file"] == "REEL/plage.png")
            item["generator"] = "none";
        if (item["origin"]["file"] == "Généré/chat.jpg")
            item["source"]["credit"] = "Changed by hand";
    }
    dir.write("pack/pack.json", first.dump(2));

    const auto again = pack_tool({"import", src.string(), "--out", pack.string(), "--lang", "en"});
    INFO(again.out);
    CHECK(again.out.find("5 items (0 new, 5 updated)") != std::string::npos);
    const json second = read_json(pack / "pack.json");
    REQUIRE(second["items"].size() == 5);
    std::set<std::string> ids_before, ids_after;
    for (const auto& item : first["items"])
        ids_before.insert(item["id"].get<std::string>());
    for (const auto& item : second["items"])
        ids_after.insert(item["id"].get<std::string>());
    CHECK(ids_before == ids_after);
    auto items = items_by_origin(second);
    CHECK(items["genere/robot.jpg"]["explanation"]["en"] == "Edited by hand.");
    CHECK(items["REEL/plage.png"]["generator"] == "none");
    CHECK(items["Généré/chat.jpg"]["source"]["credit"] == "Atelier");  // the sheet's cell wins
    CHECK(rc::tests::file_names(pack / "media").size() == 5);
}

TEST_CASE("export writes a spreadsheet that imports back to the same pack", "[pack][workflow]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path src = facilitator_folder(dir);
    const fs::path pack = dir.path() / "pack";
    REQUIRE(pack_tool({"import", src.string(), "--out", pack.string()}).status == 0);
    const json before = read_json(pack / "pack.json");
    for (const char* lang : {"fr", "en"}) {
        CAPTURE(lang);
        const auto exported = pack_tool(
            {"export", pack.string(), "--csv", (src / "items.csv").string(), "--lang", lang});
        REQUIRE(exported.status == 0);
        // A fresh pack from the folder and the exported spreadsheet alone.
        const fs::path copy = dir.path() / (std::string("copy-") + lang);
        pack_tool({"import", src.string(), "--out", copy.string()});
        const json after = read_json(copy / "pack.json");
        auto a = items_by_origin(before), b = items_by_origin(after);
        REQUIRE(a.size() == b.size());
        for (const auto& [origin, item] : a) {
            CAPTURE(origin);
            for (const char* key :
                 {"id", "answer", "explanation", "source", "category", "difficulty", "media"})
                CHECK(field(b[origin], key) == field(item, key));
            REQUIRE(b[origin]["tells"].size() == item["tells"].size());
            for (std::size_t i = 0; i < item["tells"].size(); ++i) {
                CHECK(b[origin]["tells"][i]["x"].get<double>() ==
                      Approx(item["tells"][i]["x"].get<double>()));
                CHECK(b[origin]["tells"][i]["note"] == item["tells"][i]["note"]);
            }
        }
    }
}

TEST_CASE("validate lists every problem, errors apart from warnings", "[pack][validate]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path pack = dir.path() / "pack";
    write_picture(pack / "media/a1.jpg", 1);
    write_picture(pack / "media/fake_02.jpg", 2);
    write_picture(pack / "media/c3.png", 3);
    json item = {{"id", "a"},
                 {"media", "media/a1.jpg"},
                 {"answer", "real"},
                 {"source", {{"credit", "x"}, {"license", "CC0-1.0"}}},
                 {"generator", nullptr},
                 {"explanation", {{"fr", "Vrai."}}}};
    json no_answer = item;
    no_answer["id"] = "b";
    no_answer["media"] = "media/fake_02.jpg";
    no_answer.erase("answer");
    json good = item;
    good["id"] = "c";
    good["media"] = "media/c3.png";
    good["explanation"]["en"] = "Real.";
    dir.write("pack/pack.json", json({{"format", 1},
                                      {"id", "t"},
                                      {"title", {{"fr", "T"}, {"en", "T"}}},
                                      {"items", {item, no_answer, good}}})
                                    .dump(2));
    dir.write("pack/items.csv", "fichier;réponse\na1.jpg;faux\n");
    const auto validated = pack_tool({"validate", pack.string(), "--lang", "en"});
    INFO(validated.out);
    CHECK(validated.status == 1);
    const std::string& out = validated.out;
    CHECK(out.find("Errors (3):") != std::string::npos);
    CHECK(out.find("  items.csv:2: answer: \"faux\" is not one of real, generated, edited\n") !=
          std::string::npos);
    CHECK(out.find("  pack.json: items[1].answer: required field is missing\n") !=
          std::string::npos);
    CHECK(out.find("  pack.json: items[1].media: \"media/fake_02.jpg\": the name gives the answer "
                   "away (\"fake\")") != std::string::npos);
    CHECK(out.find("Warnings (") != std::string::npos);
    CHECK(out.find("  pack.json: items[0].explanation.en: no English explanation") !=
          std::string::npos);
    CHECK(out.find("Errors") < out.find("Warnings"));

    SECTION("the same pack without its mistakes validates with exit status 0") {
        fs::remove(pack / "items.csv");
        dir.write("pack/pack.json", json({{"format", 1},
                                          {"id", "t"},
                                          {"title", {{"fr", "T"}, {"en", "T"}}},
                                          {"items", {item, good}}})
                                        .dump(2));
        const auto clean = pack_tool({"validate", pack.string()});
        INFO(clean.out);
        CHECK(clean.status == 0);
        CHECK(clean.out.find("Warnings (1):") != std::string::npos);
    }
}

TEST_CASE("names that give the answer away", "[pack][validate]") {
    std::string word;
    for (const char* name : {"media/fake_01.jpg", "media/AI-3.png", "media/midjourneycat.jpg",
                             "media/DALLE_2.png", "real/1.jpg", "media/genere2.jpg", "IA/x.jpg"}) {
        CAPTURE(name);
        CHECK(rc::packtool::name_gives_answer_away(name, &word));
    }
    for (const char* name :
         {"media/0007.jpg", "media/chair.jpg", "media/3fa9c1.png", "media/maison.jpg"}) {
        CAPTURE(name);
        CHECK_FALSE(rc::packtool::name_gives_answer_away(name, &word));
    }
}

TEST_CASE("a pack given by a link is validated, described, exported and zipped", "[pack][link]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path src = facilitator_folder(dir);
    dir.write("atelier/items.csv",
              std::string(kFrenchExcelSheet) +
                  "robot.jpg;;Trop parfait.;Too perfect.;Atelier;CC0-1.0;;;\r\n");
    const fs::path served = dir.path() / "served";
    REQUIRE(pack_tool({"import", src.string(), "--out", (served / "pack").string()}).status == 0);
    REQUIRE(pack_tool({"zip", (served / "pack").string(), "--out", (served / "pack.zip").string()})
                .status == 0);
    rc::tests::PackServer server(served);

    for (const std::string path : {"/files/pack/", "/files/pack.zip"}) {
        const std::string url = server.url(path);
        CAPTURE(url);
        const auto validated = pack_tool({"validate", url});
        INFO(validated.out);
        CHECK(validated.status == 0);
        const auto info = pack_tool({"info", url, "--json"});
        REQUIRE(info.status == 0);
        const json described = json::parse(info.out, nullptr, false);
        CHECK(described["items"] == 5);
        CHECK(described["by_answer"]["real"] == 2);
        const fs::path zip = dir.path() / "from-link.zip";
        REQUIRE(pack_tool({"zip", url, "--out", zip.string()}).status == 0);
        CHECK(pack_tool({"validate", zip.string()}).status == 0);
        const fs::path csv = dir.path() / "from-link.csv";
        REQUIRE(pack_tool({"export", url, "--csv", csv.string()}).status == 0);
        CHECK(rc::tests::read_file(csv).find("Généré/chat.jpg") != std::string::npos);
    }
    const auto missing = pack_tool({"validate", server.url("/404")});
    CHECK(missing.status == 1);
}

TEST_CASE("the command line: usage, languages, new", "[pack][cli]") {
    rc::tests::TempDir dir;
    CHECK(pack_tool({}).status == 2);
    const auto unknown = pack_tool({"frobnicate", "--lang", "fr"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("commande inconnue « frobnicate »") != std::string::npos);
    CHECK(pack_tool({"import", "x"}).status == 2);  // no --out

    const fs::path start = dir.path() / "atelier";
    const auto made = pack_tool({"new", start.string(), "--lang", "fr"});
    REQUIRE(made.status == 0);
    for (const char* name : {"real", "generated", "edited"})
        CHECK(fs::is_directory(start / name));
    const std::string sheet = rc::tests::read_file(start / "items.csv");
    CHECK(sheet ==
          "\xEF\xBB\xBF"
          "fichier;réponse;explication_fr;explication_en;crédit;licence;url_source;"
          "générateur;prompt;catégorie;difficulté;indices\r\n");
    CHECK(rc::tests::read_file(start / "LISEZ-MOI.txt").find("x, y, r : note en français") !=
          std::string::npos);
    CHECK(rc::tests::read_file(start / "README.txt")
              .find("x, y, r: note in French | note in English") != std::string::npos);
    // Run again: what the facilitator wrote is kept.
    dir.write("atelier/items.csv", "mine");
    const auto again = pack_tool({"new", start.string(), "--lang", "en"});
    CHECK(again.out.find("already exists: kept") != std::string::npos);
    CHECK(rc::tests::read_file(start / "items.csv") == "mine");
}

TEST_CASE("clips are imported as videos, checked as clips, and zipped", "[pack][workflow]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path src = dir.path() / "atelier";
    write_picture(src / "vrai" / "a.jpg", 1);
    write_picture(src / "ia" / "b.png", 2);
    fs::create_directories(src / "ia");
    fs::copy_file(fs::path(RC_CLIP_FIXTURES) / "h264-faststart.mp4", src / "ia" / "clip.mp4");
    dir.write("atelier/items.tsv",
              "file\tcredit\tlicense\texplanation_en\ttells\n"
              "a.jpg\tAna\tCC0-1.0\tReal.\t\n"
              "b.png\tAna\tCC0-1.0\tMade.\t\n"
              "clip.mp4\tAna\tCC0-1.0\tMade too.\t0.5 0.5 0.2 @ 0.2-0.8: en: here\n");
    const fs::path pack = dir.path() / "pack";
    const auto imported = pack_tool({"import", src.string(), "--out", pack.string()});
    INFO(imported.out);
    REQUIRE(imported.status == 0);
    auto items = items_by_origin(read_json(pack / "pack.json"));
    CHECK(items["ia/clip.mp4"]["kind"] == "video");
    CHECK(items["ia/clip.mp4"]["tells"][0]["t1"].get<double>() == Approx(0.8));
    CHECK(items["vrai/a.jpg"]["kind"] == "image");
    const auto validated = pack_tool({"validate", pack.string()});
    INFO(validated.out);
    CHECK(validated.status == 0);
    // A clip the browsers cannot play is an error, as the game leaves it out.
    fs::copy_file(fs::path(RC_CLIP_FIXTURES) / "hevc.mp4",
                  pack / items["ia/clip.mp4"]["media"].get<std::string>(),
                  fs::copy_options::overwrite_existing);
    const auto refused = pack_tool({"validate", pack.string()});
    CHECK(refused.status == 1);
    CHECK(refused.out.find(".media: " + items["ia/clip.mp4"]["media"].get<std::string>() + ": ") !=
          std::string::npos);
}

TEST_CASE("import refuses what it cannot read, naming it, and overwrites nothing unreadable",
          "[pack][workflow]") {
    SdlImage sdl_image;
    rc::tests::TempDir dir;
    const fs::path src = dir.path() / "atelier";
    write_picture(src / "real" / "a.jpg", 1);
    write_picture(src / "generated" / "b.jpg", 2);
    dir.write("atelier/generated/broken.jpg", "not a picture at all");
    dir.write("atelier/vacances/c.jpg", "");
    const fs::path pack = dir.path() / "pack";

    SECTION("a file that is not a picture is left out with its name; the rest is imported") {
        const auto imported = pack_tool({"import", src.string(), "--out", pack.string()});
        INFO(imported.out);
        CHECK(imported.status == 1);
        CHECK(imported.out.find("  generated/broken.jpg: not a picture or clip") !=
              std::string::npos);
        CHECK(imported.out.find("  vacances/c.jpg: ") != std::string::npos);
        CHECK(read_json(pack / "pack.json")["items"].size() == 2);
    }
    SECTION("a pack.json that cannot be read is never overwritten") {
        dir.write("pack/pack.json", "{ not json");
        const auto imported = pack_tool({"import", src.string(), "--out", pack.string()});
        CHECK(imported.status == 1);
        CHECK(imported.out.find("not a pack.json the tool can update") != std::string::npos);
        CHECK(rc::tests::read_file(pack / "pack.json") == "{ not json");
    }
}
