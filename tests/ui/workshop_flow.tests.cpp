// Workshop mode's flow as a facilitator drives it: set-up, typed counts saved at each
// keystroke, Skip counting, Reveal as its own step, the debrief, resuming a session left
// mid-way, replaying a past session's pictures, and the exports.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "game/workshop_flow.h"
#include "support/temp_dir.h"

namespace {

using rc::game::Action;
using rc::game::ActionType;
using rc::game::BandCount;
using rc::game::WorkshopFlow;
using rc::game::WorkshopInputs;
using rc::game::WorkshopStep;

rc::content::LoadedPack pack_of(int real, int generated) {
    rc::content::LoadedPack pack;
    pack.manifest.id = "flow";
    pack.manifest.title = {"Atelier", "Workshop"};
    for (int i = 0; i < real + generated; ++i) {
        rc::content::PackItem item;
        item.id = "item-" + std::to_string(i);
        item.answer = i < real ? rc::content::Answer::Real : rc::content::Answer::Generated;
        pack.manifest.items.push_back(item);
    }
    return pack;
}

struct Room {
    rc::tests::TempDir dir;
    rc::content::LoadedPack pack = pack_of(5, 5);
    WorkshopFlow flow{dir.path()};
    std::vector<std::string> messages;
    WorkshopInputs in;

    Room() {
        in.pack = &pack;
        in.lang = rc::content::Lang::En;
        in.seed = 4;
        in.now = "2026-12-02T09:30:00Z";
    }
    void act(Action action) { flow.apply(action, in, messages); }
    void act(ActionType type) { act(Action::of(type)); }
    void type(std::size_t band, int side, const std::string& text) {
        act(Action{ActionType::WorkshopCount, {}, band * 2 + side, {}, text, 0});
    }
    // The session as saved on disk now.
    rc::game::WorkshopSession saved() {
        auto loaded = flow.store().load(flow.session()->id);
        REQUIRE(loaded.value);
        return *loaded.value;
    }
};

}  // namespace

TEST_CASE("a workshop session from set-up to debrief", "[ui][workshop][flow]") {
    Room room;
    room.act(ActionType::ShowWorkshop);
    REQUIRE(room.flow.step() == WorkshopStep::Setup);
    CHECK(room.flow.setup().bands.size() == 4);
    CHECK(room.flow.setup().pack_title == "Workshop");
    room.act(Action::with_text(ActionType::WorkshopSetItems, "4"));
    room.act(Action::with_text(ActionType::WorkshopSetPlace, "Médiathèque"));
    room.act(ActionType::WorkshopStart);
    REQUIRE(room.flow.step() == WorkshopStep::Vote);
    REQUIRE(room.flow.session()->items.size() == 4);
    CHECK(room.flow.session()->setup.place == "Médiathèque");
    CHECK(room.flow.session()->id == "2026-12-02T09-30-00Z-4");

    SECTION("each keystroke of a count is saved; one empty field counts as 0") {
        room.type(0, 0, "1");
        CHECK(room.saved().items[0].votes[0] == BandCount{1, 0});
        room.type(0, 0, "12");
        room.type(0, 1, "3");
        CHECK(room.saved().items[0].votes[0] == BandCount{12, 3});
        room.type(0, 0, "");
        room.type(0, 1, "");
        CHECK_FALSE(room.saved().items[0].votes[0]);  // both empty: not counted
    }
    SECTION("a field that is not a number is marked and the last good count stays") {
        room.type(1, 0, "7");
        room.type(1, 1, "x");
        CHECK(room.flow.typing().count_refused[1]);
        CHECK(room.saved().items[0].votes[1] == BandCount{7, 0});
        room.type(1, 1, "2");
        CHECK_FALSE(room.flow.typing().count_refused[1]);
        CHECK(room.saved().items[0].votes[1] == BandCount{7, 2});
    }
    SECTION("Reveal is its own step, then Next goes to the next picture with empty fields") {
        room.type(0, 0, "5");
        room.act(ActionType::WorkshopNext);  // not before the reveal
        CHECK(room.flow.step() == WorkshopStep::Vote);
        room.act(ActionType::WorkshopReveal);
        CHECK(room.flow.step() == WorkshopStep::Reveal);
        CHECK(room.saved().items[0].revealed);
        room.type(0, 0, "9");  // counts are closed once revealed
        CHECK(room.saved().items[0].votes[0] == BandCount{5, 0});
        room.act(ActionType::WorkshopNext);
        CHECK(room.flow.step() == WorkshopStep::Vote);
        CHECK(room.flow.session()->current == 1);
        CHECK(room.flow.typing().counts[0][0].empty());
    }
    SECTION("Skip counting reveals with every band not counted") {
        room.type(2, 1, "4");
        room.act(ActionType::WorkshopSkipCount);
        CHECK(room.flow.step() == WorkshopStep::Reveal);
        // Kept in a variable: a range over a member of the temporary would dangle.
        const auto saved = room.saved();
        for (const auto& count : saved.items[0].votes)
            CHECK_FALSE(count);
    }
    SECTION("after the last picture comes the debrief, with the room's score") {
        for (std::size_t i = 0; i < 4; ++i) {
            const bool real = room.flow.session()->items[i].answer == rc::content::Answer::Real;
            // The room is right on the first two pictures only.
            const bool right = i < 2;
            room.type(0, real == right ? 0 : 1, "3");
            room.act(ActionType::WorkshopReveal);
            room.act(ActionType::WorkshopNext);
        }
        CHECK(room.flow.step() == WorkshopStep::Debrief);
        CHECK(room.saved().finished);
        CHECK(room.flow.debrief().score == 2);
        CHECK(room.flow.debrief().out_of == 4);
        CHECK(room.flow.debrief().most_fooled == std::vector<std::size_t>{2, 3});
    }
}

TEST_CASE("a session left mid-way is offered again and resumes where it was",
          "[ui][workshop][flow]") {
    Room room;
    room.act(ActionType::ShowWorkshop);
    room.act(ActionType::WorkshopStart);
    room.act(ActionType::WorkshopReveal);
    room.act(ActionType::WorkshopNext);
    room.type(3, 1, "8");
    const std::string id = room.flow.session()->id;
    room.act(ActionType::WorkshopLeave);
    CHECK(room.flow.step() == WorkshopStep::Off);

    // As after a restart: a new flow over the same data folder.
    WorkshopFlow again(room.dir.path());
    again.apply(Action::of(ActionType::ShowWorkshop), room.in, room.messages);
    REQUIRE(again.resumable() != nullptr);
    CHECK(again.resumable()->id == id);
    again.apply(Action::with_text(ActionType::WorkshopResume, id), room.in, room.messages);
    REQUIRE(again.step() == WorkshopStep::Vote);
    CHECK(again.session()->current == 1);
    CHECK(again.typing().counts[3][1] == "8");  // nothing typed is lost

    SECTION("another pack open refuses to resume it, saying which pack") {
        auto other = pack_of(2, 2);
        other.manifest.id = "other";
        WorkshopInputs in = room.in;
        in.pack = &other;
        WorkshopFlow third(room.dir.path());
        std::vector<std::string> messages;
        third.apply(Action::with_text(ActionType::WorkshopResume, id), in, messages);
        CHECK(third.step() == WorkshopStep::Off);
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].find("Workshop") != std::string::npos);
    }
}

TEST_CASE("a session can show the same pictures as a past one", "[ui][workshop][flow]") {
    Room room;
    room.act(ActionType::ShowWorkshop);
    room.act(Action::with_text(ActionType::WorkshopSetItems, "6"));
    room.act(ActionType::WorkshopStart);
    const auto first = room.flow.session()->items;
    const std::string first_id = room.flow.session()->id;
    room.act(ActionType::WorkshopLeave);

    room.in.seed = 99;
    room.in.now = "2026-12-02T14:00:00Z";
    room.act(ActionType::ShowWorkshop);
    room.act(Action::with_text(ActionType::WorkshopReplay, first_id));
    room.act(ActionType::WorkshopStart);
    REQUIRE(room.flow.session());
    REQUIRE(room.flow.session()->items.size() == first.size());
    for (std::size_t i = 0; i < first.size(); ++i)
        CHECK(room.flow.session()->items[i].id == first[i].id);
    CHECK(room.flow.session()->id != first_id);
}

TEST_CASE("band edits are applied or refused with a message", "[ui][workshop][flow]") {
    Room room;
    room.act(ActionType::ShowWorkshop);
    room.act(Action{ActionType::WorkshopRenameBand, {}, 0, {}, "ados", 0});
    CHECK(room.flow.setup().bands[0].name == "ados");
    room.act(Action{ActionType::WorkshopRenameBand, {}, 1, {}, "ados", 0});
    CHECK(room.flow.setup().bands[1].name == "18–34");
    REQUIRE(room.messages.size() == 1);
    CHECK(room.messages[0] == "Band not changed: another band is already called \"ados\"");
    CHECK(room.flow.typing().band_names[1] == "18–34");  // the refused name goes back
    room.act(Action{ActionType::WorkshopRecolourBand, {}, 2, {}, {}, 4});
    CHECK(room.flow.setup().bands[2].colour == rc::game::band_palette()[4]);
    room.act(Action::with_text(ActionType::WorkshopAddBand, "profs"));
    CHECK(room.flow.setup().bands.size() == 5);
    room.act(Action::with_index(ActionType::WorkshopRemoveBand, 0));
    CHECK(room.flow.setup().bands.size() == 4);
    CHECK(room.flow.setup().bands[0].name == "18–34");
}

TEST_CASE("Export writes the CSV and JSON and asks for the debrief's PNG", "[ui][workshop][flow]") {
    Room room;
    room.act(ActionType::ShowWorkshop);
    room.act(Action::with_text(ActionType::WorkshopSetItems, "2"));
    room.act(ActionType::WorkshopStart);
    for (int i = 0; i < 2; ++i) {
        room.act(ActionType::WorkshopReveal);
        room.act(ActionType::WorkshopNext);
    }
    REQUIRE(room.flow.step() == WorkshopStep::Debrief);
    const auto out = room.dir.path() / "out";
    room.act(Action::with_text(ActionType::WorkshopExport, out.string()));
    const std::string id = room.flow.session()->id;
    CHECK(rc::tests::file_names(out) == std::vector<std::string>{id + ".csv", id + ".json"});
    CHECK(room.flow.take_png_request() == out / (id + "-debrief.png"));
    CHECK(room.flow.take_png_request().empty());  // taken once
    CHECK(room.messages.back() == "Exported to " + out.string());
    room.act(Action::with_text(ActionType::WorkshopExportAll, out.string()));
    CHECK(std::filesystem::exists(out / "workshops.csv"));
    CHECK(std::filesystem::exists(out / "workshops.json"));
}

TEST_CASE("the show-of-hands countdown is off unless started, and stops at the reveal",
          "[ui][workshop][flow]") {
    Room room;
    room.act(ActionType::ShowWorkshop);
    room.act(ActionType::WorkshopStart);
    CHECK_FALSE(room.flow.countdown_left(0.0));  // no timer by default
    room.in.clock = 100.0;
    room.act(ActionType::WorkshopCountdown);
    REQUIRE(room.flow.countdown_left(100.0));
    CHECK(*room.flow.countdown_left(100.0) == Approx(rc::game::kShowOfHandsSeconds));
    CHECK(*room.flow.countdown_left(104.0) == Approx(rc::game::kShowOfHandsSeconds - 4.0));
    CHECK(*room.flow.countdown_left(1000.0) == 0.0);
    room.act(ActionType::WorkshopCountdown);  // pressed again: stopped
    CHECK_FALSE(room.flow.countdown_left(101.0));
    room.act(ActionType::WorkshopCountdown);
    room.act(ActionType::WorkshopReveal);
    CHECK_FALSE(room.flow.countdown_left(101.0));
}
