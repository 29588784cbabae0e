// Clip container probing; see clip_probe.h. Every read goes through Bytes, which the
// walkers only call inside a box or element already checked to lie in the file; sizes and
// counts a file declares are checked against the bytes that hold them before any loop
// uses them. The walk follows fixed paths (moov/trak/mdia/..., Segment/Tracks/...), never
// recursion, so nesting cannot grow the stack. This code sees untrusted pack files and is
// fuzzed (tests/fuzz/fuzz_clip_probe.cpp).
#include "content/clip_probe.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string_view>

namespace rc::content {
namespace {

constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();

class Bytes {
  public:
    explicit Bytes(std::span<const std::uint8_t> data) : data_(data) {}

    std::uint64_t size() const { return data_.size(); }
    bool has(std::uint64_t offset, std::uint64_t count) const {
        return offset <= data_.size() && count <= data_.size() - offset;
    }
    // Callers check has() first (or stay inside a checked box); these assume it.
    std::uint32_t u8(std::uint64_t at) const { return data_[at]; }
    std::uint32_t be16(std::uint64_t at) const { return u8(at) << 8 | u8(at + 1); }
    std::uint32_t be24(std::uint64_t at) const { return be16(at) << 8 | u8(at + 2); }
    std::uint32_t be32(std::uint64_t at) const { return be16(at) << 16 | be16(at + 2); }
    std::uint64_t be64(std::uint64_t at) const {
        return std::uint64_t{be32(at)} << 32 | be32(at + 4);
    }
    bool matches(std::uint64_t at, std::string_view text) const {
        if (!has(at, text.size()))
            return false;
        return std::memcmp(data_.data() + at, text.data(), text.size()) == 0;
    }

  private:
    std::span<const std::uint8_t> data_;
};

// The probe's state: the bytes, the first failure (the one reported), the work done.
struct Walk {
    explicit Walk(std::span<const std::uint8_t> data) : bytes(data) {}

    Bytes bytes;
    std::string why;
    std::size_t visited = 0;

    bool failed() const { return !why.empty(); }
    bool fail(std::string reason) {
        if (why.empty())
            why = std::move(reason);
        return false;
    }
    // One more box or element: a file of millions of tiny boxes stops here.
    bool visit() {
        if (++visited <= kMaxClipElements)
            return true;
        return fail("too many boxes or elements (over " + std::to_string(kMaxClipElements) +
                    "): not a clip this game can play");
    }
};

std::uint64_t add_capped(std::uint64_t a, std::uint64_t b) {
    return a > kMaxU64 - b ? kMaxU64 : a + b;
}

std::string truncated(std::string_view what, std::uint64_t end, std::uint64_t file_size) {
    return "truncated: " + std::string(what) + " ends at byte " + std::to_string(end) +
           " but the file has " + std::to_string(file_size) + " bytes";
}

// Codec names and tags come from the file: only printable ASCII reaches a message.
std::string printable(const Bytes& b, std::uint64_t at, std::uint64_t count) {
    std::string text;
    for (std::uint64_t i = 0; i < count && text.size() < kMaxCodecTagChars; ++i) {
        const auto c = b.u8(at + i);
        text += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    return text;
}

// ---- MP4 / MOV: ISO base media file format boxes --------------------------------------

constexpr std::uint32_t box_type(const char (&name)[5]) {
    return static_cast<std::uint32_t>(static_cast<std::uint8_t>(name[0])) << 24 |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(name[1])) << 16 |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(name[2])) << 8 |
           static_cast<std::uint32_t>(static_cast<std::uint8_t>(name[3]));
}

std::string box_name(std::uint32_t type) {
    std::string name = "'";
    for (int shift = 24; shift >= 0; shift -= 8) {
        const auto c = type >> shift & 0xFF;
        name += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    return name + "'";
}

struct Box {
    std::uint32_t type = 0;
    std::uint64_t start = 0;  // the header's first byte
    std::uint64_t body = 0;   // the first byte after the header
    std::uint64_t end = 0;    // one past the last byte

    std::uint64_t size() const { return end - body; }
};

// The boxes in [begin, end), one after the other. A box or header running past `end` is a
// cut file where `end` is the end of the file, a corrupt one elsewhere.
class Boxes {
  public:
    Boxes(Walk& walk, std::uint64_t begin, std::uint64_t end)
        : walk_(walk), at_(begin), end_(end) {}
    Boxes(Walk& walk, const Box& parent) : Boxes(walk, parent.body, parent.end) {}

    // The next box; false at the end, or on a failure (walk.why says which).
    bool next(Box& box) {
        if (at_ >= end_ || walk_.failed() || !walk_.visit() || at_terminator())
            return false;
        if (!read(box))
            return false;
        at_ = box.end;
        return true;
    }

  private:
    // QuickTime may end a list of boxes with a 32-bit zero; at the end of the file, bytes
    // too few for a header are a cut instead.
    bool at_terminator() const {
        if (end_ - at_ >= 8 || end_ == walk_.bytes.size())
            return false;
        for (std::uint64_t at = at_; at < end_; ++at)
            if (walk_.bytes.u8(at) != 0)
                return false;
        return true;
    }

    bool cut(std::string_view what, std::uint64_t end) {
        if (end_ == walk_.bytes.size())
            return walk_.fail(truncated(what, end, end_));
        return walk_.fail("corrupt MP4: " + std::string(what) + " at byte " + std::to_string(at_) +
                          " overruns the box that holds it");
    }

    bool read(Box& box) {
        const Bytes& b = walk_.bytes;
        const std::uint64_t room = end_ - at_;
        if (room < 8)
            return cut("a box header", at_ + 8);
        box.start = at_;
        box.type = b.be32(at_ + 4);
        std::uint64_t size = b.be32(at_);
        box.body = at_ + 8;
        if (size == 1) {  // a 64-bit size follows the type
            if (room < 16)
                return cut("a box header", at_ + 16);
            size = b.be64(at_ + 8);
            box.body = at_ + 16;
        } else if (size == 0) {  // the box runs to the end of its parent
            size = room;
        }
        if (size < box.body - at_)
            return walk_.fail("corrupt MP4: the " + box_name(box.type) + " box at byte " +
                              std::to_string(at_) + " is smaller than its header");
        if (size > room)
            return cut("the " + box_name(box.type) + " box", add_capped(at_, size));
        box.end = at_ + size;
        return true;
    }

    Walk& walk_;
    std::uint64_t at_;
    std::uint64_t end_;
};

constexpr std::uint32_t kMoov = box_type("moov");
constexpr std::uint32_t kMvhd = box_type("mvhd");
constexpr std::uint32_t kTrak = box_type("trak");
constexpr std::uint32_t kTkhd = box_type("tkhd");
constexpr std::uint32_t kMdia = box_type("mdia");
constexpr std::uint32_t kMdhd = box_type("mdhd");
constexpr std::uint32_t kHdlr = box_type("hdlr");
constexpr std::uint32_t kMinf = box_type("minf");
constexpr std::uint32_t kStbl = box_type("stbl");
constexpr std::uint32_t kStsd = box_type("stsd");
constexpr std::uint32_t kStsz = box_type("stsz");
constexpr std::uint32_t kStsc = box_type("stsc");
constexpr std::uint32_t kStco = box_type("stco");
constexpr std::uint32_t kCo64 = box_type("co64");
constexpr std::uint32_t kMvex = box_type("mvex");
constexpr std::uint32_t kMehd = box_type("mehd");
constexpr std::uint32_t kTrex = box_type("trex");
constexpr std::uint32_t kMoof = box_type("moof");
constexpr std::uint32_t kTraf = box_type("traf");
constexpr std::uint32_t kTfhd = box_type("tfhd");
constexpr std::uint32_t kTrun = box_type("trun");
constexpr std::uint32_t kVide = box_type("vide");
constexpr std::uint32_t kSoun = box_type("soun");

// A table of fixed-size entries inside a box, counted and checked to fit, not copied.
struct Table {
    bool present = false;
    std::uint64_t at = 0;  // the first entry
    std::uint32_t count = 0;
};

struct Mp4Track {
    std::uint32_t id = 0;
    std::uint32_t handler = 0;  // 'vide', 'soun', ...
    int rotation = 0;
    std::uint32_t timescale = 0;
    std::uint64_t duration = 0;  // in timescale units; 0 when unknown
    std::uint32_t entry = 0;     // the first sample entry's type: 'avc1', 'vp09', ...
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint32_t constant_size = 0;  // stsz: every sample's size, or 0 for a size table
    Table sizes;                      // stsz
    Table chunk_runs;                 // stsc: first chunk, samples per chunk, description
    Table chunk_offsets;              // stco (4-byte entries) or co64 (8-byte entries)
    std::uint32_t offset_bytes = 4;
};

// What the movie fragments (moof) add to the video track.
struct Fragments {
    std::uint32_t default_duration = 0;  // trex, per sample
    std::uint32_t default_size = 0;
    std::uint64_t samples = 0;
    std::uint64_t duration = 0;  // in the track's timescale
    std::uint64_t data_end = 0;
};

struct Mp4Movie {
    bool has_moov = false;
    bool has_audio = false;
    std::uint32_t timescale = 0;
    std::uint64_t duration = 0;           // mvhd, in timescale units
    std::uint64_t fragment_duration = 0;  // mehd, in timescale units
    std::optional<Mp4Track> video;
    Fragments fragments;
};

bool corrupt_mp4(Walk& w, const std::string& what) {
    return w.fail("corrupt MP4: " + what);
}

bool too_short(Walk& w, const Box& box) {
    return corrupt_mp4(w, "the " + box_name(box.type) + " box is too short (" +
                              std::to_string(box.size()) + " bytes)");
}

// mvhd and mdhd share their start: version and flags, creation and modification times,
// timescale, duration (32 or 64 bits by version). All ones means "unknown".
bool read_time_header(Walk& w, const Box& box, std::uint32_t& timescale, std::uint64_t& duration) {
    const Bytes& b = w.bytes;
    const bool wide = box.size() >= 1 && b.u8(box.body) == 1;
    if (box.size() < (wide ? 32u : 20u))
        return too_short(w, box);
    const std::uint64_t at = box.body + (wide ? 20 : 12);
    timescale = b.be32(at);
    duration = wide ? b.be64(at + 4) : b.be32(at + 4);
    if (duration == (wide ? kMaxU64 : 0xFFFFFFFFu))
        duration = 0;
    if (timescale == 0)
        return corrupt_mp4(w, "the " + box_name(box.type) + " box gives a zero timescale");
    return true;
}

// The display matrix's first column (a, b) in 16.16: a quarter turn clockwise on screen is
// (0, 1). Mirrored or skewed matrices are taken to the nearest quarter turn.
int rotation_of(std::int32_t a, std::int32_t b) {
    const std::int64_t cos_part = a;
    const std::int64_t sin_part = b;
    if (std::abs(cos_part) >= std::abs(sin_part))
        return cos_part >= 0 ? 0 : 180;
    return sin_part > 0 ? 90 : 270;
}

// Version and flags, times, track id, reserved, duration; then reserved (8), layer,
// alternate group, volume, reserved (8 in all), the 3×3 matrix, width and height.
bool read_tkhd(Walk& w, const Box& box, Mp4Track& track) {
    const Bytes& b = w.bytes;
    const bool wide = box.size() >= 1 && b.u8(box.body) == 1;
    if (box.size() < (wide ? 96u : 84u))
        return too_short(w, box);
    track.id = b.be32(box.body + (wide ? 20 : 12));
    const std::uint64_t matrix = box.body + (wide ? 52 : 40);
    track.rotation = rotation_of(static_cast<std::int32_t>(b.be32(matrix)),
                                 static_cast<std::int32_t>(b.be32(matrix + 4)));
    return true;
}

bool read_hdlr(Walk& w, const Box& box, Mp4Track& track) {
    if (box.size() < 12)
        return too_short(w, box);
    track.handler = w.bytes.be32(box.body + 8);
    return true;
}

// The first sample entry names the codec; a visual entry holds the coded size after its
// 8-byte common part and 16 reserved bytes.
bool read_stsd(Walk& w, const Box& box, Mp4Track& track) {
    if (track.entry != 0)
        return corrupt_mp4(w, "two 'stsd' boxes in one track");
    if (box.size() < 8)
        return too_short(w, box);
    if (w.bytes.be32(box.body + 4) == 0)
        return corrupt_mp4(w, "a track without a sample description");
    Boxes entries(w, box.body + 8, box.end);
    Box entry;
    if (!entries.next(entry))
        return w.failed() ? false : corrupt_mp4(w, "a track without a sample description");
    track.entry = entry.type;
    if (entry.size() >= 28) {
        track.width = w.bytes.be16(entry.body + 24);
        track.height = w.bytes.be16(entry.body + 26);
    }
    return true;
}

// Reads a table's count (the 4 bytes before its entries) and checks its entries fit in the
// box: a count is never trusted further than the bytes that would hold it.
bool read_table(Walk& w, const Box& box, std::uint64_t header, std::uint64_t entry_bytes,
                Table& table) {
    if (table.present)
        return corrupt_mp4(w, "two " + box_name(box.type) + " boxes in one track");
    if (box.size() < header)
        return too_short(w, box);
    table.present = true;
    table.at = box.body + header;
    table.count = w.bytes.be32(table.at - 4);
    if (entry_bytes != 0 && table.count > (box.size() - header) / entry_bytes)
        return corrupt_mp4(w, "the " + box_name(box.type) + " box declares " +
                                  std::to_string(table.count) + " entries in " +
                                  std::to_string(box.size()) + " bytes");
    return true;
}

bool read_stbl(Walk& w, const Box& stbl, Mp4Track& track) {
    Boxes children(w, stbl);
    Box box;
    while (children.next(box)) {
        bool ok = true;
        if (box.type == kStsd) {
            ok = read_stsd(w, box, track);
        } else if (box.type == kStsz) {
            if (box.size() >= 8)
                track.constant_size = w.bytes.be32(box.body + 4);
            ok = read_table(w, box, 12, track.constant_size == 0 ? 4 : 0, track.sizes);
        } else if (box.type == kStsc) {
            ok = read_table(w, box, 8, 12, track.chunk_runs);
        } else if (box.type == kStco || box.type == kCo64) {
            if (track.chunk_offsets.present)
                return corrupt_mp4(w, "two chunk offset boxes ('stco', 'co64') in one track");
            track.offset_bytes = box.type == kCo64 ? 8 : 4;
            ok = read_table(w, box, 8, track.offset_bytes, track.chunk_offsets);
        }
        if (!ok)
            return false;
    }
    return !w.failed();
}

bool read_minf(Walk& w, const Box& minf, Mp4Track& track) {
    Boxes children(w, minf);
    Box box;
    while (children.next(box))
        if (box.type == kStbl && !read_stbl(w, box, track))
            return false;
    return !w.failed();
}

bool read_mdia(Walk& w, const Box& mdia, Mp4Track& track) {
    Boxes children(w, mdia);
    Box box;
    while (children.next(box)) {
        bool ok = true;
        if (box.type == kMdhd)
            ok = read_time_header(w, box, track.timescale, track.duration);
        else if (box.type == kHdlr)
            ok = read_hdlr(w, box, track);
        else if (box.type == kMinf)
            ok = read_minf(w, box, track);
        if (!ok)
            return false;
    }
    return !w.failed();
}

bool read_trak(Walk& w, const Box& trak, Mp4Track& track) {
    Boxes children(w, trak);
    Box box;
    while (children.next(box)) {
        bool ok = true;
        if (box.type == kTkhd)
            ok = read_tkhd(w, box, track);
        else if (box.type == kMdia)
            ok = read_mdia(w, box, track);
        if (!ok)
            return false;
    }
    return !w.failed();
}

// mehd gives the whole duration of a fragmented movie; trex the video track's defaults.
bool read_mvex(Walk& w, const Box& mvex, Mp4Movie& movie) {
    const Bytes& b = w.bytes;
    Boxes children(w, mvex);
    Box box;
    while (children.next(box)) {
        if (box.type == kMehd) {
            const bool wide = box.size() >= 1 && b.u8(box.body) == 1;
            if (box.size() < (wide ? 12u : 8u))
                return too_short(w, box);
            movie.fragment_duration = wide ? b.be64(box.body + 4) : b.be32(box.body + 4);
        } else if (box.type == kTrex) {
            if (box.size() < 24)
                return too_short(w, box);
            if (b.be32(box.body + 4) == movie.video->id) {
                movie.fragments.default_duration = b.be32(box.body + 12);
                movie.fragments.default_size = b.be32(box.body + 16);
            }
        }
    }
    return !w.failed();
}

void keep_track(Mp4Movie& movie, const Mp4Track& track) {
    if (track.handler == kSoun)
        movie.has_audio = true;
    if (track.handler == kVide && !movie.video)
        movie.video = track;
}

bool read_moov(Walk& w, const Box& moov, Mp4Movie& movie) {
    if (movie.has_moov)
        return corrupt_mp4(w, "two 'moov' boxes");
    movie.has_moov = true;
    std::optional<Box> mvex;
    Boxes children(w, moov);
    Box box;
    while (children.next(box)) {
        Mp4Track track;
        if (box.type == kMvhd && !read_time_header(w, box, movie.timescale, movie.duration))
            return false;
        if (box.type == kTrak) {
            if (!read_trak(w, box, track))
                return false;
            keep_track(movie, track);
        }
        if (box.type == kMvex && !mvex)
            mvex = box;
    }
    if (w.failed())
        return false;
    // Read last: the trex to use belongs to the video track, wherever mvex sits.
    return !mvex || !movie.video || read_mvex(w, *mvex, movie);
}

// Track fragment header: its flags say which optional fields follow the track id.
struct FragmentHeader {
    bool ours = false;  // the video track's
    std::uint64_t base = 0;
    std::uint32_t default_duration = 0;
    std::uint32_t default_size = 0;
};

constexpr std::uint32_t kTfhdBaseOffset = 0x1;
constexpr std::uint32_t kTfhdDescription = 0x2;
constexpr std::uint32_t kTfhdDuration = 0x8;
constexpr std::uint32_t kTfhdSize = 0x10;
constexpr std::uint32_t kTrunDataOffset = 0x1;
constexpr std::uint32_t kTrunFirstFlags = 0x4;
constexpr std::uint32_t kTrunDuration = 0x100;
constexpr std::uint32_t kTrunSize = 0x200;
constexpr std::uint32_t kTrunFlags = 0x400;
constexpr std::uint32_t kTrunCompositionOffset = 0x800;

bool read_tfhd(Walk& w, const Box& box, const Mp4Movie& movie, FragmentHeader& header) {
    const Bytes& b = w.bytes;
    if (box.size() < 8)
        return too_short(w, box);
    const std::uint32_t flags = b.be24(box.body + 1);
    header.ours = b.be32(box.body + 4) == movie.video->id;
    header.default_duration = movie.fragments.default_duration;
    header.default_size = movie.fragments.default_size;
    const std::uint64_t needed = 8 + (flags & kTfhdBaseOffset ? 8 : 0) +
                                 (flags & kTfhdDescription ? 4 : 0) +
                                 (flags & kTfhdDuration ? 4 : 0) + (flags & kTfhdSize ? 4 : 0);
    if (box.size() < needed)
        return too_short(w, box);
    std::uint64_t at = box.body + 8;
    if (flags & kTfhdBaseOffset) {
        header.base = b.be64(at);
        at += 8;
    }
    if (flags & kTfhdDescription)
        at += 4;
    if (flags & kTfhdDuration) {
        header.default_duration = b.be32(at);
        at += 4;
    }
    if (flags & kTfhdSize)
        header.default_size = b.be32(at);
    return true;
}

// A track run: its samples' data start (from the fragment's base, or where the previous
// run ended), then per-sample fields as its flags say; sizes and durations default to the
// fragment header's.
bool read_trun(Walk& w, const Box& box, const FragmentHeader& header, std::uint64_t& data_at,
               Fragments& fragments) {
    const Bytes& b = w.bytes;
    if (box.size() < 8)
        return too_short(w, box);
    const std::uint32_t flags = b.be24(box.body + 1);
    const std::uint32_t count = b.be32(box.body + 4);
    std::uint64_t at = box.body + 8;
    const std::uint64_t fixed =
        (flags & kTrunDataOffset ? 4 : 0) + (flags & kTrunFirstFlags ? 4 : 0);
    if (box.size() - 8 < fixed)
        return too_short(w, box);
    if (flags & kTrunDataOffset) {
        const auto offset = static_cast<std::int32_t>(b.be32(at));
        const std::uint64_t magnitude = offset < 0 ? 0 - static_cast<std::uint64_t>(offset)
                                                   : static_cast<std::uint64_t>(offset);
        if (offset < 0 && magnitude > header.base)
            return corrupt_mp4(w, "a 'trun' box points before the start of the file");
        data_at = offset < 0 ? header.base - magnitude : add_capped(header.base, magnitude);
    }
    at += fixed;
    const std::uint64_t per_sample =
        4 *
        std::popcount(flags & (kTrunDuration | kTrunSize | kTrunFlags | kTrunCompositionOffset));
    if (per_sample != 0 && count > (box.end - at) / per_sample)
        return corrupt_mp4(w, "the 'trun' box declares " + std::to_string(count) + " samples in " +
                                  std::to_string(box.size()) + " bytes");
    std::uint64_t bytes = 0;
    std::uint64_t duration = 0;
    if (flags & (kTrunDuration | kTrunSize)) {
        const std::uint64_t size_at = flags & kTrunDuration ? 4 : 0;
        for (std::uint64_t i = 0; i < count; ++i, at += per_sample) {
            duration += flags & kTrunDuration ? b.be32(at) : header.default_duration;
            bytes += flags & kTrunSize ? b.be32(at + size_at) : header.default_size;
        }
    } else {
        duration = std::uint64_t{count} * header.default_duration;
        bytes = std::uint64_t{count} * header.default_size;
    }
    data_at = add_capped(data_at, bytes);
    fragments.data_end = std::max(fragments.data_end, data_at);
    fragments.samples = add_capped(fragments.samples, count);
    fragments.duration = add_capped(fragments.duration, duration);
    return true;
}

bool read_traf(Walk& w, const Box& traf, const Box& moof, Mp4Movie& movie) {
    FragmentHeader header;
    bool seen_header = false;
    std::uint64_t data_at = 0;
    Boxes children(w, traf);
    Box box;
    while (children.next(box)) {
        if (box.type == kTfhd) {
            if (seen_header)
                return corrupt_mp4(w, "two 'tfhd' boxes in one track fragment");
            seen_header = true;
            header.base = moof.start;  // unless the header gives its own base
            if (!read_tfhd(w, box, movie, header))
                return false;
            data_at = header.base;
        } else if (box.type == kTrun) {
            if (!seen_header)
                return corrupt_mp4(w, "a 'trun' box before its 'tfhd' box");
            if (header.ours && !read_trun(w, box, header, data_at, movie.fragments))
                return false;
        }
    }
    return !w.failed();
}

bool read_moof(Walk& w, const Box& moof, Mp4Movie& movie) {
    if (!movie.has_moov)
        return corrupt_mp4(w, "a 'moof' box before the 'moov' box");
    if (!movie.video)
        return true;  // refused later, for the missing video track
    Boxes children(w, moof);
    Box box;
    while (children.next(box))
        if (box.type == kTraf && !read_traf(w, box, moof, movie))
            return false;
    return !w.failed();
}

// Progress through the chunk map.
struct ChunkWalk {
    std::uint64_t sample = 0;    // samples placed so far
    std::uint64_t data_end = 0;  // furthest end of a chunk so far
};

// Sizes of `count` samples from `first` on: the constant size, or the sum of the table's.
std::uint64_t chunk_bytes(const Bytes& b, const Mp4Track& track, std::uint64_t first,
                          std::uint64_t count) {
    if (track.constant_size != 0)
        return count * track.constant_size;  // count < 2^32: no overflow
    std::uint64_t bytes = 0;
    for (std::uint64_t i = 0; i < count; ++i)
        bytes += b.be32(track.sizes.at + 4 * (first + i));
    return bytes;
}

std::uint64_t chunk_offset(const Bytes& b, const Mp4Track& track, std::uint64_t chunk) {
    const std::uint64_t at = track.chunk_offsets.at + chunk * track.offset_bytes;
    return track.offset_bytes == 8 ? b.be64(at) : b.be32(at);
}

// One stsc run: chunks [first, last] (1-based) of `per_chunk` samples each. The samples
// placed never exceed the size table's count, so the work is bounded by the tables' bytes.
bool place_run(Walk& w, const Mp4Track& track, std::uint64_t first, std::uint64_t last,
               std::uint64_t per_chunk, ChunkWalk& walk) {
    const std::uint64_t total = track.sizes.count;
    for (std::uint64_t chunk = first; chunk <= last; ++chunk) {
        if (per_chunk > total - walk.sample)
            return corrupt_mp4(w, "the chunk map places more samples than the 'stsz' box has (" +
                                      std::to_string(total) + ")");
        const std::uint64_t bytes = chunk_bytes(w.bytes, track, walk.sample, per_chunk);
        if (bytes != 0) {
            const std::uint64_t end = add_capped(chunk_offset(w.bytes, track, chunk - 1), bytes);
            walk.data_end = std::max(walk.data_end, end);
        }
        walk.sample += per_chunk;
    }
    return true;
}

// Every sample of the track placed through stsc (runs of chunks) and stco/co64 (where each
// chunk starts) with its stsz size: the furthest byte of sample data in `data_end`.
bool place_samples(Walk& w, const Mp4Track& track, std::uint64_t& data_end) {
    const Bytes& b = w.bytes;
    if (track.sizes.count == 0)
        return true;
    const std::uint64_t chunks = track.chunk_offsets.count;
    const std::uint64_t runs = track.chunk_runs.count;
    if (chunks == 0 || runs == 0)
        return corrupt_mp4(w, "video samples without a chunk map ('stsc', 'stco')");
    ChunkWalk walk;
    for (std::uint64_t run = 0; run < runs; ++run) {
        const std::uint64_t at = track.chunk_runs.at + 12 * run;
        const std::uint64_t first = b.be32(at);
        const std::uint64_t next = run + 1 < runs ? b.be32(at + 12) : chunks + 1;
        if ((run == 0 && first != 1) || next <= first || next > chunks + 1)
            return corrupt_mp4(w, "the 'stsc' box's chunk runs are out of order or out of range");
        if (!place_run(w, track, first, next - 1, b.be32(at + 4), walk))
            return false;
    }
    if (walk.sample != track.sizes.count)
        return corrupt_mp4(w, "the chunk map places " + std::to_string(walk.sample) +
                                  " samples, the 'stsz' box has " +
                                  std::to_string(track.sizes.count));
    data_end = walk.data_end;
    return true;
}

ClipCodec mp4_codec(std::uint32_t entry) {
    switch (entry) {
        case box_type("avc1"):
        case box_type("avc3"):
            return ClipCodec::H264;
        case box_type("hvc1"):
        case box_type("hev1"):
        case box_type("dvh1"):
        case box_type("dvhe"):
            return ClipCodec::Hevc;
        case box_type("vp08"):
            return ClipCodec::Vp8;
        case box_type("vp09"):
            return ClipCodec::Vp9;
        case box_type("av01"):
            return ClipCodec::Av1;
        default:
            return ClipCodec::Other;
    }
}

double seconds_of(std::uint64_t ticks, std::uint32_t timescale) {
    return timescale == 0 ? 0.0 : static_cast<double>(ticks) / timescale;
}

// The video track's own duration; for fragmented files the fragments' sum, else the
// movie's (mehd, then mvhd).
double mp4_seconds(const Mp4Movie& movie) {
    const Mp4Track& video = *movie.video;
    if (video.duration != 0 && video.timescale != 0)
        return seconds_of(video.duration, video.timescale);
    if (movie.fragments.duration != 0)
        return seconds_of(movie.fragments.duration, video.timescale);
    if (movie.fragment_duration != 0)
        return seconds_of(movie.fragment_duration, movie.timescale);
    return seconds_of(movie.duration, movie.timescale);
}

bool check_video_track(Walk& w, const Mp4Movie& movie) {
    if (!movie.has_moov)
        return w.fail("no moov box (the clip is truncated or not finished)");
    if (!movie.video)
        return w.fail(movie.has_audio ? "no video track (audio only)" : "no video track");
    if (movie.video->entry == 0)
        return corrupt_mp4(w, "the video track has no sample description");
    if (movie.video->timescale == 0)
        return corrupt_mp4(w, "the video track has no 'mdhd' box");
    return true;
}

std::optional<ClipInfo> mp4_info(Walk& w, const Mp4Movie& movie) {
    if (!check_video_track(w, movie))
        return std::nullopt;
    const Mp4Track& video = *movie.video;
    std::uint64_t data_end = 0;
    if (!place_samples(w, video, data_end))
        return std::nullopt;
    data_end = std::max(data_end, movie.fragments.data_end);
    if (data_end > w.bytes.size()) {
        w.fail(truncated("video data", data_end, w.bytes.size()));
        return std::nullopt;
    }
    ClipInfo info;
    info.container = ClipContainer::Mp4;
    info.frame_count = add_capped(video.sizes.count, movie.fragments.samples);
    if (info.frame_count == 0) {
        w.fail("no video frames (the clip is truncated or not finished)");
        return std::nullopt;
    }
    info.codec = mp4_codec(video.entry);
    info.codec_tag = box_name(video.entry).substr(1, 4);
    info.width = video.width;
    info.height = video.height;
    info.rotation = video.rotation;
    info.seconds = mp4_seconds(movie);
    info.has_audio = movie.has_audio;
    return info;
}

std::optional<ClipInfo> probe_mp4(Walk& w) {
    Mp4Movie movie;
    Boxes top(w, 0, w.bytes.size());
    Box box;
    while (top.next(box)) {
        if (box.type == kMoov && !read_moov(w, box, movie))
            return std::nullopt;
        if (box.type == kMoof && !read_moof(w, box, movie))
            return std::nullopt;
    }
    if (w.failed())
        return std::nullopt;
    return mp4_info(w, movie);
}

// ---- WebM / Matroska: EBML elements -----------------------------------------------------

constexpr std::uint32_t kEbmlHeader = 0x1A45DFA3;
constexpr std::uint32_t kEbmlReadVersion = 0x42F7;
constexpr std::uint32_t kEbmlMaxIdLength = 0x42F2;
constexpr std::uint32_t kEbmlMaxSizeLength = 0x42F3;
constexpr std::uint32_t kDocType = 0x4282;
constexpr std::uint32_t kSegment = 0x18538067;
constexpr std::uint32_t kSeekHead = 0x114D9B74;
constexpr std::uint32_t kInfo = 0x1549A966;
constexpr std::uint32_t kTimecodeScale = 0x2AD7B1;
constexpr std::uint32_t kDuration = 0x4489;
constexpr std::uint32_t kTracks = 0x1654AE6B;
constexpr std::uint32_t kTrackEntry = 0xAE;
constexpr std::uint32_t kTrackNumber = 0xD7;
constexpr std::uint32_t kTrackType = 0x83;
constexpr std::uint32_t kCodecId = 0x86;
constexpr std::uint32_t kDefaultDuration = 0x23E383;
constexpr std::uint32_t kVideo = 0xE0;
constexpr std::uint32_t kPixelWidth = 0xB0;
constexpr std::uint32_t kPixelHeight = 0xBA;
constexpr std::uint32_t kCluster = 0x1F43B675;
constexpr std::uint32_t kClusterTimecode = 0xE7;
constexpr std::uint32_t kSimpleBlock = 0xA3;
constexpr std::uint32_t kBlockGroup = 0xA0;
constexpr std::uint32_t kBlock = 0xA1;
constexpr std::uint32_t kCues = 0x1C53BB6B;
constexpr std::uint32_t kTags = 0x1254C367;
constexpr std::uint32_t kChapters = 0x1043A770;
constexpr std::uint32_t kAttachments = 0x1941A469;

constexpr std::uint64_t kTrackTypeVideo = 1;
constexpr std::uint64_t kTrackTypeAudio = 2;
constexpr std::uint64_t kDefaultTimecodeScale = 1'000'000;  // nanoseconds per tick
constexpr double kNanosecondsPerSecond = 1e9;
constexpr std::uint64_t kMaxEbmlIdBytes = 4;
constexpr std::uint64_t kMaxEbmlSizeBytes = 8;

// The children a Segment may hold: an unknown-size Cluster ends where one of them starts.
bool is_top_level(std::uint32_t id) {
    switch (id) {
        case kSeekHead:
        case kInfo:
        case kTracks:
        case kCluster:
        case kCues:
        case kTags:
        case kChapters:
        case kAttachments:
        case kSegment:
        case kEbmlHeader:
            return true;
        default:
            return false;
    }
}

std::string element_name(std::uint32_t id) {
    switch (id) {
        case kEbmlHeader:
            return "the WebM header";
        case kSegment:
            return "the WebM segment";
        case kCluster:
            return "a WebM cluster";
        case kTracks:
            return "the WebM track list";
        default:
            char text[48];
            std::snprintf(text, sizeof text, "a WebM element (ID 0x%X)", id);
            return text;
    }
}

struct Element {
    std::uint32_t id = 0;
    std::uint64_t start = 0;
    std::uint64_t body = 0;
    std::uint64_t end = 0;  // for an unknown size, the parent's end until its children say
    bool unknown_size = false;

    std::uint64_t size() const { return end - body; }
};

enum class Vint { Ok, Invalid, Short };

// An EBML variable-length integer: the leading zeros of its first byte give its length
// (1 to 8 bytes; a first byte of 0 is invalid). IDs keep the length marker, sizes drop it.
Vint read_vint(const Bytes& b, std::uint64_t at, std::uint64_t end, bool keep_marker,
               std::uint64_t& length, std::uint64_t& value) {
    length = 1;
    if (at >= end)
        return Vint::Short;
    const auto first = static_cast<std::uint8_t>(b.u8(at));
    if (first == 0)
        return Vint::Invalid;
    length = static_cast<std::uint64_t>(std::countl_zero(first)) + 1;  // also when Short
    if (length > end - at)
        return Vint::Short;
    value = keep_marker ? first : first & (0xFFu >> length);
    for (std::uint64_t i = 1; i < length; ++i)
        value = value << 8 | b.u8(at + i);
    return Vint::Ok;
}

// The elements in [begin, end), one after the other; like Boxes, a cut where `end` is the
// end of the file is reported as truncation. Only a Segment or a Cluster may have an
// unknown size (live recordings); its end is then found by its walker (resume_at).
class Elements {
  public:
    Elements(Walk& walk, std::uint64_t begin, std::uint64_t end)
        : walk_(walk), at_(begin), end_(end) {}
    Elements(Walk& walk, const Element& parent) : Elements(walk, parent.body, parent.end) {}

    bool next(Element& element) {
        if (at_ >= end_ || walk_.failed() || !walk_.visit())
            return false;
        if (!read(element))
            return false;
        at_ = element.end;
        return true;
    }
    void resume_at(std::uint64_t at) { at_ = at; }

  private:
    bool cut(std::string_view what, std::uint64_t end) {
        if (end_ == walk_.bytes.size())
            return walk_.fail(truncated(what, end, end_));
        return walk_.fail("corrupt WebM: " + std::string(what) + " at byte " + std::to_string(at_) +
                          " overruns the element that holds it");
    }
    bool bad(std::string_view what) {
        return walk_.fail("corrupt WebM: " + std::string(what) + " at byte " + std::to_string(at_));
    }

    bool read(Element& element) {
        const Bytes& b = walk_.bytes;
        std::uint64_t id_length = 0, id = 0, size_length = 0, size = 0;
        const Vint id_read = read_vint(b, at_, end_, true, id_length, id);
        if (id_read == Vint::Invalid || (id_read == Vint::Ok && id_length > kMaxEbmlIdBytes))
            return bad("an invalid element ID");
        if (id_read == Vint::Short)
            return cut("an element header", at_ + id_length);
        const std::uint64_t size_at = at_ + id_length;
        const Vint size_read = read_vint(b, size_at, end_, false, size_length, size);
        if (size_read == Vint::Invalid)
            return bad("an invalid element size");
        if (size_read == Vint::Short)
            return cut("an element header", size_at + size_length);
        element.id = static_cast<std::uint32_t>(id);
        element.start = at_;
        element.body = size_at + size_length;
        element.unknown_size = size == (std::uint64_t{1} << (7 * size_length)) - 1;
        if (element.unknown_size) {
            if (element.id != kSegment && element.id != kCluster)
                return bad(element_name(element.id) + " of unknown size");
            element.end = end_;
            return true;
        }
        if (size > end_ - element.body)
            return cut(element_name(element.id), add_capped(element.body, size));
        element.end = element.body + size;
        return true;
    }

    Walk& walk_;
    std::uint64_t at_;
    std::uint64_t end_;
};

bool corrupt_webm(Walk& w, const std::string& what) {
    return w.fail("corrupt WebM: " + what);
}

bool read_uint(Walk& w, const Element& element, std::uint64_t& value) {
    if (element.size() > 8)
        return corrupt_webm(w, element_name(element.id) + " holds a " +
                                   std::to_string(element.size()) + "-byte integer");
    value = 0;
    for (std::uint64_t at = element.body; at < element.end; ++at)
        value = value << 8 | w.bytes.u8(at);
    return true;
}

bool read_float(Walk& w, const Element& element, double& value) {
    const Bytes& b = w.bytes;
    if (element.size() == 4) {
        const std::uint32_t bits = b.be32(element.body);
        float single = 0;
        std::memcpy(&single, &bits, sizeof single);
        value = single;
    } else if (element.size() == 8) {
        const std::uint64_t bits = b.be64(element.body);
        std::memcpy(&value, &bits, sizeof value);
    } else if (element.size() == 0) {
        value = 0;
    } else {
        return corrupt_webm(w, element_name(element.id) + " holds a " +
                                   std::to_string(element.size()) + "-byte float");
    }
    return true;
}

// A string element's bytes without the zero padding EBML allows at its end.
struct Text {
    std::uint64_t at = 0;
    std::uint64_t length = 0;
};

Text read_text(const Bytes& b, const Element& element) {
    Text text{element.body, element.size()};
    while (text.length > 0 && b.u8(text.at + text.length - 1) == 0)
        --text.length;
    return text;
}

bool text_is(const Bytes& b, const Text& text, std::string_view expected) {
    return text.length == expected.size() && b.matches(text.at, expected);
}

struct WebmTrack {
    std::uint64_t number = 0;
    std::uint64_t type = 0;
    Text codec;
    std::uint64_t default_duration = 0;  // nanoseconds per frame, 0 when not given
    std::uint64_t width = 0;
    std::uint64_t height = 0;
};

struct WebmMovie {
    std::uint64_t timecode_scale = kDefaultTimecodeScale;
    std::optional<double> duration;  // in timecode ticks
    bool has_tracks = false;
    bool has_audio = false;
    std::optional<WebmTrack> video;
    std::uint64_t frames = 0;
    std::uint64_t last_frame_time = 0;  // in timecode ticks
};

// EBMLReadVersion 1, IDs of at most 4 bytes and sizes of at most 8, DocType webm or
// matroska (its default when absent).
bool read_ebml_header(Walk& w, const Element& header) {
    Elements children(w, header);
    Element element;
    while (children.next(element)) {
        std::uint64_t value = 0;
        if (element.id == kEbmlReadVersion || element.id == kEbmlMaxIdLength ||
            element.id == kEbmlMaxSizeLength) {
            if (!read_uint(w, element, value))
                return false;
            const bool ok = element.id == kEbmlReadVersion   ? value == 1
                            : element.id == kEbmlMaxIdLength ? value <= kMaxEbmlIdBytes
                                                             : value <= kMaxEbmlSizeBytes;
            if (!ok)
                return corrupt_webm(w, "unsupported EBML header values");
        } else if (element.id == kDocType) {
            const Text type = read_text(w.bytes, element);
            if (!text_is(w.bytes, type, "webm") && !text_is(w.bytes, type, "matroska"))
                return w.fail("not an MP4 or WebM clip (an EBML document of type '" +
                              printable(w.bytes, type.at, type.length) + "')");
        }
    }
    return !w.failed();
}

bool read_info(Walk& w, const Element& info, WebmMovie& movie) {
    Elements children(w, info);
    Element element;
    while (children.next(element)) {
        if (element.id == kTimecodeScale) {
            if (!read_uint(w, element, movie.timecode_scale))
                return false;
            if (movie.timecode_scale == 0)
                return corrupt_webm(w, "a zero timecode scale");
        } else if (element.id == kDuration) {
            double ticks = 0;
            if (!read_float(w, element, ticks))
                return false;
            if (!std::isfinite(ticks) || ticks < 0)
                return corrupt_webm(w, "an invalid duration");
            movie.duration = ticks;
        }
    }
    return !w.failed();
}

bool read_video(Walk& w, const Element& video, WebmTrack& track) {
    Elements children(w, video);
    Element element;
    while (children.next(element)) {
        if (element.id == kPixelWidth && !read_uint(w, element, track.width))
            return false;
        if (element.id == kPixelHeight && !read_uint(w, element, track.height))
            return false;
    }
    return !w.failed();
}

bool read_track_entry(Walk& w, const Element& entry, WebmTrack& track) {
    Elements children(w, entry);
    Element element;
    while (children.next(element)) {
        bool ok = true;
        if (element.id == kTrackNumber)
            ok = read_uint(w, element, track.number);
        else if (element.id == kTrackType)
            ok = read_uint(w, element, track.type);
        else if (element.id == kDefaultDuration)
            ok = read_uint(w, element, track.default_duration);
        else if (element.id == kCodecId)
            track.codec = read_text(w.bytes, element);
        else if (element.id == kVideo)
            ok = read_video(w, element, track);
        if (!ok)
            return false;
    }
    return !w.failed();
}

bool read_tracks(Walk& w, const Element& tracks, WebmMovie& movie) {
    if (movie.has_tracks)
        return corrupt_webm(w, "two track lists");
    movie.has_tracks = true;
    Elements children(w, tracks);
    Element element;
    while (children.next(element)) {
        if (element.id != kTrackEntry)
            continue;
        WebmTrack track;
        if (!read_track_entry(w, element, track))
            return false;
        if (track.type == kTrackTypeAudio)
            movie.has_audio = true;
        if (track.type == kTrackTypeVideo && !movie.video) {
            if (track.number == 0)
                return corrupt_webm(w, "the video track has no track number");
            movie.video = track;
        }
    }
    return !w.failed();
}

// A block: track number (a size-like vint), a signed 16-bit time from the cluster's, flags.
bool read_block(Walk& w, const Element& block, std::uint64_t cluster_time, WebmMovie& movie) {
    std::uint64_t length = 0, track = 0;
    if (read_vint(w.bytes, block.body, block.end, false, length, track) != Vint::Ok ||
        block.size() < length + 3)
        return corrupt_webm(w, "a block header at byte " + std::to_string(block.start));
    if (!movie.video || track != movie.video->number)
        return true;
    const auto relative = static_cast<std::int16_t>(w.bytes.be16(block.body + length));
    const auto magnitude = static_cast<std::uint64_t>(relative < 0 ? -relative : relative);
    const std::uint64_t time = relative >= 0              ? add_capped(cluster_time, magnitude)
                               : cluster_time > magnitude ? cluster_time - magnitude
                                                          : 0;
    movie.frames++;
    movie.last_frame_time = std::max(movie.last_frame_time, time);
    return true;
}

bool read_block_group(Walk& w, const Element& group, std::uint64_t cluster_time, WebmMovie& movie) {
    Elements children(w, group);
    Element element;
    while (children.next(element))
        if (element.id == kBlock && !read_block(w, element, cluster_time, movie))
            return false;
    return !w.failed();
}

// The cluster's blocks, each checked to lie in the file. An unknown-size cluster ends where
// a top-level element starts: `end` says where the segment's walk goes on.
bool read_cluster(Walk& w, const Element& cluster, WebmMovie& movie, std::uint64_t& end) {
    if (!movie.has_tracks)
        return corrupt_webm(w, "a cluster before the track list");
    end = cluster.end;
    std::uint64_t time = 0;
    Elements children(w, cluster);
    Element element;
    while (children.next(element)) {
        if (cluster.unknown_size && is_top_level(element.id)) {
            end = element.start;
            break;
        }
        bool ok = true;
        if (element.id == kClusterTimecode)
            ok = read_uint(w, element, time);
        else if (element.id == kSimpleBlock)
            ok = read_block(w, element, time, movie);
        else if (element.id == kBlockGroup)
            ok = read_block_group(w, element, time, movie);
        if (!ok)
            return false;
    }
    return !w.failed();
}

bool read_segment(Walk& w, const Element& segment, WebmMovie& movie) {
    Elements children(w, segment);
    Element element;
    while (children.next(element)) {
        bool ok = true;
        if (element.id == kInfo) {
            ok = read_info(w, element, movie);
        } else if (element.id == kTracks) {
            ok = read_tracks(w, element, movie);
        } else if (element.id == kCluster) {
            std::uint64_t end = element.end;
            ok = read_cluster(w, element, movie, end);
            children.resume_at(end);
        } else if (element.unknown_size) {
            return corrupt_webm(w, "a segment inside the segment");
        }
        if (!ok)
            return false;
    }
    return !w.failed();
}

ClipCodec webm_codec(const Bytes& b, const Text& codec) {
    if (text_is(b, codec, "V_MPEG4/ISO/AVC"))
        return ClipCodec::H264;
    if (text_is(b, codec, "V_MPEGH/ISO/HEVC"))
        return ClipCodec::Hevc;
    if (text_is(b, codec, "V_VP8"))
        return ClipCodec::Vp8;
    if (text_is(b, codec, "V_VP9"))
        return ClipCodec::Vp9;
    if (text_is(b, codec, "V_AV1"))
        return ClipCodec::Av1;
    return ClipCodec::Other;
}

// The Info duration; files recorded live often have none: the last frame's time then, plus
// one frame when the track says how long one lasts.
double webm_seconds(const WebmMovie& movie) {
    const double tick = static_cast<double>(movie.timecode_scale) / kNanosecondsPerSecond;
    if (movie.duration && *movie.duration > 0)
        return *movie.duration * tick;
    return static_cast<double>(movie.last_frame_time) * tick +
           static_cast<double>(movie.video->default_duration) / kNanosecondsPerSecond;
}

std::optional<ClipInfo> webm_info(Walk& w, const WebmMovie& movie) {
    if (!movie.has_tracks) {
        w.fail("no WebM track list (the clip is truncated or not finished)");
        return std::nullopt;
    }
    if (!movie.video) {
        w.fail(movie.has_audio ? "no video track (audio only)" : "no video track");
        return std::nullopt;
    }
    if (movie.frames == 0) {
        w.fail("no video frames (the clip is truncated or not finished)");
        return std::nullopt;
    }
    const WebmTrack& video = *movie.video;
    ClipInfo info;
    info.container = ClipContainer::WebM;
    info.codec = webm_codec(w.bytes, video.codec);
    info.codec_tag = printable(w.bytes, video.codec.at, video.codec.length);
    info.width = static_cast<std::uint32_t>(std::min<std::uint64_t>(video.width, UINT32_MAX));
    info.height = static_cast<std::uint32_t>(std::min<std::uint64_t>(video.height, UINT32_MAX));
    info.seconds = webm_seconds(movie);
    info.has_audio = movie.has_audio;
    info.frame_count = movie.frames;
    return info;
}

std::optional<ClipInfo> probe_webm(Walk& w) {
    Elements top(w, 0, w.bytes.size());
    Element header;
    if (!top.next(header) || !read_ebml_header(w, header))
        return std::nullopt;
    Element element;
    while (top.next(element)) {
        if (element.id == kSegment) {
            WebmMovie movie;
            if (!read_segment(w, element, movie))
                return std::nullopt;
            return webm_info(w, movie);
        }
        if (element.unknown_size)
            break;
    }
    if (!w.failed())
        w.fail("no WebM segment (the clip is truncated or not finished)");
    return std::nullopt;
}

// ---- Formats ------------------------------------------------------------------------------

bool is_ebml(const Bytes& b) {
    return b.matches(0, "\x1A\x45\xDF\xA3");
}

// ISO files start with ftyp; QuickTime files older than it with one of these boxes.
bool is_mp4(const Bytes& b) {
    return b.matches(4, "ftyp") || b.matches(4, "moov") || b.matches(4, "mdat") ||
           b.matches(4, "free") || b.matches(4, "wide") || b.matches(4, "skip");
}

bool is_heif_image(const Bytes& b) {
    if (!b.matches(4, "ftyp"))
        return false;
    for (std::string_view brand : {"heic", "heix", "mif1", "msf1", "avif", "avis"})
        if (b.matches(8, brand))
            return true;
    return false;
}

// A facilitator may give a picture or another video format: name it.
std::string unknown_format_reason(const Bytes& b) {
    const std::string base = "not an MP4 or WebM clip";
    if (b.matches(0, "\x89PNG") || b.matches(0, "\xFF\xD8\xFF") || b.matches(0, "GIF8") ||
        (b.matches(0, "RIFF") && b.matches(8, "WEBP")))
        return base + " (it is a picture: give it \"kind\": \"image\")";
    if (b.matches(0, "RIFF") && b.matches(8, "AVI "))
        return base + " (it is an AVI file; convert it to MP4)";
    if (b.matches(0, "OggS"))
        return base + " (it is an Ogg file; convert it to WebM or MP4)";
    if (b.matches(0, "<") || b.matches(0, "\xEF\xBB\xBF<"))
        return base + " (it looks like a web page; save the clip itself)";
    return base;
}

std::optional<ClipInfo> probe(Walk& w) {
    const Bytes& b = w.bytes;
    if (is_ebml(b))
        return probe_webm(w);
    if (is_heif_image(b)) {
        w.fail("not an MP4 or WebM clip (it is a HEIC or AVIF picture)");
        return std::nullopt;
    }
    if (is_mp4(b))
        return probe_mp4(w);
    w.fail(unknown_format_reason(b));
    return std::nullopt;
}

}  // namespace

std::optional<ClipInfo> probe_clip(std::span<const std::uint8_t> bytes, std::string* why) {
    Walk walk(bytes);
    auto info = probe(walk);
    if (!info && why)
        *why = walk.why;
    return info;
}

const char* codec_name(ClipCodec codec) {
    switch (codec) {
        case ClipCodec::H264:
            return "H.264";
        case ClipCodec::Vp8:
            return "VP8";
        case ClipCodec::Vp9:
            return "VP9";
        case ClipCodec::Av1:
            return "AV1";
        case ClipCodec::Hevc:
            return "HEVC (H.265)";
        case ClipCodec::Other:
            break;
    }
    return "an unknown codec";
}

}  // namespace rc::content
