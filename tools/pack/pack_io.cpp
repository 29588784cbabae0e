// Opening packs from anywhere and zipping them; see pack_io.h.
#include "tools/pack/pack_io.h"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <set>

#include "content/pack.h"
#include "engine/net/download.h"
#include "game/library.h"
#include "tools/pack/text.h"

namespace rc::packtool {

namespace fs = std::filesystem;

namespace {

struct ScratchDeleter {
    void operator()(const fs::path* path) const {
        std::error_code ignored;
        fs::remove_all(*path, ignored);
        delete path;
    }
};

}  // namespace

std::shared_ptr<const fs::path> make_scratch_folder() {
    std::random_device seed;
    const fs::path path =
        fs::temp_directory_path() / ("realcheck-pack-" + std::to_string(std::mt19937_64(seed())()));
    std::error_code ec;
    fs::create_directories(path, ec);
    return std::shared_ptr<const fs::path>(new fs::path(path), ScratchDeleter{});
}

namespace {

content::Result<content::Bytes> read_whole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    content::Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        return content::refusal<content::Bytes>(file.string(), "cannot read");
    return {std::move(bytes), {}};
}

content::Result<OpenedPack> open_link(const std::string& link) {
    const std::string url = game::normalized_link(link);
    auto scratch = make_scratch_folder();
    if (game::is_zip_link(url)) {
        engine::DownloadDesc desc;
        desc.url = url;
        desc.file = *scratch / "pack.zip";
        const auto result = engine::download_to_file(desc, nullptr);
        if (!result.ok)
            return content::refusal<OpenedPack>(
                url, result.error.empty() ? "HTTP " + std::to_string(result.status) : result.error);
        auto opened = content::open_zip_source(desc.file);
        if (!opened.ok())
            return content::refusal<OpenedPack>(std::move(opened.problems));
        return {OpenedPack{*opened.value, scratch}, std::move(opened.problems)};
    }
    auto counter = std::make_shared<int>(0);
    content::WebFetch fetch = [scratch, counter](const std::string& file_url,
                                                 std::uint64_t max_bytes) {
        engine::DownloadDesc desc;
        desc.url = file_url;
        desc.max_bytes = max_bytes;
        desc.file = *scratch / ("file-" + std::to_string(++*counter));
        const auto result = engine::download_to_file(desc, nullptr);
        if (!result.ok)
            return content::refusal<content::Bytes>(
                file_url, "cannot download " + file_url + " (" +
                              (result.error.empty() ? "HTTP " + std::to_string(result.status)
                                                    : result.error) +
                              ")");
        auto bytes = read_whole(desc.file);
        std::error_code ignored;
        fs::remove(desc.file, ignored);
        return bytes;
    };
    return {OpenedPack{content::open_web_source(url, fetch), scratch}, {}};
}

// Media are already compressed: stored as they are, only text is deflated.
bool compressible(const std::string& name) {
    const std::string lower = fold(name);
    return lower.ends_with(".json") || lower.ends_with(".txt") || lower.ends_with(".md") ||
           lower.ends_with(".csv");
}

// What the game's editor and atomic saves leave beside pack.json: its previous version
// (which may hold what the facilitator meant to change), unsaved edits, a killed save's
// temporary file. None is part of the pack.
bool editor_side_file(const std::string& base) {
    const std::string manifest = content::kManifestName;
    return base == manifest + ".bak" || base == manifest + ".journal" ||
           base.starts_with(manifest + ".tmp-");
}

bool shared_file(const std::string& name) {
    const std::string base = fs::path(name).filename().string();
    const std::string lower = fold(base);
    return !base.starts_with(".") && lower != "items.csv" && lower != "items.tsv" &&
           !editor_side_file(base) && name.find("/.") == std::string::npos;
}

// The files to put in the zip: a folder's or zip's files, or (for a link, which cannot
// be listed) pack.json and the media it names.
std::vector<std::string> files_to_zip(const content::PackSource& source) {
    std::vector<std::string> names;
    for (auto& name : source.list())
        if (shared_file(name))
            names.push_back(name);
    if (!names.empty())
        return names;
    std::set<std::string> unique = {content::kManifestName};
    if (auto manifest = content::read_manifest(source); manifest.ok())
        for (const auto& item : manifest.value->items)
            unique.insert(item.media);
    return {unique.begin(), unique.end()};
}

}  // namespace

content::Result<OpenedPack> open_pack(const std::string& location) {
    if (content::is_web_address(location))
        return open_link(location);
    auto opened = content::open_local_source(fs::path(location));
    if (!opened.ok())
        return content::refusal<OpenedPack>(std::move(opened.problems));
    return {OpenedPack{*opened.value, nullptr}, std::move(opened.problems)};
}

std::string write_pack_zip(const content::PackSource& source, const fs::path& out) {
    const fs::path temp = out.string() + ".tmp";
    std::error_code ec;
    fs::remove(temp, ec);
    int error = 0;
    zip_t* archive = zip_open(temp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        return out.string() + ": cannot create the zip (libzip error " + std::to_string(error) +
               ")";
    std::string why;
    for (const auto& name : files_to_zip(source)) {
        auto bytes = source.read(name);
        if (!bytes.ok()) {
            why = content::to_string(bytes.problems.front());
            break;
        }
        // libzip reads the buffer at zip_close: it keeps its own copy (freep = 1).
        void* copy = std::malloc(std::max<std::size_t>(bytes.value->size(), 1));
        std::memcpy(copy, bytes.value->data(), bytes.value->size());
        zip_source_t* data = zip_source_buffer(archive, copy, bytes.value->size(), 1);
        const zip_int64_t index =
            data ? zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
                 : -1;
        if (index < 0) {
            if (data)
                zip_source_free(data);
            why = out.string() + ": cannot add " + name + ": " + zip_strerror(archive);
            break;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                 compressible(name) ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    if (!why.empty()) {
        zip_discard(archive);
        fs::remove(temp, ec);
        return why;
    }
    if (zip_close(archive) != 0) {
        why = out.string() + ": cannot write the zip: " + zip_strerror(archive);
        zip_discard(archive);
        fs::remove(temp, ec);
        return why;
    }
    fs::rename(temp, out, ec);
    if (ec) {
        fs::remove(temp, ec);
        return out.string() + ": " + ec.message();
    }
    return {};
}

}  // namespace rc::packtool
