// Hand-built clip containers for the content tests: MP4 boxes and WebM (EBML) elements with
// every size and count the probe reads, so tests can break one field at a time. The sample
// data is filler: these clips do not decode. Real clips made by ffmpeg are in
// fixtures/clips/ (make.sh).
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "content/test_images.h"

namespace rc::tests {

inline std::string be24(std::uint32_t v) {
    return static_cast<char>(v >> 16 & 0xFF) + be16(v & 0xFFFF);
}
inline std::string be64(std::uint64_t v) {
    return be32(static_cast<std::uint32_t>(v >> 32)) + be32(static_cast<std::uint32_t>(v));
}

// ---- MP4 ---------------------------------------------------------------------------------

inline std::string box(std::string_view type, const std::string& payload) {
    return be32(static_cast<std::uint32_t>(8 + payload.size())) + std::string(type) + payload;
}
// The same box with a 64-bit size (size field 1, then the size after the type).
inline std::string wide_box(std::string_view type, const std::string& payload) {
    return be32(1) + std::string(type) + be64(16 + payload.size()) + payload;
}
inline std::string full_box(std::string_view type, std::uint8_t version, std::uint32_t flags,
                            const std::string& payload) {
    return box(type, static_cast<char>(version) + be24(flags) + payload);
}

struct Mp4Desc {
    std::string entry = "avc1";  // the sample entry type (codec)
    std::uint16_t width = 640;
    std::uint16_t height = 480;
    std::uint32_t timescale = 1000;   // mdhd, also used for mvhd
    std::uint32_t duration = 2000;    // mdhd and mvhd
    std::int32_t matrix_a = 0x10000;  // tkhd matrix: (a, b, c, d) = (a, b, -b, a)
    std::int32_t matrix_b = 0;
    std::vector<std::uint32_t> sample_sizes = {100, 50, 50, 70};
    std::vector<std::uint32_t> chunk_samples = {2, 1, 1};  // samples in each chunk, in order
    bool audio = false;                                    // a second, sound track
    bool moov_first = true;     // moov before mdat ("faststart"), else after it
    bool wide_offsets = false;  // co64 instead of stco
    bool wide_boxes = false;    // moov and mdat with 64-bit sizes
};

inline std::string mp4_tkhd(const Mp4Desc& d, std::uint32_t id) {
    std::string matrix = be32(static_cast<std::uint32_t>(d.matrix_a)) +
                         be32(static_cast<std::uint32_t>(d.matrix_b)) + be32(0) +
                         be32(static_cast<std::uint32_t>(-d.matrix_b)) +
                         be32(static_cast<std::uint32_t>(d.matrix_a)) + be32(0) + be32(0) +
                         be32(0) + be32(0x40000000);
    return full_box("tkhd", 0, 3,
                    be32(0) + be32(0) + be32(id) + be32(0) + be32(d.duration) +
                        std::string(16, '\0') + matrix + be32(std::uint32_t{d.width} << 16) +
                        be32(std::uint32_t{d.height} << 16));
}

inline std::string mp4_visual_entry(const Mp4Desc& d) {
    return box(d.entry, std::string(6, '\0') + be16(1) + std::string(16, '\0') + be16(d.width) +
                            be16(d.height) + be32(0x00480000) + be32(0x00480000) + be32(0) +
                            be16(1) + std::string(32, '\0') + be16(0x18) + be16(0xFFFF));
}

// stsd, stsz, stsc (runs of equal chunks), stco/co64 for samples starting at `data_at`.
inline std::string mp4_stbl(const Mp4Desc& d, std::uint64_t data_at) {
    std::string sizes;
    for (auto size : d.sample_sizes)
        sizes += be32(size);
    std::string runs, offsets;
    std::uint32_t run_count = 0, sample = 0, chunk = 0;
    std::uint64_t at = data_at;
    for (auto count : d.chunk_samples) {
        ++chunk;
        if (chunk == 1 || count != d.chunk_samples[chunk - 2]) {
            runs += be32(chunk) + be32(count) + be32(1);
            ++run_count;
        }
        offsets += d.wide_offsets ? be64(at) : be32(static_cast<std::uint32_t>(at));
        for (std::uint32_t i = 0; i < count && sample < d.sample_sizes.size(); ++i)
            at += d.sample_sizes[sample++];
    }
    const auto chunk_count = static_cast<std::uint32_t>(d.chunk_samples.size());
    return box(
        "stbl",
        full_box("stsd", 0, 0, be32(1) + mp4_visual_entry(d)) +
            full_box("stsz", 0, 0,
                     be32(0) + be32(static_cast<std::uint32_t>(d.sample_sizes.size())) + sizes) +
            full_box("stsc", 0, 0, be32(run_count) + runs) +
            full_box(d.wide_offsets ? "co64" : "stco", 0, 0, be32(chunk_count) + offsets));
}

inline std::string mp4_mdhd(std::uint32_t timescale, std::uint32_t duration) {
    return full_box("mdhd", 0, 0,
                    be32(0) + be32(0) + be32(timescale) + be32(duration) + be32(0x55C40000));
}

inline std::string mp4_hdlr(std::string_view handler) {
    return full_box("hdlr", 0, 0, be32(0) + std::string(handler) + std::string(13, '\0'));
}

inline std::string mp4_audio_trak(const Mp4Desc& d) {
    const std::string entry = box("mp4a", std::string(6, '\0') + be16(1) + std::string(20, '\0'));
    const std::string stbl =
        box("stbl", full_box("stsd", 0, 0, be32(1) + entry) +
                        full_box("stsz", 0, 0, be32(0) + be32(0)) +
                        full_box("stsc", 0, 0, be32(0)) + full_box("stco", 0, 0, be32(0)));
    return box("trak", mp4_tkhd(d, 2) + box("mdia", mp4_mdhd(48000, 96000) + mp4_hdlr("soun") +
                                                        box("minf", stbl)));
}

inline std::string mp4_moov(const Mp4Desc& d, std::uint64_t data_at) {
    std::string mvhd = full_box("mvhd", 0, 0,
                                be32(0) + be32(0) + be32(d.timescale) + be32(d.duration) +
                                    be32(0x00010000) + be16(0x0100) + std::string(10, '\0') +
                                    std::string(36, '\0') + std::string(24, '\0') + be32(3));
    std::string video = box(
        "trak", mp4_tkhd(d, 1) + box("mdia", mp4_mdhd(d.timescale, d.duration) + mp4_hdlr("vide") +
                                                 box("minf", mp4_stbl(d, data_at))));
    const std::string body = mvhd + video + (d.audio ? mp4_audio_trak(d) : "");
    return d.wide_boxes ? wide_box("moov", body) : box("moov", body);
}

inline std::string mp4_ftyp() {
    return box("ftyp", std::string("isom") + be32(0x200) + "isomiso2avc1mp41");
}

inline std::string mp4_clip(const Mp4Desc& d = {}) {
    std::uint64_t data_bytes = 0;
    for (auto size : d.sample_sizes)
        data_bytes += size;
    const std::string ftyp = mp4_ftyp();
    const std::string data(data_bytes, '\x5A');
    const std::string mdat = d.wide_boxes ? wide_box("mdat", data) : box("mdat", data);
    const std::size_t mdat_header = mdat.size() - data.size();
    if (!d.moov_first)
        return ftyp + mdat + mp4_moov(d, ftyp.size() + mdat_header);
    // The moov's size does not depend on the offsets it holds: measure it, then place them.
    const std::size_t moov_size = mp4_moov(d, 0).size();
    return ftyp + mp4_moov(d, ftyp.size() + moov_size + mdat_header) + mdat;
}

// Where the first box of `type` starts (its size field), searching from `from`.
inline std::size_t find_box(const std::string& bytes, std::string_view type, std::size_t from = 0) {
    const auto at = bytes.find(type, from);
    return at == std::string::npos ? at : at - 4;
}

inline void put_be32(std::string& bytes, std::size_t at, std::uint32_t value) {
    bytes.replace(at, 4, be32(value));
}

// Inserts `inserted` at `at`, growing the (32-bit) size of each box in `parents`, found by
// type from the start. For clips with the moov last: the chunk offsets stay right.
inline std::string insert_in_boxes(const std::string& bytes, std::size_t at,
                                   const std::string& inserted,
                                   std::initializer_list<std::string_view> parents) {
    std::string grown = bytes.substr(0, at) + inserted + bytes.substr(at);
    for (auto type : parents) {
        const std::size_t parent = find_box(grown, type);
        const auto size =
            static_cast<std::uint32_t>(static_cast<std::uint8_t>(grown[parent]) << 24 |
                                       static_cast<std::uint8_t>(grown[parent + 1]) << 16 |
                                       static_cast<std::uint8_t>(grown[parent + 2]) << 8 |
                                       static_cast<std::uint8_t>(grown[parent + 3]));
        put_be32(grown, parent, size + static_cast<std::uint32_t>(inserted.size()));
    }
    return grown;
}

// ---- WebM (EBML) -------------------------------------------------------------------------

// An element ID is written with its length marker, as the specification lists it.
inline std::string ebml_id(std::uint32_t id) {
    std::string bytes;
    for (int shift = 24; shift >= 0; shift -= 8)
        if (!bytes.empty() || (id >> shift & 0xFF) != 0 || shift == 0)
            bytes += static_cast<char>(id >> shift & 0xFF);
    return bytes;
}
// A size as an 8-byte vint (0x01 then 7 bytes); kEbmlUnknown is the all-ones "unknown".
inline constexpr std::uint64_t kEbmlUnknown = (std::uint64_t{1} << 56) - 1;
inline std::string ebml_size(std::uint64_t size) {
    return be64(size | std::uint64_t{1} << 56);
}
inline std::string ebml(std::uint32_t id, const std::string& payload) {
    return ebml_id(id) + ebml_size(payload.size()) + payload;
}
inline std::string ebml_unknown(std::uint32_t id, const std::string& payload) {
    return ebml_id(id) + ebml_size(kEbmlUnknown) + payload;
}
inline std::string ebml_uint(std::uint32_t id, std::uint64_t value) {
    std::string bytes;
    for (int shift = 56; shift >= 0; shift -= 8)
        if (!bytes.empty() || (value >> shift & 0xFF) != 0 || shift == 0)
            bytes += static_cast<char>(value >> shift & 0xFF);
    return ebml(id, bytes);
}
inline std::string ebml_double(std::uint32_t id, double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return ebml(id, be64(bits));
}

inline std::string ebml_float(std::uint32_t id, float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return ebml(id, be32(bits));
}

struct WebmDesc {
    std::string doc_type = "webm";
    std::string codec = "V_VP9";
    std::uint64_t width = 320;
    std::uint64_t height = 240;
    std::uint64_t timecode_scale = 1'000'000;
    double duration = 1500;       // in timecode ticks (ms by default); negative: no Duration
    bool float_duration = false;  // a 4-byte float, not an 8-byte one
    int frames = 3;               // video blocks, one every 500 ticks, over two clusters
    bool audio = false;
    bool unknown_sizes = false;  // segment and clusters of unknown size, as live recordings
    std::string extra;           // more elements between the track list and the clusters
};

// A SimpleBlock: track number 1 (vint 0x81), a relative time, key frame flag, filler.
inline std::string webm_block(std::uint8_t track, std::int16_t time) {
    return ebml(0xA3, std::string(1, static_cast<char>(0x80 | track)) +
                          be16(static_cast<std::uint16_t>(time)) + "\x80" + "frame");
}

inline std::string webm_tracks(const WebmDesc& d) {
    std::string video = ebml(0xE0, ebml_uint(0xB0, d.width) + ebml_uint(0xBA, d.height));
    std::string entries =
        ebml(0xAE, ebml_uint(0xD7, 1) + ebml_uint(0x83, 1) + ebml(0x86, d.codec) + video);
    if (d.audio)
        entries += ebml(0xAE, ebml_uint(0xD7, 2) + ebml_uint(0x83, 2) + ebml(0x86, "A_OPUS"));
    return ebml(0x1654AE6B, entries);
}

inline std::string webm_clusters(const WebmDesc& d) {
    std::string clusters;
    for (int first = 0; first < d.frames; first += 2) {
        std::string blocks = ebml_uint(0xE7, static_cast<std::uint64_t>(first) * 500);
        for (int i = first; i < std::min(first + 2, d.frames); ++i) {
            blocks += webm_block(1, static_cast<std::int16_t>((i - first) * 500));
            if (d.audio)
                blocks += webm_block(2, static_cast<std::int16_t>((i - first) * 500));
        }
        clusters += d.unknown_sizes ? ebml_unknown(0x1F43B675, blocks) : ebml(0x1F43B675, blocks);
    }
    return clusters;
}

inline std::string webm_header(std::string_view doc_type = "webm") {
    return ebml(0x1A45DFA3, ebml_uint(0x4286, 1) + ebml_uint(0x42F7, 1) + ebml_uint(0x42F2, 4) +
                                ebml_uint(0x42F3, 8) + ebml(0x4282, std::string(doc_type)) +
                                ebml_uint(0x4287, 4) + ebml_uint(0x4285, 2));
}

inline std::string webm_clip(const WebmDesc& d = {}) {
    std::string info = ebml_uint(0x2AD7B1, d.timecode_scale);
    if (d.duration >= 0 && d.float_duration)
        info += ebml_float(0x4489, static_cast<float>(d.duration));
    else if (d.duration >= 0)
        info += ebml_double(0x4489, d.duration);
    const std::string body = ebml(0x1549A966, info) + webm_tracks(d) + d.extra + webm_clusters(d);
    return webm_header(d.doc_type) +
           (d.unknown_sizes ? ebml_unknown(0x18538067, body) : ebml(0x18538067, body));
}

}  // namespace rc::tests
