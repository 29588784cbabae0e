// The scripted editing session; see edit_script.h.
#include "game/edit_script.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "content/pack.h"
#include "engine/store/atomic_file.h"
#include "game/pack_editor.h"

namespace rc::game {
namespace {

// The words of a script line, taken one by one; the rest of the line is a text.
class Words {
  public:
    explicit Words(std::string_view line) : rest_(line) {}

    std::string_view next() {
        skip_spaces();
        const auto end = rest_.find_first_of(" \t");
        const std::string_view word = rest_.substr(0, end);
        rest_.remove_prefix(word.size());
        return word;
    }
    // The rest of the line with \n and \\ decoded; spaces inside are kept.
    std::string text() {
        skip_spaces();
        std::string out;
        for (std::size_t i = 0; i < rest_.size(); ++i) {
            if (rest_[i] == '\\' && i + 1 < rest_.size() &&
                (rest_[i + 1] == 'n' || rest_[i + 1] == '\\')) {
                out += rest_[++i] == 'n' ? '\n' : '\\';
                continue;
            }
            out += rest_[i];
        }
        rest_ = {};
        return out;
    }
    bool done() {
        skip_spaces();
        return rest_.empty();
    }

  private:
    void skip_spaces() {
        while (!rest_.empty() && (rest_.front() == ' ' || rest_.front() == '\t'))
            rest_.remove_prefix(1);
    }
    std::string_view rest_;
};

std::optional<double> number(std::string_view word) {
    double value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (ec != std::errc{} || end != word.data() + word.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// A tell's number as the badges show it (from 1), as the model's index (from 0).
std::optional<std::size_t> tell_number(std::string_view word) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (ec != std::errc{} || end != word.data() + word.size() || value == 0)
        return std::nullopt;
    return value - 1;
}

std::optional<content::Lang> lang_of(std::string_view word) {
    if (word == "fr")
        return content::Lang::Fr;
    if (word == "en")
        return content::Lang::En;
    return std::nullopt;
}

// A time, or "-" for an open end.
bool time_of(std::string_view word, std::optional<double>* out) {
    if (word == "-") {
        out->reset();
        return true;
    }
    *out = number(word);
    return out->has_value();
}

class Session {
  public:
    Session(const EditScriptDesc& desc, PackEditor& editor)
        : desc_(desc),
          editor_(editor),
          out_(desc.out ? desc.out : stdout),
          err_(desc.err ? desc.err : stderr) {}

    // 0 on success, else the exit status, the message printed.
    int run(const std::string& script) {
        // Notepad and other Windows editors start a UTF-8 file with a byte order mark.
        std::size_t start = script.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
        for (std::size_t number = 1; start <= script.size() && !quit_; ++number) {
            auto end = script.find('\n', start);
            if (end == std::string::npos)
                end = script.size();
            std::string_view line(script.data() + start, end - start);
            start = end + 1;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (const int status = run_line(line, number))
                return status;
        }
        return 0;
    }

  private:
    int run_line(std::string_view line, std::size_t number) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#')
            return 0;
        Words words(line);
        const std::string command(words.next());
        const std::string why = execute(command, words);
        if (why.empty())
            return 0;
        std::fprintf(err_, "%s:%zu: %s\n", desc_.script.string().c_str(), number, why.c_str());
        return failure_status_;
    }

    std::string execute(const std::string& command, Words& words) {
        if (command == "item")
            return choose_item(words);
        if (command == "seek")
            return seek(words);
        if (command == "add-tell" || command == "move-tell" || command == "resize-tell" ||
            command == "note" || command == "times" || command == "delete-tell" ||
            command == "start-tell" || command == "end-tell" || command == "set")
            return edit(command, words);
        if (command == "undo" || command == "redo") {
            if (!words.done())
                return command + ": takes nothing after it";
            const bool done = command == "undo" ? editor_.undo() : editor_.redo();
            return done ? std::string() : command + ": nothing to " + command;
        }
        if (command == "save")
            return save();
        if (command == "check") {
            print_problems(out_);
            return {};
        }
        if (command == "recover")
            return prefixed("recover", editor_.recover());
        if (command == "discard-journal")
            return prefixed("discard-journal", editor_.discard_journal());
        if (command == "sleep")
            return sleep(words);
        if (command == "echo") {
            std::fprintf(out_, "%s\n", words.text().c_str());
            std::fflush(out_);
            return {};
        }
        if (command == "shot")
            return shot(words);
        if (command == "quit") {
            quit_ = true;
            return {};
        }
        return "unknown command \"" + command +
               "\" (item, add-tell, move-tell, resize-tell, note, times, seek, start-tell, "
               "end-tell, delete-tell, set, undo, redo, save, check, recover, discard-journal, "
               "sleep, echo, shot, quit)";
    }

    static std::string prefixed(const std::string& command, const std::string& why) {
        return why.empty() ? why : command + ": " + why;
    }

    std::string choose_item(Words& words) {
        const std::string id(words.next());
        if (id.empty() || !words.done())
            return "item: expected one item id";
        const auto found = editor_.find_item(id);
        if (!found)
            return "item: no item has the id \"" + id + "\"";
        item_ = *found;
        time_.reset();
        tell_.reset();
        return {};
    }

    // The time a clip shows, as a click on its bar sets it, for the commands that follow.
    std::string seek(Words& words) {
        if (!item_)
            return "seek: no item chosen yet (start with: item ID)";
        if (editor_.media_kind(*item_) != content::MediaKind::Video)
            return "seek: item \"" + editor_.item_id(*item_) + "\" is not a clip";
        const auto seconds = number(words.next());
        if (!seconds || *seconds < 0 || !words.done())
            return "seek: expected seconds from the clip's start (1.5)";
        const double length = editor_.media_shape(*item_).seconds;
        time_ = length > 0 ? std::min(*seconds, length) : *seconds;
        return {};
    }

    std::string edit(const std::string& command, Words& words) {
        if (!item_)
            return command + ": no item chosen yet (start with: item ID)";
        std::string why = edit_item(command, *item_, words);
        return prefixed(command, why);
    }

    std::string edit_item(const std::string& command, std::size_t item, Words& words) {
        if (command == "set")
            return set_field(item, words);
        if (command == "add-tell") {
            const auto x = number(words.next());
            const auto y = number(words.next());
            const std::string_view r_word = words.next();
            const auto r =
                r_word.empty() ? std::optional<double>(kDefaultTellRadius) : number(r_word);
            if (!x || !y || !r || !words.done())
                return "expected X Y [R], fractions of the picture (0.42 0.61 0.08)";
            tell_ = editor_.tells(item).size();
            return editor_.add_tell(item, {float(*x), float(*y), float(*r)}, time_);
        }
        const auto tell = tell_number(words.next());
        if (!tell)
            return "expected a tell number (1 for the first) after " + command;
        tell_ = tell;
        if (command == "delete-tell") {
            tell_.reset();
            return words.done() ? editor_.delete_tell(item, *tell) : "expected only N";
        }
        if (command == "start-tell" || command == "end-tell") {
            if (!words.done())
                return "expected only N";
            if (!time_)
                return "no time sought on this clip yet (seek SECONDS first)";
            return editor_.set_tell_time(
                item, *tell, command == "start-tell" ? TellEnd::Start : TellEnd::End, *time_);
        }
        if (command == "move-tell") {
            const auto x = number(words.next());
            const auto y = number(words.next());
            if (!x || !y || !words.done())
                return "expected N X Y, fractions of the picture";
            return editor_.move_tell(item, *tell, float(*x), float(*y));
        }
        if (command == "resize-tell") {
            const auto r = number(words.next());
            if (!r || !words.done())
                return "expected N R, a fraction of the picture's width";
            return editor_.resize_tell(item, *tell, float(*r));
        }
        if (command == "note") {
            const auto lang = lang_of(words.next());
            if (!lang)
                return "expected N fr|en TEXT";
            return editor_.set_tell_note(item, *tell, *lang, words.text());
        }
        std::optional<double> t0, t1;  // times
        if (!time_of(words.next(), &t0) || !time_of(words.next(), &t1) || !words.done())
            return "expected N T0 T1, seconds or - for an open end";
        return editor_.set_tell_times(item, *tell, t0, t1);
    }

    std::string set_field(std::size_t item, Words& words) {
        const std::string name(words.next());
        const auto field = edit_field_named(name);
        if (!field)
            return "unknown field \"" + name +
                   "\" (answer, explanation, credit, license, url, generator, prompt, "
                   "category, difficulty)";
        content::Lang lang = content::Lang::Fr;
        if (is_per_language(*field)) {
            const auto given = lang_of(words.next());
            if (!given)
                return name + " needs a language: set " + name + " fr|en TEXT";
            lang = *given;
        }
        return editor_.set_field(item, *field, words.text(), lang);
    }

    std::string save() {
        if (auto why = editor_.save(); !why.empty()) {
            failure_status_ = 1;  // the disk's fault, not the script's
            return "save: " + why;
        }
        const auto problems = editor_.problems();
        std::fprintf(out_, "saved %s (%zu problems)\n",
                     (editor_.save_folder() / content::kManifestName).string().c_str(),
                     problems.size());
        print_problems(err_);
        return {};
    }

    void print_problems(std::FILE* to) const {
        for (const auto& problem : editor_.problems())
            std::fprintf(to, "%s: %s\n",
                         problem.severity == content::Severity::Error ? "error" : "warning",
                         content::to_string(problem).c_str());
    }

    // A name that makes a file name of its own: letters, digits, '-' and '_'.
    std::string shot(Words& words) {
        const std::string name(words.next());
        const bool plain =
            !name.empty() && name.size() <= 64 &&
            std::all_of(name.begin(), name.end(), [](char ch) {
                return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
            });
        if (!plain || !words.done())
            return "shot: expected one name (letters, digits, - and _)";
        if (!desc_.shot)
            return {};
        if (auto why = desc_.shot(editor_, shot_of(name)); !why.empty()) {
            failure_status_ = 1;  // the screen's or the disk's fault, not the script's
            return "shot: " + why;
        }
        return {};
    }

  public:
    EditShot shot_of(const std::string& name) const {
        return EditShot{name, item_, tell_, time_.value_or(0.0)};
    }

  private:
    std::string sleep(Words& words) {
        const auto ms = number(words.next());
        if (!ms || *ms < 0 || *ms > 3'600'000 || !words.done())
            return "sleep: expected milliseconds (0 to 3600000)";
        for (int left = static_cast<int>(*ms); left > 0; left -= kEditSleepSliceMs) {
            const int slice = std::min(left, kEditSleepSliceMs);
            if (desc_.sleep)
                desc_.sleep(slice);
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(slice));
            editor_.tick();
        }
        return {};
    }

    const EditScriptDesc& desc_;
    PackEditor& editor_;
    std::FILE* out_;
    std::FILE* err_;
    std::optional<std::size_t> item_;
    std::optional<double> time_;       // sought on the item's clip (seek)
    std::optional<std::size_t> tell_;  // the tell the last command touched (shown chosen)
    bool quit_ = false;
    int failure_status_ = 2;  // a mistake in the script
};

}  // namespace

int run_edit_script(const EditScriptDesc& desc) {
    std::FILE* err = desc.err ? desc.err : stderr;
    std::FILE* out = desc.out ? desc.out : stdout;
    std::string why;
    const auto script = engine::read_small_file(desc.script, &why, kMaxEditScriptBytes);
    if (!script) {
        std::fprintf(err, "realcheck: %s\n",
                     why.empty() ? (desc.script.string() + ": no such file").c_str() : why.c_str());
        return 1;
    }
    PackEditorDesc editor_desc;
    editor_desc.clock = desc.clock;
    auto opened = PackEditor::open(desc.pack, editor_desc);
    if (!opened.ok()) {
        for (const auto& problem : opened.problems)
            std::fprintf(err, "%s\n", content::to_string(problem).c_str());
        return 2;
    }
    PackEditor& editor = **opened.value;
    if (editor.from_zip())
        std::fprintf(out, "%s is a zip: the edits will be saved in a new folder, %s\n",
                     desc.pack.string().c_str(), editor.save_folder().string().c_str());
    if (editor.has_journal())
        std::fprintf(err,
                     "realcheck: %s holds edits an earlier session did not save: the script "
                     "must recover or discard them (recover, discard-journal)\n",
                     editor.journal().file().string().c_str());
    Session session(desc, editor);
    int status = session.run(*script);
    if (status == 0 && desc.shot) {
        if (auto why = desc.shot(editor, session.shot_of("editor")); !why.empty()) {
            std::fprintf(err, "realcheck: %s\n", why.c_str());
            status = 1;
        }
    }
    if (status == 0 && editor.modified())
        std::fprintf(err,
                     "realcheck: the edits made after the last save are kept in %s; the "
                     "next session can recover them\n",
                     editor.journal().file().string().c_str());
    return status;
}

}  // namespace rc::game
