#include "game/headless.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/gfx/gfx.h"
#include "engine/store/atomic_file.h"
#include "game/calibration.h"

namespace rc::game {
namespace {

std::optional<content::Answer> answer_letter(char letter) {
    switch (letter) {
        case 'r':
            return content::Answer::Real;
        case 'g':
            return content::Answer::Generated;
        case 'e':
            return content::Answer::Edited;
        default:
            return std::nullopt;
    }
}

// --sure: s Sure, u Not sure, - nothing said.
bool is_sure_letter(char letter) {
    return letter == 's' || letter == 'u' || letter == '-';
}

// A headless run without --data-dir keeps its settings, library and downloads in a folder
// of its own, removed at exit: tests and benchmarks never write the player's data (a pack
// link would otherwise be downloaded into the player's library).
class ScratchDataDir {
  public:
    ScratchDataDir() {
        std::error_code ec;
        const auto base = std::filesystem::temp_directory_path(ec);
        std::random_device random;
        for (int attempt = 0; attempt < 8 && path_.empty(); ++attempt) {
            auto candidate = base / ("realcheck-headless-" + std::to_string(random()));
            if (std::filesystem::create_directory(candidate, ec))
                path_ = std::move(candidate);
        }
    }
    ~ScratchDataDir() {
        std::error_code ec;
        if (!path_.empty())
            std::filesystem::remove_all(path_, ec);
    }
    ScratchDataDir(const ScratchDataDir&) = delete;
    ScratchDataDir& operator=(const ScratchDataDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// How far the virtual clock moves between a clip's two screenshots (at most half the clip).
constexpr double kClipScreenshotStep = 1.0;

class Driver {
  public:
    Driver(engine::Gfx& gfx, App& app, const HeadlessDesc& desc, double* clock)
        : gfx_(gfx), app_(app), desc_(desc), clock_(clock) {}

    // Two frames per screen: ImGui sizes some windows from the previous frame.
    bool render(const std::string& name) {
        for (int frame = 0; frame < 2; ++frame) {
            if (frame == 1 && !desc_.screenshot_dir.empty())
                gfx_.request_screenshot(desc_.screenshot_dir / (name + ".png"));
            gfx_.begin_frame();
            app_.draw();
            gfx_.end_frame();
        }
        if (!gfx_.screenshot_error().empty()) {
            std::fprintf(stderr, "realcheck: screenshot failed: %s\n",
                         gfx_.screenshot_error().c_str());
            return false;
        }
        return true;
    }

    bool play() {
        if (!render("00-title") || !overlay_screenshot(ActionType::ShowSettings, "01-settings") ||
            !overlay_screenshot(ActionType::ShowPacks, "02-packs"))
            return false;
        app_.apply(Action::of(ActionType::Play));
        std::size_t answered = 0;
        while (app_.game().phase() == Phase::Question) {
            app_.wait_for_current_media();
            if (app_.game().phase() != Phase::Question)
                break;
            const std::string number = two_digits(app_.game().position() + 1);
            say_sure(answered);
            if (!render("q" + number + "-question") || !later_clip_screenshot(number))
                return false;
            if (answered == 0 && !zoomed_screenshot(number))
                return false;
            const char letter = desc_.answers[answered % desc_.answers.size()];
            app_.apply(Action::answering(*answer_letter(letter)));
            item_records_.push_back(app_.solo().item_record);
            ++answered;
            if (!render("q" + number + "-answer"))
                return false;
            app_.apply(Action::of(ActionType::Next));
        }
        if (!render("zz-end") || !overlay_screenshot(ActionType::ShowProgress, "zz-progress"))
            return false;
        return missed_detail_screenshot();
    }

    // The set-up, each item's vote and reveal with the counts of VOTES.csv, the debrief,
    // then the exports: <id>.csv, <id>.json and <id>-debrief.png in the export folder.
    bool play_workshop(const std::string& votes_text) {
        const auto& run = desc_.workshop;
        app_.apply(Action::of(ActionType::ShowWorkshop));
        if (run.items > 0)
            app_.apply(Action::with_text(ActionType::WorkshopSetItems, std::to_string(run.items)));
        app_.apply(Action::with_text(ActionType::WorkshopSetPlace, run.place));
        app_.apply(Action::with_text(ActionType::WorkshopSetDate, run.date));
        if (!render("w00-setup"))
            return false;
        app_.apply(Action::of(ActionType::WorkshopStart));
        auto& flow = app_.workshop();
        if (!flow.session())
            return false;
        for (const auto& problem : flow.apply_votes_csv(votes_text, run.votes.string()))
            std::fprintf(stderr, "warning: %s\n", content::to_string(problem).c_str());
        while (flow.step() == WorkshopStep::Vote) {
            app_.wait_for_current_media();
            const std::string number = two_digits(flow.session()->current + 1);
            if (!render("w" + number + "-vote"))
                return false;
            app_.apply(Action::of(ActionType::WorkshopReveal));
            if (!render("w" + number + "-reveal"))
                return false;
            app_.apply(Action::of(ActionType::WorkshopNext));
        }
        return render("w99-debrief") && export_workshop() && workshop_extra_screenshots();
    }

    // The summary: the game's result, with each item's record here when it has one.
    std::string summary() const {
        const std::string plain = summary_json(app_.result());
        auto summary = nlohmann::json::parse(plain, nullptr, false);
        if (!summary.is_object() || !summary["items"].is_array())
            return plain;
        auto& items = summary["items"];
        for (std::size_t i = 0; i < items.size() && i < item_records_.size(); ++i)
            if (const auto& record = item_records_[i])
                items[i]["played_here"] = {{"right", record->right}, {"wrong", record->wrong}};
        return summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }

  private:
    bool export_workshop() {
        auto& flow = app_.workshop();
        const auto& dir = desc_.workshop.export_dir;
        if (auto why = flow.export_to(dir); !why.empty()) {
            std::fprintf(stderr, "realcheck: %s\n", why.c_str());
            return false;
        }
        gfx_.request_screenshot(dir / (flow.session()->id + "-debrief.png"));
        gfx_.begin_frame();
        app_.draw();
        gfx_.end_frame();
        if (gfx_.screenshot_error().empty())
            return true;
        std::fprintf(stderr, "realcheck: %s\n", gfx_.screenshot_error().c_str());
        return false;
    }

    // The most fooled picture reopened from the debrief, and the list of past sessions.
    bool workshop_extra_screenshots() {
        if (desc_.screenshot_dir.empty())
            return true;
        const auto& fooled = app_.workshop().debrief().most_fooled;
        if (!fooled.empty()) {
            app_.apply(Action::with_index(ActionType::WorkshopShowItem, fooled.front()));
            app_.wait_for_all_media();
            const bool ok = render("w99-debrief-item");
            app_.apply(Action::of(ActionType::CloseOverlay));
            if (!ok)
                return false;
        }
        app_.apply(Action::of(ActionType::WorkshopShowPast));
        return render("w99-past");
    }

    // Said the way a player would: Sure and Not sure are buttons that toggle.
    void say_sure(std::size_t answered) {
        if (desc_.sure.empty())
            return;
        const char letter = desc_.sure[answered % desc_.sure.size()];
        if (letter == 's' || letter == 'u')
            app_.apply(Action::saying_sure(letter == 's'));
    }

    // A clip is shown again further on (the virtual clock moved): the two pictures differ.
    bool later_clip_screenshot(const std::string& number) {
        const engine::ClipPlayer* clip = app_.clip_on_screen();
        if (!clip)
            return true;
        *clock_ += std::min(kClipScreenshotStep, clip->duration() / 2.0);
        app_.wait_for_current_media();
        return render("q" + number + "-question-later");
    }

    static std::string two_digits(std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

    bool overlay_screenshot(ActionType open, const std::string& name) {
        app_.apply(Action::of(open));
        const bool ok = render(name);
        app_.apply(Action::of(ActionType::CloseOverlay));
        return ok;
    }

    // The explanation of the first missed picture, reopened from the end screen.
    bool missed_detail_screenshot() {
        const auto& items = app_.game().items();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].correct())
                continue;
            app_.apply(Action::with_index(ActionType::ShowMissed, i));
            app_.wait_for_all_media();
            const bool ok = render("zz-end-missed");
            app_.apply(Action::of(ActionType::CloseOverlay));
            return ok;
        }
        return true;
    }

    bool zoomed_screenshot(const std::string& number) {
        for (int i = 0; i < 4; ++i)
            app_.apply(Action::of(ActionType::ZoomIn));
        app_.wait_for_all_media();  // the sharper copy a zoom asks for
        const bool ok = render("q" + number + "-zoom");
        app_.apply(Action::of(ActionType::ZoomFit));
        return ok;
    }

    engine::Gfx& gfx_;
    App& app_;
    const HeadlessDesc& desc_;
    double* clock_;  // the virtual clock clips play on, in seconds
    std::vector<std::optional<RightWrong>> item_records_;  // per item answered, in play order
};

void print_problems(const App& app) {
    for (const auto& warning : app.session().warnings())
        std::fprintf(stderr, "warning: %s\n", content::to_string(warning).c_str());
}

// The workshop's file of counts, read before anything starts: a missing file is a usage
// error (status 1), as a missing option is.
std::optional<std::string> read_votes(const HeadlessDesc& desc) {
    const auto& run = desc.workshop;
    if (run.votes.empty() || run.export_dir.empty()) {
        std::fprintf(stderr, "realcheck: --workshop needs --votes FILE and --export-dir DIR\n");
        return std::nullopt;
    }
    std::string why;
    auto text = engine::read_small_file(run.votes, &why);
    if (!text)  // the reason names the file
        std::fprintf(stderr, "realcheck: %s\n",
                     why.empty() ? (run.votes.string() + ": no such file").c_str() : why.c_str());
    return text;
}

// Checks the answers or the workshop's options; false after saying why (usage error).
bool check_usage(const HeadlessDesc& desc, std::string* votes) {
    if (desc.workshop.on) {
        auto text = read_votes(desc);
        if (text)
            *votes = std::move(*text);
        return text.has_value();
    }
    for (char letter : desc.answers) {
        if (!answer_letter(letter)) {
            std::fprintf(stderr, "realcheck: --answers: '%c' is not r, g or e\n", letter);
            return false;
        }
    }
    for (char letter : desc.sure) {
        if (!is_sure_letter(letter)) {
            std::fprintf(stderr, "realcheck: --sure: '%c' is not s, u or -\n", letter);
            return false;
        }
    }
    if (desc.answers.empty() && !desc.first_frame_only) {
        std::fprintf(stderr, "realcheck: --headless needs --answers (letters r, g or e)\n");
        return false;
    }
    return true;
}

}  // namespace

int run_headless(const HeadlessDesc& desc) {
    std::string votes;
    if (!check_usage(desc, &votes))
        return 1;
    std::error_code ec;
    if (!desc.screenshot_dir.empty())
        std::filesystem::create_directories(desc.screenshot_dir, ec);
    engine::GfxDesc gfx_desc;
    gfx_desc.title = "realcheck";
    gfx_desc.width = desc.width;
    gfx_desc.height = desc.height;
    gfx_desc.headless = true;
    engine::use_installed_fonts(&gfx_desc);
    std::string why;
    auto gfx = engine::Gfx::create(gfx_desc, &why);
    if (!gfx) {
        std::fprintf(stderr, "realcheck: %s\n", why.c_str());
        return 1;
    }
    // Clips play on a virtual clock: the same frames on every run, whatever the machine.
    double virtual_seconds = 0.0;
    AppOptions options = desc.app;
    std::optional<ScratchDataDir> scratch;
    if (options.data_dir.empty()) {
        scratch.emplace();
        if (scratch->path().empty()) {
            std::fprintf(stderr,
                         "realcheck: cannot make a scratch data folder in %s; "
                         "name one with --data-dir\n",
                         std::filesystem::temp_directory_path(ec).string().c_str());
            return 1;
        }
        options.data_dir = scratch->path();
    }
    options.clock = [&virtual_seconds] { return virtual_seconds; };
    App app(*gfx, std::move(options));
    app.wait_for_pack();
    if (!app.pack()) {
        for (const auto& error : app.pack_errors())
            std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    Driver driver(*gfx, app, desc, &virtual_seconds);
    // The title screen shows as soon as the manifest is in; the checks go on behind it.
    if (desc.first_frame_only)
        return driver.render("00-title") ? 0 : 1;
    app.wait_for_pack_check();
    print_problems(app);
    // Pictures found broken by the check leave too few to play: refused, as a bad pack is.
    if (app.session().playable_count() < content::kMinPlayableItems) {
        std::fprintf(stderr, "%s\n",
                     content::to_string({content::Severity::Error, content::kManifestName,
                                         content::too_few_items(app.session().playable_count())})
                         .c_str());
        return 2;
    }
    const bool played = desc.workshop.on ? driver.play_workshop(votes) : driver.play();
    for (const auto& message : app.messages())
        std::fprintf(stderr, "warning: %s\n", message.c_str());
    if (!played)
        return 1;
    if (!desc.summary_json.empty() && !desc.workshop.on) {
        if (auto error = engine::write_file_atomically(desc.summary_json, driver.summary());
            !error.empty()) {
            std::fprintf(stderr, "realcheck: %s\n", error.c_str());
            return 1;
        }
    }
    return 0;
}

}  // namespace rc::game
