// Workshop sessions on disk: save and resume, the list of past sessions, corrupt files,
// and the exports (CSV for French Excel, exact text; JSON with the documented fields).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "game/workshop_store.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using rc::content::Answer;
using rc::game::BandCount;
using rc::game::WorkshopSession;
using rc::game::WorkshopStore;
using rc::tests::read_file;

WorkshopSession example_session() {
    WorkshopSession session;
    session.id = "2026-12-02T09-30-00Z-7";
    session.started_at = "2026-12-02T09:30:00Z";
    session.seed = 7;
    session.setup.pack_id = "demo";
    session.setup.pack_title = "Photos; \"vraies\" ou pas\nsuite";
    session.setup.place = "Médiathèque d’Évreux";
    session.setup.date = "2 décembre 2026";
    session.setup.bands = {{"moins de 18 ans", {0xE6, 0x9F, 0x00}, "●"},
                           {"60 ans et plus", {0x56, 0xB4, 0xE9}, "▲"}};
    session.items = {{"r0", Answer::Real, "paysage", {BandCount{3, 1}, std::nullopt}, true},
                     {"e1", Answer::Edited, "", {BandCount{0, 0}, BandCount{2, 5}}, false}};
    session.setup.item_count = 2;
    session.current = 1;
    return session;
}

void check_same(const WorkshopSession& a, const WorkshopSession& b) {
    CHECK(a.id == b.id);
    CHECK(a.started_at == b.started_at);
    CHECK(a.seed == b.seed);
    CHECK(a.setup.pack_id == b.setup.pack_id);
    CHECK(a.setup.pack_title == b.setup.pack_title);
    CHECK(a.setup.place == b.setup.place);
    CHECK(a.setup.date == b.setup.date);
    CHECK(a.setup.item_count == b.setup.item_count);
    CHECK(a.current == b.current);
    CHECK(a.finished == b.finished);
    REQUIRE(a.setup.bands.size() == b.setup.bands.size());
    for (std::size_t i = 0; i < a.setup.bands.size(); ++i) {
        CHECK(a.setup.bands[i].name == b.setup.bands[i].name);
        CHECK(a.setup.bands[i].colour == b.setup.bands[i].colour);
        CHECK(a.setup.bands[i].symbol == b.setup.bands[i].symbol);
    }
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        CHECK(a.items[i].id == b.items[i].id);
        CHECK(a.items[i].answer == b.items[i].answer);
        CHECK(a.items[i].category == b.items[i].category);
        CHECK(a.items[i].revealed == b.items[i].revealed);
        CHECK(a.items[i].votes == b.items[i].votes);
    }
}

}  // namespace

TEST_CASE("A workshop session is saved and resumed", "[game][workshop][store]") {
    rc::tests::TempDir dir;
    const WorkshopStore store(dir.path());
    auto session = example_session();

    SECTION("everything typed comes back: counts, not counted, zero, revealed, position") {
        REQUIRE(store.save(session) == "");
        CHECK(fs::exists(dir.path() / "workshops" / "2026-12-02T09-30-00Z-7.json"));
        const auto loaded = store.load(session.id);
        REQUIRE(loaded.ok());
        CHECK(loaded.problems.empty());
        check_same(*loaded.value, session);
    }
    SECTION("save, load, continue, save, load") {
        REQUIRE(store.save(session) == "");
        auto resumed = *store.load(session.id).value;
        resumed.items[0].votes[1] = BandCount{4, 0};
        resumed.items[1].revealed = true;
        resumed.finished = true;
        REQUIRE(store.save(resumed) == "");
        const auto again = store.load(session.id);
        REQUIRE(again.ok());
        check_same(*again.value, resumed);
        CHECK(rc::game::tally(*again.value).score == 2);
    }
    SECTION("a session without an id is not saved") {
        session.id = "../x";
        CHECK(store.save(session) == "a workshop session needs an id of letters, digits and '-'");
    }
    SECTION("a missing session") {
        const auto loaded = store.load("nope");
        REQUIRE_FALSE(loaded.ok());
        CHECK(to_string(loaded.problems[0]) ==
              (dir.path() / "workshops" / "nope.json").string() + ": no such session");
    }
    SECTION("the file's name wins over the id inside it") {
        REQUIRE(store.save(session) == "");
        fs::rename(store.file_of(session.id), store.file_of("renamed-1"));
        const auto loaded = store.load("renamed-1");
        REQUIRE(loaded.ok());
        CHECK(loaded.value->id == "renamed-1");
    }
    SECTION("a file too large is refused, named once, and left in place") {
        const auto big = dir.write("workshops/big-1.json", std::string(5 * 1024 * 1024, ' '));
        const auto loaded = store.load("big-1");
        REQUIRE_FALSE(loaded.ok());
        CHECK(to_string(loaded.problems[0]) ==
              big.string() + ": file is too large (5242880 bytes)");
        CHECK(fs::exists(big));
    }
    SECTION("the list of past sessions has totals, newest first, and reports bad files") {
        REQUIRE(store.save(session) == "");
        auto later = example_session();
        later.id = "2026-12-03T10-00-00Z-8";
        later.setup.place = "Marché";
        later.items[0].votes = {BandCount{0, 4}, std::nullopt};
        REQUIRE(store.save(later) == "");
        dir.write("workshops/2026-12-04T00-00-00Z-1.json", "{not json");
        std::vector<rc::content::Problem> problems;
        const auto list = store.list(&problems);
        REQUIRE(list.size() == 2);
        CHECK(list[0].id == "2026-12-03T10-00-00Z-8");
        CHECK(list[0].place == "Marché");
        CHECK(list[0].score == 1);
        CHECK(list[0].out_of == 2);
        CHECK(list[1].id == session.id);
        CHECK(list[1].score == 2);
        CHECK(list[1].counted_items == 2);
        REQUIRE(problems.size() == 1);
        CHECK(to_string(problems[0]) ==
              (dir.path() / "workshops" / "2026-12-04T00-00-00Z-1.json").string() +
                  ": not a valid JSON object");
        CHECK(fs::exists(dir.path() / "workshops" / "2026-12-04T00-00-00Z-1.json"));
    }
    SECTION("no sessions yet") {
        std::vector<rc::content::Problem> problems;
        CHECK(store.list(&problems).empty());
        CHECK(problems.empty());
    }
}

TEST_CASE("A corrupt session file gives a located message", "[game][workshop][store]") {
    auto valid = json::parse(rc::game::session_json(example_session()));
    struct Case {
        std::string text;
        std::string message;
    };
    auto edited = [&](auto change) {
        json copy = valid;
        change(copy);
        return copy.dump();
    };
    const auto c = GENERATE_COPY(
        Case{"", "s.json: not a valid JSON object"},
        Case{"[1,2]", "s.json: not a valid JSON object"},
        Case{"{\"format\":1,", "s.json: not a valid JSON object"},
        Case{"{\"name\":\"\xC3\"}", "s.json: not a valid JSON object"},
        Case{"{\"format\":2}", "s.json: format: unsupported format (expected 1)"},
        Case{"{\"format\":\"1\"}", "s.json: format: unsupported format (expected 1)"},
        Case{edited([](json& j) { j.erase("bands"); }), "s.json: bands: expected a list"},
        Case{edited([](json& j) { j["bands"] = json::array(); }),
             "s.json: bands: a session needs at least one band"},
        Case{edited([](json& j) { j["id"] = "../../etc"; }),
             "s.json: id: expected letters, digits and '-' only"},
        Case{edited([](json& j) { j["bands"][1]["colour"] = "blue"; }),
             "s.json: bands[1].colour: expected a colour written #rrggbb"},
        Case{edited([](json& j) { j["bands"][1]["name"] = "moins de 18 ans"; }),
             "s.json: bands[1].name: another band is already called \"moins de 18 ans\""},
        Case{edited([](json& j) { j["bands"][0]["name"] = 3; }),
             "s.json: bands[0].name: expected text"},
        Case{edited([](json& j) { j["items"][0]["votes"]["moins de 18 ans"]["real"] = -1; }),
             "s.json: items[0].votes.moins de 18 ans.real: expected a whole number from 0 to "
             "100000"},
        Case{edited([](json& j) { j["items"][0]["votes"]["moins de 18 ans"]["real"] = 1e300; }),
             "s.json: items[0].votes.moins de 18 ans.real: expected a whole number from 0 to "
             "100000"},
        Case{edited([](json& j) {
                 j["items"][1]["votes"]["ados"] = {{"real", 1}};
             }),
             "s.json: items[1].votes: \"ados\" is not a band of this session"},
        Case{edited([](json& j) { j["items"][1]["answer"] = "fake"; }),
             "s.json: items[1].answer: expected \"real\", \"generated\" or \"edited\""},
        Case{edited([](json& j) { j["items"][1] = 5; }), "s.json: items[1]: expected an object"},
        Case{edited([](json& j) { j["items"][0]["revealed"] = "yes"; }),
             "s.json: items[0].revealed: expected true or false"},
        Case{edited([](json& j) { j["items"] = json::array({json::object()}); }),
             "s.json: items[0].id: missing"});
    INFO(c.text);
    const auto parsed = rc::game::parse_session(c.text, "s.json");
    CHECK_FALSE(parsed.ok());
    REQUIRE(parsed.problems.size() == 1);
    CHECK(to_string(parsed.problems[0]) == c.message);
}

TEST_CASE("Hostile bytes never crash the session reader", "[game][workshop][store]") {
    const std::string valid = rc::game::session_json(example_session());
    // Every prefix of a valid file, and the file with each byte flipped in turn.
    for (std::size_t i = 0; i < valid.size(); i += 7) {
        (void)rc::game::parse_session(valid.substr(0, i), "s.json");
        std::string flipped = valid;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
        const auto parsed = rc::game::parse_session(flipped, "s.json");
        if (parsed.ok())
            CHECK(rc::game::tally(*parsed.value).out_of <= rc::game::kMaxWorkshopItems);
    }
    CHECK(rc::game::parse_session(valid, "s.json").ok());
    // Deep nesting must not exhaust the stack, in parsing or in freeing what was parsed.
    const auto deep = rc::game::parse_session(std::string(200000, '['), "s.json");
    REQUIRE_FALSE(deep.ok());
    CHECK(to_string(deep.problems[0]) == "s.json: not a valid JSON object");
    const auto nested = rc::game::parse_session(
        "{\"format\":1,\"x\":" + std::string(100000, '[') + std::string(100000, ']') + "}",
        "s.json");
    REQUIRE_FALSE(nested.ok());
    CHECK(to_string(nested.problems[0]) == "s.json: id: missing");
}

TEST_CASE("Invalid UTF-8 in a session is saved, not thrown", "[game][workshop][store]") {
    auto session = example_session();
    session.setup.place = "Caf\xE9";  // Latin-1 bytes typed somewhere
    const auto text = rc::game::session_json(session);
    CHECK(text.find("Caf\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    CHECK(rc::game::parse_session(text, "s.json").ok());
}

TEST_CASE("The CSV export opens in French Excel", "[game][workshop][export]") {
    const std::string prefix =
        "2026-12-02T09-30-00Z-7;2026-12-02T09:30:00Z;Médiathèque d’Évreux;2 décembre 2026;"
        "\"Photos; \"\"vraies\"\" ou pas\nsuite\";";
    const std::string header =
        "\xEF\xBB\xBFsession;started_at;place;date;pack;position;item;answer;band_number;band;"
        "real;generated;right;wrong\r\n";

    SECTION("one row per item × band; not counted is empty, zero is 0") {
        CHECK(rc::game::session_csv(example_session()) ==
              header + prefix + "1;r0;real;1;moins de 18 ans;3;1;3;1\r\n" + prefix +
                  "1;r0;real;2;60 ans et plus;;;;\r\n" + prefix +
                  "2;e1;edited;1;moins de 18 ans;0;0;0;0\r\n" + prefix +
                  "2;e1;edited;2;60 ans et plus;2;5;5;2\r\n");
    }
    SECTION("formulas are defused, quotes doubled, semicolons quoted") {
        auto session = example_session();
        session.items.resize(1);
        session.setup.bands.resize(1);
        session.items[0].votes.resize(1);
        session.setup.bands[0].name = "=SUM(A1)";
        session.setup.place = "salle \"B\"";
        session.setup.pack_title = "-1";
        session.setup.date = "mardi; matin";
        CHECK(rc::game::session_csv(session) ==
              header +
                  "2026-12-02T09-30-00Z-7;2026-12-02T09:30:00Z;\"salle \"\"B\"\"\";"
                  "\"mardi; matin\";'-1;1;r0;real;1;'=SUM(A1);3;1;3;1\r\n");
    }
    SECTION("export all: one header, every session's rows") {
        auto other = example_session();
        other.id = "x-1";
        other.items.resize(1);
        const auto all = rc::game::sessions_csv({example_session(), other});
        CHECK(all.rfind(header, 0) == 0);
        CHECK(all.find("\xEF\xBB\xBF", 1) == std::string::npos);
        CHECK(all.find("\r\nx-1;") != std::string::npos);
        std::size_t rows = 0;
        for (std::size_t at = all.find("\r\n"); at != std::string::npos;
             at = all.find("\r\n", at + 2))
            ++rows;
        CHECK(rows == 1 + 4 + 2);
    }
}

TEST_CASE("The JSON export holds the documented fields", "[game][workshop][export]") {
    const auto text = rc::game::session_json(example_session());
    const json file = json::parse(text);
    CHECK(file["format"] == 1);
    CHECK(file["out_of"] == 2);
    CHECK(file["score"] == 2);
    CHECK(file["place"] == "Médiathèque d’Évreux");
    REQUIRE(file["items"].size() == 2);
    CHECK(file["items"][0]["id"] == "r0");
    CHECK(file["items"][1]["answer"] == "edited");
    CHECK(file["items"][0]["votes"] == json{{"moins de 18 ans", {{"real", 3}, {"generated", 1}}}});
    CHECK(file["items"][1]["votes"]["60 ans et plus"] == json{{"real", 2}, {"generated", 5}});
    REQUIRE(file["bands"].size() == 2);
    CHECK(file["bands"][0] == json{{"name", "moins de 18 ans"},
                                   {"number", 1},
                                   {"colour", "#e69f00"},
                                   {"symbol", "●"},
                                   {"correct", 3},
                                   {"total", 4}});
    CHECK(file["bands"][1]["correct"] == 5);
    CHECK(file["bands"][1]["total"] == 7);
}

TEST_CASE("Exports are written as files", "[game][workshop][export]") {
    rc::tests::TempDir dir;
    const WorkshopStore store(dir.path() / "data");
    const auto session = example_session();
    REQUIRE(store.save(session) == "");

    SECTION("one session: <id>.csv and <id>.json, byte for byte the exports") {
        REQUIRE(store.export_session(session, dir.path() / "out") == "");
        CHECK(read_file(dir.path() / "out" / (session.id + ".csv")) ==
              rc::game::session_csv(session));
        const auto back = rc::game::parse_session(
            read_file(dir.path() / "out" / (session.id + ".json")), "x.json");
        REQUIRE(back.ok());
        check_same(*back.value, session);
    }
    SECTION("export all") {
        std::vector<rc::content::Problem> problems;
        REQUIRE(store.export_all(dir.path() / "out", &problems) == "");
        CHECK(problems.empty());
        CHECK(read_file(dir.path() / "out" / "workshops.csv") == rc::game::sessions_csv({session}));
        const auto all = json::parse(read_file(dir.path() / "out" / "workshops.json"));
        REQUIRE(all["sessions"].size() == 1);
        CHECK(all["sessions"][0]["id"] == session.id);
    }
}
