// Workshop mode's flow: set-up, vote, reveal and debrief, the past sessions list, resume
// and exports. It applies the workshop Actions (screen.h) to a WorkshopSession, saves it
// after every change (so quitting mid-session loses nothing typed) and keeps the text the
// facilitator is typing. It does not draw (game/screens/workshop_*.cpp) and holds no
// pictures: the App shows the session's items as a round and follows current().
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/pack.h"
#include "game/screens/screen.h"
#include "game/strings.h"
#include "game/workshop.h"
#include "game/workshop_store.h"

namespace rc::game {

enum class WorkshopStep { Off, Setup, Past, Vote, Reveal, Debrief };

// Text being typed, owned here so that ImGui edits it in place and a redraw keeps it.
struct WorkshopTyping {
    std::string item_count;
    std::string place;
    std::string date;
    std::vector<std::string> band_names;
    std::string new_band;
    std::vector<std::array<std::string, 2>> counts;  // per band: Real, Generated
    std::vector<bool> count_refused;                 // per band: a field is not a number
    bool focus_first_count = false;                  // a new item: the cursor goes there
    bool focus_item_count = false;  // the set-up opens: the number of pictures is typed first
};

// What the flow needs from the App for one action.
struct WorkshopInputs {
    const content::LoadedPack* pack = nullptr;
    const std::set<std::size_t>* broken = nullptr;  // items whose media cannot be shown
    content::Lang lang = content::Lang::En;
    std::uint64_t seed = 0;  // the draw of a new session
    std::string now;         // ISO 8601 UTC: the start time and the session id
    double clock = 0;        // seconds, for the show-of-hands countdown
};

// The countdown for a show of hands, off unless started.
inline constexpr double kShowOfHandsSeconds = 10.0;

class WorkshopFlow {
  public:
    explicit WorkshopFlow(const std::filesystem::path& data_dir);

    // Applies one workshop Action; messages for the facilitator go to `messages`.
    void apply(const Action& action, const WorkshopInputs& in, std::vector<std::string>& messages);
    // The headless driver's counts: applies VOTES.csv to the session and saves it.
    std::vector<content::Problem> apply_votes_csv(std::string_view text, std::string_view label);
    // Writes the session's CSV and JSON into `dir`; "" or why not.
    std::string export_to(const std::filesystem::path& dir) const;

    WorkshopStep step() const { return step_; }
    bool active() const { return step_ != WorkshopStep::Off; }
    // The session being played or debriefed (null in set-up).
    const WorkshopSession* session() const;
    const Debrief& debrief() const { return debrief_; }
    const WorkshopSetup& setup() const { return setup_; }
    const std::string& replay_id() const { return replay_id_; }
    const std::vector<SessionSummary>& past() const { return past_; }
    // The newest unfinished session of the open pack, offered to resume; null when none.
    const SessionSummary* resumable() const;
    WorkshopTyping& typing() { return typing_; }
    const WorkshopStore& store() const { return store_; }
    std::filesystem::path export_dir() const;
    // Seconds left of the show-of-hands countdown, or nullopt when it is not running.
    std::optional<double> countdown_left(double clock) const;
    // A PNG of the debrief asked for by an export: taken (and cleared) by the App.
    std::filesystem::path take_png_request();
    // In the browser, hands the debrief's PNG to the downloads once the frame holding it
    // was saved (the App calls it every frame; nothing to do natively).
    void offer_png_download();

  private:
    void open_setup(const WorkshopInputs& in);
    void start(const WorkshopInputs& in, std::vector<std::string>& messages);
    void resume(const std::string& id, const WorkshopInputs& in,
                std::vector<std::string>& messages);
    void type_count(std::size_t field, const std::string& text, std::vector<std::string>& m);
    void skip_count(std::vector<std::string>& messages);
    void reveal(std::vector<std::string>& messages);
    void next(std::vector<std::string>& messages);
    void edit_band(const Action& action, const Strings& strings, content::Lang lang,
                   std::vector<std::string>& messages);
    void export_now(const Action& action, const Strings& strings, content::Lang lang,
                    std::vector<std::string>& messages);
    void load_typing_of_current();
    void changed(std::vector<std::string>& messages);  // tally and save
    void refresh_past();

    WorkshopStore store_;
    WorkshopStep step_ = WorkshopStep::Off;
    WorkshopSetup setup_;
    std::string replay_id_;  // a past session whose pictures the next one shows again
    std::optional<WorkshopSession> session_;
    Debrief debrief_;
    std::vector<SessionSummary> past_;
    WorkshopTyping typing_;
    std::optional<double> countdown_started_;
    std::filesystem::path png_request_;
    std::filesystem::path png_download_;
    content::Lang lang_ = content::Lang::En;  // of the last action, for messages
};

}  // namespace rc::game
