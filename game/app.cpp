#include "game/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>
#include <utility>

#include "engine/platform/file_picker.h"
#include "engine/platform/paths.h"
#include "game/calibration.h"
#include "game/deck.h"
#include "game/random.h"
#include "game/screens/solo.h"
#include "game/screens/widgets.h"
#include "game/screens/workshop_screens.h"

namespace rc::game {
namespace {

// Body text in pixels at 1280×720 for each text size step.
constexpr float kTextSizes[kTextSizeCount] = {18.f, engine::kDefaultTextPixels, 27.f, 33.f};
// Pictures kept at full resolution: the current one and the next ones being prepared.
constexpr std::size_t kItemsAhead = 2;
// Clip players kept open ahead of the current item (each holds its bytes and a few frames).
constexpr std::size_t kClipsAhead = 1;

std::filesystem::path demo_pack_dir() {
    return engine::default_cache_dir() / "packs" / "demo";
}

std::uint64_t fresh_seed() {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device() ^
           static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

}  // namespace

App::App(engine::Gfx& gfx, AppOptions options)
    : gfx_(gfx),
      options_(std::move(options)),
      progress_(options_.data_dir.empty() ? engine::default_data_dir() : options_.data_dir),
      library_(progress_.data_dir()),
      workshop_(std::make_unique<WorkshopFlow>(progress_.data_dir())) {
    LoadNote note;
    settings_ = progress_.load_settings(&note);
    if (!note.message.empty())
        ui_.messages.push_back(note.message);
    if (options_.lang)
        settings_.lang = *options_.lang;
    else if (!settings_.lang_chosen)
        settings_.lang = engine::system_prefers_french() ? content::Lang::Fr : content::Lang::En;
    next_seed_ = options_.seed ? *options_.seed : fresh_seed();
    LoadNote results_note;
    results_ = progress_.load_results(&results_note);
    if (!results_note.message.empty())
        ui_.messages.push_back(results_note.message);
    wake_event_ = SDL_RegisterEvents(1);
    if (wake_event_ == static_cast<Uint32>(-1))
        wake_event_ = 0;
    engine::DecodeLimits limits;
    limits.check_header = [](std::span<const std::uint8_t> bytes) {
        return content::image_problem(bytes, content::kMaxPixels);
    };
    limits.check_clip_header = [](std::span<const std::uint8_t> bytes) {
        return content::clip_problem(bytes);
    };
    limits.max_pixels = content::kMaxPixels;
    loader_ = engine::MediaLoader::create(limits, wake_event_);
    name_step_keys();
    ui_.demo_pack = demo_pack_dir().string();
    PackOpenerDesc opener;
    opener.library = &library_;
    opener.demo_location = ui_.demo_pack;
    opener.max_download_bytes = options_.max_download_bytes;
    opener.wake_event = wake_event_;
    session_ = std::make_unique<PackSession>(*loader_, PackOpener::create(opener));
    engine::on_file_picked([this](std::string name, std::vector<std::uint8_t> bytes) {
        open_pack_bytes(std::move(name), std::move(bytes));
    });

    const std::string pack = options_.pack.empty() ? settings_.last_pack : options_.pack;
    demo_is_fallback_ = options_.pack.empty() && pack != ui_.demo_pack;
    session_->open(pack.empty() ? ui_.demo_pack : pack);
}

App::~App() = default;

void App::open_pack_bytes(std::string name, std::vector<std::uint8_t> bytes) {
    session_->open_bytes(std::move(name), std::move(bytes));
}

std::vector<std::string> App::pack_errors() const {
    std::vector<std::string> lines;
    if (session_->refusal().empty())
        return lines;
    lines.push_back(session_->refused_location() + ":");
    for (const auto& problem : session_->refusal())
        lines.push_back(content::to_string(problem));
    return lines;
}

void App::pump_session() {
    SessionEvent event = SessionEvent::None;
    auto pictures = session_->pump(&event);
    if (event != SessionEvent::None)
        ++session_changes_;
    if (event == SessionEvent::Opened)
        on_pack_opened();
    else if (event == SessionEvent::Refused)
        on_pack_refused();
    for (auto& picture : pictures)
        session_changes_ += on_picture(picture) ? 1 : 0;
}

void App::on_pack_opened() {
    demo_is_fallback_ = false;
    ui_.left_out_open = false;
    ui_.description_open = false;
    ui_.overlay = Overlay::None;
    game_.to_title();
    images_.clear();
    early_ = EarlyPicture{};
    for (const auto& note : session_->notes())
        ui_.messages.push_back(note);
    if (options_.remember_deck) {
        settings_.last_pack = session_->location();
        save_settings();
    }
}

// The last pack played may be gone: the demo opens instead, and the reason is kept.
void App::on_pack_refused() {
    if (!demo_is_fallback_)
        return;
    demo_is_fallback_ = false;
    ui_.messages.push_back(session_->refused_location() + ": " +
                           content::to_string(session_->refusal().front()));
    session_->open(ui_.demo_pack);
}

std::string App::describe_listing(const LibraryEntry& entry) const {
    const auto lang = settings_.lang;
    const auto& s = strings();
    std::string origin = entry.origin == Origin::Demo ? s.get(lang, "packs.origin.demo")
                         : entry.origin == Origin::Link
                             ? s.format(lang, "packs.origin.link", {{"url", entry.url}})
                             : s.format(lang, "packs.origin.disk", {{"location", entry.location}});
    std::string langs = std::string(entry.has_fr ? "FR " : "") + (entry.has_en ? "EN" : "");
    std::string counts = s.format(lang, "packs.counts",
                                  {{"real", std::to_string(entry.counts.real)},
                                   {"generated", std::to_string(entry.counts.generated)}});
    if (entry.counts.edited > 0)
        counts += s.format(lang, "packs.counts_edited",
                           {{"edited", std::to_string(entry.counts.edited)}});
    return origin + " — " + counts + " — " + s.format(lang, "packs.languages", {{"langs", langs}}) +
           " — " + s.size(lang, entry.size_bytes);
}

std::vector<PackListing> App::pack_listings() const {
    std::vector<PackListing> listings;
    LoadNote note;
    for (const auto& entry : library_.entries(&note)) {
        const std::string open = entry.origin == Origin::Link ? entry.url : entry.location;
        // The built-in pack cannot be removed: it would only come back.
        const std::string key = entry.origin == Origin::Demo ? "" : entry.key;
        listings.push_back({open, key, entry.title.get(settings_.lang), describe_listing(entry)});
    }
    // Packs known without the library (the browser's, or a link being opened).
    for (const std::string& location : {ui_.demo_pack, settings_.last_pack, session_->location()}) {
        const bool listed =
            std::any_of(listings.begin(), listings.end(),
                        [&](const PackListing& l) { return l.location == location; });
        if (location.empty() || listed)
            continue;
        const bool demo = location == ui_.demo_pack;
        std::error_code ec;
        if (demo && !std::filesystem::exists(demo_pack_dir() / "pack.json", ec))
            continue;
        listings.push_back(
            {location, "", demo ? strings().get(settings_.lang, "packs.demo") : location, ""});
    }
    return listings;
}

void App::remove_pack(const std::string& key) {
    if (auto error = library_.remove(key); !error.empty())
        ui_.messages.push_back(
            strings().format(settings_.lang, "packs.remove_failed", {{"why", error}}));
    ui_.listings = pack_listings();
}

void App::start_round() {
    const content::LoadedPack* pack = session_->pack();
    // A round never starts with fewer than kMinPlayableItems pictures that can be shown.
    if (!pack || session_->playable_count() < content::kMinPlayableItems)
        return;
    LoadNote note;
    DeckHistory deck = options_.remember_deck ? progress_.load_deck(&note) : DeckHistory{};
    if (!note.message.empty())
        ui_.messages.push_back(note.message);
    const Draw draw = draw_next_round(deck);
    round_seed_ = next_seed_;
    next_seed_ = Random(round_seed_).next();
    const auto& manifest = pack->manifest;
    if (options_.remember_deck) {
        deck[manifest.id] = draw.seen_after;
        if (auto error = progress_.save_deck(deck); !error.empty())
            ui_.messages.push_back(error);
    }
    game_.start(manifest, draw.picks);
    images_.clear();
    images_.resize(game_.items().size());
    result_recorded_ = false;
    view_.reset();
    ui_.overlay = Overlay::None;
    take_early_picture();
    request_media_ahead();
}

// The draw the next round makes from `deck` (the saved history): the same one for the
// early pictures and for Play, as long as nothing in between changed the deck or the seed.
Draw App::draw_next_round(DeckHistory& deck) const {
    const auto& manifest = session_->pack()->manifest;
    return draw_round(manifest.items, deck[manifest.id],
                      DrawDesc{kRoundSize, next_seed_, &session_->broken()});
}

// Asks for the picture the next round opens with, while the player looks at the title
// or end screen: on a slow link or a phone this is most of the wait after Play.
void App::ask_early_for_next_round() {
    const content::LoadedPack* pack = session_->pack();
    if (early_.asked || !pack || session_->opening() || workshop_->active() ||
        (game_.phase() != Phase::Title && game_.phase() != Phase::End) ||
        session_->playable_count() < content::kMinPlayableItems)
        return;
    early_ = EarlyPicture{};
    early_.asked = true;
    DeckHistory deck = options_.remember_deck ? progress_.load_deck(nullptr) : DeckHistory{};
    const Draw draw = draw_next_round(deck);
    // The first one only: those after it follow once it is shown (request_media_ahead).
    if (draw.picks.empty() ||
        pack->manifest.items[draw.picks.front()].kind == content::MediaKind::Video)
        return;  // a clip's player opens with its round item
    session_->request_picture(draw.picks.front(), shown_side());
    early_.pack_index = draw.picks.front();
}

// The new round takes the early picture if it drew it; one still on its way is routed to
// it when it comes in (on_picture), and is not asked for twice.
void App::take_early_picture() {
    EarlyPicture early = std::exchange(early_, EarlyPicture{});
    const auto& items = game_.items();
    for (std::size_t i = 0; early.pack_index && i < items.size(); ++i) {
        if (items[i].pack_index != *early.pack_index)
            continue;
        images_[i].requested = true;
        images_[i].requested_side = shown_side();
        if (early.result)
            show_picture(i, *early.pack_index, *early.result);
    }
}

void App::request_media_ahead() {
    if (!session_->pack())
        return;
    const std::size_t position = game_.position();
    for (std::size_t i = 0; i < images_.size(); ++i) {
        const bool detail = ui_.overlay == Overlay::MissedDetail && i == ui_.missed_detail;
        const bool wanted =
            detail || (game_.phase() != Phase::End && i >= position && i <= position + kItemsAhead);
        auto& image = images_[i];
        // A clip's player holds frames and its bytes: only the current and the next clip.
        const bool clip_wanted = detail || (wanted && i <= position + kClipsAhead);
        if (!wanted || (is_video(i) && !clip_wanted)) {
            image.full.reset();
            image.drawn = false;
            image.clip.reset();
            image.clip_started = false;
            image.requested = false;
        }
        if (!wanted || image.requested || (is_video(i) && !clip_wanted))
            continue;
        if (i > position && !detail && current_picture_pending())
            continue;  // asked for once the current one is on screen (draw)
        image.requested = true;
        image.requested_side = shown_side();
        if (is_video(i))
            open_clip(i);
        else
            session_->request_picture(game_.items()[i].pack_index, image.requested_side);
    }
}

// The current item's picture is not on screen yet: the pictures ahead wait, so that on a
// slow link they do not share its bandwidth, and in a browser (which decodes on the main
// thread) they do not hold up the frame that shows it.
bool App::current_picture_pending() const {
    const std::size_t position = game_.position();
    if (position >= images_.size() || is_video(position))
        return false;
    const auto& image = images_[position];
    return !image.drawn && !image.failed;
}

// After a frame: the first one that drew the current picture lets the ones ahead load.
void App::note_current_drawn() {
    const std::size_t position = game_.position();
    if ((game_.phase() != Phase::Question && game_.phase() != Phase::Feedback) ||
        position >= images_.size())
        return;
    auto& image = images_[position];
    if (image.drawn || !image.full)
        return;
    image.drawn = true;
    request_media_ahead();
}

bool App::is_video(std::size_t round_index) const {
    const content::LoadedPack* pack = session_->pack();
    if (!pack || round_index >= game_.items().size())
        return false;
    const auto& item = pack->manifest.items[game_.items()[round_index].pack_index];
    return item.kind == content::MediaKind::Video;
}

std::optional<std::size_t> App::shown_index() const {
    if (ui_.overlay == Overlay::MissedDetail && ui_.missed_detail < images_.size())
        return ui_.missed_detail;
    const bool in_round = game_.phase() == Phase::Question || game_.phase() == Phase::Feedback;
    if (ui_.overlay != Overlay::None || !in_round || game_.position() >= images_.size())
        return std::nullopt;
    return game_.position();
}

engine::ClipPlayer* App::shown_clip() const {
    const auto index = shown_index();
    if (!index || !images_[*index].clip)
        return nullptr;
    auto* clip = images_[*index].clip.get();
    return clip->state() == engine::ClipState::Ready ? clip : nullptr;
}

double App::clock_now() const {
    if (options_.clock)
        return options_.clock();
    return static_cast<double>(SDL_GetPerformanceCounter()) /
           static_cast<double>(SDL_GetPerformanceFrequency());
}

void App::open_clip(std::size_t round_index) {
    auto& image = images_[round_index];
    const std::size_t pack_index = game_.items()[round_index].pack_index;
    image.clip = engine::ClipPlayer::open(session_->clip_source(pack_index, shown_side()),
                                          clip_limits_, wake_event_);
    image.clip_started = false;
}

// Clips move on with the clock: the one on screen plays (from its start the first time
// it shows), the one prepared ahead waits on its first frame.
void App::update_clips() {
    const double now = clock_now();
    const double elapsed = last_tick_ < 0.0 ? 0.0 : std::max(0.0, now - last_tick_);
    last_tick_ = now;
    const auto shown = shown_index();
    for (std::size_t i = 0; i < images_.size(); ++i) {
        auto& image = images_[i];
        if (!image.clip)
            continue;
        if (image.clip->state() == engine::ClipState::Failed) {
            on_clip_failed(i);
            continue;
        }
        if (image.clip->state() != engine::ClipState::Ready)
            continue;
        auto& clip = *image.clip;
        const bool on_screen = shown && *shown == i;
        if (on_screen && !image.clip_started) {
            image.clip_started = true;
            clip.set_playing(true);
        } else if (on_screen) {
            clip.advance(elapsed);
        } else if (clip.playing()) {
            clip.set_playing(false);
        }
        take_clip_frame(image);
    }
}

void App::take_clip_frame(ItemImage& image) {
    SDL_Surface* frame = image.clip->take_frame();
    if (!frame)
        return;
    image.source_side = std::max(image.clip->source_width(), image.clip->source_height());
    std::string why;
    if (!image.full.update(gfx_.renderer(), frame, &why)) {
        ui_.messages.push_back(why);
        return;
    }
    if (image.thumbnail)
        return;
    engine::SurfacePtr small = engine::fit_surface(frame, engine::DecodeLimits{}.thumbnail_side);
    if (small)
        image.thumbnail = engine::Texture::from_surface(gfx_.renderer(), small.get(), &why);
}

void App::on_clip_failed(std::size_t round_index) {
    auto& image = images_[round_index];
    image.failed = true;
    image.error = image.clip->error();
    image.clip.reset();  // its memory goes now; the item is left out or shows no picture
    session_->mark_broken(game_.items()[round_index].pack_index, image.error);
}

int App::redraw_in_ms() const {
    const engine::ClipPlayer* clip = shown_clip();
    if (!clip || !clip->playing())
        return -1;
    const double next = clip->next_change_in();
    if (next < 0.0)
        return -1;
    const double due = next - std::max(0.0, clock_now() - last_tick_);
    return due <= 0.0 ? 0 : static_cast<int>(std::ceil(due * 1000.0));
}

void App::apply_clip_action(const Action& action) {
    engine::ClipPlayer* clip = shown_clip();
    if (!clip)
        return;
    switch (action.type) {
        case ActionType::TogglePlay:
            clip->set_playing(!clip->playing());
            break;
        case ActionType::StepFrame:
            clip->step(action.value < 0 ? -1 : 1);
            break;
        case ActionType::SeekClip:
            clip->seek(action.value);
            break;
        case ActionType::JumpToTell: {
            const auto index = shown_index();
            const auto& item = session_->pack()->manifest.items[game_.items()[*index].pack_index];
            if (action.index >= item.tells.size())
                break;
            // Half a frame in: the frame shown then spans the tell's start.
            clip->set_playing(false);
            clip->seek(item.tells[action.index].t0.value_or(0.f) + clip->frame_interval() / 2.0);
            break;
        }
        default:
            break;
    }
}

// The step keys are taken by their place (scancodes): their names follow the layout.
void App::name_step_keys() {
    const auto name = [](SDL_Scancode code, const char* fallback) {
        const char* text = SDL_GetKeyName(SDL_GetKeyFromScancode(code));
        return std::string(text && *text ? text : fallback);
    };
    ui_.step_back_key = name(SDL_SCANCODE_COMMA, ",");
    ui_.step_forward_key = name(SDL_SCANCODE_PERIOD, ".");
}

// Pictures are decoded at the size the window can show (a 12-megapixel photo does not
// live in memory at full size for a laptop screen); zooming asks for more pixels.
int App::shown_side() const {
    const SDL_Point output = gfx_.output_size();
    const float side = static_cast<float>(std::max(output.x, output.y)) * view_.zoom;
    return std::clamp(static_cast<int>(side), 1, engine::DecodeLimits{}.max_side);
}

// The view's centre is in picture pixels: a sharper copy of the same picture keeps it
// on the same spot.
void App::keep_view_on(const ItemImage& image, int old_width) {
    if (old_width <= 0 || !image.full || view_.center_x < 0.f)
        return;
    const float ratio = static_cast<float>(image.full.width()) / static_cast<float>(old_width);
    view_.center_x *= ratio;
    view_.center_y *= ratio;
}

// After a zoom, the picture on screen is decoded again when its pixels run out.
void App::sharpen_shown_picture() {
    const std::size_t index = game_.phase() == Phase::End ? ui_.missed_detail : game_.position();
    if (index >= images_.size() || !images_[index].full || images_[index].clip)
        return;
    auto& image = images_[index];
    const int wanted = shown_side();
    const int have = std::max(image.full.width(), image.full.height());
    const bool more_to_show = image.source_side > have;
    if (!more_to_show || wanted <= image.requested_side || wanted < have * 5 / 4)
        return;
    image.requested_side = wanted;
    session_->request_picture(game_.items()[index].pack_index, wanted);
}

void App::wait_for_pack() {
    do {  // a refused last pack may fall back to the demo: wait for that one too
        session_->wait_for_open();
        pump_session();
    } while (session_->opening());
}

void App::wait_for_media_while(const std::function<bool()>& waiting) {
    collect_media();
    while (waiting() && loader_->pending()) {
        loader_->wait();
        collect_media();
    }
}

void App::wait_for_all_media() {
    wait_for_media_while([] { return true; });
}

void App::wait_for_pack_check() {
    wait_for_media_while([this] { return session_->checking(); });
}

bool App::on_picture(Picture& picture) {
    const auto& items = game_.items();
    auto round = std::find_if(items.begin(), items.end(), [&](const RoundItem& i) {
        return i.pack_index == picture.pack_index;
    });
    // Rounds take the early picture as they start: one that comes in later is for the
    // round to come, and nothing on screen changes.
    if (early_.pack_index == picture.pack_index && !early_.result) {
        early_.result = std::move(picture.result);
        return false;
    }
    if (round == items.end())
        return false;  // from an earlier round
    show_picture(static_cast<std::size_t>(round - items.begin()), picture.pack_index,
                 picture.result);
    return true;
}

void App::show_picture(std::size_t round_index, std::size_t pack_index,
                       engine::MediaResult& result) {
    auto& image = images_[round_index];
    std::string why;
    if (result.ok) {
        image.source_side = std::max(result.image.source_width, result.image.source_height);
        const int old_width = image.full ? image.full.width() : 0;
        image.full = engine::Texture::from_surface(gfx_.renderer(), result.image.full.get(), &why);
        keep_view_on(image, old_width);
        if (!image.thumbnail)
            image.thumbnail =
                engine::Texture::from_surface(gfx_.renderer(), result.image.thumbnail.get(), &why);
    }
    if (result.ok && image.full)
        return;
    image.failed = true;
    image.error = result.ok ? why : result.error;
    session_->mark_broken(pack_index, image.error);
}

void App::collect_media() {
    pump_session();
    update_clips();
    drop_failed_current();
}

void App::drop_failed_current() {
    if (!workshop_round_.empty())
        return;  // a workshop keeps its items (and their votes); the room sees no picture
    while (game_.phase() == Phase::Question && images_[game_.position()].failed) {
        const auto& image = images_[game_.position()];
        const auto& item = session_->pack()->manifest.items[game_.current()->pack_index];
        ui_.messages.push_back(strings().format(settings_.lang, "media.unreadable",
                                                {{"file", item.media}, {"why", image.error}}));
        images_.erase(images_.begin() + static_cast<std::ptrdiff_t>(game_.position()));
        game_.drop_current();
        request_media_ahead();
    }
    if (game_.phase() == Phase::End)
        finish_round();
}

void App::wait_for_current_media() {
    wait_for_media_while(
        [this] { return game_.phase() == Phase::Question && !images_[game_.position()].full; });
    // A clip: the clock may have moved on; its frame of that time is decoded, then taken.
    while (game_.phase() == Phase::Question && images_[game_.position()].clip) {
        auto& image = images_[game_.position()];
        collect_media();
        if (!image.clip)
            continue;  // it failed: the item is left out, the next one is current
        image.clip->wait_frame();
        collect_media();
        if (image.full || !image.clip)
            break;
    }
}

void App::finish_round() {
    if (result_recorded_ || !session_->pack())
        return;
    result_recorded_ = true;
    GameResult record = result();
    ui_.solo.calibration = calibration(record);
    ui_.solo.categories = category_accuracy(record);
    if (!options_.save_results)
        return;
    record.finished_at = utc_now_iso();
    LoadNote note;
    if (auto error = progress_.append_result(record, &note); !error.empty())
        ui_.messages.push_back(
            strings().format(settings_.lang, "end.save_failed", {{"why", error}}));
    else
        results_ = progress_.load_results(nullptr);  // as saved (old games may have gone)
    if (!note.message.empty())
        ui_.messages.push_back(note.message);
}

void App::note_item_record() {
    const auto& manifest = session_->pack()->manifest;
    ui_.solo.item_record =
        item_record(results_, manifest.id, manifest.items[game_.current()->pack_index].id);
}

GameResult App::result() const {
    GameResult out;
    const content::LoadedPack* pack = session_->pack();
    if (!pack)
        return out;
    out.pack_id = pack->manifest.id;
    out.seed = round_seed_;
    out.score = game_.score();
    out.out_of = game_.out_of();
    for (const auto& round : game_.items()) {
        const auto& item = pack->manifest.items[round.pack_index];
        out.items.push_back({item.id, round.truth, round.given.value_or(round.truth),
                             round.correct(), round.sure, item.category});
    }
    return out;
}

void App::save_settings() {
    if (auto error = progress_.save_settings(settings_); !error.empty())
        ui_.messages.push_back(
            strings().format(settings_.lang, "settings.save_failed", {{"why", error}}));
}

void App::zoom_by(float factor) {
    view_.zoom = std::clamp(view_.zoom * factor, kMinZoom, kMaxZoom);
    sharpen_shown_picture();
}

void App::apply(const Action& action) {
    switch (action.type) {
        case ActionType::Play:
        case ActionType::PlayAgain:
            start_round();
            break;
        case ActionType::Answer:
            if (game_.answer(action.answer)) {
                view_.reset();
                note_item_record();
            }
            break;
        case ActionType::SaySure:
            game_.toggle_sure(action.index != 0);
            break;
        case ActionType::ShowProgress:
            if (!session_->pack())
                break;
            ui_.solo.progress = progress_view(results_, session_->pack()->manifest.id);
            ui_.overlay = Overlay::Progress;
            break;
        case ActionType::Next:
            game_.next();
            view_.reset();
            request_media_ahead();
            drop_failed_current();  // also records the result once the round ends
            break;
        case ActionType::ShowPacks:  // the list is only shown there: refreshed on opening
            ui_.listings = pack_listings();
            ui_.overlay = Overlay::Packs;
            break;
        case ActionType::RemovePack:
            remove_pack(action.text);
            break;
        case ActionType::EditPack:
            // The window is handed to the editor (main.cpp); the game comes back after it.
            edit_request_ = action.text;
            quit_ = true;
            break;
        case ActionType::OpenFile:
            engine::open_file_picker();
            break;
        case ActionType::OpenPack:
            // The packs screen stays until the pack is in: a refusal is shown there.
            session_->open(action.text);
            break;
        case ActionType::CancelOpen:
            session_->cancel_open();
            break;
        case ActionType::ShowSettings:
            ui_.overlay = Overlay::Settings;
            break;
        case ActionType::CloseOverlay:
            ui_.overlay = Overlay::None;
            view_.reset();
            break;
        case ActionType::SetLanguage:
            settings_.lang = action.lang;
            settings_.lang_chosen = true;
            SDL_SetWindowTitle(gfx_.window(), strings().get(settings_.lang, "app.title").c_str());
            save_settings();
            break;
        case ActionType::SetTextSize:
            settings_.text_size =
                static_cast<int>(std::min<std::size_t>(action.index, kTextSizeCount - 1));
            save_settings();
            break;
        case ActionType::ShowMissed:
            ui_.missed_detail = action.index;
            ui_.overlay = Overlay::MissedDetail;
            view_.reset();
            request_media_ahead();
            break;
        case ActionType::ToggleLeftOut:
            ui_.left_out_open = !ui_.left_out_open;
            break;
        case ActionType::ToggleDescription:
            ui_.description_open = !ui_.description_open;
            break;
        case ActionType::ZoomIn:
            zoom_by(1.25f);
            break;
        case ActionType::ZoomOut:
            zoom_by(1.f / 1.25f);
            break;
        case ActionType::ZoomFit:
            view_.reset();
            break;
        case ActionType::DismissMessage:
            if (action.index < ui_.messages.size())
                ui_.messages.erase(ui_.messages.begin() +
                                   static_cast<std::ptrdiff_t>(action.index));
            break;
        case ActionType::QuitRound:
            game_.to_title();
            ui_.overlay = Overlay::None;
            break;
        case ActionType::TogglePlay:
        case ActionType::StepFrame:
        case ActionType::SeekClip:
        case ActionType::JumpToTell:
            apply_clip_action(action);
            break;
        default:
            apply_workshop(action);
            break;
    }
}

void App::apply_workshop(const Action& action) {
    if (action.type == ActionType::WorkshopShowItem) {
        ui_.missed_detail = action.index;
        ui_.overlay = Overlay::MissedDetail;
        view_.reset();
        request_media_ahead();
        return;
    }
    WorkshopInputs in;
    in.pack = session_->pack();
    in.broken = &session_->broken();
    in.lang = settings_.lang;
    in.seed = next_seed_;
    in.now = utc_now_iso();
    in.clock = clock_now();
    if (action.type == ActionType::WorkshopStart)
        next_seed_ = Random(next_seed_).next();
    workshop_->apply(action, in, ui_.messages);
    if (auto png = workshop_->take_png_request(); !png.empty())
        gfx_.request_screenshot(png);
    sync_workshop_round();
}

void App::start_workshop_round(const WorkshopSession& session) {
    const auto& items = session_->pack()->manifest.items;
    std::vector<std::size_t> picks;
    for (const auto& item : session.items)
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].id == item.id) {
                picks.push_back(i);
                break;
            }
    game_.start(session_->pack()->manifest, picks);
    images_.clear();
    images_.resize(game_.items().size());
    take_early_picture();
    view_.reset();
    ui_.overlay = Overlay::None;
    workshop_round_ = session.id;
}

// The round follows the session: its item on screen, revealed or not, or the debrief.
void App::sync_workshop_round() {
    const WorkshopSession* session = workshop_->session();
    if (!session || !session_->pack()) {
        if (!workshop_round_.empty()) {
            workshop_round_.clear();
            game_.to_title();
            images_.clear();
            ui_.overlay = Overlay::None;
        }
        return;
    }
    if (workshop_round_ != session->id)
        start_workshop_round(*session);
    while (game_.phase() != Phase::End) {
        const std::size_t at = game_.position();
        const bool past = at < session->current || session->finished;
        if (game_.phase() == Phase::Question && (past || session->items[at].revealed)) {
            game_.answer(game_.current()->truth);
        } else if (game_.phase() == Phase::Feedback && past) {
            game_.next();
            view_.reset();
        } else {
            break;
        }
    }
    request_media_ahead();
}

// Enter reveals, then goes on; Esc closes a reopened item, or steps back out of the
// set-up. Only zoom and F11 are left to the solo game's keys (its Enter would start a
// round, its arrows answer).
bool App::apply_workshop_key(const SDL_Keysym& key) {
    const WorkshopStep step = workshop_->step();
    const bool enter = key.sym == SDLK_RETURN || key.sym == SDLK_KP_ENTER;
    if (enter && step == WorkshopStep::Vote)
        apply(Action::of(ActionType::WorkshopReveal));
    else if ((enter || key.sym == SDLK_RIGHT) && step == WorkshopStep::Reveal)
        apply(Action::of(ActionType::WorkshopNext));
    else if (key.sym == SDLK_ESCAPE && ui_.overlay == Overlay::MissedDetail)
        apply(Action::of(ActionType::CloseOverlay));
    else if (key.sym == SDLK_ESCAPE && (step == WorkshopStep::Setup || step == WorkshopStep::Past))
        apply(Action::of(ActionType::WorkshopLeave));
    const auto passes = {SDLK_PLUS,     SDLK_EQUALS, SDLK_KP_PLUS, SDLK_MINUS,
                         SDLK_KP_MINUS, SDLK_0,      SDLK_KP_0,    SDLK_F11};
    return std::find(passes.begin(), passes.end(), key.sym) == passes.end();
}

// On a clip, Space plays and pauses (only Enter goes on), and the keys in the places of
// "," and "." step one frame, whatever the keyboard layout writes on them.
bool App::apply_clip_key(const SDL_Keysym& key) {
    const auto shown = shown_index();
    if (!shown || !is_video(*shown))
        return false;
    if (key.scancode == SDL_SCANCODE_COMMA || key.scancode == SDL_SCANCODE_PERIOD) {
        apply(Action::with_value(ActionType::StepFrame,
                                 key.scancode == SDL_SCANCODE_COMMA ? -1.0 : 1.0));
        return true;
    }
    if (key.sym == SDLK_SPACE) {
        apply(Action::of(ActionType::TogglePlay));
        return true;
    }
    return false;
}

void App::apply_key(const SDL_Keysym& key) {
    if (apply_clip_key(key))
        return;
    if (workshop_->active() && apply_workshop_key(key))
        return;
    const Phase phase = game_.phase();
    const auto emit = [this](ActionType type, content::Answer answer = content::Answer::Real) {
        apply(type == ActionType::Answer ? Action::answering(answer) : Action::of(type));
    };
    switch (key.sym) {
        case SDLK_LEFT:
        case SDLK_r:
            if (phase == Phase::Question)
                emit(ActionType::Answer, content::Answer::Real);
            break;
        case SDLK_RIGHT:
        case SDLK_g:
            if (phase == Phase::Question)
                emit(ActionType::Answer, content::Answer::Generated);
            else if (phase == Phase::Feedback && key.sym == SDLK_RIGHT)
                emit(ActionType::Next);
            break;
        case SDLK_s:
        case SDLK_n:
            if (phase == Phase::Question)
                apply(Action::saying_sure(key.sym == SDLK_s));
            break;
        case SDLK_DOWN:
        case SDLK_e:
            if (phase == Phase::Question && game_.three_answers())
                emit(ActionType::Answer, content::Answer::Edited);
            break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE:
            if (phase == Phase::Feedback)
                emit(ActionType::Next);
            else if (phase == Phase::Title && ui_.overlay == Overlay::None)
                emit(ActionType::Play);
            break;
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS:
            emit(ActionType::ZoomIn);
            break;
        case SDLK_MINUS:
        case SDLK_KP_MINUS:
            emit(ActionType::ZoomOut);
            break;
        case SDLK_0:
        case SDLK_KP_0:
            emit(ActionType::ZoomFit);
            break;
        case SDLK_ESCAPE:
            if (ui_.overlay != Overlay::None)
                emit(ActionType::CloseOverlay);
            break;
        case SDLK_F11: {
            const bool full = SDL_GetWindowFlags(gfx_.window()) & SDL_WINDOW_FULLSCREEN_DESKTOP;
            SDL_SetWindowFullscreen(gfx_.window(), full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
            break;
        }
        default:
            break;
    }
}

void App::handle_event(const SDL_Event& event) {
    if (event.type == SDL_QUIT)
        quit_ = true;
    // A folder or a .zip dropped onto the window opens it.
    if (event.type == SDL_DROPFILE && event.drop.file) {
        apply(Action::opening_pack(event.drop.file));
        SDL_free(event.drop.file);
    }
    if (event.type == SDL_KEYDOWN && !engine::text_field_active())
        apply_key(event.key.keysym);
    if (event.type == SDL_KEYMAPCHANGED)
        name_step_keys();
    // Two-finger pinch (SDL's gesture recogniser works for touch screens and the browser).
    if (event.type == SDL_MULTIGESTURE && event.mgesture.numFingers == 2 &&
        event.mgesture.dDist != 0.f)
        zoom_by(1.f + event.mgesture.dDist * 4.f);
}

bool App::update() {
    const std::uint64_t before = session_changes_;
    collect_media();
    // A text field's cursor blinks, and a clip opens and plays by itself: keep drawing.
    const bool clips = std::any_of(images_.begin(), images_.end(),
                                   [](const ItemImage& image) { return image.clip != nullptr; });
    const bool countdown = workshop_->countdown_left(clock_now()).value_or(0.0) > 0.0;
    return session_changes_ != before || ImGui::GetIO().WantTextInput || clips || countdown;
}

bool App::busy() const {
    return loader_->pending() || session_->opening() || ImGui::GetIO().WantTextInput;
}

void App::draw() {
    gfx_.set_base_font_size(kTextSizes[std::clamp(settings_.text_size, 0, kTextSizeCount - 1)]);
    collect_media();
    std::vector<Action> actions;
    ScreenContext ctx{strings(),
                      settings_.lang,
                      settings_.text_size,
                      gfx_.fonts(),
                      gfx_.ui_scale(),
                      *session_,
                      session_->pack(),
                      game_,
                      images_,
                      view_,
                      ui_,
                      actions};
    if (workshop_->active() && ui_.overlay != Overlay::Packs) {
        draw_workshop_screen(ctx, *workshop_, clock_now());
    } else if (ui_.overlay == Overlay::Packs) {
        draw_packs_screen(ctx);
    } else if (ui_.overlay == Overlay::Progress) {
        draw_progress_screen(ctx);
    } else {
        switch (game_.phase()) {
            case Phase::Title:
                draw_title_screen(ctx);
                break;
            case Phase::Question:
            case Phase::Feedback:
                draw_question_screen(ctx);
                break;
            case Phase::End:
                draw_end_screen(ctx);
                break;
        }
        if (ui_.overlay == Overlay::Settings)
            draw_settings_window(ctx);
    }
    for (const auto& action : actions)
        apply(action);
    workshop_->offer_png_download();
    sharpen_shown_picture();  // the wheel and a pinch zoom inside the screens
    note_current_drawn();
    // After the screens: the frame is built before this download (and decode) starts.
    ask_early_for_next_round();
}

// " Video, playing." when the media on screen is a clip (for screen readers and tests).
std::string App::clip_status() const {
    const auto shown = shown_index();
    if (!shown || !is_video(*shown))
        return {};
    const engine::ClipPlayer* clip = shown_clip();
    const bool playing = clip && clip->playing();
    return " " +
           strings().get(settings_.lang, playing ? "status.video_playing" : "status.video_paused");
}

// solo: what the player said of the current item ("Chosen: Sure." while asked, "You were
// sure" after), then how it was answered on this computer before.
std::string App::solo_status() const {
    const RoundItem* round = game_.current();
    const auto lang = settings_.lang;
    std::string text;
    if (game_.phase() == Phase::Question && round->sure)
        text = " " + strings().get(lang, *round->sure ? "solo.chosen_sure" : "solo.chosen_unsure");
    if (game_.phase() == Phase::Feedback && round->sure)
        text = " " + said_sure_text(strings(), lang, *round) + ".";
    if (game_.phase() == Phase::Feedback && ui_.solo.item_record)
        text += " " + item_record_text(strings(), lang, *ui_.solo.item_record) + ".";
    return text;
}

// end of a solo round: the calibration table's rows, as the end screen shows them.
std::string App::calibration_status() const {
    const Calibration& calibration = ui_.solo.calibration;
    const auto lang = settings_.lang;
    std::string text;
    const auto add_row = [&](const char* row_key, const RightWrong& counts) {
        text += " " + strings().format(lang, "status.calibration_row",
                                       {{"row", strings().get(lang, row_key)},
                                        {"right", std::to_string(counts.right)},
                                        {"wrong", std::to_string(counts.wrong)}});
    };
    if (calibration.sure.total() + calibration.unsure.total() == 0)
        return text;
    text = " " + strings().get(lang, "solo.calibration") + ".";
    add_row("solo.row_sure", calibration.sure);
    add_row("solo.row_unsure", calibration.unsure);
    if (calibration.unstated.total() > 0)
        add_row("solo.row_unsaid", calibration.unstated);
    return text;
}

std::string App::status_text() const {
    const auto lang = settings_.lang;
    const auto& s = strings();
    if (workshop_->step() == WorkshopStep::Setup)
        return s.format(lang, "status.workshop_setup",
                        {{"title", s.get(lang, "workshop.title")},
                         {"items", s.get(lang, "workshop.items")},
                         {"n", std::to_string(workshop_->setup().item_count)}});
    if (const WorkshopSession* session = workshop_->session()) {  // the room's screen
        const auto& debrief = workshop_->debrief();
        if (workshop_->step() == WorkshopStep::Debrief)
            return s.get(lang, "workshop.debrief") + " " +
                   s.format(lang, "workshop.score",
                            {{"score", std::to_string(debrief.score)},
                             {"total", std::to_string(debrief.out_of)}});
        const std::string progress = s.format(lang, "workshop.progress",
                                              {{"n", std::to_string(session->current + 1)},
                                               {"total", std::to_string(debrief.out_of)}});
        if (workshop_->step() == WorkshopStep::Vote || !game_.current())
            return progress + " " + s.get(lang, "workshop.vote_prompt");
        return progress + " " +
               s.get(lang,
                     truth_key(session_->pack()->manifest.items[game_.current()->pack_index]));
    }
    const RoundItem* round = game_.current();
    switch (game_.phase()) {
        case Phase::Title: {
            std::string text =
                s.format(lang, "status.title",
                         {{"app", s.get(lang, "app.title")}, {"play", s.get(lang, "title.play")}});
            // Until the pack is in, Play does nothing: say so (a pack downloads on the web).
            if (session_->opening())
                text += " " + s.get(lang, "title.loading_pack");
            // A refused pack is the screen's main news (e.g. a broken ?pack= link on the web).
            if (!session_->refusal().empty()) {
                text += " " + s.get(lang, "packs.refused");
                for (const auto& error : pack_errors())
                    text += " " + error;
            }
            return text;
        }
        case Phase::Question: {
            const bool video = is_video(game_.position());
            return s.format(lang, "status.question",
                            {{"n", std::to_string(game_.position() + 1)},
                             {"total", std::to_string(game_.out_of())},
                             {"prompt",
                              s.get(lang, video ? "question.prompt_video" : "question.prompt")},
                             {"real", s.get(lang, "answer.real")},
                             {"generated", s.get(lang, "answer.generated")}}) +
                   clip_status() + solo_status();
        }
        case Phase::Feedback: {
            const auto& item = session_->pack()->manifest.items[round->pack_index];
            return s.format(lang, "status.feedback",
                            {{"verdict",
                              s.get(lang, round->correct() ? "feedback.right" : "feedback.wrong")},
                             {"truth", s.get(lang, truth_key(item))},
                             {"explanation", item.explanation.get(lang)}}) +
                   clip_status() + solo_status();
        }
        case Phase::End:
            return s.format(lang, "status.end",
                            {{"score", std::to_string(game_.score())},
                             {"total", std::to_string(game_.out_of())},
                             {"verdict",
                              s.get(lang, "end.verdict." + std::to_string(verdict_band(
                                                               game_.score(), game_.out_of())))}}) +
                   calibration_status();
    }
    return {};
}

}  // namespace rc::game
