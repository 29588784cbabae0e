// tools/pack/media/clips.cpp — see clips.h.
#include "tools/pack/media/clips.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
}

#include "tools/pack/media/provenance.h"

extern char** environ;

namespace rc::packmedia {
namespace {

struct ClipInfo {
    bool ok = false;
    std::string codec;
    int width = 0, height = 0;
    std::vector<std::pair<std::string, std::string>> tags;  // global and per stream
};

// Tags every muxer writes and that say nothing about the clip's origin.
bool is_benign_tag(std::string key) {
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const std::array<std::string_view, 8> kBenign = {
        "major_brand", "minor_version", "compatible_brands", "handler_name",
        "vendor_id",   "language",      "duration",          "encoder"};
    return std::find(kBenign.begin(), kBenign.end(), key) != kBenign.end();
}

void collect_tags(const AVDictionary* dict, ClipInfo& info) {
    const AVDictionaryEntry* entry = nullptr;
    while ((entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX))) {
        info.tags.emplace_back(entry->key, entry->value);
    }
}

ClipInfo probe_clip(const std::filesystem::path& file) {
    ClipInfo info;
    AVFormatContext* format = nullptr;
    av_log_set_level(AV_LOG_QUIET);
    if (avformat_open_input(&format, file.c_str(), nullptr, nullptr) != 0) {
        return info;
    }
    if (avformat_find_stream_info(format, nullptr) >= 0) {
        collect_tags(format->metadata, info);
        for (unsigned i = 0; i < format->nb_streams; ++i) {
            const AVStream* stream = format->streams[i];
            collect_tags(stream->metadata, info);
            if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && info.codec.empty()) {
                info.codec = avcodec_get_name(stream->codecpar->codec_id);
                info.width = stream->codecpar->width;
                info.height = stream->codecpar->height;
            }
        }
        info.ok = !info.codec.empty();
    }
    avformat_close_input(&format);
    return info;
}

std::optional<Bytes> read_whole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

// Runs argv without a shell, stdin from /dev/null, stderr to `log`; kills it after the
// time limit. True when it exits with status 0.
bool run_command(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return false;
    }
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(kClipTimeLimitSeconds);
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string last_line(const std::filesystem::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line)) {
        if (!line.empty()) {
            last = line;
        }
    }
    return clean_text(last, 160);
}

bool browser_playable(const ClipInfo& info, MediaFormat format) {
    if (format == MediaFormat::Webm) {
        return info.codec == "vp8" || info.codec == "vp9" || info.codec == "av1";
    }
    return info.codec == "h264" || info.codec == "av1" || info.codec == "vp9";
}

std::vector<std::string> ffmpeg_arguments(const std::filesystem::path& in,
                                          const std::filesystem::path& out, bool transcode,
                                          bool webm) {
    std::vector<std::string> args = {
        "ffmpeg",   "-nostdin", "-hide_banner",  "-v",       "error",
        "-y",       "-i",       in.string(),     "-map",     "0:v:0",
        "-map",     "0:a?",     "-map_metadata", "-1",       "-map_chapters",
        "-1",       "-fflags",  "+bitexact",     "-flags:v", "+bitexact",
        "-flags:a", "+bitexact"};
    if (transcode) {
        // Fit 1920x1080 without enlarging, even sizes for 4:2:0; the rotation is applied
        // by the scaler input (autorotate), so the copy needs no display matrix.
        args.insert(args.end(),
                    {"-vf",
                     "scale=w='min(1920,iw)':h='min(1080,ih)':force_original_aspect_ratio=decrease:"
                     "force_divisible_by=2",
                     "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p",
                     "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", "-f", "mp4"});
    } else {
        args.insert(args.end(), {"-c", "copy"});
        if (webm) {
            args.insert(args.end(), {"-f", "webm"});
        } else {
            args.insert(args.end(), {"-movflags", "+faststart", "-f", "mp4"});
        }
    }
    args.push_back(out.string());
    return args;
}

}  // namespace

void read_clip_tags(const std::filesystem::path& file, Provenance& p) {
    const ClipInfo info = probe_clip(file);
    for (const auto& [key, value] : info.tags) {
        if (key == "location" || key.find("location") != std::string::npos) {
            p.has_gps = true;
            p.findings.push_back("clip tag " + key + " (a place)");
        } else if (key == "encoder" || key.find("software") != std::string::npos) {
            if (p.software.empty() && key != "encoder") {
                p.software = clean_text(value, 200);
            }
            if (key != "encoder" || value.rfind("Lavf", 0) != 0) {
                p.findings.push_back("clip tag " + key + ": " + clean_text(value, 100));
            }
        } else if (!is_benign_tag(key)) {
            p.findings.push_back("clip tag " + clean_text(key, 40) + ": " + clean_text(value, 100));
        }
    }
}

void prepare_clip(const std::filesystem::path& source, MediaFormat format, const PrepareOptions& o,
                  PreparedMedia& out) {
    out.is_clip = true;
    const ClipInfo info = probe_clip(source);
    if (!info.ok) {
        out.error = "not a readable clip (no video stream could be read)";
        return;
    }
    const bool too_big =
        info.width > std::max(2, o.max_clip_width) || info.height > std::max(2, o.max_clip_height);
    bool transcode = too_big || !browser_playable(info, format);
    bool webm = format == MediaFormat::Webm && !transcode;
    std::error_code ec;
    const auto temp = std::filesystem::temp_directory_path(ec) /
                      ("rc-pack-clip-" + std::to_string(getpid()) + "-" +
                       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(temp, ec);
    const auto output = temp / (webm ? "clip.webm" : "clip.mp4");
    bool ran =
        !ec && run_command(ffmpeg_arguments(source, output, transcode, webm), temp / "ffmpeg.log");
    if (!ran && !ec && !transcode) {
        // A stream the MP4 muxer cannot hold as it is (a MOV's PCM sound): convert it all.
        transcode = true;
        webm = false;
        ran = run_command(ffmpeg_arguments(source, temp / "clip.mp4", true, false),
                          temp / "ffmpeg.log");
        if (ran) {
            out.changes.push_back(
                "converted to H.264/AAC (its streams do not fit an MP4 as they are)");
        }
    }
    const auto bytes = ran ? read_whole(webm ? output : temp / "clip.mp4") : std::nullopt;
    if (!bytes || bytes->empty()) {
        const std::string why = last_line(temp / "ffmpeg.log");
        out.error = "ffmpeg could not convert the clip" + (why.empty() ? "" : ": " + why);
    } else {
        out.bytes = *bytes;
        out.ok = true;
        out.extension = webm ? ".webm" : ".mp4";
        out.reencoded = transcode;
        if (!browser_playable(info, format)) {
            out.changes.push_back(info.codec + " converted to H.264");
        }
        if (too_big) {
            out.changes.push_back("scaled down from " + std::to_string(info.width) + "x" +
                                  std::to_string(info.height) + " to fit 1920x1080");
        }
    }
    std::filesystem::remove_all(temp, ec);
    for (const auto& [key, value] : info.tags) {
        if (!is_benign_tag(key)) {
            out.stripped.push_back("clip tags");
            break;
        }
    }
}

std::vector<std::string> clip_metadata_blocks(const std::filesystem::path& file, ByteSpan bytes) {
    std::vector<std::string> blocks;
    const ClipInfo info = probe_clip(file);
    std::string keys;
    for (const auto& [key, value] : info.tags) {
        if (!is_benign_tag(key) ||
            (key == "encoder" && value.rfind("Lavf", 0) != 0 && value.rfind("Lavc", 0) != 0)) {
            keys += (keys.empty() ? "" : ", ") + clean_text(key, 40);
        }
    }
    if (!keys.empty()) {
        blocks.push_back("clip tags: " + keys);
    }
    for (const auto& box : parse_boxes(bytes)) {
        if (box.type == "uuid") {
            blocks.push_back(mp4_c2pa_boxes(bytes).empty() ? "MP4 uuid box" : "C2PA");
            break;
        }
    }
    return blocks;
}

}  // namespace rc::packmedia
