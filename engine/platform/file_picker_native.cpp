// No file picker natively: a path typed on the packs screen, or a file dropped onto the
// window (SDL_DROPFILE), opens a pack.
#include "engine/platform/file_picker.h"

namespace rc::engine {

void on_file_picked(FilePicked) {}

bool open_file_picker() {
    return false;
}

bool has_file_picker() {
    return false;
}

bool offer_download(const std::string&, std::string_view, const char*) {
    return false;
}

}  // namespace rc::engine
