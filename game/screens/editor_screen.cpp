// The pack editor's screen; see editor_screen.h.
#include "game/screens/editor_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "game/screens/widgets.h"

namespace rc::game {
namespace {

constexpr content::Lang kLangs[] = {content::Lang::Fr, content::Lang::En};
constexpr content::Answer kAnswers[] = {content::Answer::Real, content::Answer::Generated,
                                        content::Answer::Edited};
// The source fields, in the order the right panel lists them.
constexpr EditField kSourceFields[] = {
    EditField::Credit, EditField::License,  EditField::Url,       EditField::Generator,
    EditField::Prompt, EditField::Category, EditField::Difficulty};

const char* answer_word(content::Answer answer) {
    switch (answer) {
        case content::Answer::Real:
            return "real";
        case content::Answer::Generated:
            return "generated";
        case content::Answer::Edited:
            return "edited";
    }
    return "real";
}

std::string lang_code(content::Lang lang) {
    return lang == content::Lang::Fr ? "fr" : "en";
}

// ImGui edits a std::string in place through its resize callback.
int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

// What a text field did this frame, read right after it (before another item is drawn).
struct FieldEvents {
    bool activated = false;
    bool changed = false;
    bool deactivated = false;
};

FieldEvents field_events(bool changed) {
    return {ImGui::IsItemActivated(), changed, ImGui::IsItemDeactivated()};
}

// The height of `text` wrapped at `width`, in lines (at least one).
float wrapped_lines(const std::string& text, float width) {
    const float height = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y;
    return std::max(1.f, std::ceil(height / ImGui::GetTextLineHeight() - 0.01f));
}

// ImGui 1.86 does not wrap a multi-line field, so a long explanation would run off its
// right edge. Left alone, the field draws its text wrapped on a frame of its own, as tall
// as the wrapped text (ImGui's unwrapped drawing is made transparent over it), and stays
// a real field: a click or Tab types in it. Typed in, it shows ImGui's own text, with the
// whole text wrapped under it to read while typing.
FieldEvents multiline_field(EditorContext& ctx, const char* id, std::string* text, float width,
                            float lines) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap_width = std::max(1.f, width - style.FramePadding.x * 2.f);
    const ImGuiID field_id = ImGui::GetID(id);
    const bool typing = ctx.state.typing_in == field_id;
    const float rows = typing ? lines : std::max(lines, wrapped_lines(*text, wrap_width));
    const ImVec2 size(width, ImGui::GetTextLineHeight() * rows + style.FramePadding.y * 2.f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (!typing) {
        const ImVec2 bottom(top.x + size.x, top.y + size.y);
        const bool hovered = ImGui::IsMouseHoveringRect(top, bottom) && ImGui::IsWindowHovered();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(
            top, bottom, ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
            style.FrameRounding);
        const ImVec4 clip(top.x, top.y, bottom.x, bottom.y);
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                      ImVec2(top.x + style.FramePadding.x, top.y + style.FramePadding.y),
                      ImGui::GetColorU32(ImGuiCol_Text), text->c_str(), nullptr, wrap_width, &clip);
        const ImVec4 clear(0.f, 0.f, 0.f, 0.f);
        ImGui::PushStyleColor(ImGuiCol_Text, clear);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, clear);
    }
    const bool changed =
        ImGui::InputTextMultiline(id, text->data(), text->capacity() + 1, size,
                                  ImGuiInputTextFlags_CallbackResize, resize_string, text);
    const FieldEvents events = field_events(changed);
    if (!typing)
        ImGui::PopStyleColor(2);
    if (ImGui::IsItemActive())
        ctx.state.typing_in = field_id;
    else if (typing)
        ctx.state.typing_in = 0;
    if (typing && wrapped_lines(*text, wrap_width) >
                      ImGui::CalcTextSize(text->c_str()).y / ImGui::GetTextLineHeight() + 0.5f) {
        ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(text->c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    return events;
}

// A text field whose every change is `change` with the new text; focusing it begins a
// gesture and leaving it ends it, so typing in a field is one undo step.
void text_field(EditorContext& ctx, const char* id, std::string text, float width, float lines,
                EditorAction change) {
    FieldEvents events;
    if (lines > 1.f) {
        events = multiline_field(ctx, id, &text, width, lines);
    } else {
        ImGui::SetNextItemWidth(width);
        events = field_events(ImGui::InputText(id, text.data(), text.capacity() + 1,
                                               ImGuiInputTextFlags_CallbackResize, resize_string,
                                               &text));
    }
    if (events.activated)
        ctx.emit(EditorActionType::BeginGesture);
    if (events.changed) {
        change.text = text;
        ctx.emit(std::move(change));
    }
    if (events.deactivated)
        ctx.emit(EditorActionType::EndGesture);
}

EditorAction for_item(const EditorContext& ctx, EditorActionType type) {
    EditorAction action = EditorAction::of(type);
    action.item = ctx.state.item;
    action.tell = ctx.state.tell;
    return action;
}

ImVec4 state_color(const std::string& key) {
    if (key == "editor.state.error")
        return kColorWrong;
    if (key == "editor.state.ok")
        return kColorRight;
    return ImVec4(0.98f, 0.80f, 0.35f, 1.f);  // warnings and gaps: amber
}

// ---- the top bar ----

// The pack's title as pack.json holds it: a text, or one per language (the other one when
// missing). Read without throwing: the document is being edited and may hold anything.
std::string pack_title(const nlohmann::ordered_json& document, content::Lang lang) {
    const auto title = document.find("title");
    if (title == document.end())
        return {};
    if (title->is_string())
        return title->get<std::string>();
    if (!title->is_object())
        return {};
    for (const char* code : {lang == content::Lang::Fr ? "fr" : "en", "fr", "en"}) {
        const auto text = title->find(code);
        if (text != title->end() && text->is_string() &&
            !text->get_ref<const std::string&>().empty())
            return text->get<std::string>();
    }
    return {};
}

bool bar_button(const std::string& label, bool enabled) {
    if (!enabled)
        ImGui::BeginDisabled();
    const bool pressed = ImGui::Button(label.c_str());
    if (!enabled)
        ImGui::EndDisabled();
    ImGui::SameLine();
    return pressed;
}

void draw_top_bar(EditorContext& ctx, ImVec2 pos, ImVec2 size) {
    begin_panel("editor-bar", pos, size);
    const auto& editor = ctx.editor;
    const std::string title = pack_title(editor.document(), ctx.lang);
    ImGui::PushFont(ctx.fonts.bold);
    const float title_width = size.x * 0.28f;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        fit_text(ctx.tr("editor.bar.title") + " " + title + (editor.modified() ? " *" : ""),
                 title_width - ImGui::GetStyle().ItemSpacing.x)
            .c_str());
    ImGui::PopFont();
    ImGui::SameLine(title_width + ImGui::GetStyle().WindowPadding.x);
    if (bar_button(ctx.tr("editor.bar.save"), editor.modified() && !editor.has_journal()))
        ctx.emit(EditorActionType::Save);
    if (bar_button(ctx.tr("editor.bar.undo"), editor.can_undo()))
        ctx.emit(EditorActionType::Undo);
    if (bar_button(ctx.tr("editor.bar.redo"), editor.can_redo()))
        ctx.emit(EditorActionType::Redo);
    if (bar_button(ctx.tr(ctx.state.preview ? "editor.bar.edit" : "editor.bar.preview"),
                   editor.item_count() > 0))
        ctx.emit(ctx.state.preview ? EditorActionType::EndPreview : EditorActionType::StartPreview);
    const auto problems = editor.problems();
    const bool errors = editor.has_errors();
    ImGui::PushStyleColor(ImGuiCol_Text, problems.empty() ? kColorRight
                                         : errors         ? kColorWrong
                                                          : ImVec4(0.98f, 0.80f, 0.35f, 1.f));
    if (bar_button(problems_summary(ctx, problems), true))
        ctx.emit(EditorActionType::ToggleProblems);
    ImGui::PopStyleColor();
    if (bar_button(ctx.tr("editor.bar.close"), true))
        ctx.emit(EditorActionType::Close);
    ImGui::NewLine();
    end_panel();
}

// ---- the item list ----

void draw_item_row(EditorContext& ctx, std::size_t item, float width) {
    const float font = ImGui::GetFontSize();
    const float thumb_side = font * 3.2f;
    const auto keys = item_state_keys(ctx.editor.item_state(item));
    std::string words;
    for (const auto& key : keys)
        words += (words.empty() ? "" : " · ") + ctx.tr(key);
    const float text_width = width - thumb_side - font * 0.6f;
    // The row is as tall as its thumbnail, or its id and wrapped state words.
    const float text_height = ImGui::GetTextLineHeightWithSpacing() +
                              ImGui::CalcTextSize(words.c_str(), nullptr, false, text_width).y;
    const float row_height = std::max(thumb_side, text_height) + font * 0.3f;
    ImGui::PushID(static_cast<int>(item));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const bool selected = item == ctx.state.item;
    if (ImGui::Selectable("##row", selected, 0, ImVec2(width, row_height)))
        ctx.emit([&] {
            EditorAction action = EditorAction::of(EditorActionType::SelectItem);
            action.item = item;
            return action;
        }());
    if (selected && ctx.state.scrolled_to != item) {
        ImGui::SetScrollHereY();
        ctx.state.scrolled_to = item;
    }
    const auto* thumbs = ctx.images.thumbnails;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (thumbs && item < thumbs->size() && (*thumbs)[item]) {
        const auto& thumb = (*thumbs)[item];
        const float scale =
            thumb_side / static_cast<float>(std::max(thumb.width(), thumb.height()));
        const ImVec2 size(thumb.width() * scale, thumb.height() * scale);
        const ImVec2 at(top.x + (thumb_side - size.x) / 2.f, top.y + (thumb_side - size.y) / 2.f);
        draw->AddImage(static_cast<ImTextureID>(thumb.handle()), at,
                       ImVec2(at.x + size.x, at.y + size.y));
    } else {
        draw->AddRectFilled(top, ImVec2(top.x + thumb_side, top.y + thumb_side),
                            IM_COL32(40, 44, 56, 255));
    }
    const float text_left = top.x + thumb_side + font * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(text_left, top.y));
    ImGui::PushTextWrapPos(text_left - ImGui::GetWindowPos().x + text_width);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(ctx.editor.item_id(item).c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(text_left, ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleColor(ImGuiCol_Text, state_color(keys.front()));
    ImGui::TextWrapped("%s", words.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(ImGui::GetCursorScreenPos().y + font * 0.4f,
                                                     top.y + thumb_side + font * 0.5f)));
    ImGui::PopID();
}

void draw_item_list(EditorContext& ctx, ImVec2 pos, ImVec2 size) {
    begin_panel("editor-items", pos, size, true);
    ImGui::TextUnformatted(
        ctx.tr("editor.list.count", {{"n", std::to_string(ctx.editor.item_count())}}).c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t item = 0; item < ctx.editor.item_count(); ++item)
        draw_item_row(ctx, item, width);
    end_panel();
}

// ---- the picture ----

// The picture's frame: its texture when decoded, else the media's own shape (a clip, a
// picture still loading), so tells can be placed before any pixel arrives.
bool picture_size(const EditorContext& ctx, float* width, float* height) {
    if (ctx.images.picture && *ctx.images.picture) {
        *width = static_cast<float>(ctx.images.picture->width());
        *height = static_cast<float>(ctx.images.picture->height());
        return true;
    }
    const auto& shape = ctx.editor.media_shape(ctx.state.item);
    if (shape.width == 0 || shape.height == 0)
        return false;
    *width = static_cast<float>(shape.width);
    *height = static_cast<float>(shape.height);
    return true;
}

// The time of the clip's frame on screen (< 0: a picture, or a clip not playing yet).
double clip_time(const EditorContext& ctx) {
    return ctx.images.clip ? ctx.images.clip->position : -1.0;
}

// On a clip, a press pauses it: the tell being placed or moved stays on its frame.
void press_on_picture(EditorContext& ctx, const PictureFrame& frame,
                      const std::vector<content::Tell>& tells) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const auto hit = tell_under(tells, frame, mouse.x, mouse.y, clip_time(ctx), ctx.state.tell);
    if (ctx.images.clip && ctx.images.clip->playing)
        ctx.emit(EditorActionType::PauseClip);
    EditorAction select = for_item(ctx, EditorActionType::SelectTell);
    if (hit) {
        const auto& tell = tells[hit->tell];
        ctx.state.drag_tell = hit->tell;
        ctx.state.drag_grip = hit->grip;
        ctx.state.drag_offset_x = mouse.x - (frame.left + tell.x * frame.width);
        ctx.state.drag_offset_y = mouse.y - (frame.top + tell.y * frame.height);
        select.tell = hit->tell;
        ctx.emit(std::move(select));
        ctx.emit(EditorActionType::BeginGesture);
        return;
    }
    EditorAction add = for_item(ctx, EditorActionType::AddTell);
    add.place = place_from_pixels(frame, mouse.x, mouse.y, kDefaultTellRadius * frame.width);
    if (ctx.images.clip)
        add.t0 = ctx.images.clip->position;  // the tell starts at the frame shown
    ctx.emit(std::move(add));
    select.tell = tells.size();  // the new tell comes last
    ctx.emit(std::move(select));
}

void drag_on_picture(EditorContext& ctx, const PictureFrame& frame,
                     const std::vector<content::Tell>& tells) {
    const auto& io = ImGui::GetIO();
    const std::size_t index = *ctx.state.drag_tell;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) || index >= tells.size()) {
        ctx.state.drag_tell.reset();
        ctx.emit(EditorActionType::EndGesture);
        return;
    }
    if (io.MouseDelta.x == 0.f && io.MouseDelta.y == 0.f)
        return;
    const auto& tell = tells[index];
    EditorAction action = for_item(ctx, EditorActionType::MoveTell);
    action.tell = index;
    if (ctx.state.drag_grip == TellGrip::Edge) {
        action.type = EditorActionType::ResizeTell;
        action.place.r =
            radius_from_pixels(frame, frame.left + tell.x * frame.width,
                               frame.top + tell.y * frame.height, io.MousePos.x, io.MousePos.y);
    } else {
        action.place = point_from_pixels(frame, io.MousePos.x - ctx.state.drag_offset_x,
                                         io.MousePos.y - ctx.state.drag_offset_y);
    }
    ctx.emit(std::move(action));
}

// Ctrl + wheel over the picture grows or shrinks the tell under the pointer, else the
// chosen one.
void wheel_resize(EditorContext& ctx, const PictureFrame& frame,
                  const std::vector<content::Tell>& tells) {
    const auto& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const auto hit = tell_under(tells, frame, mouse.x, mouse.y, clip_time(ctx), ctx.state.tell);
    const std::optional<std::size_t> index = hit ? std::optional(hit->tell) : ctx.state.tell;
    if (!index || *index >= tells.size())
        return;
    EditorAction action = for_item(ctx, EditorActionType::ResizeTell);
    action.tell = *index;
    action.place.r = tells[*index].r * std::pow(kWheelResizeFactor, io.MouseWheel);
    ctx.emit(std::move(action));
}

// A clip's controls under its frame, those of the game (clip_controls.h), with every
// tell's range on a row of its own under the bar. Greyed until the clip plays. Shift +
// click on the bar ends the chosen tell there. Returns the height they take.
float draw_clip_bar(EditorContext& ctx, ImVec2 min, ImVec2 max, bool show_tells, bool editable) {
    const auto tells = ctx.editor.tells(ctx.state.item);
    const std::optional<ClipClock> clock = ctx.images.clip;
    ClipControlsDesc desc;
    desc.clock = clock.value_or(ClipClock{0.0, ctx.editor.media_shape(ctx.state.item).seconds});
    desc.play = ctx.tr("video.play");
    desc.pause = ctx.tr("video.pause");
    desc.step_back = ctx.tr("video.step_back");
    desc.step_forward = ctx.tr("video.step_forward");
    desc.scrub = ctx.tr(editable ? "editor.clip.scrub" : "video.scrub");
    desc.time =
        ctx.tr("video.time", {{"position", seconds_text(ctx.lang, desc.clock.position, 2)},
                              {"duration", seconds_text(ctx.lang, desc.clock.duration, 2)}});
    if (show_tells) {
        desc.tells = &tells;
        desc.tell_rows = true;
    }
    if (editable)
        desc.chosen_tell = ctx.state.tell;
    const float height = clip_controls_height(desc);
    if (!clock)
        ImGui::BeginDisabled();
    const auto input = draw_clip_controls_row(desc, ImVec2(min.x, max.y - height), max.x);
    if (!clock) {
        ImGui::EndDisabled();
        return height;
    }
    if (input.toggle_play)
        ctx.emit(EditorActionType::TogglePlay);
    if (input.step != 0) {
        EditorAction step = EditorAction::of(EditorActionType::StepFrame);
        step.frames = input.step;
        ctx.emit(std::move(step));
    }
    if (input.seek >= 0.0) {
        EditorAction seek = EditorAction::of(EditorActionType::SeekClip);
        seek.seconds = input.seek;
        ctx.emit(std::move(seek));
    }
    if (editable && input.bar_clicked && ImGui::GetIO().KeyShift && ctx.state.tell) {
        EditorAction end = for_item(ctx, EditorActionType::SetTellTime);
        end.end = TellEnd::End;
        end.seconds = input.seek;
        ctx.emit(std::move(end));
    }
    return height;
}

void draw_picture_area(EditorContext& ctx, ImVec2 min, ImVec2 max, bool show_tells, bool editable) {
    const bool video = ctx.editor.media_kind(ctx.state.item) == content::MediaKind::Video;
    if (video) {
        // Kept clear of the panel's bottom edge, which clips what is drawn over it.
        max.y -= ImGui::GetFontSize() * 0.3f;
        max.y -= draw_clip_bar(ctx, min, max, show_tells, editable) + ImGui::GetFontSize() * 0.4f;
    }
    float width = 0.f, height = 0.f;
    if (!picture_size(ctx, &width, &height)) {
        ImGui::SetCursorScreenPos(ImVec2(min.x, (min.y + max.y) / 2.f));
        const std::string& why = ctx.images.picture_error;
        text_centered(why.empty() ? ctx.tr("editor.picture.loading") : why, nullptr, &kColorMuted);
        return;
    }
    const auto tells = ctx.editor.tells(ctx.state.item);
    const auto& io = ImGui::GetIO();
    PictureOptions options;
    options.tells = show_tells ? &tells : nullptr;
    options.drag_pans = !editable;
    options.wheel_zooms = !(editable && io.KeyCtrl);
    if (editable)
        options.chosen_tell = ctx.state.tell;
    options.clip_time = clip_time(ctx);  // a clip's tells of the frame shown, and the chosen
    const bool textured = ctx.images.picture && *ctx.images.picture;
    bool hovered = false;
    if (textured) {
        draw_picture(*ctx.images.picture, min, max, ctx.state.view, options);
        hovered = ImGui::IsItemHovered();  // its picture's button is its last item
    } else {
        // A clip or a picture not decoded yet (or that cannot be): a dark frame of its
        // shape, on which tells are placed all the same.
        const PicturePlacement at = place_picture(width, height, min, max, ctx.state.view);
        ImGui::SetCursorScreenPos(min);
        ImGui::InvisibleButton("##picture", ImVec2(max.x - min.x, max.y - min.y));
        hovered = ImGui::IsItemHovered();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 end(at.origin.x + width * at.scale, at.origin.y + height * at.scale);
        draw->AddRectFilled(at.origin, end, IM_COL32(30, 33, 42, 255));
        if (options.tells)
            draw_tells(draw, tells, at, width, height, options);
        ImGui::SetCursorScreenPos(ImVec2(min.x, at.origin.y + ImGui::GetFontSize() * 0.5f));
        const std::string& why = ctx.images.picture_error;
        text_centered(why.empty() ? ctx.tr("editor.picture.clip") : why, nullptr, &kColorMuted);
    }
    if (!editable)
        return;
    const PicturePlacement at = place_picture(width, height, min, max, ctx.state.view);
    const PictureFrame frame{at.origin.x, at.origin.y, width * at.scale, height * at.scale};
    if (ctx.state.drag_tell)
        drag_on_picture(ctx, frame, tells);
    else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        press_on_picture(ctx, frame, tells);
    if (hovered && io.KeyCtrl && io.MouseWheel != 0.f)
        wheel_resize(ctx, frame, tells);
    if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.f)) {
        ctx.state.view.center_x -= io.MouseDelta.x / at.scale;  // a right drag pans
        ctx.state.view.center_y -= io.MouseDelta.y / at.scale;
    }
}

// ---- the right panel ----

void field_label(EditorContext& ctx, const std::string& key) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::TextUnformatted(ctx.tr(key).c_str());
    ImGui::PopStyleColor();
}

void draw_answer_field(EditorContext& ctx) {
    field_label(ctx, "editor.field.answer");
    const std::string current = ctx.editor.field_text(ctx.state.item, EditField::Answer);
    for (const auto answer : kAnswers) {
        if (ImGui::RadioButton(ctx.tr(answer_key(answer)).c_str(),
                               current == answer_word(answer))) {
            EditorAction action = for_item(ctx, EditorActionType::SetField);
            action.field = EditField::Answer;
            action.text = answer_word(answer);
            ctx.emit(std::move(action));
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void draw_explanations(EditorContext& ctx, float width) {
    for (const auto lang : kLangs) {
        field_label(ctx, "editor.field.explanation_" + lang_code(lang));
        EditorAction change = for_item(ctx, EditorActionType::SetField);
        change.field = EditField::Explanation;
        change.lang = lang;
        text_field(ctx, lang == content::Lang::Fr ? "##explanation_fr" : "##explanation_en",
                   ctx.editor.field_text(ctx.state.item, EditField::Explanation, lang), width, 4.f,
                   std::move(change));
    }
}

// "Start here" / "End here": the chosen tell starts or ends at the frame the clip shows.
void draw_time_here_buttons(EditorContext& ctx, float width) {
    const bool playing = ctx.images.clip.has_value();
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    if (!playing)
        ImGui::BeginDisabled();
    for (const auto end : {TellEnd::Start, TellEnd::End}) {
        if (end == TellEnd::End)
            ImGui::SameLine();
        const std::string label =
            ctx.tr(end == TellEnd::Start ? "editor.clip.start_here" : "editor.clip.end_here");
        if (ImGui::Button(fit_text(label, half - ImGui::GetStyle().FramePadding.x * 2.f).c_str(),
                          ImVec2(half, 0.f)) &&
            playing) {
            EditorAction action = for_item(ctx, EditorActionType::SetTellTime);
            action.end = end;
            action.seconds = ctx.images.clip->position;
            ctx.emit(std::move(action));
        }
    }
    if (!playing)
        ImGui::EndDisabled();
}

// A clip's tell: from t0 to t1 seconds, typed (an empty field leaves that end open).
void draw_tell_times(EditorContext& ctx, const content::Tell& tell, float width) {
    field_label(ctx, "editor.tell.times");
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    float t0 = tell.t0.value_or(-1.f);
    float t1 = tell.t1.value_or(-1.f);
    ImGui::SetNextItemWidth(half);
    const bool changed0 = ImGui::InputFloat("##t0", &t0, 0.f, 0.f, "%.2f");
    if (ImGui::IsItemActivated())
        ctx.emit(EditorActionType::BeginGesture);
    const bool done0 = ImGui::IsItemDeactivated();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    const bool changed1 = ImGui::InputFloat("##t1", &t1, 0.f, 0.f, "%.2f");
    if (ImGui::IsItemActivated())
        ctx.emit(EditorActionType::BeginGesture);
    if (changed0 || changed1) {
        EditorAction action = for_item(ctx, EditorActionType::SetTimes);
        if (t0 >= 0.f)
            action.t0 = t0;
        if (t1 >= 0.f)
            action.t1 = t1;
        ctx.emit(std::move(action));
    }
    if (done0 || ImGui::IsItemDeactivated())
        ctx.emit(EditorActionType::EndGesture);
    draw_time_here_buttons(ctx, width);
    ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(ctx.tr("editor.tell.times_hint").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void draw_tell_fields(EditorContext& ctx, float width) {
    const auto tells = ctx.editor.tells(ctx.state.item);
    ImGui::PushFont(ctx.fonts.bold);
    if (!ctx.state.tell || *ctx.state.tell >= tells.size()) {
        ImGui::TextUnformatted(
            ctx.tr("editor.tell.none", {{"n", std::to_string(tells.size())}}).c_str());
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, kColorMuted);
        ImGui::PushTextWrapPos(0.f);
        ImGui::TextUnformatted(ctx.tr("editor.tell.how").c_str());
        if (ctx.editor.media_kind(ctx.state.item) == content::MediaKind::Video)
            ImGui::TextUnformatted(ctx.tr("editor.clip.how").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        return;
    }
    const std::size_t index = *ctx.state.tell;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ctx.tr("editor.tell.title", {{"n", std::to_string(index + 1)}}).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::Button(ctx.tr("editor.tell.delete").c_str()))
        ctx.emit(for_item(ctx, EditorActionType::DeleteTell));
    for (const auto lang : kLangs) {
        field_label(ctx, "editor.tell.note_" + lang_code(lang));
        EditorAction change = for_item(ctx, EditorActionType::SetNote);
        change.lang = lang;
        const std::string id = "##note_" + lang_code(lang) + std::to_string(index);
        text_field(ctx, id.c_str(),
                   lang == content::Lang::Fr ? tells[index].note.fr : tells[index].note.en, width,
                   2.f, std::move(change));
    }
    if (ctx.editor.media_kind(ctx.state.item) == content::MediaKind::Video)
        draw_tell_times(ctx, tells[index], width);
}

void draw_source_fields(EditorContext& ctx, float width) {
    for (const auto field : kSourceFields) {
        const std::string name(edit_field_name(field));
        field_label(ctx, "editor.field." + name);
        EditorAction change = for_item(ctx, EditorActionType::SetField);
        change.field = field;
        const float lines = field == EditField::Prompt ? 3.f : 1.f;
        text_field(ctx, ("##" + name).c_str(), ctx.editor.field_text(ctx.state.item, field), width,
                   lines, std::move(change));
    }
}

void draw_item_problems(EditorContext& ctx) {
    const auto state = ctx.editor.item_state(ctx.state.item);
    for (const auto& problem : state.problems) {
        const bool error = problem.severity == content::Severity::Error;
        text_colored_wrapped(error ? kColorWrong : ImVec4(0.98f, 0.80f, 0.35f, 1.f),
                             content::to_string(problem));
    }
}

void draw_fields(EditorContext& ctx, ImVec2 pos, ImVec2 size) {
    begin_panel("editor-fields", pos, size, true);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(ctx.editor.item_id(ctx.state.item).c_str());
    ImGui::PopFont();
    draw_item_problems(ctx);
    draw_answer_field(ctx);
    draw_explanations(ctx, width);
    ImGui::Separator();
    draw_tell_fields(ctx, width);
    ImGui::Separator();
    draw_source_fields(ctx, width);
    end_panel();
}

// ---- the preview ----

void draw_preview_side(EditorContext& ctx, ImVec2 pos, ImVec2 size) {
    begin_panel("editor-preview", pos, size, true);
    const float width = ImGui::GetContentRegionAvail().x;
    const float font = ImGui::GetFontSize();
    ImGui::PushFont(ctx.fonts.heading);
    text_wrapped(ctx.tr("question.prompt"));
    ImGui::PopFont();
    if (!ctx.state.preview_answer) {
        for (const auto answer : kAnswers) {
            if (big_button(ctx.tr(answer_key(answer)), ImVec2(width, font * 2.6f))) {
                EditorAction action = EditorAction::of(EditorActionType::PreviewAnswer);
                action.answer = answer;
                ctx.emit(std::move(action));
            }
        }
    } else {
        const std::string truth = ctx.editor.field_text(ctx.state.item, EditField::Answer);
        const bool right = truth == answer_word(*ctx.state.preview_answer);
        ImGui::PushFont(ctx.fonts.heading);
        text_colored_wrapped(right ? kColorRight : kColorWrong,
                             ctx.tr(right ? "feedback.right" : "feedback.wrong"));
        ImGui::PopFont();
        for (const auto answer : kAnswers)
            if (truth == answer_word(answer))
                text_wrapped(ctx.tr(truth_key(answer)));
        text_wrapped(ctx.editor.field_text(ctx.state.item, EditField::Explanation, ctx.lang));
        const auto tells = ctx.editor.tells(ctx.state.item);
        for (std::size_t i = 0; i < tells.size(); ++i)
            text_wrapped(std::to_string(i + 1) + ". " + tells[i].note.get(ctx.lang));
    }
    ImGui::Dummy(ImVec2(0.f, font));
    if (big_button(ctx.tr("editor.bar.edit"), ImVec2(width, font * 2.2f)))
        ctx.emit(EditorActionType::EndPreview);
    end_panel();
}

// ---- questions asked over the screen ----

void draw_question(EditorContext& ctx, const char* id, const std::string& text,
                   const std::vector<std::pair<std::string, EditorActionType>>& buttons) {
    const auto* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const ImVec2 size(std::min(viewport->WorkSize.x * 0.9f, font * 34.f), font * 12.f);
    const ImVec2 pos(viewport->WorkPos.x + (viewport->WorkSize.x - size.x) / 2.f,
                     viewport->WorkPos.y + (viewport->WorkSize.y - size.y) / 2.f);
    begin_floating_panel(id, pos, size);
    ImGui::Dummy(ImVec2(0.f, font * 0.5f));
    text_wrapped(text);
    ImGui::Dummy(ImVec2(0.f, font * 0.5f));
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float count = static_cast<float>(buttons.size());
    const float button_width = (ImGui::GetContentRegionAvail().x - spacing * (count - 1)) / count;
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        if (i > 0)
            ImGui::SameLine();
        if (big_button(buttons[i].first, ImVec2(button_width, font * 2.6f)))
            ctx.emit(buttons[i].second);
    }
    end_panel();
}

void draw_problems_window(EditorContext& ctx, ImVec2 pos, ImVec2 size) {
    begin_floating_panel("editor-problems", pos, size, true);
    const auto problems = ctx.editor.problems();
    if (problems.empty())
        text_wrapped(ctx.tr("editor.problems.none"));
    for (const auto& problem : problems) {
        const bool error = problem.severity == content::Severity::Error;
        text_colored_wrapped(error ? kColorWrong : ImVec4(0.98f, 0.80f, 0.35f, 1.f),
                             content::to_string(problem));
    }
    if (ImGui::Button(ctx.tr("editor.problems.close").c_str()))
        ctx.emit(EditorActionType::ToggleProblems);
    end_panel();
}

void draw_messages(EditorContext& ctx, ImVec2 pos, float width) {
    if (ctx.state.messages.empty())
        return;
    const float font = ImGui::GetFontSize();
    begin_floating_panel("editor-messages", pos,
                         ImVec2(width, ImGui::GetFrameHeight() + font * 1.2f));
    ImGui::AlignTextToFramePadding();
    const std::string dismiss = ctx.tr("editor.message.dismiss");
    const float button = ImGui::CalcTextSize(dismiss.c_str()).x + font * 1.5f;
    ImGui::TextUnformatted(
        fit_text(ctx.state.messages.back(), ImGui::GetContentRegionAvail().x - button).c_str());
    ImGui::SameLine();
    if (ImGui::Button(dismiss.c_str()))
        ctx.emit(EditorActionType::DismissMessage);
    end_panel();
}

// "1 error", "2 errors"; in French 0 and 1 take the singular ("0 erreur").
std::string count_text(const EditorContext& ctx, const std::string& key, std::size_t n) {
    const bool singular = ctx.lang == content::Lang::Fr ? n < 2 : n == 1;
    return ctx.tr(key + (singular ? "_one" : "_many"), {{"n", std::to_string(n)}});
}

}  // namespace

std::string problems_summary(const EditorContext& ctx, const std::vector<content::Problem>& all) {
    const auto errors = static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [](const content::Problem& problem) {
            return problem.severity == content::Severity::Error;
        }));
    if (all.empty())
        return ctx.tr("editor.problems.count_none");
    return ctx.tr("editor.problems.count",
                  {{"errors", count_text(ctx, "editor.problems.errors", errors)},
                   {"warnings", count_text(ctx, "editor.problems.warnings", all.size() - errors)}});
}

void draw_editor_screen(EditorContext& ctx) {
    const auto* viewport = ImGui::GetMainViewport();
    const ImVec2 origin = viewport->WorkPos;
    const ImVec2 size = viewport->WorkSize;
    const float font = ImGui::GetFontSize();
    const float bar = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.f;
    const float list_width = std::max(font * 13.f, size.x * 0.2f);
    const float fields_width = std::max(font * 16.f, size.x * 0.3f);
    const float body_top = origin.y + bar;
    const float body_height = size.y - bar;
    draw_top_bar(ctx, origin, ImVec2(size.x, bar));
    draw_item_list(ctx, ImVec2(origin.x, body_top), ImVec2(list_width, body_height));
    const ImVec2 side_pos(origin.x + size.x - fields_width, body_top);
    const ImVec2 side_size(fields_width, body_height);
    if (ctx.editor.item_count() > 0) {
        begin_panel("editor-picture", ImVec2(origin.x + list_width, body_top),
                    ImVec2(size.x - list_width - fields_width, body_height));
        const float pad = font * 0.4f;
        const ImVec2 min(origin.x + list_width + pad, body_top + pad);
        const ImVec2 max(origin.x + size.x - fields_width - pad, origin.y + size.y - pad);
        const bool answered = ctx.state.preview_answer.has_value();
        draw_picture_area(ctx, min, max, !ctx.state.preview || answered, !ctx.state.preview);
        end_panel();
        if (ctx.state.preview)
            draw_preview_side(ctx, side_pos, side_size);
        else
            draw_fields(ctx, side_pos, side_size);
    }
    draw_messages(ctx, ImVec2(origin.x + list_width, body_top), size.x - list_width - fields_width);
    if (ctx.state.problems_open)
        draw_problems_window(ctx, ImVec2(origin.x + list_width, body_top),
                             ImVec2(size.x - list_width, body_height * 0.6f));
    if (ctx.editor.has_journal())
        draw_question(ctx, "editor-journal", ctx.tr("editor.journal.question"),
                      {{ctx.tr("editor.journal.recover"), EditorActionType::Recover},
                       {ctx.tr("editor.journal.discard"), EditorActionType::DiscardJournal}});
    else if (ctx.state.confirm_close)
        draw_question(ctx, "editor-close", ctx.tr("editor.close.question"),
                      {{ctx.tr("editor.close.save"), EditorActionType::SaveAndQuit},
                       {ctx.tr("editor.close.discard"), EditorActionType::DiscardAndQuit},
                       {ctx.tr("editor.close.cancel"), EditorActionType::CancelClose}});
}

}  // namespace rc::game
