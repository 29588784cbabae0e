// tools/pack/media/clips.h — clips (MP4, MOV, WebM): tags read with libavformat, then the
// pack's copy made by Debian's `ffmpeg` command: a stream copy without any tag when the
// browsers can play the clip as it is, else H.264 scaled to fit 1920x1080. The command
// (not libavcodec) because a scale + encode pipeline is what it already does well; it is
// run with stdin closed, no shell, and a time limit.
#pragma once

#include <filesystem>

#include "tools/pack/media/containers.h"
#include "tools/pack/media/prepare.h"

namespace rc::packmedia {

constexpr int kClipTimeLimitSeconds = 600;

// Adds what the clip's tags say (encoder, location, title...) to `provenance`.
void read_clip_tags(const std::filesystem::path& file, Provenance& provenance);

void prepare_clip(const std::filesystem::path& source, MediaFormat format,
                  const PrepareOptions& options, PreparedMedia& out);

// Tags and boxes still in a clip ("MP4 tags: title, location", "C2PA").
std::vector<std::string> clip_metadata_blocks(const std::filesystem::path& file, ByteSpan bytes);

}  // namespace rc::packmedia
