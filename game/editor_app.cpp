// The pack editor's window; see editor_app.h.
#include "game/editor_app.h"

#include <imgui.h>

#include <algorithm>

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
    if (editor_->media_kind(state_.item) != content::MediaKind::Image)
        return;  // a clip: drawn as a frame of its shape (editor_screen.cpp)
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
    const bool typing = ImGui::GetIO().WantTextInput;
    if (ctrl && key.sym == SDLK_s)
        apply(EditorAction::of(EditorActionType::Save));
    else if (typing)
        return;  // Esc and Ctrl+Z are the field's own (ImGui), its edit is one step anyway
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
            report(editor.add_tell(action.item, action.place));
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
    editor_->tick();
    std::vector<EditorAction> actions;
    EditorImages images{&thumbnails_, &picture_, picture_error_};
    EditorContext ctx{strings(), lang_, gfx_.fonts(), *editor_, images, state_, actions};
    draw_editor_screen(ctx);
    for (const auto& action : actions)
        apply(action);
}

bool EditorApp::update() {
    collect_pictures();
    editor_->tick();
    return true;
}

bool EditorApp::busy() const {
    return loader_->pending() || ImGui::GetIO().WantTextInput;
}

int EditorApp::redraw_in_ms() const {
    return editor_->modified() ? kEditorJournalTickMs : -1;
}

std::string EditorApp::accessible_text() const {
    if (editor_->item_count() == 0)
        return {};
    return editor_->item_id(state_.item);
}

}  // namespace rc::game
