// Loading a pack folder: manifest, then every item's media file; see pack.h.
// All file-system calls use the std::error_code overloads: a broken pack is reported,
// never thrown (the web build has exceptions off).
#include "content/pack.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

#include "content/media_probe.h"

namespace rc::content {
namespace {

namespace fs = std::filesystem;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string os_reason(int error) {
    return std::generic_category().message(error);
}

std::string mb(std::uintmax_t bytes) {
    return std::to_string(bytes / (1024 * 1024)) + " MB";
}

// Reads the whole manifest; more than kMaxManifestBytes is refused (a manifest that big is
// a wrong file, and would cost the web build its memory).
std::optional<std::string> read_manifest(const fs::path& file, std::string& why) {
    errno = 0;
    File handle(std::fopen(file.c_str(), "rb"));
    if (!handle) {
        why = "cannot read: " + os_reason(errno);
        return std::nullopt;
    }
    std::string text;
    char chunk[16 * 1024];
    for (;;) {
        std::size_t got = std::fread(chunk, 1, sizeof chunk, handle.get());
        text.append(chunk, got);
        if (text.size() > kMaxManifestBytes) {
            why = "is larger than the " + mb(kMaxManifestBytes) + " limit for a manifest";
            return std::nullopt;
        }
        if (got < sizeof chunk)
            break;
    }
    if (std::ferror(handle.get())) {
        why = "cannot read: " + os_reason(errno);
        return std::nullopt;
    }
    return text;
}

// Component-wise: "/packs/a" must not count as inside "/packs/ab".
bool is_strictly_inside(const fs::path& root, const fs::path& candidate) {
    auto c = candidate.begin();
    for (const auto& part : root) {
        if (c == candidate.end() || *c != part)
            return false;
        ++c;
    }
    return c != candidate.end();
}

// Packs are often made on Windows or macOS, where "Media/A.JPG" opens "media/a.jpg".
std::string case_hint(const fs::path& missing) {
    std::error_code ec;
    fs::directory_iterator it(missing.parent_path(), ec);
    std::string wanted = missing.filename().string();
    auto lower = [](std::string text) {
        for (char& ch : text)
            if (ch >= 'A' && ch <= 'Z')
                ch = static_cast<char>(ch - 'A' + 'a');
        return text;
    };
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name != wanted && lower(name) == lower(wanted))
            return " (there is \"" + name + "\": file names are case-sensitive)";
    }
    return "";
}

std::string megapixels(std::uint64_t pixels, bool always_decimal) {
    char text[32];
    if (!always_decimal && pixels % 1'000'000 == 0)
        std::snprintf(text, sizeof text, "%llu",
                      static_cast<unsigned long long>(pixels / 1'000'000));
    else
        std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / 1e6);
    return text;
}

// Why `item`'s media cannot be played, or nullopt when it can.
std::optional<std::string> media_problem(const fs::path& root, const PackItem& item,
                                         std::uint64_t max_pixels) {
    std::string why;
    fs::path file = resolve_media_path(root, item.media, &why);
    if (file.empty())
        return why;
    std::error_code ec;
    fs::file_status status = fs::status(file, ec);
    if (status.type() == fs::file_type::not_found)
        return "file not found" + case_hint(file);
    if (ec)
        return "cannot read: " + ec.message();
    if (fs::is_directory(status))
        return "is a folder, not an image file";
    if (!fs::is_regular_file(status))
        return "is not a regular file";
    auto info = probe_image_file(file, &why);
    if (!info)
        return why;
    std::uint64_t pixels = std::uint64_t{info->width} * info->height;
    if (pixels > max_pixels) {
        return std::to_string(info->width) + "×" + std::to_string(info->height) + " pixels (" +
               megapixels(pixels, true) + " megapixels) is over the " +
               megapixels(max_pixels, false) + " megapixel limit";
    }
    return std::nullopt;
}

// Leaves out the items whose media fails a check, with a Warning for each.
void keep_playable_items(const fs::path& root, std::string_view label, std::uint64_t max_pixels,
                         Manifest& manifest, std::vector<Problem>& problems) {
    std::vector<PackItem> kept;
    for (auto& item : manifest.items) {
        if (auto why = media_problem(root, item, max_pixels)) {
            std::string where =
                std::string(label) + ": items[" + std::to_string(item.manifest_index) + "].media";
            problems.push_back({Severity::Warning, std::move(where), item.media + ": " + *why});
            continue;
        }
        kept.push_back(std::move(item));
    }
    manifest.items = std::move(kept);
}

std::string too_few_items(std::size_t count) {
    std::string needs = ", a pack needs at least " + std::to_string(kMinPlayableItems);
    if (count == 0)
        return "no playable item" + needs;
    return "only " + std::to_string(count) + " playable item" + (count == 1 ? "" : "s") + needs;
}

}  // namespace

fs::path resolve_media_path(const fs::path& root, std::string_view relative, std::string* why) {
    if (!check_media_path(relative, why))
        return {};
    std::error_code ec;
    fs::path canonical_root = fs::canonical(root, ec);
    if (ec) {
        if (why)
            *why = "cannot open the pack folder: " + ec.message();
        return {};
    }
    fs::path resolved = fs::weakly_canonical(canonical_root / fs::path(relative), ec);
    if (ec) {
        if (why)
            *why = "cannot resolve the path: " + ec.message();
        return {};
    }
    if (resolved == canonical_root) {
        if (why)
            *why = "is the pack folder itself, not a file in it";
        return {};
    }
    // The text has no "..", so only a symbolic link can lead out; the pack's files may
    // still link to each other.
    if (!is_strictly_inside(canonical_root, resolved)) {
        if (why)
            *why = "leads outside the pack folder (through a symbolic link)";
        return {};
    }
    return resolved;
}

Result<LoadedPack> load_pack(const fs::path& path, const PackLoadDesc& desc) {
    Result<LoadedPack> result;
    std::error_code ec;
    bool is_folder = fs::is_directory(path, ec);
    fs::path file = is_folder ? path / "pack.json" : path;
    fs::path root = is_folder ? path : path.parent_path();
    if (root.empty())
        root = ".";

    std::string why;
    auto text = read_manifest(file, why);
    if (!text) {
        result.problems.push_back({Severity::Error, file.string(), why});
        return result;
    }
    std::string label = file.filename().string();
    auto parsed = parse_manifest(*text, label);
    if (!parsed.value)
        return pack_from_manifest(std::move(parsed), root, label);

    fs::path canonical_root = fs::canonical(root, ec);
    if (ec) {
        parsed.problems.push_back({Severity::Error, root.string(), "cannot open: " + ec.message()});
        parsed.value.reset();
    } else if (!desc.skip_media_checks) {
        std::uint64_t max_pixels = desc.max_pixels ? desc.max_pixels : kMaxPixels;
        keep_playable_items(canonical_root, label, max_pixels, *parsed.value, parsed.problems);
    }
    return pack_from_manifest(std::move(parsed), std::move(canonical_root), label);
}

Result<LoadedPack> pack_from_manifest(Result<Manifest> parsed, fs::path root,
                                      std::string_view label) {
    Result<LoadedPack> result;
    result.problems = std::move(parsed.problems);
    if (!parsed.value)
        return result;
    if (parsed.value->items.size() < kMinPlayableItems) {
        result.problems.push_back(
            {Severity::Error, std::string(label), too_few_items(parsed.value->items.size())});
        return result;
    }
    result.value = LoadedPack{std::move(root), std::move(*parsed.value)};
    return result;
}

}  // namespace rc::content
