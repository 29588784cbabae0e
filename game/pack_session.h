// The open pack, in one place: where it comes from (its source), its manifest, what was
// found wrong with it (warnings, the items whose media cannot be shown), opening a new
// one without blocking a frame (PackOpener), checking every item's media in the
// background, and asking for pictures. Switching packs cancels the old pack's work.
// It does not know about rounds or screens: the App asks it for pictures and routes them.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/pack.h"
#include "engine/media/clip_player.h"
#include "engine/media/media_loader.h"
#include "game/pack_opener.h"

namespace rc::game {

// A decoded picture the App asked for (MediaUse::Show).
struct Picture {
    std::size_t pack_index = 0;
    engine::MediaResult result;
};

enum class SessionEvent {
    None,
    Opened,   // a new pack is open: rounds restart
    Refused,  // the pack asked for was refused; the previous one (if any) stays open
};

class PackSession {
  public:
    PackSession(engine::MediaLoader& loader, std::unique_ptr<PackOpener> opener);

    void open(const std::string& location);
    void open_bytes(std::string name, content::Bytes bytes);
    void cancel_open();

    // Main thread, once per frame: takes in a pack that finished opening and the results
    // of media checks; returns the pictures asked for with request_picture().
    std::vector<Picture> pump(SessionEvent* event);
    // `max_side`: the longest side the picture is drawn at (0: as large as the limit).
    engine::MediaTicket request_picture(std::size_t pack_index, int max_side = 0);
    // Where a video item's player reads its clip; `max_side` as for pictures.
    engine::ClipSource clip_source(std::size_t pack_index, int max_side) const;
    // The picture of an item failed to decode when shown: never drawn again.
    void mark_broken(std::size_t pack_index, const std::string& why);

    const content::LoadedPack* pack() const { return pack_ ? &*pack_ : nullptr; }
    const std::string& location() const { return location_; }
    bool opening() const { return opener_->busy(); }
    std::optional<OpenProgress> progress() const { return opener_->progress(); }
    // Media checks still running in the background.
    bool checking() const { return pending_checks_ > 0; }
    const std::vector<content::Problem>& warnings() const { return warnings_; }
    const std::vector<std::string>& notes() const { return notes_; }
    const std::set<std::size_t>& broken() const { return broken_; }
    std::size_t playable_count() const;
    // The last refusal: the location and every located reason.
    const std::string& refused_location() const { return refused_location_; }
    const std::vector<content::Problem>& refusal() const { return refusal_; }

    // Headless runs: blocks until the open in progress is done (pump() then takes it in).
    void wait_for_open();

  private:
    void adopt(OpenedPack opened, SessionEvent* event);
    void check_all_media();
    engine::MediaRequest request_for(std::size_t pack_index, engine::MediaUse use,
                                     engine::MediaPriority priority) const;
    engine::ReadBytes reader_for(const std::string& media) const;
    void on_check(std::size_t pack_index, const engine::MediaResult& result);

    engine::MediaLoader& loader_;
    std::unique_ptr<PackOpener> opener_;
    std::optional<content::LoadedPack> pack_;
    std::string location_;
    std::vector<content::Problem> warnings_;
    std::vector<std::string> notes_;
    std::set<std::size_t> broken_;
    struct Ticket {
        std::size_t pack_index = 0;
        engine::MediaUse use = engine::MediaUse::Show;
    };
    std::map<engine::MediaTicket, Ticket> tickets_;
    std::size_t pending_checks_ = 0;
    std::string refused_location_;
    std::vector<content::Problem> refusal_;
};

}  // namespace rc::game
