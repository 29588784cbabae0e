// Workshop sessions on disk and out of the game: each session is one versioned JSON file
// in <data dir>/workshops/, written atomically after every change so quitting mid-session
// loses nothing; the same JSON, and a CSV for spreadsheets, are the exports. Reading never
// throws: a hostile or corrupt file gives a located message. It does not tally (that is
// game/workshop.h) and draws nothing.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "content/problem.h"
#include "game/workshop.h"

namespace rc::game {

inline constexpr int kWorkshopFormat = 1;
inline constexpr std::uintmax_t kMaxSessionFileBytes = 4 * 1024 * 1024;

// The session as JSON text (see docs/workshop.md): what is saved, and the JSON export.
std::string session_json(const WorkshopSession& session);
// Reads session_json's output back. `label` names the file in problems.
content::Result<WorkshopSession> parse_session(std::string_view text, std::string_view label);

// One row per item × band: UTF-8 with a BOM, ';' separators, CRLF line ends, fields with
// ';', '"' or a line break quoted (RFC 4180), so French Excel opens it with a double-click.
std::string session_csv(const WorkshopSession& session);
// Every session in one CSV (one header) and one JSON array.
std::string sessions_csv(const std::vector<WorkshopSession>& sessions);
std::string sessions_json(const std::vector<WorkshopSession>& sessions);

// A past session in the list: enough to show totals without keeping every vote.
struct SessionSummary {
    std::string id;
    std::string started_at;
    std::string pack_title;
    std::string place;
    std::string date;
    std::size_t score = 0;
    std::size_t out_of = 0;
    std::size_t counted_items = 0;
    bool finished = false;
};

class WorkshopStore {
  public:
    explicit WorkshopStore(const std::filesystem::path& data_dir);

    // "" on success, else a message naming the file. The session needs an id.
    std::string save(const WorkshopSession& session) const;
    content::Result<WorkshopSession> load(std::string_view id) const;
    // Newest first. Files that cannot be read are left as they are and reported.
    std::vector<SessionSummary> list(std::vector<content::Problem>* problems) const;
    std::vector<WorkshopSession> load_all(std::vector<content::Problem>* problems) const;

    // Writes <id>.csv and <id>.json into `dir` (created if needed); "" or a message.
    std::string export_session(const WorkshopSession& session,
                               const std::filesystem::path& dir) const;
    // Writes workshops.csv and workshops.json with every readable session.
    std::string export_all(const std::filesystem::path& dir,
                           std::vector<content::Problem>* problems) const;

    std::filesystem::path file_of(std::string_view id) const;
    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
};

}  // namespace rc::game
