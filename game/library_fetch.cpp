// Library::fetch: downloading a pack link into the library (native only, rc_download).
// Everything is downloaded beside the library's copies (same file system, so the final
// step is a rename), validated like any pack, and only then swapped in; any failure
// removes what was downloaded, so the library is exactly as it was.
#include <algorithm>
#include <random>
#include <set>

#include "game/library.h"

namespace rc::game {

// Everything a fetch needs once the link and the copy we have are known.
struct FetchJob {
    std::string url;
    FetchDesc desc;
    engine::DownloadControl* control = nullptr;
    std::optional<LibraryEntry> existing;  // a copy of this link, on disk
    FetchOutcome outcome;
};

namespace {

namespace fs = std::filesystem;

// A temporary file or folder removed on every path out, unless kept.
struct Scratch {
    fs::path path;
    ~Scratch() {
        std::error_code ignored;
        if (!path.empty())
            fs::remove_all(path, ignored);
    }
};

std::string random_suffix() {
    std::random_device seed;
    char text[17];
    std::snprintf(text, sizeof text, "%016llx",
                  static_cast<unsigned long long>(std::mt19937_64(seed())()));
    return text;
}

// Problems from reading a downloaded copy, re-located at the link: the temporary path
// they name means nothing to the person who gave the link.
void add_relocated(std::vector<content::Problem> problems, const std::string& url,
                   const std::string& local_prefix, std::vector<content::Problem>& out) {
    for (auto& problem : problems) {
        std::string inner = problem.where;
        if (!local_prefix.empty() && inner.starts_with(local_prefix)) {
            inner.erase(0, local_prefix.size());
            while (!inner.empty() &&
                   (inner.front() == ':' || inner.front() == ' ' || inner.front() == '/'))
                inner.erase(0, 1);
        }
        problem.message = inner.empty() ? problem.message : inner + ": " + problem.message;
        problem.where = url;
        out.push_back(std::move(problem));
    }
}

FetchOutcome failed(FetchOutcome outcome, const std::string& url, std::string message) {
    outcome.location.clear();
    outcome.problems.push_back({content::Severity::Error, url, std::move(message)});
    return outcome;
}

// A media path as it goes into a URL: bytes outside the unreserved set are escaped.
std::string url_path(const std::string& relative) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : relative) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                           c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

engine::DownloadDesc download_desc(const FetchJob& job, const std::string& url,
                                   const fs::path& file, std::uint64_t max_bytes,
                                   bool conditional) {
    engine::DownloadDesc desc;
    desc.url = url;
    desc.file = file;
    desc.max_bytes = max_bytes;
    desc.connect_timeout_seconds = job.desc.connect_timeout_seconds;
    desc.stall_timeout_seconds = job.desc.stall_timeout_seconds;
    if (conditional && job.existing) {
        desc.if_none_match = job.existing->etag;
        desc.if_modified_since = job.existing->last_modified;
    }
    return desc;
}

FetchOutcome open_copy(FetchJob& job, std::string note) {
    job.outcome.location = job.existing->location;
    job.outcome.from_copy = true;
    job.outcome.note = std::move(note);
    return std::move(job.outcome);
}

// The answer to the first request decides between the copy we have and a new one.
// `asked` is the file requested (pack.json for a folder link), named when it is not the link.
std::optional<FetchOutcome> settle_first(FetchJob& job, const engine::DownloadResult& result,
                                         const std::string& asked) {
    if (result.ok)
        return std::nullopt;
    if (result.not_modified && job.existing)
        return open_copy(job, {});
    if (result.unreachable && job.existing)
        return open_copy(job, "could not reach " + job.url + " (" + result.error +
                                  "); opened the copy downloaded on " +
                                  job.existing->updated_at.substr(0, 10));
    std::string why = result.error.empty() ? "HTTP " + std::to_string(result.status) : result.error;
    return failed(std::move(job.outcome), job.url, asked == job.url ? why : asked + ": " + why);
}

LibraryEntry entry_for(const FetchJob& job, const content::LoadedPack& pack,
                       const engine::DownloadResult& first, const fs::path& location) {
    LibraryEntry entry = describe_pack(pack.manifest);
    entry.key = job.outcome.key;
    entry.origin = Origin::Link;
    entry.url = job.url;
    entry.location = location.string();
    entry.size_bytes = pack.source->size_bytes().value_or(0);
    entry.etag = first.etag;
    entry.last_modified = first.last_modified;
    entry.added_at = entry.updated_at = utc_now_iso();
    return entry;
}

// Downloads each item's media into `root` after pack.json. A missing file (HTTP 4xx)
// only leaves its item out, as it would on the web; anything else fails the fetch.
std::string download_media(const FetchJob& job, const content::Manifest& manifest,
                           const fs::path& root, std::uint64_t budget) {
    std::set<std::string> done = {content::kManifestName};
    for (const auto& item : manifest.items) {
        if (!done.insert(item.media).second)
            continue;
        const fs::path file = root / fs::path(item.media);
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        if (ec || fs::exists(file, ec))
            continue;  // "a" and "a/b" both named: validation leaves the item out
        auto media_desc = download_desc(job, job.url + url_path(item.media), file, budget, false);
        media_desc.declare_total = false;  // a folder's total is not known
        auto result = engine::download_to_file(media_desc, job.control);
        if (result.ok) {
            budget -= std::min(budget, result.bytes);
            continue;
        }
        if (result.status >= 400 && result.status < 500)
            continue;
        return item.media + ": " + result.error;
    }
    return {};
}

// Renames the new folder in place of the old copy, restoring the old one on failure.
std::string swap_in(const fs::path& fresh, const fs::path& target, const fs::path& aside) {
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    const bool had_copy = fs::exists(target, ec);
    if (had_copy) {
        fs::rename(target, aside, ec);
        if (ec)
            return "cannot move the old copy aside: " + ec.message();
    }
    fs::rename(fresh, target, ec);
    if (ec) {
        std::error_code ignored;
        if (had_copy)
            fs::rename(aside, target, ignored);
        return "cannot put the new copy in place: " + ec.message();
    }
    fs::remove_all(aside, ec);
    return {};
}

}  // namespace

FetchOutcome Library::fetch(const std::string& link, const FetchDesc& desc,
                            engine::DownloadControl* control) {
    FetchJob job{normalized_link(link), desc, control, {}, {}};
    job.outcome.key = library_key(job.url);
    const bool zip = is_zip_link(job.url);
    job.existing = find_quietly(job.outcome.key);
    std::error_code ec;
    if (job.existing && (job.existing->origin != Origin::Link || job.existing->url != job.url ||
                         !fs::exists(job.existing->location, ec)))
        job.existing.reset();
    const bool library_existed = fs::exists(folder_, ec);
    fs::create_directories(folder_, ec);
    if (ec)
        return failed(std::move(job.outcome), job.url,
                      "cannot create " + folder_.string() + ": " + ec.message());
    if (control)
        control->total = 0;
    FetchOutcome outcome = zip ? fetch_zip(job) : fetch_folder(job);
    if (!outcome.ok() && !library_existed)
        fs::remove(folder_, ec);  // only when empty: a failed first fetch leaves no trace
    return outcome;
}

FetchOutcome Library::fetch_zip(FetchJob& job) {
    Scratch temp{folder_ / (".tmp-" + job.outcome.key + "-" + random_suffix() + ".zip")};
    const auto first = engine::download_to_file(
        download_desc(job, job.url, temp.path, job.desc.max_bytes, true), job.control);
    if (auto settled = settle_first(job, first, job.url))
        return std::move(*settled);
    // Validated as the game will open it, media checks on.
    auto pack = content::load_pack(content::open_zip_source(temp.path));
    add_relocated(std::move(pack.problems), job.url, temp.path.string(), job.outcome.problems);
    if (!pack.ok())
        return failed(std::move(job.outcome), job.url, "is not a valid pack");
    const fs::path target = copy_path(job.outcome.key, true);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    fs::rename(temp.path, target, ec);
    if (ec)
        return failed(std::move(job.outcome), job.url,
                      "cannot put the copy in " + target.string() + ": " + ec.message());
    temp.path.clear();
    return commit(job, entry_for(job, *pack.value, first, target));
}

FetchOutcome Library::fetch_folder(FetchJob& job) {
    Scratch temp{folder_ / (".tmp-" + job.outcome.key + "-" + random_suffix())};
    std::error_code ec;
    fs::create_directory(temp.path, ec);
    if (ec)
        return failed(std::move(job.outcome), job.url,
                      "cannot create " + temp.path.string() + ": " + ec.message());
    engine::DownloadDesc first_desc = download_desc(
        job, job.url + content::kManifestName, temp.path / content::kManifestName,
        std::min<std::uint64_t>(job.desc.max_bytes, content::kMaxManifestBytes), true);
    first_desc.declare_total = false;  // the folder's total is not known
    const auto first = engine::download_to_file(first_desc, job.control);
    if (auto settled = settle_first(job, first, first_desc.url))
        return std::move(*settled);
    auto source = content::open_folder_source(temp.path);
    auto manifest = source.ok() ? content::read_manifest(**source.value)
                                : content::Result<content::Manifest>{{}, source.problems};
    if (!manifest.ok()) {
        add_relocated(std::move(manifest.problems), job.url, temp.path.string(),
                      job.outcome.problems);
        return failed(std::move(job.outcome), job.url, "is not a valid pack");
    }
    const std::uint64_t budget = job.desc.max_bytes - std::min(job.desc.max_bytes, first.bytes);
    if (auto why = download_media(job, *manifest.value, temp.path, budget); !why.empty())
        return failed(std::move(job.outcome), job.url, why);
    // Validated as the game will open it, media checks on.
    auto pack = content::load_pack(content::open_folder_source(temp.path));
    add_relocated(std::move(pack.problems), job.url, temp.path.string(), job.outcome.problems);
    if (!pack.ok())
        return failed(std::move(job.outcome), job.url, "is not a valid pack");
    const fs::path target = copy_path(job.outcome.key, false);
    const auto entry = entry_for(job, *pack.value, first, target);
    pack.value.reset();  // let go of the temporary folder before renaming it
    const fs::path aside = folder_ / (".old-" + job.outcome.key + "-" + random_suffix());
    if (auto why = swap_in(temp.path, target, aside); !why.empty())
        return failed(std::move(job.outcome), job.url, why);
    temp.path.clear();
    return commit(job, entry);
}

FetchOutcome Library::commit(FetchJob& job, const LibraryEntry& entry) {
    // The copy is in place: a catalog that cannot be written only costs a full download
    // next time (no ETag kept), so the pack still opens.
    if (auto why = save_entry(entry); !why.empty())
        job.outcome.problems.push_back({content::Severity::Warning, catalog_file().string(), why});
    job.outcome.location = entry.location;
    return std::move(job.outcome);
}

}  // namespace rc::game
