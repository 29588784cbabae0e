#include "game/workshop_store.h"

#include <algorithm>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "engine/store/atomic_file.h"

namespace rc::game {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr std::size_t kMaxIdChars = 100;

// Strict dump() throws on invalid UTF-8 (an abort on the web); a replacement character
// is better than losing a room's votes.
std::string dump_json(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

bool is_session_id(std::string_view id) {
    return !id.empty() && id.size() <= kMaxIdChars && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '-';
    });
}

json votes_json(const SessionItem& item, const std::vector<Band>& bands) {
    json votes = json::object();
    for (std::size_t b = 0; b < bands.size() && b < item.votes.size(); ++b)
        if (item.votes[b])
            votes[bands[b].name] = {{"real", item.votes[b]->real},
                                    {"generated", item.votes[b]->generated}};
    return votes;
}

json session_object(const WorkshopSession& session) {
    const auto debrief = tally(session);
    const auto& bands = session.setup.bands;
    json band_list = json::array();
    for (std::size_t b = 0; b < bands.size(); ++b)
        band_list.push_back({{"name", bands[b].name},
                             {"number", b + 1},
                             {"colour", to_hex(bands[b].colour)},
                             {"symbol", bands[b].symbol},
                             {"correct", debrief.bands[b].right},
                             {"total", debrief.bands[b].counted}});
    json items = json::array();
    for (std::size_t i = 0; i < session.items.size(); ++i) {
        const auto& item = session.items[i];
        json entry = {{"position", i + 1},
                      {"id", item.id},
                      {"answer", content::to_string(item.answer)},
                      {"revealed", item.revealed},
                      {"votes", votes_json(item, bands)},
                      {"right", debrief.items[i].right},
                      {"wrong", debrief.items[i].wrong},
                      {"room_right", debrief.items[i].room_right}};
        if (!item.category.empty())
            entry["category"] = item.category;
        items.push_back(std::move(entry));
    }
    return {{"format", kWorkshopFormat},
            {"id", session.id},
            {"started_at", session.started_at},
            {"seed", session.seed},
            {"pack", {{"id", session.setup.pack_id}, {"title", session.setup.pack_title}}},
            {"place", session.setup.place},
            {"date", session.setup.date},
            {"current", session.current},
            {"finished", session.finished},
            {"score", debrief.score},
            {"out_of", debrief.out_of},
            {"counted_items", debrief.counted_items},
            {"bands", std::move(band_list)},
            {"items", std::move(items)}};
}

// Reading: every field is type-checked (json::get on a wrong type throws), and the first
// problem refuses the file with its location, so a resumed session is never half right.
class Reader {
  public:
    explicit Reader(std::string_view label) : label_(label) {}

    bool failed() const { return !problem_.where.empty(); }
    content::Problem problem() const { return problem_; }

    void fail(const std::string& where, const std::string& message) {
        if (!failed())
            problem_ = {content::Severity::Error,
                        label_ + (where.empty() ? std::string{} : ": " + where), message};
    }

    std::string text(const json& object, const char* key, const std::string& where,
                     bool required = false) {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                fail(where + key, "missing");
            return {};
        }
        if (!it->is_string()) {
            fail(where + key, "expected text");
            return {};
        }
        return it->get<std::string>();
    }

    std::uint64_t whole(const json& object, const char* key, const std::string& where,
                        std::uint64_t max) {
        auto it = object.find(key);
        if (it == object.end())
            return 0;
        if (!it->is_number_unsigned() || it->get<std::uint64_t>() > max) {
            fail(where + key, "expected a whole number from 0 to " + std::to_string(max));
            return 0;
        }
        return it->get<std::uint64_t>();
    }

    bool flag(const json& object, const char* key, const std::string& where) {
        auto it = object.find(key);
        if (it == object.end())
            return false;
        if (!it->is_boolean()) {
            fail(where + key, "expected true or false");
            return false;
        }
        return it->get<bool>();
    }

    const json& array(const json& object, const char* key, std::size_t max) {
        static const json kEmpty = json::array();
        auto it = object.find(key);
        if (it == object.end() || !it->is_array()) {
            fail(key, "expected a list");
            return kEmpty;
        }
        if (it->size() > max) {
            fail(key, "more than " + std::to_string(max) + " entries");
            return kEmpty;
        }
        return *it;
    }

  private:
    std::string label_;
    content::Problem problem_;
};

std::vector<Band> read_bands(const json& file, Reader& reader) {
    std::vector<Band> bands;
    const auto& list = reader.array(file, "bands", kMaxBands);
    if (list.empty())
        reader.fail("bands", "a session needs at least one band");
    for (std::size_t b = 0; b < list.size() && !reader.failed(); ++b) {
        const std::string where = "bands[" + std::to_string(b) + "].";
        if (!list[b].is_object()) {
            reader.fail(where.substr(0, where.size() - 1), "expected an object");
            break;
        }
        Band band;
        band.name = reader.text(list[b], "name", where, true);
        const auto colour = colour_from_hex(reader.text(list[b], "colour", where, true));
        if (!reader.failed() && !colour)
            reader.fail(where + "colour", "expected a colour written #rrggbb");
        band.colour = colour.value_or(Colour{});
        band.symbol = reader.text(list[b], "symbol", where);
        bands.push_back(band);
    }
    // The same rules as typing a name (unique, not empty, no control characters), applied
    // by renaming each band to itself among those before it; a name that would change (spaces, NFC)
    // is refused too.
    for (std::size_t b = 0; b < bands.size() && !reader.failed(); ++b) {
        // Only the bands before it: a duplicate is reported where it repeats a name.
        std::vector<Band> probe(bands.begin(), bands.begin() + static_cast<std::ptrdiff_t>(b + 1));
        auto why = rename_band(probe, b, bands[b].name);
        if (why.empty() && probe[b].name != bands[b].name)
            why = "not written as the game writes names (spaces around it?)";
        if (!why.empty())
            reader.fail("bands[" + std::to_string(b) + "].name", why);
    }
    return bands;
}

std::optional<BandCount> read_count(const json& votes, const std::string& band, Reader& reader,
                                    const std::string& where) {
    auto it = votes.find(band);
    if (it == votes.end())
        return std::nullopt;
    if (!it->is_object()) {
        reader.fail(where + band, "expected {\"real\": n, \"generated\": n}");
        return std::nullopt;
    }
    BandCount count;
    count.real = static_cast<std::uint32_t>(
        reader.whole(*it, "real", where + band + ".", kMaxVotesPerCount));
    count.generated = static_cast<std::uint32_t>(
        reader.whole(*it, "generated", where + band + ".", kMaxVotesPerCount));
    return count;
}

SessionItem read_item(const json& entry, const std::vector<Band>& bands, const std::string& where,
                      Reader& reader) {
    SessionItem item;
    if (!entry.is_object()) {
        reader.fail(where, "expected an object");
        return item;
    }
    const std::string at = where + ".";
    item.id = reader.text(entry, "id", at, true);
    const auto answer = content::answer_from_string(reader.text(entry, "answer", at, true));
    if (!reader.failed() && !answer)
        reader.fail(at + "answer", "expected \"real\", \"generated\" or \"edited\"");
    item.answer = answer.value_or(content::Answer::Real);
    item.category = reader.text(entry, "category", at);
    item.revealed = reader.flag(entry, "revealed", at);
    auto votes = entry.find("votes");
    if (votes != entry.end() && !votes->is_object())
        reader.fail(at + "votes", "expected an object keyed by band name");
    const bool has_votes = votes != entry.end() && votes->is_object();
    std::set<std::string> known;
    for (const auto& band : bands) {
        known.insert(band.name);
        item.votes.push_back(has_votes ? read_count(*votes, band.name, reader, at + "votes.")
                                       : std::nullopt);
    }
    if (has_votes)
        for (const auto& [name, value] : votes->items())
            if (!known.count(name))
                reader.fail(at + "votes", "\"" + name + "\" is not a band of this session");
    return item;
}

content::Result<WorkshopSession> read_session(const json& file, Reader& reader) {
    WorkshopSession session;
    session.id = reader.text(file, "id", "", true);
    if (!reader.failed() && !is_session_id(session.id))
        reader.fail("id", "expected letters, digits and '-' only");
    session.started_at = reader.text(file, "started_at", "");
    session.seed = reader.whole(file, "seed", "", std::numeric_limits<std::uint64_t>::max());
    auto pack = file.find("pack");
    if (pack != file.end() && pack->is_object()) {
        session.setup.pack_id = reader.text(*pack, "id", "pack.");
        session.setup.pack_title = reader.text(*pack, "title", "pack.");
    }
    session.setup.place = reader.text(file, "place", "");
    session.setup.date = reader.text(file, "date", "");
    session.finished = reader.flag(file, "finished", "");
    session.setup.bands = read_bands(file, reader);
    const auto& items = reader.array(file, "items", kMaxWorkshopItems);
    for (std::size_t i = 0; i < items.size() && !reader.failed(); ++i)
        session.items.push_back(
            read_item(items[i], session.setup.bands, "items[" + std::to_string(i) + "]", reader));
    session.setup.item_count = session.items.size();
    session.current = reader.whole(file, "current", "", kMaxWorkshopItems);
    session.current =
        std::min(session.current, session.items.empty() ? 0 : session.items.size() - 1);
    if (reader.failed())
        return content::refusal<WorkshopSession>({reader.problem()});
    return {std::move(session), {}};
}

// CSV -----------------------------------------------------------------------------------

constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";
constexpr std::string_view kCsvHeader =
    "session;started_at;place;date;pack;position;item;answer;band_number;band;real;generated;"
    "right;wrong\r\n";

// RFC 4180 quoting with ';' as the separator. Text a spreadsheet would run as a formula
// (= + - @ first) gets a leading apostrophe: a pack title is outside input.
std::string csv_text(std::string_view text) {
    std::string value(text);
    if (!value.empty() && std::string_view("=+-@").find(value[0]) != std::string_view::npos)
        value.insert(0, "'");
    if (value.find_first_of(";\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_rows(const WorkshopSession& session) {
    std::string rows;
    const auto& bands = session.setup.bands;
    for (std::size_t i = 0; i < session.items.size(); ++i) {
        const auto& item = session.items[i];
        const bool truth_real = content::as_two_answer(item.answer) == content::Answer::Real;
        for (std::size_t b = 0; b < bands.size(); ++b) {
            std::vector<std::string> cells = {csv_text(session.id),
                                              csv_text(session.started_at),
                                              csv_text(session.setup.place),
                                              csv_text(session.setup.date),
                                              csv_text(session.setup.pack_title),
                                              std::to_string(i + 1),
                                              csv_text(item.id),
                                              std::string(content::to_string(item.answer)),
                                              std::to_string(b + 1),
                                              csv_text(bands[b].name)};
            const auto& count = b < item.votes.size() ? item.votes[b] : std::nullopt;
            if (count) {
                cells.push_back(std::to_string(count->real));
                cells.push_back(std::to_string(count->generated));
                cells.push_back(std::to_string(truth_real ? count->real : count->generated));
                cells.push_back(std::to_string(truth_real ? count->generated : count->real));
            } else {
                cells.insert(cells.end(), 4, std::string{});  // not counted: empty, not 0
            }
            for (std::size_t c = 0; c < cells.size(); ++c)
                rows += cells[c] + (c + 1 < cells.size() ? ";" : "\r\n");
        }
    }
    return rows;
}

}  // namespace

std::string session_json(const WorkshopSession& session) {
    return dump_json(session_object(session), 2);
}

content::Result<WorkshopSession> parse_session(std::string_view text, std::string_view label) {
    Reader reader(label);
    const json file = json::parse(text, nullptr, false);
    if (file.is_discarded() || !file.is_object())
        return content::refusal<WorkshopSession>(std::string(label), "not a valid JSON object");
    auto format = file.find("format");
    if (format == file.end() || !format->is_number_integer() ||
        format->get<std::int64_t>() != kWorkshopFormat)
        return content::refusal<WorkshopSession>(
            std::string(label) + ": format",
            "unsupported format (expected " + std::to_string(kWorkshopFormat) + ")");
    return read_session(file, reader);
}

std::string session_csv(const WorkshopSession& session) {
    return std::string(kCsvBom) + std::string(kCsvHeader) + csv_rows(session);
}

std::string sessions_csv(const std::vector<WorkshopSession>& sessions) {
    std::string csv = std::string(kCsvBom) + std::string(kCsvHeader);
    for (const auto& session : sessions)
        csv += csv_rows(session);
    return csv;
}

std::string sessions_json(const std::vector<WorkshopSession>& sessions) {
    json list = json::array();
    for (const auto& session : sessions)
        list.push_back(session_object(session));
    return dump_json({{"format", kWorkshopFormat}, {"sessions", std::move(list)}}, 2);
}

WorkshopStore::WorkshopStore(const fs::path& data_dir) : folder_(data_dir / "workshops") {}

fs::path WorkshopStore::file_of(std::string_view id) const {
    return folder_ / (std::string(id) + ".json");
}

std::string WorkshopStore::save(const WorkshopSession& session) const {
    if (!is_session_id(session.id))
        return "a workshop session needs an id of letters, digits and '-'";
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec)
        return folder_.string() + ": " + ec.message();
    return engine::write_file_atomically(file_of(session.id), session_json(session));
}

content::Result<WorkshopSession> WorkshopStore::load(std::string_view id) const {
    if (!is_session_id(id))
        return content::refusal<WorkshopSession>("workshop",
                                                 "\"" + std::string(id) + "\" is not a session id");
    const auto file = file_of(id);
    std::string why;
    const auto text = engine::read_small_file(file, &why, kMaxSessionFileBytes);
    if (!text && why.empty())
        return content::refusal<WorkshopSession>(file.string(), "no such session");
    if (!text)  // why already names the file
        return content::refusal<WorkshopSession>(std::string{}, why);
    auto parsed = parse_session(*text, file.string());
    // The file's name wins over the id inside it, so saving again writes the same file.
    if (parsed.value)
        parsed.value->id = std::string(id);
    return parsed;
}

std::vector<WorkshopSession> WorkshopStore::load_all(
    std::vector<content::Problem>* problems) const {
    std::vector<std::string> ids;
    std::error_code ec;
    for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json" && is_session_id(it->path().stem().string()))
            ids.push_back(it->path().stem().string());
    }
    std::sort(ids.begin(), ids.end(), std::greater<>());  // ids start with the date: newest first
    std::vector<WorkshopSession> sessions;
    for (const auto& id : ids) {
        auto loaded = load(id);
        if (loaded.value)
            sessions.push_back(std::move(*loaded.value));
        else if (problems)
            problems->insert(problems->end(), loaded.problems.begin(), loaded.problems.end());
    }
    return sessions;
}

std::vector<SessionSummary> WorkshopStore::list(std::vector<content::Problem>* problems) const {
    std::vector<SessionSummary> summaries;
    for (const auto& session : load_all(problems)) {
        const auto debrief = tally(session);
        summaries.push_back({session.id, session.started_at, session.setup.pack_title,
                             session.setup.place, session.setup.date, debrief.score, debrief.out_of,
                             debrief.counted_items, session.finished});
    }
    return summaries;
}

std::string WorkshopStore::export_session(const WorkshopSession& session,
                                          const fs::path& dir) const {
    if (!is_session_id(session.id))
        return "a workshop session needs an id of letters, digits and '-'";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return dir.string() + ": " + ec.message();
    auto why = engine::write_file_atomically(dir / (session.id + ".csv"), session_csv(session));
    if (why.empty())
        why = engine::write_file_atomically(dir / (session.id + ".json"), session_json(session));
    return why;
}

std::string WorkshopStore::export_all(const fs::path& dir,
                                      std::vector<content::Problem>* problems) const {
    const auto sessions = load_all(problems);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return dir.string() + ": " + ec.message();
    auto why = engine::write_file_atomically(dir / "workshops.csv", sessions_csv(sessions));
    if (why.empty())
        why = engine::write_file_atomically(dir / "workshops.json", sessions_json(sessions));
    return why;
}

}  // namespace rc::game
