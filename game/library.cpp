// The library's catalog: reading, writing and forgetting entries; see library.h. Portable
// C++ (the browser build lists packs too); downloading lives in library_fetch.cpp.
#include "game/library.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "engine/store/atomic_file.h"

namespace rc::game {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Type-checked reads: a hand-edited catalog must never reach json::get on a wrong type.
std::string string_field(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::uint64_t count_field(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

const json& object_field(const json& object, const char* key) {
    static const json empty = json::object();
    auto it = object.find(key);
    return it != object.end() && it->is_object() ? *it : empty;
}

// Keys name files in library/packs/: nothing but [a-z0-9-] may reach a path.
bool valid_key(const std::string& key) {
    return !key.empty() && key.size() <= 80 && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::optional<Origin> origin_from_string(const std::string& text) {
    if (text == "demo")
        return Origin::Demo;
    if (text == "link")
        return Origin::Link;
    if (text == "disk")
        return Origin::Disk;
    return std::nullopt;
}

json entry_json(const LibraryEntry& entry) {
    json languages = json::array();
    if (entry.has_fr)
        languages.push_back("fr");
    if (entry.has_en)
        languages.push_back("en");
    json out = {{"key", entry.key},
                {"origin", to_string(entry.origin)},
                {"location", entry.location},
                {"title", {{"fr", entry.title.fr}, {"en", entry.title.en}}},
                {"counts",
                 {{"real", entry.counts.real},
                  {"generated", entry.counts.generated},
                  {"edited", entry.counts.edited}}},
                {"languages", std::move(languages)},
                {"size_bytes", entry.size_bytes},
                {"added_at", entry.added_at},
                {"updated_at", entry.updated_at}};
    if (!entry.url.empty())
        out["url"] = entry.url;
    if (!entry.etag.empty())
        out["etag"] = entry.etag;
    if (!entry.last_modified.empty())
        out["last_modified"] = entry.last_modified;
    return out;
}

std::optional<LibraryEntry> entry_from_json(const json& item, const fs::path& folder) {
    if (!item.is_object())
        return std::nullopt;
    LibraryEntry entry;
    entry.key = string_field(item, "key");
    const auto origin = origin_from_string(string_field(item, "origin"));
    entry.url = string_field(item, "url");
    if (!valid_key(entry.key) || !origin || (*origin == Origin::Link && entry.url.empty()))
        return std::nullopt;
    entry.origin = *origin;
    // A downloaded copy's place follows from its key, never from the file: a hand-edited
    // location must not make remove() delete something outside the library.
    entry.location =
        entry.origin == Origin::Link
            ? (folder / "packs" / (entry.key + (is_zip_link(entry.url) ? ".zip" : ""))).string()
            : string_field(item, "location");
    if (entry.location.empty())
        return std::nullopt;
    const json& title = object_field(item, "title");
    entry.title = {string_field(title, "fr"), string_field(title, "en")};
    const json& counts = object_field(item, "counts");
    const auto count = [&](const char* key) {
        return static_cast<std::size_t>(
            std::min<std::uint64_t>(count_field(counts, key), SIZE_MAX));
    };
    entry.counts = {count("real"), count("generated"), count("edited")};
    auto languages = item.find("languages");
    if (languages != item.end() && languages->is_array()) {
        entry.has_fr = std::find(languages->begin(), languages->end(), "fr") != languages->end();
        entry.has_en = std::find(languages->begin(), languages->end(), "en") != languages->end();
    }
    entry.size_bytes = count_field(item, "size_bytes");
    entry.etag = string_field(item, "etag");
    entry.last_modified = string_field(item, "last_modified");
    entry.added_at = string_field(item, "added_at");
    entry.updated_at = string_field(item, "updated_at");
    return entry;
}

struct Catalog {
    std::vector<LibraryEntry> entries;
    bool writable = true;  // false: the file is there but could not be read; never overwrite
    std::string note;
};

// Reads library.json. A file that is not a format-1 catalog is moved aside when
// `keep_corrupt_aside`, else only reported (a fetch that may still fail changes nothing).
Catalog read_catalog(const fs::path& folder, bool keep_corrupt_aside) {
    Catalog catalog;
    const fs::path file = folder / "library.json";
    std::string why;
    auto text = engine::read_small_file(file, &why);
    if (!text) {
        catalog.writable = why.empty();  // missing is fine; unreadable is not
        catalog.note = why;
        return catalog;
    }
    const json parsed = json::parse(*text, nullptr, false);
    auto format = parsed.is_object() ? parsed.find("format") : parsed.end();
    const bool valid = parsed.is_object() && format != parsed.end() &&
                       format->is_number_integer() && format->get<int>() == kLibraryFormat;
    if (!valid) {
        catalog.writable = false;
        catalog.note = file.string() + ": not a library catalog (format " +
                       std::to_string(kLibraryFormat) + ")";
        if (keep_corrupt_aside) {
            const fs::path aside = engine::keep_corrupt_file(file);
            catalog.writable = !aside.empty();
            catalog.note += aside.empty() ? "; left as it is"
                                          : "; starting afresh, old file kept as " + aside.string();
        }
        return catalog;
    }
    auto packs = parsed.find("packs");
    if (packs == parsed.end() || !packs->is_array())
        return catalog;
    for (const auto& item : *packs)
        if (auto entry = entry_from_json(item, folder))
            catalog.entries.push_back(std::move(*entry));
    return catalog;
}

std::string write_catalog(const fs::path& folder, const std::vector<LibraryEntry>& entries) {
    json packs = json::array();
    for (const auto& entry : entries)
        packs.push_back(entry_json(entry));
    const json file = {{"format", kLibraryFormat}, {"packs", std::move(packs)}};
    std::error_code ec;
    fs::create_directories(folder, ec);
    return engine::write_file_atomically(
        folder / "library.json", file.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

std::string_view path_part(std::string_view url) {
    return url.substr(0, std::min(url.find('?'), url.find('#')));
}

std::string slug_of(std::string_view text) {
    text = path_part(text);
    while (!text.empty() && (text.back() == '/' || text.back() == '\\'))
        text.remove_suffix(1);
    if (text.ends_with("/pack.json"))
        text.remove_suffix(10);
    if (text.ends_with(".zip") || text.ends_with(".ZIP"))
        text.remove_suffix(4);
    text = text.substr(text.find_last_of("/\\") + 1);
    std::string slug;
    for (char c : text) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (keep)
            slug += lower;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= 40)
            break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug.empty() ? "pack" : slug;
}

// FNV-1a: stable across runs and platforms (std::hash is neither).
std::uint64_t stable_hash(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

bool has_text_in(const content::Manifest& manifest, std::string content::LocalizedText::*lang) {
    if ((manifest.title.*lang).empty())
        return false;
    return std::all_of(manifest.items.begin(), manifest.items.end(),
                       [&](const auto& item) { return !(item.explanation.*lang).empty(); });
}

}  // namespace

std::string_view to_string(Origin origin) {
    switch (origin) {
        case Origin::Demo:
            return "demo";
        case Origin::Link:
            return "link";
        case Origin::Disk:
            break;
    }
    return "disk";
}

bool is_zip_link(std::string_view url) {
    std::string path(path_part(url));
    std::transform(path.begin(), path.end(), path.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return path.ends_with(".zip");
}

std::string normalized_link(std::string_view url) {
    if (is_zip_link(url))
        return std::string(url);
    // A folder's files are found by appending their paths: a query would be cut off.
    std::string base(path_part(url));
    if (base.ends_with("/pack.json"))
        base.resize(base.size() - 9);
    else if (base.empty() || base.back() != '/')
        base += '/';
    return base;
}

std::string library_key(std::string_view url_or_path) {
    char hash[9];
    std::snprintf(hash, sizeof hash, "%08x",
                  static_cast<unsigned>(stable_hash(url_or_path) & 0xFFFFFFFFu));
    return slug_of(url_or_path) + "-" + hash;
}

LibraryEntry describe_pack(const content::Manifest& manifest) {
    LibraryEntry entry;
    entry.title = manifest.title;
    for (const auto& item : manifest.items) {
        switch (item.answer) {
            case content::Answer::Real:
                ++entry.counts.real;
                break;
            case content::Answer::Generated:
                ++entry.counts.generated;
                break;
            case content::Answer::Edited:
                ++entry.counts.edited;
                break;
        }
    }
    entry.has_fr = has_text_in(manifest, &content::LocalizedText::fr);
    entry.has_en = has_text_in(manifest, &content::LocalizedText::en);
    return entry;
}

std::string utc_now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Library::Library(fs::path data_dir) : folder_(std::move(data_dir) / "library") {}

std::vector<LibraryEntry> Library::entries(LoadNote* note) const {
    auto catalog = read_catalog(folder_, true);
    if (note)
        note->message = catalog.note;
    return std::move(catalog.entries);
}

std::optional<LibraryEntry> Library::find_quietly(const std::string& key) const {
    for (auto& entry : read_catalog(folder_, false).entries)
        if (entry.key == key)
            return std::move(entry);
    return std::nullopt;
}

fs::path Library::copy_path(const std::string& key, bool zip) const {
    return folder_ / "packs" / (key + (zip ? ".zip" : ""));
}

std::string Library::save_entry(const LibraryEntry& entry) {
    std::lock_guard lock(catalog_mutex_);
    auto catalog = read_catalog(folder_, true);
    if (!catalog.writable)
        return catalog.note + "; the catalog is left as it is";
    auto same = std::find_if(catalog.entries.begin(), catalog.entries.end(),
                             [&](const auto& kept) { return kept.key == entry.key; });
    if (same == catalog.entries.end()) {
        catalog.entries.push_back(entry);
    } else {
        const std::string added_at = same->added_at;
        *same = entry;
        if (!added_at.empty())
            same->added_at = added_at;
    }
    return write_catalog(folder_, catalog.entries);
}

content::Result<LibraryEntry> Library::remember(Origin origin, const fs::path& location,
                                                const content::LoadedPack& pack) {
    content::Result<LibraryEntry> result;
    if (origin == Origin::Link) {
        result.problems.push_back({content::Severity::Error, location.string(),
                                   "a downloaded pack is recorded by fetch, not remember"});
        return result;
    }
    std::error_code ec;
    fs::path absolute = fs::absolute(location, ec);
    if (ec)
        absolute = location;
    LibraryEntry entry = describe_pack(pack.manifest);
    entry.key = library_key(absolute.string());
    entry.origin = origin;
    entry.location = absolute.string();
    entry.size_bytes = pack.source ? pack.source->size_bytes().value_or(0) : 0;
    entry.added_at = entry.updated_at = utc_now_iso();
    if (auto why = save_entry(entry); !why.empty()) {
        result.problems.push_back({content::Severity::Error, catalog_file().string(), why});
        return result;
    }
    result.value = std::move(entry);
    return result;
}

std::string Library::remove(const std::string& key) {
    std::lock_guard lock(catalog_mutex_);
    auto catalog = read_catalog(folder_, true);
    if (!catalog.writable)
        return catalog.note + "; the catalog is left as it is";
    auto found = std::find_if(catalog.entries.begin(), catalog.entries.end(),
                              [&](const auto& entry) { return entry.key == key; });
    if (found == catalog.entries.end())
        return "no pack \"" + key + "\" in the library";
    if (found->origin == Origin::Link) {
        std::error_code ec;
        fs::remove_all(copy_path(found->key, is_zip_link(found->url)), ec);
        if (ec)
            return found->location + ": cannot delete: " + ec.message();
    }
    catalog.entries.erase(found);
    return write_catalog(folder_, catalog.entries);
}

}  // namespace rc::game
