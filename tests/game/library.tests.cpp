// The library's catalog: what remember / entries / remove keep, and a hostile or corrupt
// library.json. Downloads are tested in library_fetch.tests.cpp.
#include "game/library.h"

#include <catch2/catch.hpp>

#include "content/test_images.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using rc::game::Library;
using rc::game::Origin;

rc::content::LoadedPack two_item_pack(const rc::tests::TempDir& dir) {
    auto items = nlohmann::json::array(
        {rc::tests::item_json("a", "a.png"), rc::tests::item_json("b", "b.png", "generated")});
    dir.write("pack/pack.json", rc::tests::pack_json(items).dump());
    dir.write("pack/a.png", rc::tests::png_bytes(4, 4));
    dir.write("pack/b.png", rc::tests::png_bytes(4, 4));
    auto loaded = rc::content::load_pack(dir.path() / "pack");
    REQUIRE(loaded.ok());
    return std::move(*loaded.value);
}

}  // namespace

TEST_CASE("a pack opened from disk is remembered, described and forgotten", "[library]") {
    rc::tests::TempDir dir;
    const auto pack = two_item_pack(dir);
    Library library(dir.path() / "data");
    const auto remembered = library.remember(Origin::Disk, dir.path() / "pack", pack);
    REQUIRE(remembered.ok());

    const auto entries = library.entries();
    REQUIRE(entries.size() == 1);
    const auto& entry = entries.front();
    CHECK(entry.key == remembered.value->key);
    CHECK(entry.key == rc::game::library_key((dir.path() / "pack").string()));
    CHECK(entry.origin == Origin::Disk);
    CHECK(entry.location == (dir.path() / "pack").string());
    CHECK(entry.title.en == "Test");
    CHECK(entry.counts.real == 1);
    CHECK(entry.counts.generated == 1);
    CHECK(entry.has_fr);
    CHECK(entry.has_en);
    CHECK(entry.size_bytes > 0);
    CHECK(entry.added_at.size() == 20);

    SECTION("remembering it again keeps one entry") {
        REQUIRE(library.remember(Origin::Disk, dir.path() / "pack", pack).ok());
        CHECK(library.entries().size() == 1);
    }
    SECTION("removing it forgets it and never deletes the pack") {
        CHECK(library.remove(entry.key).empty());
        CHECK(library.entries().empty());
        CHECK(fs::exists(dir.path() / "pack" / "pack.json"));
        CHECK_FALSE(library.remove(entry.key).empty());
    }
}

TEST_CASE("keys are stable, readable and safe as file names", "[library]") {
    using rc::game::library_key;
    const auto key = library_key("https://example.org/packs/Café IA 2024.zip");
    CHECK(key == library_key("https://example.org/packs/Café IA 2024.zip"));
    CHECK(key.starts_with("caf-ia-2024-"));
    CHECK(key != library_key("https://example.org/other/Café IA 2024.zip"));
    CHECK(library_key("https://h/x/../../").find('.') == std::string::npos);
    CHECK(rc::game::normalized_link("https://h/p/pack.json") == "https://h/p/");
    CHECK(rc::game::normalized_link("https://h/p") == "https://h/p/");
    CHECK(rc::game::is_zip_link("https://h/p.ZIP?token=1"));
    CHECK_FALSE(rc::game::is_zip_link("https://h/p.zip/"));
}

TEST_CASE("a corrupt catalog is moved aside, never overwritten", "[library]") {
    rc::tests::TempDir dir;
    const auto pack = two_item_pack(dir);
    Library library(dir.path() / "data");
    dir.write("data/library/library.json", "{not json");
    rc::game::LoadNote note;
    CHECK(library.entries(&note).empty());
    CHECK(note.message.find("not a library catalog") != std::string::npos);
    CHECK(rc::tests::read_file(dir.path() / "data/library/library.json.corrupt-1") == "{not json");
    REQUIRE(library.remember(Origin::Demo, dir.path() / "pack", pack).ok());
    CHECK(library.entries().size() == 1);
}

TEST_CASE("a hand-edited catalog cannot point remove() outside the library", "[library]") {
    rc::tests::TempDir dir;
    dir.write("victim/keep.txt", "precious");
    const auto victim = (dir.path() / "victim").string();
    nlohmann::json catalog = {
        {"format", 1},
        {"packs",
         {{{"key", "evil-1"}, {"origin", "link"}, {"url", "https://h/p/"}, {"location", victim}},
          {{"key", "../victim"}, {"origin", "link"}, {"url", "https://h/p/"}},
          {{"key", "bad"}, {"origin", 3}},
          42}}};
    dir.write("data/library/library.json", catalog.dump());
    Library library(dir.path() / "data");
    const auto entries = library.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries.front().location == (dir.path() / "data/library/packs/evil-1").string());
    CHECK(library.remove("evil-1").empty());
    CHECK(rc::tests::read_file(dir.path() / "victim/keep.txt") == "precious");
}
