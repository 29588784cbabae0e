#include "game/workshop_flow.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "engine/platform/file_picker.h"
#include "engine/store/atomic_file.h"
#include "game/votes_csv.h"
#include "game/workshop_input.h"

namespace rc::game {
namespace {

const Strings& strings() {
    return Strings::builtin();
}

// The pack's items that can be shown: a room never waits on a picture that cannot decode.
std::vector<content::PackItem> showable_items(const content::LoadedPack& pack,
                                              const std::set<std::size_t>* broken) {
    std::vector<content::PackItem> items;
    for (std::size_t i = 0; i < pack.manifest.items.size(); ++i)
        if (!broken || !broken->count(i))
            items.push_back(pack.manifest.items[i]);
    return items;
}

const char* mime_of(const std::string& name) {
    if (name.ends_with(".csv"))
        return "text/csv";
    return name.ends_with(".png") ? "image/png" : "application/json";
}

// In the browser the files just written go to the downloads as well; natively they are
// where the message says. True when the browser took them.
bool offer_downloads(const std::filesystem::path& dir, const std::vector<std::string>& names) {
    bool offered = false;
    for (const auto& name : names) {
        std::string why;
        if (auto bytes = engine::read_small_file(dir / name, &why))
            offered = engine::offer_download(name, *bytes, mime_of(name)) || offered;
    }
    return offered;
}

std::vector<std::string> names_of(const std::vector<Band>& bands) {
    std::vector<std::string> names;
    for (const auto& band : bands)
        names.push_back(band.name);
    return names;
}

std::size_t parse_item_count(const std::string& text) {
    std::size_t value = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
    if (parsed.ec != std::errc{} || value == 0)
        return kWorkshopItems;
    return std::min(value, kMaxWorkshopItems);
}

}  // namespace

WorkshopFlow::WorkshopFlow(const std::filesystem::path& data_dir) : store_(data_dir) {}

const WorkshopSession* WorkshopFlow::session() const {
    const bool playing = step_ == WorkshopStep::Vote || step_ == WorkshopStep::Reveal ||
                         step_ == WorkshopStep::Debrief;
    return playing && session_ ? &*session_ : nullptr;
}

const SessionSummary* WorkshopFlow::resumable() const {
    for (const auto& summary : past_)
        if (!summary.finished)
            return &summary;
    return nullptr;
}

std::filesystem::path WorkshopFlow::export_dir() const {
    return store_.folder() / "exports";
}

std::optional<double> WorkshopFlow::countdown_left(double clock) const {
    if (!countdown_started_ || step_ != WorkshopStep::Vote)
        return std::nullopt;
    return std::max(0.0, kShowOfHandsSeconds - (clock - *countdown_started_));
}

std::filesystem::path WorkshopFlow::take_png_request() {
    return std::exchange(png_request_, {});
}

void WorkshopFlow::offer_png_download() {
    std::error_code ec;
    if (png_download_.empty() || !std::filesystem::exists(png_download_, ec))
        return;  // not asked, or the frame holding it is not drawn yet
    offer_downloads(png_download_.parent_path(), {png_download_.filename().string()});
    png_download_.clear();
}

void WorkshopFlow::refresh_past() {
    std::vector<content::Problem> unreadable;  // left where they are; the list goes on
    past_ = store_.list(&unreadable);
}

void WorkshopFlow::open_setup(const WorkshopInputs& in) {
    refresh_past();
    if (session() && step_ != WorkshopStep::Debrief)
        return;  // a session in progress shows again where it was
    step_ = WorkshopStep::Setup;
    session_.reset();
    if (in.pack) {
        setup_.pack_id = in.pack->manifest.id;
        setup_.pack_title = in.pack->manifest.title.get(in.lang);
    }
    // The default bands follow the language until the facilitator changes them.
    const auto other = in.lang == content::Lang::Fr ? content::Lang::En : content::Lang::Fr;
    if (setup_.bands.empty() || names_of(setup_.bands) == names_of(default_bands(strings(), other)))
        setup_.bands = default_bands(strings(), in.lang);
    typing_.item_count = std::to_string(setup_.item_count);
    typing_.focus_item_count = true;
    typing_.place = setup_.place;
    typing_.date = setup_.date;
    typing_.band_names.clear();
    for (const auto& band : setup_.bands)
        typing_.band_names.push_back(band.name);
}

void WorkshopFlow::start(const WorkshopInputs& in, std::vector<std::string>& messages) {
    if (!in.pack)
        return;
    setup_.item_count = parse_item_count(typing_.item_count);
    const auto items = showable_items(*in.pack, in.broken);
    content::Result<WorkshopSession> result;
    if (!replay_id_.empty()) {
        auto past = store_.load(replay_id_);
        if (!past.value) {
            for (const auto& problem : past.problems)
                messages.push_back(content::to_string(problem));
            return;
        }
        result = replay_session(setup_, items, *past.value);
    } else {
        result = start_session(setup_, items, in.seed);
    }
    for (const auto& problem : result.problems)
        messages.push_back(strings().format(in.lang, "workshop.start_problem",
                                            {{"why", content::to_string(problem)}}));
    if (!result.value)
        return;
    session_ = std::move(*result.value);
    session_->started_at = in.now;
    session_->id = make_session_id(in.now, session_->seed);
    step_ = WorkshopStep::Vote;
    countdown_started_.reset();
    load_typing_of_current();
    changed(messages);
}

void WorkshopFlow::resume(const std::string& id, const WorkshopInputs& in,
                          std::vector<std::string>& messages) {
    auto loaded = store_.load(id);
    if (!loaded.value) {
        for (const auto& problem : loaded.problems)
            messages.push_back(content::to_string(problem));
        return;
    }
    if (!in.pack || loaded.value->setup.pack_id != in.pack->manifest.id) {
        messages.push_back(strings().format(in.lang, "workshop.other_pack",
                                            {{"title", loaded.value->setup.pack_title}}));
        return;
    }
    const auto& items = in.pack->manifest.items;
    for (const auto& item : loaded.value->items) {
        const bool known = std::any_of(items.begin(), items.end(),
                                       [&](const content::PackItem& i) { return i.id == item.id; });
        if (!known) {
            messages.push_back(strings().format(in.lang, "workshop.item_gone", {{"id", item.id}}));
            return;
        }
    }
    session_ = std::move(*loaded.value);
    setup_ = session_->setup;
    session_->current = std::min(session_->current, session_->items.size() - 1);
    const bool revealed = session_->items[session_->current].revealed;
    step_ = session_->finished ? WorkshopStep::Debrief
            : revealed         ? WorkshopStep::Reveal
                               : WorkshopStep::Vote;
    countdown_started_.reset();
    debrief_ = tally(*session_);
    load_typing_of_current();
}

void WorkshopFlow::load_typing_of_current() {
    const auto& bands = session_->setup.bands;
    const auto& votes = session_->items[session_->current].votes;
    typing_.counts.assign(bands.size(), {});
    typing_.count_refused.assign(bands.size(), false);
    for (std::size_t b = 0; b < bands.size() && b < votes.size(); ++b)
        typing_.counts[b] = {field_text(votes[b], true), field_text(votes[b], false)};
    typing_.focus_first_count = true;
}

void WorkshopFlow::changed(std::vector<std::string>& messages) {
    debrief_ = tally(*session_);
    if (auto why = store_.save(*session_); !why.empty())
        messages.push_back(strings().format(lang_, "workshop.save_failed", {{"why", why}}));
}

void WorkshopFlow::type_count(std::size_t field, const std::string& text,
                              std::vector<std::string>& messages) {
    const std::size_t band = field / 2;
    if (step_ != WorkshopStep::Vote || band >= typing_.counts.size())
        return;
    typing_.counts[band][field % 2] = text;
    const auto typed = band_count_from_fields(typing_.counts[band][0], typing_.counts[band][1]);
    typing_.count_refused[band] = !typed.ok;
    if (!typed.ok)
        return;  // kept on screen, marked; the saved count stays the last good one
    set_votes(*session_, session_->current, band, typed.count);
    changed(messages);
}

void WorkshopFlow::skip_count(std::vector<std::string>& messages) {
    if (step_ != WorkshopStep::Vote)
        return;
    for (std::size_t b = 0; b < session_->setup.bands.size(); ++b)
        set_votes(*session_, session_->current, b, std::nullopt);
    load_typing_of_current();
    reveal(messages);
}

void WorkshopFlow::reveal(std::vector<std::string>& messages) {
    if (step_ != WorkshopStep::Vote)
        return;
    session_->items[session_->current].revealed = true;
    step_ = WorkshopStep::Reveal;
    countdown_started_.reset();
    changed(messages);
}

void WorkshopFlow::next(std::vector<std::string>& messages) {
    if (step_ != WorkshopStep::Reveal)
        return;
    if (session_->current + 1 < session_->items.size()) {
        ++session_->current;
        step_ = WorkshopStep::Vote;
        load_typing_of_current();
    } else {
        session_->finished = true;
        step_ = WorkshopStep::Debrief;
    }
    changed(messages);
}

void WorkshopFlow::edit_band(const Action& action, const Strings& s, content::Lang lang,
                             std::vector<std::string>& messages) {
    std::string why;
    switch (action.type) {
        case ActionType::WorkshopRenameBand:
            why = rename_band(setup_.bands, action.index, action.text);
            break;
        case ActionType::WorkshopRecolourBand: {
            const auto& palette = band_palette();
            const auto colour = static_cast<std::size_t>(action.value);
            if (colour < palette.size())
                why = recolour_band(setup_.bands, action.index, palette[colour]);
            break;
        }
        case ActionType::WorkshopAddBand:
            why = add_band(setup_.bands, action.text);
            if (why.empty())
                typing_.new_band.clear();
            break;
        case ActionType::WorkshopRemoveBand:
            why = remove_band(setup_.bands, action.index);
            break;
        default:
            break;
    }
    if (!why.empty())
        messages.push_back(s.format(lang, "workshop.band_refused", {{"why", why}}));
    typing_.band_names.clear();  // a refused name goes back to the band's own
    for (const auto& band : setup_.bands)
        typing_.band_names.push_back(band.name);
}

std::string WorkshopFlow::export_to(const std::filesystem::path& dir) const {
    if (!session_)
        return "no workshop session to export";
    return store_.export_session(*session_, dir);
}

void WorkshopFlow::export_now(const Action& action, const Strings& s, content::Lang lang,
                              std::vector<std::string>& messages) {
    const std::filesystem::path dir =
        action.text.empty() ? export_dir() : std::filesystem::path(action.text);
    std::string why;
    if (action.type == ActionType::WorkshopExportAll) {
        std::vector<content::Problem> unreadable;
        why = store_.export_all(dir, &unreadable);
        for (const auto& problem : unreadable)
            messages.push_back(content::to_string(problem));
        if (why.empty())
            offer_downloads(dir, {"workshops.csv", "workshops.json"});
    } else {
        why = export_to(dir);
        const bool offered =
            why.empty() && offer_downloads(dir, {session_->id + ".csv", session_->id + ".json"});
        if (why.empty() && step_ == WorkshopStep::Debrief)
            png_request_ = dir / (session_->id + "-debrief.png");
        if (offered)
            png_download_ = png_request_;
    }
    messages.push_back(why.empty() ? s.format(lang, "workshop.exported", {{"dir", dir.string()}})
                                   : s.format(lang, "workshop.export_failed", {{"why", why}}));
}

std::vector<content::Problem> WorkshopFlow::apply_votes_csv(std::string_view text,
                                                            std::string_view label) {
    if (!session_)
        return {};
    auto problems = game::apply_votes_csv(text, label, *session_);
    std::vector<std::string> messages;
    changed(messages);
    for (const auto& message : messages)
        problems.push_back(
            {content::Severity::Warning, store_.file_of(session_->id).string(), message});
    if (step_ == WorkshopStep::Vote)
        load_typing_of_current();
    return problems;
}

void WorkshopFlow::apply(const Action& action, const WorkshopInputs& in,
                         std::vector<std::string>& messages) {
    const auto& s = strings();
    lang_ = in.lang;
    switch (action.type) {
        case ActionType::ShowWorkshop:
            open_setup(in);
            break;
        case ActionType::WorkshopSetItems:
            typing_.item_count = action.text;
            setup_.item_count = parse_item_count(action.text);
            break;
        case ActionType::WorkshopSetPlace:
            setup_.place = typing_.place = cut_to_chars(action.text, kMaxPlaceChars);
            break;
        case ActionType::WorkshopSetDate:
            setup_.date = typing_.date = cut_to_chars(action.text, kMaxPlaceChars);
            break;
        case ActionType::WorkshopRenameBand:
        case ActionType::WorkshopRecolourBand:
        case ActionType::WorkshopAddBand:
        case ActionType::WorkshopRemoveBand:
            edit_band(action, s, in.lang, messages);
            break;
        case ActionType::WorkshopReplay:
            replay_id_ = action.text;
            break;
        case ActionType::WorkshopStart:
            start(in, messages);
            break;
        case ActionType::WorkshopResume:
            resume(action.text, in, messages);
            break;
        case ActionType::WorkshopCount:
            type_count(action.index, action.text, messages);
            break;
        case ActionType::WorkshopSkipCount:
            skip_count(messages);
            break;
        case ActionType::WorkshopReveal:
            reveal(messages);
            break;
        case ActionType::WorkshopNext:
            next(messages);
            break;
        case ActionType::WorkshopCountdown:
            if (countdown_started_)
                countdown_started_.reset();
            else if (step_ == WorkshopStep::Vote)
                countdown_started_ = in.clock;
            break;
        case ActionType::WorkshopExport:
        case ActionType::WorkshopExportAll:
            export_now(action, s, in.lang, messages);
            break;
        case ActionType::WorkshopShowPast:
            refresh_past();
            step_ = WorkshopStep::Past;
            break;
        case ActionType::WorkshopLeave:
            if (step_ == WorkshopStep::Past) {
                step_ = WorkshopStep::Setup;
                break;
            }
            step_ = WorkshopStep::Off;
            countdown_started_.reset();
            break;
        default:
            break;
    }
}

}  // namespace rc::game
