// Loading packs from disk: manifest file handling, media path safety and media checks,
// and the refusal of packs with too few playable items.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "content/pack.h"
#include "content/test_images.h"
#include "support/temp_dir.h"

using rc::content::load_pack;
using rc::content::LoadedPack;
using rc::content::PackLoadDesc;
using rc::content::Result;
using rc::content::Severity;
using namespace rc::tests;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> messages(const Result<LoadedPack>& result) {
    std::vector<std::string> out;
    for (const auto& problem : result.problems)
        out.push_back(rc::content::to_string(problem));
    return out;
}

std::vector<std::string> item_ids(const LoadedPack& pack) {
    std::vector<std::string> out;
    for (const auto& item : pack.manifest.items)
        out.push_back(item.id);
    return out;
}

// A pack folder with two good items (a.png, b.jpg); tests add a third item and its file.
struct PackFixture {
    TempDir dir;
    json items = json::array({item_json("a", "media/a.png"), item_json("b", "media/b.jpg")});

    PackFixture() {
        dir.write("media/a.png", png_bytes(800, 600));
        dir.write("media/b.jpg", jpeg_bytes(640, 480));
    }
    void add_item(const std::string& id, const std::string& media) {
        items.push_back(item_json(id, media, "generated"));
    }
    Result<LoadedPack> load(const PackLoadDesc& desc = {}) {
        dir.write("pack.json", pack_json(items).dump(2));
        return load_pack(dir.path(), desc);
    }
};

// The third item was left out with exactly the warning `expected`.
void require_third_left_out(const Result<LoadedPack>& result, const std::string& expected) {
    REQUIRE(result.ok());
    CHECK(item_ids(*result.value) == std::vector<std::string>{"a", "b"});
    REQUIRE(messages(result) == std::vector<std::string>{expected});
    CHECK(result.problems[0].severity == Severity::Warning);
    CHECK(result.problems[0].where == "pack.json: items[2].media");
}

}  // namespace

TEST_CASE("a valid pack loads from its folder or its pack.json", "[content][pack]") {
    TempDir dir;
    dir.write("media/0001.png", png_bytes(800, 600));
    dir.write("media/0002.jpg", jpeg_bytes(1024, 768));
    dir.write("media/0003.gif", gif_bytes(320, 240));
    dir.write("media/0004.webp", webp_vp8_bytes(400, 300));
    dir.write("media/0005.webp", webp_vp8x_bytes(400, 300));
    dir.write("pack.json", pack_json({item_json("one", "media/0001.png"),
                                      item_json("two", "media/0002.jpg", "generated"),
                                      item_json("three", "./media/0003.gif", "edited"),
                                      item_json("four", "media/0004.webp"),
                                      item_json("five", "media//0005.webp")})
                               .dump(2));
    auto check_loaded = [&](const Result<LoadedPack>& result) {
        INFO(messages(result).size());
        REQUIRE(result.problems.empty());
        REQUIRE(result.ok());
        CHECK(result.value->source->where() == fs::canonical(dir.path()).string());
        CHECK(result.value->manifest.id == "test-pack");
        CHECK(item_ids(*result.value) ==
              std::vector<std::string>{"one", "two", "three", "four", "five"});
    };
    SECTION("given the folder") {
        check_loaded(load_pack(dir.path()));
    }
    SECTION("given the folder with a trailing slash") {
        check_loaded(load_pack(dir.path() / ""));
    }
    SECTION("given pack.json") {
        check_loaded(load_pack(dir.path() / "pack.json"));
    }
    SECTION("given a relative pack.json") {
        fs::path before = fs::current_path();
        fs::current_path(dir.path());
        auto result = load_pack("pack.json");
        fs::current_path(before);
        check_loaded(result);
    }
}

TEST_CASE("a missing or unreadable pack.json is an error at its path", "[content][pack]") {
    TempDir dir;
    SECTION("a folder without pack.json") {
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].severity == Severity::Error);
        CHECK(result.problems[0].where == (dir.path() / "pack.json").string());
        CHECK(result.problems[0].message == "file not found");
    }
    SECTION("a path that does not exist") {
        auto result = load_pack(dir.path() / "nowhere");
        CHECK_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].where == (dir.path() / "nowhere").string());
        CHECK(result.problems[0].message == "cannot read: No such file or directory");
    }
    SECTION("pack.json is a folder") {
        fs::create_directory(dir.path() / "pack.json");
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].message == "is a folder, not a file");
    }
    SECTION("pack.json over the size limit") {
        dir.write("pack.json", std::string(rc::content::kMaxManifestBytes + 1, ' '));
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].message == "is larger than the 8 MB limit for a manifest");
    }
    SECTION("pack.json that is not JSON") {
        dir.write("pack.json", "{\"format\": 1,");
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);
        CHECK_THAT(rc::content::to_string(result.problems[0]),
                   Catch::StartsWith("pack.json: not valid JSON: line 1, column 14:"));
    }
}

TEST_CASE("items whose media fails a check are left out", "[content][pack]") {
    PackFixture pack;
    TempDir outside;
    outside.write("x.png", png_bytes(10, 10));

    SECTION("a symbolic link to a file outside the pack") {
        fs::create_symlink(outside.path() / "x.png", pack.dir.path() / "media/link.png");
        pack.add_item("c", "media/link.png");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: media/link.png: leads "
                               "outside the pack folder (through a symbolic link)");
    }
    SECTION("a symbolic link to a folder outside the pack") {
        fs::create_directory_symlink(outside.path(), pack.dir.path() / "ext");
        pack.add_item("c", "ext/x.png");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: ext/x.png: leads outside "
                               "the pack folder (through a symbolic link)");
    }
    SECTION("a symbolic link inside the pack is fine") {
        fs::create_symlink("a.png", pack.dir.path() / "media/alias.png");
        pack.add_item("c", "media/alias.png");
        auto result = pack.load();
        REQUIRE(result.problems.empty());
        CHECK(item_ids(*result.value) == std::vector<std::string>{"a", "b", "c"});
    }
    SECTION("a path climbing out with ..") {
        pack.add_item("c", "media/../../x.png");
        require_third_left_out(
            pack.load(),
            R"(pack.json: items[2].media: media/../../x.png: uses ".."; media files must be inside the pack folder)");
    }
    SECTION("an absolute path") {
        std::string absolute = (outside.path() / "x.png").string();
        pack.add_item("c", absolute);
        require_third_left_out(pack.load(), "pack.json: items[2].media: " + absolute +
                                                ": is an absolute path; give it relative to "
                                                "the pack folder (media/0001.jpg)");
    }
    SECTION("a missing file") {
        pack.add_item("c", "media/missing.png");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: media/missing.png: file not found");
    }
    SECTION("a missing file whose name differs only in case") {
        pack.dir.write("media/Photo.PNG", png_bytes(10, 10));
        pack.add_item("c", "media/photo.png");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: media/photo.png: file not found (there "
                               "is \"Photo.PNG\": file names are case-sensitive)");
    }
    SECTION("a file that is not an image") {
        pack.dir.write("media/notes.jpg", "hello, this is text");
        pack.add_item("c", "media/notes.jpg");
        require_third_left_out(
            pack.load(),
            "pack.json: items[2].media: media/notes.jpg: not a PNG, JPEG, GIF or WebP file");
    }
    SECTION("a folder") {
        pack.add_item("c", "media");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: media: is a folder, not a file");
    }
    SECTION("the pack folder itself") {
        pack.add_item("c", ".");
        require_third_left_out(
            pack.load(),
            "pack.json: items[2].media: .: is the pack folder itself, not a file in it");
    }
    SECTION("an image over the pixel limit") {
        pack.dir.write("media/big.png", png_bytes(10000, 6000));
        pack.add_item("c", "media/big.png");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: media/big.png: 10000×6000 pixels (60.0 "
                               "megapixels) is over the 50 megapixel limit");
    }
    SECTION("an image exactly at the pixel limit is kept") {
        pack.dir.write("media/edge.png", png_bytes(10000, 5000));
        pack.add_item("c", "media/edge.png");
        auto result = pack.load();
        REQUIRE(result.problems.empty());
        CHECK(result.value->manifest.items.size() == 3);
    }
    SECTION("a caller-chosen pixel limit") {
        pack.dir.write("media/c.webp", webp_vp8l_bytes(2000, 1000));
        pack.add_item("c", "media/c.webp");
        PackLoadDesc desc;
        desc.max_pixels = 1'500'000;
        require_third_left_out(pack.load(desc),
                               "pack.json: items[2].media: media/c.webp: 2000×1000 pixels (2.0 "
                               "megapixels) is over the 1.5 megapixel limit");
    }
    SECTION("an image header with a zero size") {
        pack.dir.write("media/zero.gif", gif_bytes(0, 10));
        pack.add_item("c", "media/zero.gif");
        require_third_left_out(
            pack.load(),
            "pack.json: items[2].media: media/zero.gif: GIF header gives a zero size (0×10)");
    }
    SECTION("a truncated JPEG") {
        pack.dir.write("media/cut.jpg", jpeg_bytes(640, 480).substr(0, 12));
        pack.add_item("c", "media/cut.jpg");
        require_third_left_out(pack.load(),
                               "pack.json: items[2].media: media/cut.jpg: truncated JPEG header");
    }
}

TEST_CASE("kept items remember their place in pack.json", "[content][pack]") {
    PackFixture pack;
    pack.items.insert(pack.items.begin(), item_json("gone", "media/gone.png"));
    auto result = pack.load();
    REQUIRE(result.ok());
    REQUIRE(result.value->manifest.items.size() == 2);
    CHECK(result.value->manifest.items[0].manifest_index == 1);
    CHECK(result.value->manifest.items[1].manifest_index == 2);
    CHECK(messages(result) ==
          std::vector<std::string>{"pack.json: items[0].media: media/gone.png: file not found"});
}

TEST_CASE("a pack with fewer than 2 playable items is refused with every reason",
          "[content][pack]") {
    TempDir dir;
    dir.write("media/a.png", png_bytes(10, 10));
    dir.write("media/text.png", "not an image");
    SECTION("one playable item") {
        json bad_answer = item_json("d", "media/a.png", "fake");
        dir.write("pack.json",
                  pack_json({item_json("a", "media/a.png"), item_json("b", "media/missing.png"),
                             item_json("c", "../x.png"), bad_answer, item_json("a", "media/a.png"),
                             item_json("e", "media/text.png")})
                      .dump());
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        CHECK(
            messages(result) ==
            std::vector<std::string>{
                R"(pack.json: items[2].media: ../x.png: uses ".."; media files must be inside the pack folder)",
                R"(pack.json: items[3].answer: expected "real", "generated" or "edited", got "fake")",
                R"(pack.json: items[4].id: duplicate id "a" (first used by items[0]))",
                "pack.json: items[1].media: media/missing.png: file not found",
                "pack.json: items[5].media: media/text.png: not a PNG, JPEG, GIF or WebP file",
                "pack.json: only 1 playable item, a pack needs at least 2"});
        CHECK(result.problems.back().severity == Severity::Error);
        CHECK(result.problems.back().where == "pack.json");
        CHECK(result.problems.front().severity == Severity::Warning);
    }
    SECTION("no playable item") {
        dir.write("pack.json",
                  pack_json(json::array({item_json("b", "media/missing.png")})).dump());
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        CHECK(
            messages(result) ==
            std::vector<std::string>{"pack.json: items[0].media: media/missing.png: file not found",
                                     "pack.json: no playable item, a pack needs at least 2"});
    }
    SECTION("an empty items array") {
        dir.write("pack.json", pack_json(json::array()).dump());
        auto result = load_pack(dir.path());
        CHECK(messages(result) ==
              std::vector<std::string>{"pack.json: no playable item, a pack needs at least 2"});
    }
    SECTION("top-level errors stop before the media checks") {
        json doc = pack_json({item_json("a", "media/a.png"), item_json("b", "media/missing.png")});
        doc.erase("title");
        dir.write("pack.json", doc.dump());
        auto result = load_pack(dir.path());
        CHECK_FALSE(result.ok());
        CHECK(messages(result) ==
              std::vector<std::string>{"pack.json: title: required field is missing"});
    }
}

TEST_CASE("duplicate item ids in a pack keep the first", "[content][pack]") {
    PackFixture pack;
    pack.add_item("a", "media/b.jpg");
    auto result = pack.load();
    REQUIRE(result.ok());
    CHECK(item_ids(*result.value) == std::vector<std::string>{"a", "b"});
    CHECK(result.value->manifest.items[0].media == "media/a.png");
    CHECK(messages(result) ==
          std::vector<std::string>{
              R"(pack.json: items[2].id: duplicate id "a" (first used by items[0]))"});
}

TEST_CASE("unknown fields in a pack are kept and ignored", "[content][pack]") {
    PackFixture pack;
    pack.items[0]["alt_text"] = {{"fr", "une tasse"}};
    pack.items[1]["source"]["retrieved"] = "2024-05-01";
    pack.dir.write("notes.txt", "files the manifest does not name are ignored too");
    json doc = pack_json(pack.items);
    doc["made_with"] = "realcheck-pack 0.1";
    doc["extra"] = {{"nested", {1, 2, 3}}};
    pack.dir.write("pack.json", doc.dump());
    auto result = load_pack(pack.dir.path());
    CHECK(result.problems.empty());
    REQUIRE(result.ok());
    CHECK(item_ids(*result.value) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("media checks can be skipped", "[content][pack]") {
    TempDir dir;
    dir.write("pack.json", pack_json({item_json("a", "media/not-yet.png"),
                                      item_json("b", "media/not-yet-either.png")})
                               .dump());
    PackLoadDesc desc;
    desc.skip_media_checks = true;
    auto result = load_pack(dir.path(), desc);
    CHECK(result.problems.empty());
    REQUIRE(result.ok());
    CHECK(result.value->manifest.items.size() == 2);
}
