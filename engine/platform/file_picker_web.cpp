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

// A link to a Blob of the bytes (copied), clicked once: the browser's download.
EM_JS(void, rc_web_download, (const char* name, const char* bytes, int size, const char* type), {
    var blob = new Blob([HEAPU8.slice(bytes, bytes + size)], {
        type:
            UTF8ToString(type)
    });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(
        function() { URL.revokeObjectURL(link.href); }, 60000);
});

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

bool offer_download(const std::string& name, std::string_view bytes, const char* mime_type) {
    const std::string copy(bytes);  // the JS side reads a contiguous, stable buffer
    rc_web_download(name.c_str(), copy.data(), static_cast<int>(copy.size()), mime_type);
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
