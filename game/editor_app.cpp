// The pack editor's window; see editor_app.h.
#include "game/editor_app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "content/pack.h"
#include "game/strings.h"

namespace rc::game {
namespace {

const Strings& strings() {
    return Strings::builtin();
}

engine::DecodeLimits decode_limits() {
    engine::DecodeLimits limits;
    limits.check_header = [](std::span<const std::uint8_t> bytes) {
        return content::image_problem(bytes, content::kMaxPixels);
    };
    limits.max_pixels = content::kMaxPixels;
    limits.thumbnail_side = kEditorThumbnailSide;
    return limits;
}

}  // namespace

EditorApp::EditorApp(engine::Gfx& gfx, PackEditor& editor, content::Lang lang)
    : gfx_(gfx), editor_(&editor), lang_(lang) {
    wake_event_ = SDL_RegisterEvents(1);
    if (wake_event_ == static_cast<Uint32>(-1))
        wake_event_ = 0;
    loader_ = engine::MediaLoader::create(decode_limits(), wake_event_);
    thumbnails_.resize(editor_->item_count());
    if (editor_->from_zip())
        state_.messages.push_back(strings().format(lang_, "editor.message.zip",
                                                   {{"folder", editor_->save_folder().string()}}));
    request_thumbnails();
    request_picture();
}

EditorApp::~EditorApp() {
    loader_->cancel_all();
}

engine::ReadBytes EditorApp::reader_for(const std::string& media) const {
    // The editor outlives the loader (cancelled and destroyed first): its source stays.
    const content::PackSource* source = &editor_->source();
    return [source, media](std::vector<std::uint8_t>* bytes, std::string* why) {
        auto read = source->read(media);
        if (!read.ok()) {
            *why = read.problems.front().message;
            return false;
        }
        *bytes = std::move(*read.value);
        return true;
    };
}

void EditorApp::request_thumbnails() {
    for (std::size_t item = 0; item < editor_->item_count(); ++item) {
        if (editor_->media_kind(item) != content::MediaKind::Image)
            continue;
        engine::MediaRequest request;
        request.read = reader_for(editor_->media_path(item));
        request.label = editor_->media_path(item);
        request.priority = engine::MediaPriority::Background;
        request.max_side = kEditorThumbnailSide;
        thumbnail_tickets_[loader_->request(std::move(request))] = item;
    }
}

void EditorApp::request_picture() {
    if (state_.item == picture_item_ || editor_->item_count() == 0)
        return;
    picture_item_ = state_.item;
    picture_.reset();
    picture_error_.clear();
    picture_ticket_ = 0;
    clip_.reset();
    if (editor_->media_kind(state_.item) == content::MediaKind::Video) {
        open_clip();
        return;
    }
    engine::MediaRequest request;
    request.read = reader_for(editor_->media_path(state_.item));
    request.label = editor_->media_path(state_.item);
    request.max_side = kEditorPictureSide;
    picture_ticket_ = loader_->request(std::move(request));
}

void EditorApp::collect_pictures() {
    for (auto& result : loader_->collect()) {
        std::string why;
        if (const auto thumb = thumbnail_tickets_.find(result.ticket);
            thumb != thumbnail_tickets_.end()) {
            if (result.ok)
                thumbnails_[thumb->second] =
                    engine::Texture::from_surface(gfx_.renderer(), result.image.full.get(), &why);
            thumbnail_tickets_.erase(thumb);
        } else if (result.ticket == picture_ticket_) {
            if (result.ok)
                picture_ =
                    engine::Texture::from_surface(gfx_.renderer(), result.image.full.get(), &why);
            picture_error_ = result.ok ? why : result.error;
            picture_ticket_ = 0;
        }
    }
}

void EditorApp::wait_for_pictures() {
    collect_pictures();
    while (loader_->pending()) {
        loader_->wait();
        collect_pictures();
    }
    show_clip_at(0.0);
}

// ---- the selected item's clip ----

void EditorApp::open_clip() {
    engine::ClipSource source;
    source.read = reader_for(editor_->media_path(state_.item));
    source.label = editor_->media_path(state_.item);
    source.max_side = kEditorPictureSide;
    clip_ = engine::ClipPlayer::open(std::move(source), engine::ClipLimits{}, wake_event_);
}

engine::ClipPlayer* EditorApp::ready_clip() const {
    return clip_ && clip_->state() == engine::ClipState::Ready ? clip_.get() : nullptr;
}

std::optional<ClipClock> EditorApp::clip_clock() const {
    const engine::ClipPlayer* clip = ready_clip();
    if (!clip)
        return std::nullopt;
    return ClipClock{clip->position(), clip->duration(), clip->playing()};
}

double EditorApp::clock_now() const {
    return static_cast<double>(SDL_GetPerformanceCounter()) /
           static_cast<double>(SDL_GetPerformanceFrequency());
}

// The clip moves on with the clock while it plays; a clip that cannot play says why where
// its frame would be, and its tells are still placed on a frame of its shape.
void EditorApp::update_clip() {
    const double now = clock_now();
    const double elapsed = last_tick_ < 0.0 ? 0.0 : std::max(0.0, now - last_tick_);
    last_tick_ = now;
    if (clip_ && clip_->state() == engine::ClipState::Failed) {
        picture_error_ = clip_->error();
        clip_.reset();
    }
    if (!ready_clip())
        return;
    clip_->advance(elapsed);
    take_clip_frame();
}

// A clip's frame becomes the picture; its first one also its thumbnail in the list (clips
// are not decoded for the list itself: one player per clip would be too costly).
void EditorApp::take_clip_frame() {
    SDL_Surface* frame = clip_->take_frame();
    std::string why;
    if (!frame || !picture_.update(gfx_.renderer(), frame, &why)) {
        report(why);
        return;
    }
    if (picture_item_ >= thumbnails_.size() || thumbnails_[picture_item_])
        return;
    engine::SurfacePtr small = engine::fit_surface(frame, kEditorThumbnailSide);
    if (small)
        thumbnails_[picture_item_] =
            engine::Texture::from_surface(gfx_.renderer(), small.get(), &why);
}

void EditorApp::show_clip_at(double seconds) {
    if (!clip_)
        return;
    clip_->wait_frame();  // opened (or failed) and its first frame decoded
    if (ready_clip()) {
        clip_->set_playing(false);
        clip_->seek(seconds);
        clip_->wait_frame();
    }
    update_clip();
}

void EditorApp::apply_clip(const EditorAction& action) {
    engine::ClipPlayer* clip = ready_clip();
    if (!clip)
        return;
    if (action.type == EditorActionType::TogglePlay)
        clip->set_playing(!clip->playing());
    else if (action.type == EditorActionType::PauseClip)
        clip->set_playing(false);
    else if (action.type == EditorActionType::StepFrame)
        clip->step(action.frames < 0 ? -1 : 1);
    else if (action.type == EditorActionType::SeekClip)
        clip->seek(action.seconds);
}

void EditorApp::handle_event(const SDL_Event& event) {
    if (event.type == SDL_QUIT) {
        window_closed_ = true;
        apply(EditorAction::of(EditorActionType::Close));
    }
    if (event.type == SDL_KEYDOWN)
        apply_key(event.key.keysym);
}

// The shortcuts: Ctrl+S always; Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z, Esc, Delete and the keys
// that step through the items when no text field is being typed in (in a field they are
// the field's: Esc leaves it, Ctrl+Z undoes its typing, and leaving it is one undo step).
void EditorApp::apply_key(const SDL_Keysym& key) {
    const bool ctrl = (key.mod & KMOD_CTRL) != 0;
    const bool shift = (key.mod & KMOD_SHIFT) != 0;
    const bool typing = engine::text_field_active();
    if (ctrl && key.sym == SDLK_s)
        apply(EditorAction::of(EditorActionType::Save));
    else if (typing)
        return;  // Esc and Ctrl+Z are the field's own (ImGui), its edit is one step anyway
    else if (!ctrl && apply_clip_key(key))
        return;
    else if (ctrl && key.sym == SDLK_z)
        apply(EditorAction::of(shift ? EditorActionType::Redo : EditorActionType::Undo));
    else if (ctrl && key.sym == SDLK_y)
        apply(EditorAction::of(EditorActionType::Redo));
    else if (key.sym == SDLK_ESCAPE)
        apply(EditorAction::of(state_.confirm_close ? EditorActionType::CancelClose
                                                    : EditorActionType::Close));
    else if (key.sym == SDLK_DELETE && state_.tell) {
        EditorAction action = EditorAction::of(EditorActionType::DeleteTell);
        action.item = state_.item;
        action.tell = state_.tell;
        apply(action);
    } else if (key.sym == SDLK_UP || key.sym == SDLK_DOWN || key.sym == SDLK_PAGEUP ||
               key.sym == SDLK_PAGEDOWN) {
        const int delta = key.sym == SDLK_UP       ? -1
                          : key.sym == SDLK_DOWN   ? 1
                          : key.sym == SDLK_PAGEUP ? -kItemPageStep
                                                   : kItemPageStep;
        select_item(step_item(state_.item, delta, editor_->item_count()));
    }
}

// On a clip, as in the game: Space plays and pauses, the keys in the places of "," and "."
// step a frame (whatever the layout writes on them); E ends the chosen tell at the frame
// shown ("End here").
bool EditorApp::apply_clip_key(const SDL_Keysym& key) {
    const engine::ClipPlayer* clip = ready_clip();
    if (!clip)
        return false;
    if (key.sym == SDLK_SPACE) {
        apply(EditorAction::of(EditorActionType::TogglePlay));
    } else if (key.scancode == SDL_SCANCODE_COMMA || key.scancode == SDL_SCANCODE_PERIOD) {
        EditorAction step = EditorAction::of(EditorActionType::StepFrame);
        step.frames = key.scancode == SDL_SCANCODE_COMMA ? -1 : 1;
        apply(step);
    } else if (key.sym == SDLK_e && state_.tell && !state_.preview) {
        EditorAction end = EditorAction::of(EditorActionType::SetTellTime);
        end.item = state_.item;
        end.tell = state_.tell;
        end.end = TellEnd::End;
        end.seconds = clip->position();
        apply(end);
    } else {
        return false;
    }
    return true;
}

void EditorApp::select_item(std::size_t item) {
    if (item == state_.item || item >= editor_->item_count())
        return;
    state_.item = item;
    state_.tell.reset();
    state_.drag_tell.reset();
    state_.preview_answer.reset();
    state_.view.reset();
    request_picture();
}

// After an undo or redo the screen shows the item that changed.
void EditorApp::follow_last_touched() {
    if (const auto touched = editor_->last_touched())
        select_item(*touched);
    const auto count = editor_->tells(state_.item).size();
    if (state_.tell && *state_.tell >= count)
        state_.tell.reset();
}

void EditorApp::report(const std::string& why) {
    if (!why.empty())
        state_.messages.push_back(why);
}

void EditorApp::save(bool then_quit) {
    const std::string why = editor_->save();
    if (!why.empty()) {
        report(strings().format(lang_, "editor.message.save_failed", {{"why", why}}));
        state_.confirm_close = false;
        return;
    }
    report(strings().format(lang_, "editor.message.saved",
                            {{"path", (editor_->save_folder() / content::kManifestName).string()},
                             {"n", std::to_string(editor_->problems().size())}}));
    if (then_quit)
        quit_ = true;
}

void EditorApp::apply(const EditorAction& action) {
    auto& editor = *editor_;
    const std::size_t tell = action.tell.value_or(SIZE_MAX);
    switch (action.type) {
        case EditorActionType::SelectItem:
            select_item(action.item);
            break;
        case EditorActionType::SelectTell:
            state_.tell = action.tell;
            break;
        case EditorActionType::AddTell:
            report(editor.add_tell(action.item, action.place, action.t0));
            break;
        case EditorActionType::MoveTell:
            report(editor.move_tell(action.item, tell, action.place.x, action.place.y));
            break;
        case EditorActionType::ResizeTell:
            report(editor.resize_tell(action.item, tell, action.place.r));
            break;
        case EditorActionType::DeleteTell:
            report(editor.delete_tell(action.item, tell));
            state_.tell.reset();
            break;
        case EditorActionType::SetNote:
            report(editor.set_tell_note(action.item, tell, action.lang, action.text));
            break;
        case EditorActionType::SetTimes:
            report(editor.set_tell_times(action.item, tell, action.t0, action.t1));
            break;
        case EditorActionType::SetTellTime:
            report(editor.set_tell_time(action.item, tell, action.end, action.seconds));
            break;
        case EditorActionType::TogglePlay:
        case EditorActionType::PauseClip:
        case EditorActionType::StepFrame:
        case EditorActionType::SeekClip:
            apply_clip(action);
            break;
        case EditorActionType::SetField:
            report(editor.set_field(action.item, action.field, action.text, action.lang));
            break;
        case EditorActionType::BeginGesture:
            editor.begin_gesture();
            break;
        case EditorActionType::EndGesture:
            editor.end_gesture();
            break;
        case EditorActionType::Undo:
            if (editor.undo())
                follow_last_touched();
            break;
        case EditorActionType::Redo:
            if (editor.redo())
                follow_last_touched();
            break;
        case EditorActionType::Save:
            if (editor.modified())
                save(false);
            break;
        case EditorActionType::StartPreview:
            state_.preview = true;
            state_.preview_answer.reset();
            state_.view.reset();
            break;
        case EditorActionType::PreviewAnswer:
            state_.preview_answer = action.answer;
            break;
        case EditorActionType::EndPreview:
            state_.preview = false;
            state_.preview_answer.reset();
            break;
        case EditorActionType::Close:
            if (editor.modified())
                state_.confirm_close = true;
            else
                quit_ = true;
            break;
        case EditorActionType::SaveAndQuit:
            save(true);
            break;
        case EditorActionType::DiscardAndQuit:
            // The journal is kept: the next session offers the discarded edits back.
            quit_ = true;
            break;
        case EditorActionType::CancelClose:
            state_.confirm_close = false;
            window_closed_ = false;
            break;
        case EditorActionType::Recover:
            report(editor.recover());
            break;
        case EditorActionType::DiscardJournal:
            report(editor.discard_journal());
            break;
        case EditorActionType::ToggleProblems:
            state_.problems_open = !state_.problems_open;
            break;
        case EditorActionType::DismissMessage:
            if (!state_.messages.empty())
                state_.messages.pop_back();
            break;
    }
}

void EditorApp::draw() {
    collect_pictures();
    update_clip();
    editor_->tick();
    std::vector<EditorAction> actions;
    EditorImages images{&thumbnails_, &picture_, picture_error_, clip_clock()};
    EditorContext ctx{strings(), lang_, gfx_.fonts(), *editor_, images, state_, actions};
    draw_editor_screen(ctx);
    for (const auto& action : actions)
        apply(action);
}

bool EditorApp::update() {
    collect_pictures();
    update_clip();
    editor_->tick();
    return true;
}

bool EditorApp::busy() const {
    return loader_->pending() || ImGui::GetIO().WantTextInput;
}

// While edits are unsaved, the journal's tick; a playing clip, its next frame's time.
int EditorApp::redraw_in_ms() const {
    const int journal = editor_->modified() ? kEditorJournalTickMs : -1;
    const engine::ClipPlayer* clip = ready_clip();
    const double next = clip && clip->playing() ? clip->next_change_in() : -1.0;
    if (next < 0.0)
        return journal;
    const double due = next - std::max(0.0, clock_now() - last_tick_);
    const int frame = due <= 0.0 ? 0 : static_cast<int>(std::ceil(due * 1000.0));
    return journal < 0 ? frame : std::min(journal, frame);
}

std::string EditorApp::accessible_text() const {
    if (editor_->item_count() == 0)
        return {};
    return editor_->item_id(state_.item);
}

}  // namespace rc::game
