#include "engine/media/clip_failed.h"

namespace rc::engine {
namespace {

class FailedClipPlayer final : public ClipPlayer {
  public:
    explicit FailedClipPlayer(std::string error) : error_(std::move(error)) {}

    ClipState state() const override { return ClipState::Failed; }
    std::string error() const override { return error_; }
    int width() const override { return 0; }
    int height() const override { return 0; }
    int source_width() const override { return 0; }
    int source_height() const override { return 0; }
    double duration() const override { return 0; }
    double frame_interval() const override { return 0; }
    double position() const override { return 0; }
    bool playing() const override { return false; }
    void set_playing(bool) override {}
    void seek(double) override {}
    void step(int) override {}
    void advance(double) override {}
    SDL_Surface* take_frame() override { return nullptr; }
    double next_change_in() const override { return -1; }
    void wait_frame() override {}

  private:
    std::string error_;
};

}  // namespace

std::unique_ptr<ClipPlayer> failed_clip_player(std::string error) {
    return std::make_unique<FailedClipPlayer>(std::move(error));
}

}  // namespace rc::engine
