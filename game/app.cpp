#include "game/app.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>

#include "engine/platform/paths.h"
#include "game/deck.h"
#include "game/random.h"
#include "game/screens/widgets.h"

namespace rc::game {
namespace {

// Body text in pixels at 1280×720 for each text size step.
constexpr float kTextSizes[kTextSizeCount] = {18.f, 22.f, 27.f, 33.f};
// Pictures kept at full resolution: the current one and the next ones being prepared.
constexpr std::size_t kItemsAhead = 2;

std::filesystem::path demo_pack_dir() {
    return engine::default_cache_dir() / "packs" / "demo";
}

std::uint64_t fresh_seed() {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device() ^
           static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::string utc_now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace

App::App(engine::Gfx& gfx, AppOptions options)
    : gfx_(gfx),
      options_(std::move(options)),
      progress_(options_.data_dir.empty() ? engine::default_data_dir() : options_.data_dir) {
    LoadNote note;
    settings_ = progress_.load_settings(&note);
    if (!note.message.empty())
        ui_.messages.push_back(note.message);
    if (options_.lang)
        settings_.lang = *options_.lang;
    else if (!settings_.lang_chosen)
        settings_.lang = engine::system_prefers_french() ? content::Lang::Fr : content::Lang::En;
    next_seed_ = options_.seed ? *options_.seed : fresh_seed();
    wake_event_ = SDL_RegisterEvents(1);
    if (wake_event_ == static_cast<Uint32>(-1))
        wake_event_ = 0;
    loader_ = engine::MediaLoader::create(engine::DecodeLimits{}, wake_event_);

    std::string pack = options_.pack.empty() ? settings_.last_pack : options_.pack;
    const std::string demo = demo_pack_dir().string();
    if ((pack.empty() || !open_pack(pack)) && options_.pack.empty() && pack != demo)
        open_pack(demo);
    ui_.demo_pack = demo;
}

App::~App() = default;

bool App::open_pack(const std::string& location) {
    if (engine::fetched_over_http(location)) {
        open_remote_pack(location);
        return true;
    }
    auto loaded = content::load_pack(location);
    if (!loaded.ok()) {
        refuse_pack(location, loaded.problems);
        return false;
    }
    use_pack(std::move(*loaded.value), std::move(loaded.problems), location, false);
    return true;
}

void App::open_remote_pack(const std::string& location) {
    const bool is_manifest = location.size() > 5 && location.ends_with(".json");
    const std::string manifest_url =
        is_manifest ? location : engine::join_url(location, "pack.json");
    const std::string base = manifest_url.substr(0, manifest_url.rfind('/') + 1);
    pack_loading_ = location;
    const std::uint64_t request = ++pack_request_;
    if (!http_)
        http_ = engine::Http::create();
    http_->get(manifest_url, [this, location, base, request](engine::HttpResponse& response) {
        if (request != pack_request_)
            return;  // the player asked for another pack since
        pack_loading_.clear();
        if (!response.ok()) {
            refuse_pack(location, {{content::Severity::Error, response.url, response.error}});
            return;
        }
        const std::string_view text(reinterpret_cast<const char*>(response.body.data()),
                                    response.body.size());
        auto pack = content::pack_from_manifest(content::parse_manifest(text), base);
        if (!pack.ok()) {
            refuse_pack(location, pack.problems);
            return;
        }
        use_pack(std::move(*pack.value), std::move(pack.problems), location, true);
    });
}

void App::refuse_pack(const std::string& location, const std::vector<content::Problem>& problems) {
    ui_.refused_pack = location;
    ui_.pack_errors.clear();
    ui_.pack_errors.push_back(location + ":");
    for (const auto& problem : problems)
        ui_.pack_errors.push_back(content::to_string(problem));
}

void App::use_pack(content::LoadedPack pack, std::vector<content::Problem> warnings,
                   const std::string& location, bool remote) {
    ui_.pack_errors.clear();
    pack_ = std::move(pack);
    pack_warnings_ = std::move(warnings);
    pack_location_ = location;
    ui_.current_pack = location;
    pack_remote_ = remote;
    ui_.left_out_open = false;
    ui_.overlay = Overlay::None;
    game_.to_title();
    images_.clear();
    tickets_.clear();
    thumbnails_.clear();
    thumbnails_.resize(pack_->manifest.items.size());
    broken_.clear();
    // A local pack is checked whole in the background; a remote one would have to be
    // downloaded whole for that, so its pictures are checked as they are played.
    if (!remote)
        check_pack_media();
    if (options_.remember_deck) {
        settings_.last_pack = location;
        save_settings();
    }
}

std::string App::media_source(const content::PackItem& item) const {
    if (pack_remote_)
        return engine::join_url(pack_->root.string(), item.media);
    std::string why;
    return content::resolve_media_path(pack_->root, item.media, &why).string();
}

std::vector<std::string> App::known_packs() const {
    std::vector<std::string> packs;
    std::error_code ec;
    if (std::filesystem::exists(demo_pack_dir() / "pack.json", ec))
        packs.push_back(demo_pack_dir().string());
    if (!settings_.last_pack.empty() &&
        std::find(packs.begin(), packs.end(), settings_.last_pack) == packs.end())
        packs.push_back(settings_.last_pack);
    if (pack_ && std::find(packs.begin(), packs.end(), pack_location_) == packs.end())
        packs.push_back(pack_location_);
    return packs;
}

void App::start_round() {
    if (!pack_)
        return;
    round_seed_ = next_seed_;
    next_seed_ = Random(round_seed_).next();
    LoadNote note;
    DeckHistory deck = options_.remember_deck ? progress_.load_deck(&note) : DeckHistory{};
    if (!note.message.empty())
        ui_.messages.push_back(note.message);
    const auto& manifest = pack_->manifest;
    Draw draw =
        draw_round(manifest.items, deck[manifest.id], DrawDesc{kRoundSize, round_seed_, &broken_});
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
    request_media_ahead();
}

void App::request_media_ahead() {
    if (!pack_)
        return;
    const std::size_t position = game_.position();
    for (std::size_t i = 0; i < images_.size(); ++i) {
        const bool detail = ui_.overlay == Overlay::MissedDetail && i == ui_.missed_detail;
        const bool wanted =
            detail || (game_.phase() != Phase::End && i >= position && i <= position + kItemsAhead);
        auto& image = images_[i];
        if (!wanted) {
            image.full.reset();
            image.requested = false;
        }
        if (!wanted || image.requested)
            continue;
        const auto& item = pack_->manifest.items[game_.items()[i].pack_index];
        image.requested = true;
        const auto ticket = loader_->request(media_source(item), item.media, true);
        tickets_[ticket] = MediaJob{game_.items()[i].pack_index, false};
    }
}

void App::check_pack_media() {
    const auto& items = pack_->manifest.items;
    for (std::size_t i = 0; i < items.size(); ++i)
        tickets_[loader_->request(media_source(items[i]), items[i].media, false)] =
            MediaJob{i, true};
}

void App::wait_for_pack() {
    while (pack_loading()) {
        http_->pump();
        SDL_Delay(5);
    }
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
    wait_for_media_while([this] {
        return std::any_of(tickets_.begin(), tickets_.end(),
                           [](const auto& t) { return t.second.check; });
    });
}

void App::on_check_result(std::size_t pack_index, engine::MediaResult& result) {
    auto& thumbnail = thumbnails_[pack_index];
    std::string why;
    if (result.ok)
        thumbnail =
            engine::Texture::from_surface(gfx_.renderer(), result.image.thumbnail.get(), &why);
    if (result.ok && thumbnail)
        return;
    broken_.insert(pack_index);
    pack_warnings_.push_back({content::Severity::Warning,
                              "pack.json: items[" +
                                  std::to_string(pack_->manifest.items[pack_index].manifest_index) +
                                  "].media",
                              result.ok ? why : result.error});
}

void App::on_full_result(std::size_t pack_index, engine::MediaResult& result) {
    const auto& items = game_.items();
    auto round = std::find_if(items.begin(), items.end(),
                              [&](const RoundItem& i) { return i.pack_index == pack_index; });
    if (round == items.end())
        return;  // from an earlier round
    auto& image = images_[static_cast<std::size_t>(round - items.begin())];
    std::string why;
    if (result.ok) {
        image.full = engine::Texture::from_surface(gfx_.renderer(), result.image.full.get(), &why);
        // Remote packs are not checked ahead: their thumbnails come from the played pictures.
        auto& thumbnail = thumbnails_[pack_index];
        if (!thumbnail)
            thumbnail =
                engine::Texture::from_surface(gfx_.renderer(), result.image.thumbnail.get(), &why);
    }
    if (result.ok && image.full)
        return;
    image.failed = true;
    image.error = result.ok ? why : result.error;
    broken_.insert(pack_index);
}

void App::collect_media() {
    for (auto& result : loader_->collect()) {
        auto ticket = tickets_.find(result.ticket);
        if (ticket == tickets_.end())
            continue;  // asked for by a pack no longer open
        const MediaJob job = ticket->second;
        tickets_.erase(ticket);
        if (job.check)
            on_check_result(job.pack_index, result);
        else
            on_full_result(job.pack_index, result);
    }
    drop_failed_current();
}

void App::drop_failed_current() {
    while (game_.phase() == Phase::Question && images_[game_.position()].failed) {
        const auto& image = images_[game_.position()];
        const auto& item = pack_->manifest.items[game_.current()->pack_index];
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
}

void App::finish_round() {
    if (result_recorded_ || !pack_)
        return;
    result_recorded_ = true;
    if (!options_.save_results)
        return;
    GameResult record = result();
    record.finished_at = utc_now_iso();
    LoadNote note;
    if (auto error = progress_.append_result(record, &note); !error.empty())
        ui_.messages.push_back(
            strings().format(settings_.lang, "end.save_failed", {{"why", error}}));
    if (!note.message.empty())
        ui_.messages.push_back(note.message);
}

GameResult App::result() const {
    GameResult out;
    if (!pack_)
        return out;
    out.pack_id = pack_->manifest.id;
    out.seed = round_seed_;
    out.score = game_.score();
    out.out_of = game_.out_of();
    for (const auto& round : game_.items()) {
        const auto& item = pack_->manifest.items[round.pack_index];
        out.items.push_back(
            {item.id, round.truth, round.given.value_or(round.truth), round.correct()});
    }
    return out;
}

void App::save_settings() {
    if (auto error = progress_.save_settings(settings_); !error.empty())
        ui_.messages.push_back(
            strings().format(settings_.lang, "settings.save_failed", {{"why", error}}));
}

void App::zoom_by(float factor) {
    view_.zoom = std::clamp(view_.zoom * factor, 1.f, 16.f);
}

void App::apply(const Action& action) {
    switch (action.type) {
        case ActionType::Play:
        case ActionType::PlayAgain:
            start_round();
            break;
        case ActionType::Answer:
            game_.answer(action.answer);
            if (game_.phase() == Phase::Feedback)
                view_.reset();
            break;
        case ActionType::Next:
            game_.next();
            view_.reset();
            request_media_ahead();
            drop_failed_current();  // also records the result once the round ends
            break;
        case ActionType::ShowPacks:  // the list is only shown there: refreshed on opening
            ui_.known_packs = known_packs();
            ui_.overlay = Overlay::Packs;
            break;
        case ActionType::OpenPack:
            if (open_pack(action.text))
                ui_.overlay = Overlay::None;
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
    }
}

void App::apply_key(const SDL_Keysym& key) {
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
            else if (phase == Phase::Title && ui_.overlay == Overlay::None && pack_)
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
    if (event.type == SDL_KEYDOWN && !ImGui::GetIO().WantTextInput)
        apply_key(event.key.keysym);
    // Two-finger pinch (SDL's gesture recogniser works for touch screens and the browser).
    if (event.type == SDL_MULTIGESTURE && event.mgesture.numFingers == 2 &&
        event.mgesture.dDist != 0.f)
        zoom_by(1.f + event.mgesture.dDist * 4.f);
}

bool App::busy() const {
    return loader_->pending() || (http_ && http_->busy()) || ImGui::GetIO().WantTextInput;
}

void App::draw() {
    gfx_.set_base_font_size(kTextSizes[std::clamp(settings_.text_size, 0, kTextSizeCount - 1)]);
    if (http_)
        http_->pump();
    collect_media();
    std::vector<Action> actions;
    ScreenContext ctx{strings(),
                      settings_.lang,
                      settings_.text_size,
                      gfx_.fonts(),
                      gfx_.ui_scale(),
                      pack(),
                      pack_loading(),
                      pack_warnings_,
                      game_,
                      images_,
                      thumbnails_,
                      view_,
                      ui_,
                      actions};
    if (ui_.overlay == Overlay::Packs) {
        draw_packs_screen(ctx);
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
}

std::string App::status_text() const {
    const auto lang = settings_.lang;
    const auto& s = strings();
    const RoundItem* round = game_.current();
    switch (game_.phase()) {
        case Phase::Title: {
            std::string text =
                s.format(lang, "status.title",
                         {{"app", s.get(lang, "app.title")}, {"play", s.get(lang, "title.play")}});
            // Until the pack is in, Play does nothing: say so (a pack downloads on the web).
            if (pack_loading())
                text += " " + s.get(lang, "title.loading_pack");
            // A refused pack is the screen's main news (e.g. a broken ?pack= link on the web).
            if (!ui_.pack_errors.empty()) {
                text += " " + s.get(lang, "packs.refused");
                for (const auto& error : ui_.pack_errors)
                    text += " " + error;
            }
            return text;
        }
        case Phase::Question:
            return s.format(lang, "status.question",
                            {{"n", std::to_string(game_.position() + 1)},
                             {"total", std::to_string(game_.out_of())},
                             {"prompt", s.get(lang, "question.prompt")},
                             {"real", s.get(lang, "answer.real")},
                             {"generated", s.get(lang, "answer.generated")}});
        case Phase::Feedback: {
            const auto& item = pack_->manifest.items[round->pack_index];
            return s.format(
                lang, "status.feedback",
                {{"verdict", s.get(lang, round->correct() ? "feedback.right" : "feedback.wrong")},
                 {"truth", s.get(lang, truth_key(item.answer))},
                 {"explanation", item.explanation.get(lang)}});
        }
        case Phase::End:
            return s.format(
                lang, "status.end",
                {{"score", std::to_string(game_.score())},
                 {"total", std::to_string(game_.out_of())},
                 {"verdict", s.get(lang, "end.verdict." + std::to_string(verdict_band(
                                                              game_.score(), game_.out_of())))}});
    }
    return {};
}

}  // namespace rc::game
