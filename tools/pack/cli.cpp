// The command line; see cli.h.
#include "tools/pack/cli.h"

#include <map>
#include <optional>
#include <set>

#include "content/pack.h"
#include "tools/pack/import.h"
#include "tools/pack/messages.h"
#include "tools/pack/pack_io.h"
#include "tools/pack/pack_items.h"
#include "tools/pack/validate.h"

namespace rc::packtool {

namespace {

namespace fs = std::filesystem;
using content::Lang;
using content::Severity;

constexpr int kBarWidth = 30;

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--out" → value
    std::set<std::string> flags;                 // "--json"
    std::string bad;                             // an option without its value
};

Args parse_args(const std::vector<std::string>& args) {
    static const std::set<std::string> kWithValue = {"--out", "--csv", "--max-side", "--lang"};
    Args parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (kWithValue.count(args[i])) {
            if (i + 1 >= args.size()) {
                parsed.bad = args[i];
                break;
            }
            parsed.options[args[i]] = args[i + 1];
            ++i;
        } else if (args[i].starts_with("--") && args[i].size() > 2) {
            parsed.flags.insert(args[i]);
        } else {
            parsed.positional.push_back(args[i]);
        }
    }
    return parsed;
}

struct Cli {
    Args args;
    Lang lang;
    std::ostream& out;
    std::ostream& err;
    bool terminal;

    std::string say(Msg id, const std::vector<std::string>& values = {}) const {
        return message(id, lang, values);
    }

    // Errors first, then warnings; returns the number of errors.
    std::size_t print_problems(const std::vector<content::Problem>& problems) const {
        std::size_t errors = 0, warnings = 0;
        for (const auto& p : problems)
            (p.severity == Severity::Error ? errors : warnings)++;
        for (auto severity : {Severity::Error, Severity::Warning}) {
            const std::size_t count = severity == Severity::Error ? errors : warnings;
            if (!count)
                continue;
            out << say(severity == Severity::Error ? Msg::Errors : Msg::Warnings,
                       {std::to_string(count)})
                << "\n";
            for (const auto& p : problems)
                if (p.severity == severity)
                    out << "  " << content::to_string(p) << "\n";
        }
        return errors;
    }

    std::optional<std::string> option(const char* name, const char* command) const {
        auto it = args.options.find(name);
        if (it != args.options.end())
            return it->second;
        err << say(Msg::MissingArgument, {command, name}) << "\n";
        return std::nullopt;
    }

    bool need_positional(std::size_t count, const char* command, const char* what) const {
        if (args.positional.size() > count)
            return true;
        err << say(Msg::MissingArgument, {command, what}) << "\n";
        return false;
    }

    int run() {
        if (!args.bad.empty()) {
            err << say(Msg::MissingArgument, {args.bad, "VALUE"}) << "\n";
            return 2;
        }
        if (args.positional.empty() || args.flags.count("--help")) {
            (args.positional.empty() ? err : out) << say(Msg::Usage);
            return args.positional.empty() ? 2 : 0;
        }
        const std::string& command = args.positional[0];
        if (command == "new")
            return run_new();
        if (command == "import")
            return run_import();
        if (command == "validate")
            return run_validate();
        if (command == "info")
            return run_info();
        if (command == "export")
            return run_export();
        if (command == "zip")
            return run_zip();
        err << say(Msg::UnknownCommand, {command}) << "\n" << say(Msg::Usage);
        return 2;
    }

    int run_new() {
        if (!need_positional(1, "new", "DIR"))
            return 2;
        const fs::path dir = args.positional[1];
        auto made = make_starting_folder(dir, lang);
        if (!made.ok()) {
            print_problems(made.problems);
            return 1;
        }
        for (const auto& name : *made.value)
            out << say(Msg::NewKept, {(dir / name).string()}) << "\n";
        out << say(Msg::NewDone, {dir.string()}) << "\n";
        return 0;
    }

    void draw_bar(std::size_t done, std::size_t total, const std::string& file) const {
        if (!terminal || total == 0)
            return;
        const int filled = static_cast<int>(done * kBarWidth / total);
        err << "\r[" << std::string(filled, '#') << std::string(kBarWidth - filled, ' ') << "] "
            << done << "/" << total << " " << file.substr(0, 40) << "\x1b[K";
        if (done == total)
            err << "\r\x1b[K";
        err.flush();
    }

    int run_import() {
        if (!need_positional(1, "import", "SRC"))
            return 2;
        auto out_dir = option("--out", "import");
        if (!out_dir)
            return 2;
        ImportDesc desc;
        desc.source = args.positional[1];
        desc.out = *out_dir;
        if (auto side = args.options.find("--max-side"); side != args.options.end()) {
            desc.max_side = std::atoi(side->second.c_str());
            if (desc.max_side <= 0) {
                err << say(Msg::MissingArgument, {"--max-side", "N > 0"}) << "\n";
                return 2;
            }
        }
        desc.progress = [this](std::size_t done, std::size_t total, const std::string& file) {
            draw_bar(done, total, file);
        };
        const auto report = import_pack(desc);
        print_import(report, desc);
        const std::size_t errors = print_problems(report.problems);
        if (report.written)
            out << say(Msg::NextSteps, {desc.out.string()}) << "\n";
        return report.written && errors == 0 ? 0 : 1;
    }

    std::string answer_origin(const std::string& from) const {
        static const std::map<std::string, Msg> kOrigins = {{"spreadsheet", Msg::FromSpreadsheet},
                                                            {"folder", Msg::FromFolder},
                                                            {"metadata", Msg::FromMetadata},
                                                            {"pack", Msg::FromPack}};
        auto it = kOrigins.find(from);
        return it == kOrigins.end() ? from : say(it->second);
    }

    static std::string joined(const std::vector<std::string>& words) {
        std::string text;
        for (const auto& word : words)
            text += (text.empty() ? "" : ", ") + word;
        return text;
    }

    void print_import(const ImportReport& report, const ImportDesc& desc) const {
        if (!report.written) {
            out << say(Msg::ImportNotWritten) << "\n";
            return;
        }
        out << say(Msg::ImportWritten, {(desc.out / content::kManifestName).string()}) << "\n";
        out << (report.sheet.empty() ? say(Msg::ImportNoSheet)
                                     : say(Msg::ImportSheet, {report.sheet}))
            << "\n";
        std::map<std::string, std::size_t> answers;
        std::size_t fresh = 0;
        for (const auto& item : report.items) {
            ++answers[item.answer];
            fresh += item.is_new;
        }
        out << say(Msg::ImportCounts,
                   {std::to_string(report.items.size()), std::to_string(fresh),
                    std::to_string(report.items.size() - fresh), std::to_string(answers["real"]),
                    std::to_string(answers["generated"]), std::to_string(answers["edited"])})
            << "\n";
        if (report.kept_from_pack)
            out << say(Msg::ImportKept, {std::to_string(report.kept_from_pack)}) << "\n";
        for (const auto& item : report.items) {
            out << say(Msg::ItemLine,
                       {item.id, item.answer, answer_origin(item.answer_from), item.file,
                        item.media, say(item.is_new ? Msg::New : Msg::Updated)})
                << "\n";
            out << say(Msg::Provenance,
                       {item.provenance.findings.empty() ? say(Msg::NothingFound)
                                                         : joined(item.provenance.findings)})
                << "\n";
            out << say(Msg::Stripped,
                       {item.stripped.empty() ? say(Msg::NothingStripped) : joined(item.stripped)})
                << "\n";
            if (!item.changes.empty())
                out << say(Msg::Changes, {joined(item.changes)}) << "\n";
        }
    }

    int run_validate() {
        if (!need_positional(1, "validate", "PACK"))
            return 2;
        const auto report = validate(args.positional[1]);
        std::size_t errors = print_problems(report.problems);
        if (report.problems.empty())
            out << say(Msg::NoProblems) << "\n";
        out << say(Msg::ValidateSummary,
                   {args.positional[1], std::to_string(report.items), std::to_string(errors),
                    std::to_string(report.problems.size() - errors)})
            << "\n";
        return errors ? 1 : 0;
    }

    static std::string counts(const std::map<std::string, std::size_t>& counts) {
        std::string text;
        for (const auto& [name, count] : counts)
            text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
        return text;
    }

    int run_info() {
        if (!need_positional(1, "info", "PACK"))
            return 2;
        auto info = pack_info(args.positional[1]);
        if (!info.ok()) {
            print_problems(info.problems);
            return 1;
        }
        const PackInfo& i = *info.value;
        if (args.flags.count("--json")) {
            out << info_json(i);
            return 0;
        }
        out << say(Msg::InfoTitle, {i.title.get(lang), i.id}) << "\n"
            << say(Msg::InfoItems, {std::to_string(i.items)}) << "\n"
            << say(Msg::InfoByAnswer, {counts(i.by_answer)}) << "\n"
            << say(Msg::InfoByKind, {counts(i.by_kind)}) << "\n"
            << say(Msg::InfoByCategory, {counts(i.by_category)}) << "\n"
            << say(Msg::InfoByDifficulty, {counts(i.by_difficulty)}) << "\n"
            << say(Msg::InfoLanguages, {std::to_string(i.explained_fr),
                                        std::to_string(i.explained_en), std::to_string(i.items)})
            << "\n"
            << say(Msg::InfoSize, {content::limit_text(i.size_bytes)}) << "\n";
        if (i.with_provenance)
            out << say(Msg::InfoProvenance, {std::to_string(i.with_provenance), counts(i.findings)})
                << "\n";
        else
            out << say(Msg::InfoNoProvenance) << "\n";
        return 0;
    }

    int run_export() {
        if (!need_positional(1, "export", "PACK"))
            return 2;
        auto file = option("--csv", "export");
        if (!file)
            return 2;
        auto rows = export_csv(args.positional[1], *file, lang);
        if (!rows.ok()) {
            print_problems(rows.problems);
            return 1;
        }
        out << say(Msg::ExportWritten, {*file, std::to_string(*rows.value)}) << "\n";
        return 0;
    }

    int run_zip() {
        if (!need_positional(1, "zip", "PACK"))
            return 2;
        auto file = option("--out", "zip");
        if (!file)
            return 2;
        auto opened = open_pack(args.positional[1]);
        if (!opened.ok()) {
            print_problems(opened.problems);
            return 1;
        }
        if (auto why = write_pack_zip(*opened.value->source, *file); !why.empty()) {
            print_problems({{Severity::Error, "", why}});
            return 1;
        }
        // Opened as the game opens it, so a zip the game would refuse is said at once.
        auto zipped = content::open_zip_source(fs::path(*file));
        auto check = zipped.ok() ? load_pack_as_game(*zipped.value)
                                 : content::Result<content::LoadedPack>{{}, zipped.problems};
        std::error_code ec;
        const auto size = fs::file_size(*file, ec);
        if (!check.ok()) {
            out << say(Msg::ZipCheckFailed) << "\n";
            print_problems(check.problems);
            return 1;
        }
        out << say(Msg::ZipWritten, {*file, content::limit_text(ec ? 0 : size)}) << "\n";
        return 0;
    }
};

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool progress_to_terminal) {
    Args parsed = parse_args(args);
    const auto lang_flag = parsed.options.count("--lang") ? parsed.options["--lang"] : "";
    Cli cli{std::move(parsed), pick_language(lang_flag), out, err, progress_to_terminal};
    return cli.run();
}

}  // namespace rc::packtool
