// The browser's file picker: web/realcheck-shell.js owns a hidden <input type=file>;
// opening it is a click on it, and its change handler copies the chosen file into the
// wasm heap and calls realcheck_file_picked. Any file chosen through that input arrives
// here (a browser test sets it directly), so the callback is set once, at start.
#include <emscripten.h>

#include <cstdlib>

#include "engine/platform/file_picker.h"

namespace rc::engine {
namespace {

FilePicked& picked_callback() {
    static FilePicked callback;
    return callback;
}

}  // namespace

void on_file_picked(FilePicked done) {
    picked_callback() = std::move(done);
}

bool open_file_picker() {
    EM_ASM({
        if (Module.realcheckPickFile)
            Module.realcheckPickFile();
    });
    return true;
}

bool has_file_picker() {
    return true;
}

}  // namespace rc::engine

extern "C" EMSCRIPTEN_KEEPALIVE void realcheck_file_picked(const char* name, std::uint8_t* data,
                                                           int size) {
    std::vector<std::uint8_t> bytes(data, data + (size > 0 ? size : 0));
    std::free(data);
    auto& callback = rc::engine::picked_callback();
    if (callback)
        callback(name ? name : "", std::move(bytes));
}
