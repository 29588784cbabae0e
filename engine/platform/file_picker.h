// Choosing a file with the platform's own picker. In the browser (file_picker_web.cpp)
// the page's hidden file input opens, and the chosen file's bytes are handed to the
// callback on the main thread. Natively (file_picker_native.cpp) there is no picker:
// people type a path or drop the file onto the window, and pick_file returns false.
// The other way, offer_download hands a file to the browser's downloads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rc::engine {

using FilePicked = std::function<void(std::string name, std::vector<std::uint8_t> bytes)>;

// Where every chosen file goes (main thread). Set once, before any file is chosen.
void on_file_picked(FilePicked done);
// Opens the picker. False when there is none here.
bool open_file_picker();
// Whether pick_file can open a picker on this platform (the button is shown only then).
bool has_file_picker();
// In the browser, downloads `bytes` as a file named `name` (the browser's own folder and
// prompt) and returns true. Natively it does nothing and returns false: the caller has
// written the file to disk, where people find it.
bool offer_download(const std::string& name, std::string_view bytes, const char* mime_type);

}  // namespace rc::engine
