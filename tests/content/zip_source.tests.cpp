// Zip pack sources on archives made here, many of them crafted the way a careless or a
// hostile pack maker would: every refusal names the entry (or the archive) and the reason.
// Names: UTF-8 or CP437, compared in NFC; a pack in one top folder reads as if at the root.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "content/pack.h"
#include "content/source.h"
#include "content/test_images.h"
#include "support/temp_dir.h"
#include "support/zip_writer.h"

using rc::content::Bytes;
using rc::content::Result;
using rc::content::SourcePtr;
using rc::content::ZipLimits;
using namespace rc::tests;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> messages(const std::vector<rc::content::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(rc::content::to_string(problem));
    return out;
}

// An archive opened from a file in `dir` or from memory; `label` is where() either way.
struct ZipOpening {
    Result<SourcePtr> result;
    std::string label;
};

ZipOpening open_bytes(const TempDir& dir, const std::string& bytes, bool in_memory,
                      const ZipLimits& limits = {}) {
    if (in_memory)
        return {rc::content::open_zip_source(Bytes(bytes.begin(), bytes.end()), "pack.zip", limits),
                "pack.zip"};
    const auto file = dir.write("pack.zip", bytes);
    return {rc::content::open_zip_source(file, limits), file.string()};
}

ZipOpening open_entries(const TempDir& dir, const std::vector<ZipEntry>& entries, bool in_memory,
                        const ZipLimits& limits = {}) {
    return open_bytes(dir, zip_bytes(entries), in_memory, limits);
}

// The archive was refused with exactly one problem: `where` inside it (or the archive
// itself when `entry` is empty), for `reason`.
void require_refused(const ZipOpening& opening, const std::string& entry,
                     const std::string& reason) {
    CHECK_FALSE(opening.result.ok());
    const std::string where = entry.empty() ? opening.label : opening.label + ": " + entry;
    CHECK(messages(opening.result.problems) == std::vector<std::string>{where + ": " + reason});
}

const std::vector<ZipEntry> kGoodPack = {
    {"pack.json", pack_json({item_json("a", "media/a.png"), item_json("b", "media/b.jpg")}).dump()},
    {"media/a.png", png_bytes(800, 600)},
    {"media/b.jpg", jpeg_bytes(640, 480)},
};

std::vector<ZipEntry> good_pack_with(std::vector<ZipEntry> more) {
    std::vector<ZipEntry> entries = kGoodPack;
    entries.insert(entries.end(), more.begin(), more.end());
    return entries;
}

}  // namespace

TEST_CASE("a zip archive refuses entries that would escape or mislead", "[content][source][zip]") {
    TempDir dir;
    const bool in_memory = GENERATE(false, true);
    INFO((in_memory ? "in memory" : "from a file"));

    SECTION("zip-slip and unsafe names refuse the whole archive, naming the entry") {
        struct Unsafe {
            std::string name;   // as stored
            std::string shown;  // as named in the message
            std::string reason;
        };
        const auto unsafe = GENERATE(
            Unsafe{"../evil.png", "../evil.png", "climbs out of the archive with \"..\""},
            Unsafe{"a/../../b", "a/../../b", "climbs out of the archive with \"..\""},
            Unsafe{"media/..", "media/..", "climbs out of the archive with \"..\""},
            Unsafe{"media\\..\\..\\evil.png", "media/../../evil.png",
                   "climbs out of the archive with \"..\""},
            Unsafe{"/abs.png", "/abs.png", "is an absolute path"},
            Unsafe{"C:/abs.png", "C:/abs.png", "is an absolute path"},
            Unsafe{"media/a\t.png", "media/a\t.png", "has a control character in its name"},
            Unsafe{"media/a\n.png", "media/a\n.png", "has a control character in its name"},
            Unsafe{"media/a\x7F.png", "media/a\x7F.png", "has a control character in its name"});
        INFO("entry: " << unsafe.shown);
        require_refused(open_entries(dir, good_pack_with({{unsafe.name, "x"}}), in_memory),
                        unsafe.shown, unsafe.reason);
    }
    SECTION("other control bytes in a name without the UTF-8 flag are CP437 pictures") {
        // libzip reads 0x01 as CP437's U+263A, a character: no control byte reaches a pack.
        const auto opening =
            open_entries(dir, good_pack_with({{"media/a\x01.png", "x"}}), in_memory);
        REQUIRE(opening.result.ok());
        CHECK((*opening.result.value)->read("media/a\xE2\x98\xBA.png").ok());
    }
    SECTION("a link entry refuses the archive, even one nobody reads") {
        require_refused(
            open_entries(dir,
                         good_pack_with({{"media/link.png", "/etc/passwd", ZipEntry::Kind::Link}}),
                         in_memory),
            "media/link.png", "is a symbolic link");
    }
    SECTION("an encrypted entry refuses the archive") {
        std::string zip = zip_bytes(good_pack_with({{"media/c.png", png_bytes(8, 8)}}));
        patch_flags(zip, "media/c.png", kZipFlagEncrypted);
        require_refused(open_bytes(dir, zip, in_memory), "media/c.png", "is encrypted");
    }
    SECTION("two entries of the same name refuse the archive") {
        std::string zip = zip_bytes(good_pack_with({{"media/c.png", png_bytes(8, 8)}}));
        rename_entry(zip, "media/c.png", "media/a.png");
        require_refused(open_bytes(dir, zip, in_memory), "media/a.png",
                        "appears twice in the archive");
    }
    SECTION("two names equal once composed (NFC) are the same name") {
        const auto opening = open_entries(
            dir, good_pack_with({{"media/caf\xC3\xA9.png", "1"}, {"media/cafe\xCC\x81.png", "2"}}),
            in_memory);
        require_refused(opening, "media/caf\xC3\xA9.png", "appears twice in the archive");
    }
}

TEST_CASE("a zip archive refuses what would unpack too big", "[content][source][zip]") {
    TempDir dir;
    const bool in_memory = GENERATE(false, true);
    INFO((in_memory ? "in memory" : "from a file"));

    SECTION("a bomb: a big entry compressed far over 100:1") {
        const auto opening = open_entries(
            dir, good_pack_with({{"media/zeros.bin", std::string(11'000'000, '\0')}}), in_memory);
        CHECK_FALSE(opening.result.ok());
        REQUIRE(opening.result.problems.size() == 1);
        const auto& problem = opening.result.problems[0];
        CHECK(problem.where == opening.label + ": media/zeros.bin");
        CHECK_THAT(problem.message,
                   Catch::StartsWith("is compressed ") &&
                       Catch::EndsWith(":1, over the limit of 100:1 (a zip bomb?)"));
        const auto ratio =
            std::stoull(problem.message.substr(std::string("is compressed ").size()));
        CHECK(ratio > 500);
    }
    SECTION("a smaller entry may be denser: 5 MB of zeros is fine") {
        const auto opening = open_entries(
            dir, good_pack_with({{"media/zeros.bin", std::string(5'000'000, '\0')}}), in_memory);
        REQUIRE(opening.result.ok());
        auto read = (*opening.result.value)->read("media/zeros.bin");
        REQUIRE(read.ok());
        CHECK(read.value->size() == 5'000'000);
    }
    SECTION("the declared total over the limit names the entry that crosses it") {
        ZipLimits limits;
        limits.max_total_bytes = 2'000'000;
        const auto opening = open_entries(dir,
                                          good_pack_with({{"media/c.bin", noise(900'000, 1)},
                                                          {"media/d.bin", noise(900'000, 2)},
                                                          {"media/e.bin", noise(900'000, 3)}}),
                                          in_memory, limits);
        require_refused(opening, "media/e.bin", "takes the archive over 2 MB once unpacked");
    }
    SECTION("a total limit under a megabyte is named in bytes") {
        ZipLimits limits;
        limits.max_total_bytes = 1000;
        const auto opening =
            open_entries(dir, good_pack_with({{"media/c.bin", noise(2000, 1)}}), in_memory, limits);
        require_refused(opening, "media/c.bin", "takes the archive over 1000 bytes once unpacked");
    }
    SECTION("too many entries") {
        ZipLimits limits;
        limits.max_entries = 3;
        const auto opening =
            open_entries(dir, good_pack_with({{"media/c.png", "c"}}), in_memory, limits);
        require_refused(opening, "", "has too many entries");
    }
}

TEST_CASE("a zip archive that is not whole is refused at its name", "[content][source][zip]") {
    TempDir dir;
    const bool in_memory = GENERATE(false, true);
    INFO((in_memory ? "in memory" : "from a file"));
    const std::string zip =
        zip_bytes(good_pack_with({{"media/c.bin", noise(50'000, 4), ZipEntry::Kind::File, true}}));

    SECTION("truncated: the end of the archive cut off") {
        const std::size_t cut = GENERATE(10, 22, 1000);
        INFO("cut " << cut << " bytes");
        require_refused(open_bytes(dir, zip.substr(0, zip.size() - cut), in_memory), "",
                        "is not a zip archive, or is truncated (no central directory)");
    }
    SECTION("corrupt: random bytes after a zip signature") {
        require_refused(open_bytes(dir, "PK\3\4" + noise(4000, 9), in_memory), "",
                        "is not a zip archive, or is truncated (no central directory)");
    }
    SECTION("corrupt: a local header that disagrees with the central directory") {
        std::string broken = zip;
        const auto records = zip_records(broken);
        // The compression method of the first entry's local header: bzip2 (12).
        broken[records[0].local_header + 8] = '\x0C';
        require_refused(open_bytes(dir, broken, in_memory), "",
                        "is a corrupt zip archive (inconsistent entries)");
    }
    SECTION("corrupt data is found when the entry is read, and named") {
        std::string broken = zip;
        for (const auto& record : zip_records(broken))
            if (record.name == "media/c.bin")
                broken[record.data + 1000] ^= 0x55;
        const auto opening = open_bytes(dir, broken, in_memory);
        REQUIRE(opening.result.ok());
        const auto& source = **opening.result.value;
        CHECK(source.read("media/a.png").ok());
        auto read = source.read("media/c.bin");
        CHECK_FALSE(read.ok());
        CHECK(messages(read.problems) ==
              std::vector<std::string>{"media/c.bin: cannot read: CRC error"});
    }
    SECTION("not a zip archive at all") {
        require_refused(open_bytes(dir, "just some text, not an archive", in_memory), "",
                        "is not a zip archive, or is truncated (no central directory)");
    }
}

TEST_CASE("a zip archive is read as the pack it holds", "[content][source][zip]") {
    TempDir dir;
    const bool in_memory = GENERATE(false, true);
    INFO((in_memory ? "in memory" : "from a file"));

    SECTION("a pack in one top folder reads as if at the root") {
        std::vector<ZipEntry> entries = {{"my-pack/", "", ZipEntry::Kind::Folder},
                                         {"my-pack/media/", "", ZipEntry::Kind::Folder}};
        for (const auto& entry : kGoodPack)
            entries.push_back({"my-pack/" + entry.name, entry.data});
        const auto opening = open_entries(dir, entries, in_memory);
        REQUIRE(opening.result.ok());
        const auto& source = **opening.result.value;
        CHECK(source.list() == std::vector<std::string>{"media/a.png", "media/b.jpg", "pack.json"});
        auto read = source.read("media/a.png");
        REQUIRE(read.ok());
        CHECK(text_of(*read.value) == png_bytes(800, 600));
        CHECK_FALSE(source.read("my-pack/pack.json").ok());
    }
    SECTION("a top folder is kept when something else sits beside it") {
        std::vector<ZipEntry> entries = {{"README.txt", "read me"}};
        for (const auto& entry : kGoodPack)
            entries.push_back({"my-pack/" + entry.name, entry.data});
        const auto opening = open_entries(dir, entries, in_memory);
        REQUIRE(opening.result.ok());
        CHECK((*opening.result.value)->list() ==
              std::vector<std::string>{"README.txt", "my-pack/media/a.png", "my-pack/media/b.jpg",
                                       "my-pack/pack.json"});
    }
    SECTION("__MACOSX/, .DS_Store and ._ files are ignored, also beside a top folder") {
        std::vector<ZipEntry> entries = {{"__MACOSX/", "", ZipEntry::Kind::Folder},
                                         {"__MACOSX/my-pack/._pack.json", "mac"},
                                         {".DS_Store", "mac"},
                                         {"my-pack/.DS_Store", "mac"},
                                         {"my-pack/media/._a.png", "mac"}};
        for (const auto& entry : kGoodPack)
            entries.push_back({"my-pack/" + entry.name, entry.data});
        const auto opening = open_entries(dir, entries, in_memory);
        REQUIRE(opening.result.ok());
        const auto& source = **opening.result.value;
        CHECK(source.list() == std::vector<std::string>{"media/a.png", "media/b.jpg", "pack.json"});
        CHECK(messages(source.read(".DS_Store").problems) ==
              std::vector<std::string>{".DS_Store: file not found in the archive"});
    }
    SECTION("a decomposed accent (e + U+0301) is found by its NFC form, and listed in NFC") {
        const auto opening = open_entries(
            dir, good_pack_with({{"media/cafe\xCC\x81.png", png_bytes(8, 8)}}), in_memory);
        REQUIRE(opening.result.ok());
        const auto& source = **opening.result.value;
        auto read = source.read("media/caf\xC3\xA9.png");
        REQUIRE(read.ok());
        CHECK(text_of(*read.value) == png_bytes(8, 8));
        CHECK(source.read("media/cafe\xCC\x81.png").ok());
        CHECK(source.list()[2] == "media/caf\xC3\xA9.png");
    }
    SECTION("a CP437 name (no UTF-8 flag) is read as UTF-8") {
        // 0x82 is é in code page 437; 0x87 is ç.
        std::string zip = zip_bytes(good_pack_with(
            {{"media/\x82t\x82.png", png_bytes(8, 8)}, {"media/gar\x87on.png", png_bytes(9, 9)}}));
        patch_flags(zip, "media/\x82t\x82.png", 0, kZipFlagUtf8);
        patch_flags(zip, "media/gar\x87on.png", 0, kZipFlagUtf8);
        const auto opening = open_bytes(dir, zip, in_memory);
        REQUIRE(opening.result.ok());
        const auto& source = **opening.result.value;
        auto read = source.read("media/\xC3\xA9t\xC3\xA9.png");
        REQUIRE(read.ok());
        CHECK(text_of(*read.value) == png_bytes(8, 8));
        CHECK(source.read("media/gar\xC3\xA7on.png").ok());
        CHECK(source.list() ==
              std::vector<std::string>{"media/a.png", "media/b.jpg", "media/gar\xC3\xA7on.png",
                                       "media/\xC3\xA9t\xC3\xA9.png", "pack.json"});
    }
    SECTION("a UTF-8 name with the flag is read as it is") {
        const auto opening = open_entries(
            dir, good_pack_with({{"media/\xC3\xA9t\xC3\xA9.png", png_bytes(8, 8)}}), in_memory);
        REQUIRE(opening.result.ok());
        CHECK((*opening.result.value)->read("media/\xC3\xA9t\xC3\xA9.png").ok());
    }
    SECTION("names stored with backslashes are read with slashes") {
        const auto opening =
            open_entries(dir, good_pack_with({{"media\\win.png", png_bytes(8, 8)}}), in_memory);
        REQUIRE(opening.result.ok());
        CHECK((*opening.result.value)->read("media/win.png").ok());
    }
    SECTION("an empty archive opens with nothing in it") {
        // libzip writes no file for an archive without entries: the end record alone.
        const auto opening = open_bytes(dir, "PK\5\6" + std::string(18, '\0'), in_memory);
        REQUIRE(opening.result.ok());
        CHECK((*opening.result.value)->list().empty());
    }
    SECTION("a whole pack loads from the archive") {
        std::vector<ZipEntry> entries;
        for (const auto& entry : kGoodPack)
            entries.push_back({"my-pack/" + entry.name, entry.data});
        const auto opening = open_entries(dir, entries, in_memory);
        REQUIRE(opening.result.ok());
        auto loaded = rc::content::load_pack(*opening.result.value);
        INFO(messages(loaded.problems).size());
        REQUIRE(loaded.ok());
        CHECK(loaded.problems.empty());
        CHECK(loaded.value->manifest.items.size() == 2);
    }
}

TEST_CASE("a zip file is opened as a pack by its contents, not its name",
          "[content][source][zip]") {
    TempDir dir;
    SECTION("a zip named anything opens as a zip") {
        const auto file = dir.write("pack.data", zip_bytes(kGoodPack));
        auto opened = rc::content::open_local_source(file);
        REQUIRE(opened.ok());
        CHECK((*opened.value)->kind() == rc::content::SourceKind::Zip);
        CHECK(rc::content::load_pack(file).ok());
    }
    SECTION("a file that is not a zip is refused") {
        const auto file = dir.write("pack.zip", "not a zip");
        CHECK(messages(rc::content::open_local_source(file).problems) ==
              std::vector<std::string>{file.string() +
                                       ": is not a pack folder, a pack.json or a zip file"});
    }
    SECTION("a missing zip file") {
        const auto file = dir.path() / "none.zip";
        CHECK(messages(rc::content::open_zip_source(file).problems) ==
              std::vector<std::string>{file.string() + ": cannot read: No such file or directory"});
        CHECK(messages(rc::content::open_local_source(file).problems) ==
              std::vector<std::string>{file.string() + ": cannot read: No such file or directory"});
    }
    SECTION("looks_like_zip reads the signature") {
        CHECK(rc::content::looks_like_zip(as_bytes("PK\3\4rest")));
        CHECK(rc::content::looks_like_zip(as_bytes(std::string("PK\5\6", 4))));
        CHECK_FALSE(rc::content::looks_like_zip(as_bytes("PK\1\2")));
        CHECK_FALSE(rc::content::looks_like_zip(as_bytes("PK")));
        CHECK_FALSE(rc::content::looks_like_zip(as_bytes("{\"format\": 1}")));
    }
}
