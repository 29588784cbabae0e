// The pack editor's model; see pack_editor.h.
// Only nlohmann::json's non-throwing entry points are used (parse with exceptions off,
// find, get_ptr, dump with invalid UTF-8 replaced): no pack, script or journal can crash it.
#include "game/pack_editor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "content/clip_probe.h"
#include "content/media_probe.h"
#include "content/pack.h"
#include "content/pack_check.h"
#include "content/unicode.h"
#include "engine/store/atomic_file.h"

namespace rc::game {
namespace {

namespace fs = std::filesystem;
using content::Lang;
using content::Problem;
using content::Severity;
using nlohmann::json;
using nlohmann::ordered_json;

constexpr int kJournalFormat = 1;
constexpr double kNoIndex = 1e9;  // more items or tells than any pack holds

struct FieldName {
    EditField field;
    const char* name;
};
constexpr FieldName kFieldNames[] = {
    {EditField::Answer, "answer"},
    {EditField::Explanation, "explanation"},
    {EditField::Credit, "credit"},
    {EditField::License, "license"},
    {EditField::Url, "url"},
    {EditField::Generator, "generator"},
    {EditField::Prompt, "prompt"},
    {EditField::Category, "category"},
    {EditField::Difficulty, "difficulty"},
};

const ordered_json& null_json() {
    static const ordered_json kNull;
    return kNull;
}

std::string dump(const ordered_json& value) {
    return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// Text from a person or a script, as valid UTF-8 (invalid bytes become U+FFFD), so what
// the journal replays is what was shown.
std::string clean_text(std::string_view text) {
    if (content::is_valid_utf8(text))
        return std::string(text);
    const auto round_trip =
        ordered_json::parse(dump(ordered_json(std::string(text))), nullptr, false);
    const auto* cleaned = round_trip.get_ptr<const ordered_json::string_t*>();
    return cleaned ? *cleaned : std::string();
}

// Divided last, so 0.42 comes out as the double nearest 0.42.
double rounded(double value, double divisions) {
    return std::round(value * divisions) / divisions;
}

// A fraction as pack.json holds it: 0.42, never the float's 0.41999998688697815.
double fraction(float value) {
    return rounded(double(value), kFractionDivisions);
}

std::optional<double> number_of(const ordered_json& value) {
    if (!value.is_number())
        return std::nullopt;
    return value.get<double>();  // never throws on a number
}

std::string text_of(const ordered_json& object, const char* key) {
    if (!object.is_object())
        return {};
    auto it = object.find(key);
    if (it == object.end())
        return {};
    if (const auto* text = it->get_ptr<const ordered_json::string_t*>())
        return *text;
    if (it->is_number())
        return dump(*it);
    return {};
}

const char* lang_key(Lang lang) {
    return lang == Lang::Fr ? "fr" : "en";
}

// "" stays absent: an optional field, or one language of a text, is removed.
void set_or_erase(ordered_json& object, const char* key, const std::string& text) {
    if (text.empty())
        object.erase(key);
    else
        object[key] = text;
}

ordered_json& object_member(ordered_json& object, const char* key) {
    ordered_json& member = object[key];
    if (!member.is_object())
        member = ordered_json::object();
    return member;
}

std::string item_label(std::size_t index) {
    return std::string(content::kManifestName) + ": items[" + std::to_string(index) + "]";
}

// FNV-1a: names the pack.json a journal was written against.
std::string fingerprint(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char byte : text) {
        hash ^= byte;
        hash *= 0x100000001b3ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::optional<std::size_t> index_in(std::string_view where) {
    const std::string prefix = std::string(content::kManifestName) + ": items[";
    if (!where.starts_with(prefix))
        return std::nullopt;
    std::size_t index = 0;
    std::size_t at = prefix.size();
    if (at >= where.size() || where[at] < '0' || where[at] > '9')
        return std::nullopt;
    for (; at < where.size() && where[at] >= '0' && where[at] <= '9'; ++at)
        index = index * 10 + static_cast<std::size_t>(where[at] - '0');
    return index;
}

void errors_first(std::vector<Problem>& problems) {
    std::stable_partition(problems.begin(), problems.end(),
                          [](const Problem& p) { return p.severity == Severity::Error; });
}

// The first save of a zip's edits: "pack-edited", else "pack-edited-2", … beside it.
fs::path free_folder_beside(const fs::path& zip) {
    const fs::path base = zip.parent_path() / (zip.stem().string() + kEditedFolderSuffix);
    std::error_code ec;
    fs::path candidate = base;
    for (int n = 2; fs::exists(candidate, ec) && n < 1000; ++n)
        candidate = base.string() + "-" + std::to_string(n);
    return candidate;
}

MediaShape shape_of(std::span<const std::uint8_t> bytes, content::MediaKind kind) {
    MediaShape shape;
    std::string why;
    if (kind == content::MediaKind::Video) {
        if (auto clip = content::probe_clip(bytes, &why)) {
            const bool turned = clip->rotation == 90 || clip->rotation == 270;
            shape.width = turned ? clip->height : clip->width;
            shape.height = turned ? clip->width : clip->height;
            shape.seconds = std::isfinite(clip->seconds) ? clip->seconds : 0.0;
        }
    } else if (auto image = content::probe_image(bytes, &why)) {
        shape.width = image->width;
        shape.height = image->height;
    }
    return shape;
}

}  // namespace

// ---- free helpers ----

std::optional<EditField> edit_field_named(std::string_view name) {
    if (name == "licence")
        return EditField::License;
    for (const auto& [field, field_name] : kFieldNames)
        if (name == field_name)
            return field;
    return std::nullopt;
}

std::string_view edit_field_name(EditField field) {
    for (const auto& [each, name] : kFieldNames)
        if (each == field)
            return name;
    return "answer";
}

bool is_per_language(EditField field) {
    return field == EditField::Explanation;
}

TellPlace point_from_pixels(const PictureFrame& frame, float x, float y) {
    TellPlace place;
    if (!(frame.width > 0.f) || !(frame.height > 0.f))
        return place;
    place.x = (x - frame.left) / frame.width;
    place.y = (y - frame.top) / frame.height;
    return place;
}

TellPlace place_from_pixels(const PictureFrame& frame, float x, float y, float radius) {
    TellPlace place = point_from_pixels(frame, x, y);
    if (frame.width > 0.f)
        place.r = radius / frame.width;
    return place;
}

TellPlace fit_tell(TellPlace place, const MediaShape& shape) {
    // r is a fraction of the width: on the height it spans r × width / height.
    const double aspect =
        shape.width > 0 && shape.height > 0 ? double(shape.width) / double(shape.height) : 1.0;
    const double max_r = std::min(0.5, 0.5 / aspect);
    auto finite_or = [](float value, double fallback) {
        return std::isfinite(value) ? double(value) : fallback;
    };
    const double r = std::clamp(finite_or(place.r, kDefaultTellRadius),
                                std::min(double(kMinTellRadius), max_r), max_r);
    const double ry = r * aspect;
    const double x = std::clamp(finite_or(place.x, 0.5), r, 1.0 - r);
    const double y = std::clamp(finite_or(place.y, 0.5), ry, 1.0 - ry);
    return {static_cast<float>(rounded(x, kFractionDivisions)),
            static_cast<float>(rounded(y, kFractionDivisions)),
            // Never 0 once rounded, even on a picture 10,000 times wider than high.
            static_cast<float>(std::max(rounded(r, kFractionDivisions), 1.0 / kFractionDivisions))};
}

bool ItemState::has_errors() const {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& p) { return p.severity == Severity::Error; });
}

// ---- opening ----

content::Result<std::unique_ptr<PackEditor>> PackEditor::open(const fs::path& location,
                                                              const PackEditorDesc& desc) {
    std::unique_ptr<PackEditor> editor(new PackEditor());
    if (content::is_web_address(location.string()))
        return content::refusal<std::unique_ptr<PackEditor>>(
            {{Severity::Error, location.string(), kLinkNotEditable}});
    auto opened = content::open_local_source(location);
    if (!opened.ok())
        return content::refusal<std::unique_ptr<PackEditor>>(std::move(opened.problems));
    editor->source_ = std::move(*opened.value);
    auto text = editor->source_->read(content::kManifestName, content::kMaxManifestBytes);
    if (!text.ok())
        return content::refusal<std::unique_ptr<PackEditor>>(std::move(text.problems));
    editor->base_text_.assign(text.value->begin(), text.value->end());
    if (auto refused = editor->load(location, desc); !refused.empty())
        return content::refusal<std::unique_ptr<PackEditor>>(std::move(refused));
    content::Result<std::unique_ptr<PackEditor>> result;
    result.value = std::move(editor);
    return result;
}

std::vector<Problem> PackEditor::load(const fs::path& location, const PackEditorDesc& desc) {
    auto parsed = content::parse_manifest(base_text_);
    doc_ = ordered_json::parse(base_text_, nullptr, false);
    auto refused = [&parsed]() {
        std::vector<Problem> errors;
        for (const auto& problem : parsed.problems)
            if (problem.severity == Severity::Error && !index_in(problem.where))
                errors.push_back(problem);
        if (errors.empty())
            errors.push_back({Severity::Error, content::kManifestName, "cannot be edited"});
        return errors;
    };
    if (doc_.is_discarded() || !doc_.is_object())
        return refused();
    const auto format = doc_.find("format");
    if (format != doc_.end() && !(number_of(*format) == double(content::kManifestFormat)))
        return refused();  // another format may mean anything: never rewrite it
    const auto items = doc_.find("items");
    if (items == doc_.end() || !items->is_array())
        return refused();

    const std::size_t count = items->size();
    duplicate_problems_.assign(count, {});
    for (auto& problem : parsed.problems) {
        const auto index = index_in(problem.where);
        if (!index)
            pack_problems_.push_back(std::move(problem));
        else if (*index < count && problem.message.starts_with("duplicate id"))
            duplicate_problems_[*index].push_back(
                {Severity::Error, std::move(problem.where), std::move(problem.message)});
    }
    states_.assign(count, std::nullopt);
    read_media_shapes();

    from_zip_ = source_->kind() == content::SourceKind::Zip;
    fs::path journal_file;
    if (from_zip_) {
        save_folder_ = free_folder_beside(location);
        journal_file = location.string() + kJournalSuffix;
    } else {
        save_folder_ = fs::path(source_->where());
        journal_file = save_folder_ / (std::string(content::kManifestName) + kJournalSuffix);
    }
    journal_ = std::make_unique<EditJournal>(journal_file, desc.clock);
    journal_found_ = journal_->exists();
    return {};
}

// Read once: the media do not change while the pack is edited.
void PackEditor::read_media_shapes() {
    const std::size_t count = item_count();
    shapes_.assign(count, {});
    media_problems_.assign(count, {});
    for (std::size_t i = 0; i < count; ++i) {
        const std::string media = media_path(i);
        if (media.empty())
            continue;  // the item's own checks say what is wrong
        auto bytes = source_->read(media);
        if (!bytes.ok()) {
            media_problems_[i] = media + ": " + bytes.problems.front().message;
            continue;
        }
        shapes_[i] = shape_of(*bytes.value, media_kind(i));
        if (auto why = content::media_problem(*bytes.value, media_kind(i)); !why.empty())
            media_problems_[i] = media + ": " + why;
    }
}

PackEditor::~PackEditor() = default;

// ---- reading ----

std::size_t PackEditor::item_count() const {
    const auto items = doc_.find("items");
    return items != doc_.end() && items->is_array() ? items->size() : 0;
}

std::optional<std::size_t> PackEditor::find_item(std::string_view id) const {
    for (std::size_t i = 0; i < item_count(); ++i)
        if (item_id(i) == id)
            return i;
    return std::nullopt;
}

const ordered_json& PackEditor::item_json(std::size_t item) const {
    if (item >= item_count())
        return null_json();
    return doc_["items"][item];
}

std::string PackEditor::item_id(std::size_t item) const {
    return text_of(item_json(item), "id");
}

std::string PackEditor::media_path(std::size_t item) const {
    return text_of(item_json(item), "media");
}

content::MediaKind PackEditor::media_kind(std::size_t item) const {
    return text_of(item_json(item), "kind") == "video" ? content::MediaKind::Video
                                                       : content::MediaKind::Image;
}

const MediaShape& PackEditor::media_shape(std::size_t item) const {
    static const MediaShape kUnknown;
    return item < shapes_.size() ? shapes_[item] : kUnknown;
}

std::string PackEditor::field_text(std::size_t index, EditField field, Lang lang) const {
    const ordered_json& item = item_json(index);
    if (!item.is_object())
        return {};
    auto source = [&item](const char* key) {
        const auto it = item.find("source");
        return it == item.end() ? std::string() : text_of(*it, key);
    };
    switch (field) {
        case EditField::Answer:
            return text_of(item, "answer");
        case EditField::Explanation: {
            const auto it = item.find("explanation");
            return it == item.end() ? std::string() : text_of(*it, lang_key(lang));
        }
        case EditField::Credit:
            return source("credit");
        case EditField::License:
            return source("license");
        case EditField::Url:
            return source("url");
        case EditField::Generator:
            return text_of(item, "generator");
        case EditField::Prompt:
            return text_of(item, "prompt");
        case EditField::Category:
            return text_of(item, "category");
        case EditField::Difficulty:
            return text_of(item, "difficulty");
    }
    return {};
}

std::vector<content::Tell> PackEditor::tells(std::size_t index) const {
    std::vector<content::Tell> out;
    const ordered_json& item = item_json(index);
    const auto list = item.is_object() ? item.find("tells") : item.end();
    if (list == item.end() || !list->is_array())
        return out;
    for (const auto& raw : *list) {
        content::Tell tell;
        auto number = [&raw](const char* key) -> std::optional<double> {
            const auto it = raw.is_object() ? raw.find(key) : raw.end();
            return it == raw.end() ? std::nullopt : number_of(*it);
        };
        tell.x = static_cast<float>(number("x").value_or(0.0));
        tell.y = static_cast<float>(number("y").value_or(0.0));
        tell.r = static_cast<float>(number("r").value_or(0.0));
        if (auto t0 = number("t0"))
            tell.t0 = static_cast<float>(*t0);
        if (auto t1 = number("t1"))
            tell.t1 = static_cast<float>(*t1);
        const auto note = raw.is_object() ? raw.find("note") : raw.end();
        if (note != raw.end()) {
            tell.note.fr = text_of(*note, "fr");
            tell.note.en = text_of(*note, "en");
        }
        out.push_back(std::move(tell));
    }
    return out;
}

// ---- checks ----

ItemState PackEditor::item_state(std::size_t index) const {
    if (index >= item_count())
        return {};
    if (states_[index])
        return *states_[index];
    const json item(item_json(index));  // the shared checks read nlohmann::json
    auto check = content::check_item(item, index);
    ItemState state;
    state.problems = std::move(check.problems);
    for (const auto& problem : duplicate_problems_[index])
        state.problems.push_back(problem);
    if (!media_problems_[index].empty())
        state.problems.push_back(
            {Severity::Error, item_label(index) + ".media", media_problems_[index]});
    state.plays =
        check.plays && duplicate_problems_[index].empty() && media_problems_[index].empty();
    if (!state.plays)  // as validate says: an item left out will not play, an error
        for (auto& problem : state.problems)
            problem.severity = Severity::Error;
    errors_first(state.problems);

    auto blank = [](const std::string& text) {
        return text.find_first_not_of(" \t\r\n") == std::string::npos;
    };
    const bool fr = !blank(field_text(index, EditField::Explanation, Lang::Fr));
    const bool en = !blank(field_text(index, EditField::Explanation, Lang::En));
    state.no_explanation = !fr && !en;
    state.missing_fr = !fr;
    state.missing_en = !en;
    const auto list = tells(index);
    state.no_tells = list.empty();
    for (const auto& tell : list) {
        state.missing_fr = state.missing_fr || blank(tell.note.fr);
        state.missing_en = state.missing_en || blank(tell.note.en);
    }
    states_[index] = state;
    return state;
}

std::vector<Problem> PackEditor::problems() const {
    std::vector<Problem> all = pack_problems_;
    std::size_t playable = 0;
    for (std::size_t i = 0; i < item_count(); ++i) {
        const auto state = item_state(i);
        playable += state.plays ? 1 : 0;
        all.insert(all.end(), state.problems.begin(), state.problems.end());
    }
    if (playable < content::kMinPlayableItems)
        all.push_back({Severity::Error, content::kManifestName, content::too_few_items(playable)});
    errors_first(all);
    return all;
}

bool PackEditor::has_errors() const {
    const auto all = problems();
    return std::any_of(all.begin(), all.end(),
                       [](const Problem& p) { return p.severity == Severity::Error; });
}

bool PackEditor::modified() const {
    return saved_step() != saved_step_id_;
}

// ---- commands ----

std::string PackEditor::editable(std::size_t index, ordered_json** out) {
    if (journal_found_ && !replaying_)
        return journal_->file().string() +
               ": unsaved edits from an earlier session: recover or discard them first";
    if (index >= item_count())
        return "no item " + std::to_string(index + 1) + " (the pack has " +
               std::to_string(item_count()) + ")";
    ordered_json& item = doc_["items"][index];
    if (!item.is_object())
        return item_label(index) + ": not an object; correct it in pack.json first";
    *out = &item;
    return {};
}

std::string PackEditor::tell_at(ordered_json& item, std::size_t tell, ordered_json** out) const {
    const std::string id = text_of(item, "id");
    auto list = item.find("tells");
    const std::size_t count = list != item.end() && list->is_array() ? list->size() : 0;
    if (list != item.end() && !list->is_null() && !list->is_array())
        return "item \"" + id + "\": tells is not an array; correct it in pack.json first";
    if (tell >= count)
        return "item \"" + id + "\" has no tell " + std::to_string(tell + 1) + " (it has " +
               std::to_string(count) + ")";
    ordered_json& each = (*list)[tell];
    if (!each.is_object())
        each = ordered_json::object();  // unreadable: the edit gives it a shape again
    *out = &each;
    return {};
}

std::string PackEditor::change(std::size_t index, const ordered_json& command,
                               const std::function<std::string(ordered_json&)>& edit) {
    ordered_json* item = nullptr;
    if (auto why = editable(index, &item); !why.empty())
        return why;
    ordered_json after = *item;
    if (auto why = edit(after); !why.empty())
        return why;
    if (after == *item)
        return {};  // nothing changes: no undo step, nothing to journal
    record(index, *item, after);
    put(index, after);
    return journal_command(command);
}

std::string PackEditor::add_tell(std::size_t index, TellPlace place, std::optional<double> start) {
    ordered_json command = {
        {"op", "add_tell"}, {"item", index}, {"x", place.x}, {"y", place.y}, {"r", place.r}};
    if (start)
        command["t0"] = *start;
    return change(index, command, [&](ordered_json& item) {
        ordered_json& list = item["tells"];
        if (list.is_null())
            list = ordered_json::array();
        if (!list.is_array())
            return "item \"" + text_of(item, "id") +
                   "\": tells is not an array; correct it in pack.json first";
        const TellPlace fitted = fit_tell(place, media_shape(index));
        ordered_json tell = {{"x", fraction(fitted.x)},
                             {"y", fraction(fitted.y)},
                             {"r", fraction(fitted.r)},
                             {"note", ordered_json::object()}};
        if (start)
            put_tell_time(index, tell, "t0", start);
        list.push_back(std::move(tell));
        return std::string();
    });
}

std::string PackEditor::move_tell(std::size_t index, std::size_t tell, float x, float y) {
    const ordered_json command = {
        {"op", "move_tell"}, {"item", index}, {"tell", tell}, {"x", x}, {"y", y}};
    return change(index, command, [&](ordered_json& item) {
        ordered_json* circle = nullptr;
        if (auto why = tell_at(item, tell, &circle); !why.empty())
            return why;
        const float r = static_cast<float>(number_of((*circle)["r"]).value_or(kDefaultTellRadius));
        const TellPlace fitted = fit_tell({x, y, r}, media_shape(index));
        (*circle)["x"] = fraction(fitted.x);
        (*circle)["y"] = fraction(fitted.y);
        (*circle)["r"] = fraction(fitted.r);
        return std::string();
    });
}

std::string PackEditor::resize_tell(std::size_t index, std::size_t tell, float r) {
    const ordered_json command = {{"op", "resize_tell"}, {"item", index}, {"tell", tell}, {"r", r}};
    return change(index, command, [&](ordered_json& item) {
        ordered_json* circle = nullptr;
        if (auto why = tell_at(item, tell, &circle); !why.empty())
            return why;
        const float x = static_cast<float>(number_of((*circle)["x"]).value_or(0.5));
        const float y = static_cast<float>(number_of((*circle)["y"]).value_or(0.5));
        // The centre gives way where a larger circle would leave the picture.
        const TellPlace fitted = fit_tell({x, y, r}, media_shape(index));
        (*circle)["x"] = fraction(fitted.x);
        (*circle)["y"] = fraction(fitted.y);
        (*circle)["r"] = fraction(fitted.r);
        return std::string();
    });
}

std::string PackEditor::set_tell_note(std::size_t index, std::size_t tell, Lang lang,
                                      std::string_view text) {
    const std::string clean = clean_text(text);
    const ordered_json command = {
        {"op", "note"}, {"item", index}, {"tell", tell}, {"lang", lang_key(lang)}, {"text", clean}};
    return change(index, command, [&](ordered_json& item) {
        ordered_json* circle = nullptr;
        if (auto why = tell_at(item, tell, &circle); !why.empty())
            return why;
        set_or_erase(object_member(*circle, "note"), lang_key(lang), clean);
        return std::string();
    });
}

void PackEditor::put_tell_time(std::size_t index, ordered_json& tell, const char* key,
                               std::optional<double> seconds) const {
    if (!seconds || !std::isfinite(*seconds)) {
        tell.erase(key);
        return;
    }
    const double clip = media_shape(index).seconds;
    const double length =
        clip > 0 ? std::min(clip, content::kMaxTellSeconds) : content::kMaxTellSeconds;
    tell[key] = rounded(std::clamp(*seconds, 0.0, length), kSecondsDivisions);
}

std::string PackEditor::set_tell_times(std::size_t index, std::size_t tell,
                                       std::optional<double> t0, std::optional<double> t1) {
    ordered_json command = {{"op", "times"}, {"item", index}, {"tell", tell}};
    command["t0"] = t0 ? ordered_json(*t0) : ordered_json();
    command["t1"] = t1 ? ordered_json(*t1) : ordered_json();
    return change(index, command, [&](ordered_json& item) {
        ordered_json* circle = nullptr;
        if (auto why = tell_at(item, tell, &circle); !why.empty())
            return why;
        put_tell_time(index, *circle, "t0", t0);
        put_tell_time(index, *circle, "t1", t1);
        return std::string();
    });
}

std::string PackEditor::set_tell_time(std::size_t index, std::size_t tell, TellEnd end,
                                      std::optional<double> seconds) {
    const char* key = end == TellEnd::Start ? "t0" : "t1";
    ordered_json command = {{"op", "tell_time"}, {"item", index}, {"tell", tell}, {"end", key}};
    command["seconds"] = seconds ? ordered_json(*seconds) : ordered_json();
    return change(index, command, [&](ordered_json& item) {
        ordered_json* circle = nullptr;
        if (auto why = tell_at(item, tell, &circle); !why.empty())
            return why;
        put_tell_time(index, *circle, key, seconds);
        return std::string();
    });
}

std::string PackEditor::delete_tell(std::size_t index, std::size_t tell) {
    const ordered_json command = {{"op", "delete_tell"}, {"item", index}, {"tell", tell}};
    return change(index, command, [&](ordered_json& item) {
        ordered_json* circle = nullptr;
        if (auto why = tell_at(item, tell, &circle); !why.empty())
            return why;
        item["tells"].erase(tell);
        return std::string();
    });
}

std::string PackEditor::set_field(std::size_t index, EditField field, std::string_view text,
                                  Lang lang) {
    const std::string clean = clean_text(text);
    ordered_json command = {
        {"op", "set"}, {"item", index}, {"field", edit_field_name(field)}, {"text", clean}};
    if (is_per_language(field))
        command["lang"] = lang_key(lang);
    return change(index, command, [&](ordered_json& item) {
        switch (field) {
            case EditField::Answer:
                item["answer"] = clean;  // a wrong word is shown by the checks
                break;
            case EditField::Explanation:
                set_or_erase(object_member(item, "explanation"), lang_key(lang), clean);
                break;
            case EditField::Credit:
                object_member(item, "source")["credit"] = clean;  // required: "" is shown
                break;
            case EditField::License:
                object_member(item, "source")["license"] = clean;
                break;
            case EditField::Url:
                set_or_erase(object_member(item, "source"), "url", clean);
                break;
            case EditField::Generator:
                set_or_erase(item, "generator", clean);
                break;
            case EditField::Prompt:
                set_or_erase(item, "prompt", clean);
                break;
            case EditField::Category:
                set_or_erase(item, "category", clean);
                break;
            case EditField::Difficulty: {
                // A number when it reads as one, else the text, which the checks refuse.
                const auto number = ordered_json::parse(clean, nullptr, false);
                if (clean.empty())
                    item.erase("difficulty");
                else if (number.is_number_integer() || number.is_number_unsigned())
                    item["difficulty"] = number;
                else
                    item["difficulty"] = clean;
                break;
            }
        }
        return std::string();
    });
}

void PackEditor::record(std::size_t index, ordered_json before, const ordered_json& after) {
    redo_.clear();
    last_touched_ = index;
    if (gesture_depth_ > 0 && gesture_has_step_ && !undo_.empty()) {
        auto& changes = undo_.back().changes;
        for (auto& each : changes)
            if (each.item == index) {
                each.after = after;  // a drag's first place stays, its last wins
                return;
            }
        changes.push_back({index, std::move(before), after});
        return;
    }
    undo_.push_back({next_step_id_++, {{index, std::move(before), after}}});
    gesture_has_step_ = gesture_depth_ > 0;
    if (undo_.size() > kMaxUndoSteps)
        undo_.erase(undo_.begin());
}

void PackEditor::put(std::size_t index, const ordered_json& value) {
    doc_["items"][index] = value;
    states_[index].reset();
}

void PackEditor::begin_gesture() {
    if (gesture_depth_++ == 0)
        gesture_has_step_ = false;
}

void PackEditor::end_gesture() {
    if (gesture_depth_ == 0 || --gesture_depth_ > 0)
        return;
    gesture_has_step_ = false;
    if (gesture_journaled_)
        journal_command({{"op", "end"}});
}

// An undo or a redo ends a gesture in progress.
void PackEditor::drop_gesture() {
    gesture_depth_ = 0;
    gesture_has_step_ = false;
    gesture_journaled_ = false;
}

bool PackEditor::undo() {
    if ((journal_found_ && !replaying_) || undo_.empty())
        return false;
    drop_gesture();
    Step step = std::move(undo_.back());
    undo_.pop_back();
    ordered_json states = ordered_json::array();
    for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it) {
        put(it->item, it->before);
        states.push_back({{"item", it->item}, {"state", it->before}});
    }
    last_touched_ = step.changes.front().item;
    redo_.push_back(std::move(step));
    journal_command({{"op", "undo"}, {"items", std::move(states)}});
    return true;
}

bool PackEditor::redo() {
    if ((journal_found_ && !replaying_) || redo_.empty())
        return false;
    drop_gesture();
    Step step = std::move(redo_.back());
    redo_.pop_back();
    ordered_json states = ordered_json::array();
    for (const auto& change : step.changes) {
        put(change.item, change.after);
        states.push_back({{"item", change.item}, {"state", change.after}});
    }
    last_touched_ = step.changes.front().item;
    undo_.push_back(std::move(step));
    journal_command({{"op", "redo"}, {"items", std::move(states)}});
    return true;
}

// ---- the journal ----

std::string PackEditor::journal_header() const {
    return dump({{"journal", kJournalFormat},
                 {"base", fingerprint(base_text_)},
                 {"bytes", base_text_.size()}});
}

std::string PackEditor::journal_command(const ordered_json& command) {
    if (replaying_)
        return {};
    if (!journal_->is_open())
        if (auto why = journal_->start(journal_header()); !why.empty())
            return why;
    // Inside a gesture the journal marks where it began, so a replay merges it alike.
    const std::string op = text_of(command, "op");
    if (gesture_depth_ > 0 && op != "end" && !gesture_journaled_) {
        gesture_journaled_ = true;
        if (auto why = journal_->append(dump({{"op", "begin"}})); !why.empty())
            return why;
    }
    if (op == "end")
        gesture_journaled_ = false;
    return journal_->append(dump(command));
}

void PackEditor::tick() {
    journal_->tick();
}

// One journalled command, applied as it was the first time.
std::string PackEditor::replay(const ordered_json& command) {
    if (!command.is_object())
        return "not a command";
    const std::string op = text_of(command, "op");
    // Out of range (negative, huge, not a number): an index no pack has, refused below.
    auto index = [&](const char* key) -> std::size_t {
        const auto value = number_of(command.value(key, ordered_json()));
        return value && *value >= 0 && *value < kNoIndex ? static_cast<std::size_t>(*value)
                                                         : static_cast<std::size_t>(kNoIndex);
    };
    auto real = [&](const char* key) -> float {
        return static_cast<float>(number_of(command.value(key, ordered_json())).value_or(NAN));
    };
    auto time = [&](const char* key) { return number_of(command.value(key, ordered_json())); };
    const Lang lang = text_of(command, "lang") == "en" ? Lang::En : Lang::Fr;
    const std::size_t item = index("item");
    if (op == "add_tell")
        return add_tell(item, {real("x"), real("y"), real("r")}, time("t0"));
    if (op == "move_tell")
        return move_tell(item, index("tell"), real("x"), real("y"));
    if (op == "resize_tell")
        return resize_tell(item, index("tell"), real("r"));
    if (op == "note")
        return set_tell_note(item, index("tell"), lang, text_of(command, "text"));
    if (op == "times")
        return set_tell_times(item, index("tell"), time("t0"), time("t1"));
    if (op == "tell_time") {
        const std::string end = text_of(command, "end");
        if (end != "t0" && end != "t1")
            return "unknown tell end \"" + end + "\"";
        return set_tell_time(item, index("tell"), end == "t0" ? TellEnd::Start : TellEnd::End,
                             time("seconds"));
    }
    if (op == "delete_tell")
        return delete_tell(item, index("tell"));
    if (op == "set") {
        const auto field = edit_field_named(text_of(command, "field"));
        if (!field)
            return "unknown field";
        return set_field(item, *field, text_of(command, "text"), lang);
    }
    if (op == "begin") {
        begin_gesture();
        return {};
    }
    if (op == "end") {
        end_gesture();
        return {};
    }
    if (op == "undo" || op == "redo") {
        if (op == "undo" ? undo() : redo())
            return {};
        return "nothing to " + op;
    }
    return "unknown command \"" + op + "\"";
}

std::string PackEditor::recover() {
    if (!journal_found_)
        return journal_->file().string() + ": no journal to recover";
    std::string why;
    auto lines = EditJournal::read_lines(journal_->file(), &why);
    if (!lines)
        return why;
    if (lines->empty() || (*lines)[0] != journal_header())
        return journal_->file().string() +
               ": written for another version of pack.json (it changed since); kept as it is";
    replaying_ = true;
    std::size_t replayed = 1;
    for (; replayed < lines->size(); ++replayed) {
        const auto command = ordered_json::parse((*lines)[replayed], nullptr, false);
        why = command.is_discarded() ? "not JSON" : replay(command);
        if (!why.empty()) {
            why = journal_->file().string() + ":" + std::to_string(replayed + 1) + ": " + why +
                  "; the edits from there on are lost";
            break;
        }
    }
    replaying_ = false;
    journal_found_ = false;
    // Rewritten with only what replayed, so the next crash's journal replays whole.
    std::string written = journal_->start(journal_header());
    for (std::size_t i = 1; i < replayed && written.empty(); ++i)
        written = journal_->append((*lines)[i]);
    if (gesture_depth_ > 0) {
        drop_gesture();  // a drag the crash interrupted ends where it was
        if (written.empty())
            written = journal_->append(dump({{"op", "end"}}));
    }
    return why.empty() ? written : why;
}

std::string PackEditor::discard_journal() {
    journal_found_ = false;
    return journal_->remove();
}

// ---- saving ----

// A zip is never written: its first save copies every other file into a new folder.
std::string PackEditor::save_zip_files() {
    std::error_code ec;
    if (fs::exists(save_folder_, ec))
        return save_folder_.string() + ": already exists; the edits were not saved";
    for (const auto& relative : source_->list()) {
        if (relative == content::kManifestName)
            continue;
        auto bytes = source_->read(relative);
        if (!bytes.ok())
            return content::to_string(bytes.problems.front());
        const std::string_view data(reinterpret_cast<const char*>(bytes.value->data()),
                                    bytes.value->size());
        if (auto why = engine::write_file_atomically(save_folder_ / relative, data); !why.empty())
            return why;
    }
    return {};
}

std::string PackEditor::save() {
    gesture_has_step_ = false;  // a change after the save is a step of its own
    const std::string text =
        doc_.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
    const fs::path target = save_folder_ / content::kManifestName;
    if (from_zip_) {
        if (auto why = save_zip_files(); !why.empty())
            return why;
    } else {
        std::string why;
        const auto previous = engine::read_small_file(target, &why, content::kMaxManifestBytes);
        if (!why.empty())
            return why;
        if (previous)
            if (auto failed =
                    engine::write_file_atomically(target.string() + kBackupSuffix, *previous);
                !failed.empty())
                return failed;
    }
    if (auto why = engine::write_file_atomically(target, text); !why.empty())
        return why;
    base_text_ = text;
    saved_step_id_ = saved_step();
    journal_->remove();
    if (from_zip_) {
        // From now on the pack is the new folder: the next save keeps a .bak there.
        if (auto opened = content::open_folder_source(save_folder_); opened.ok())
            source_ = *opened.value;
        from_zip_ = false;
        journal_->move_to(save_folder_ / (std::string(content::kManifestName) + kJournalSuffix));
    }
    return {};
}

}  // namespace rc::game
