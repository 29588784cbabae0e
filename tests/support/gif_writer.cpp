#include "support/gif_writer.h"

#include <algorithm>
#include <map>
#include <utility>

namespace rc::tests {
namespace {

constexpr unsigned kMaxEntries = 4096;  // the 12-bit dictionary
constexpr int kMaxBits = 12;

std::string le16(int value) {
    return {static_cast<char>(value & 0xFF), static_cast<char>(value >> 8 & 0xFF)};
}

// Codes of varying width, least significant bit first, as GIF stores them.
class BitWriter {
  public:
    void put(unsigned code, int bits) {
        held_ |= std::uint64_t{code & ((1u << bits) - 1)} << count_;
        count_ += bits;
        while (count_ >= 8) {
            bytes_ += static_cast<char>(held_ & 0xFF);
            held_ >>= 8;
            count_ -= 8;
        }
    }
    std::string finish() {
        if (count_ > 0)
            bytes_ += static_cast<char>(held_ & 0xFF);
        held_ = 0;
        count_ = 0;
        return bytes_;
    }

  private:
    std::string bytes_;
    std::uint64_t held_ = 0;
    int count_ = 0;
};

// The 3-bit size code of a table of `entries` colours (2 << code entries), and its length.
int table_size_code(std::size_t entries) {
    int code = 0;
    while ((std::size_t{2} << code) < entries && code < 7)
        ++code;
    return code;
}

std::string colour_table(const std::vector<GifColour>& table) {
    const std::size_t entries = std::size_t{2} << table_size_code(table.size());
    std::string out;
    for (std::size_t i = 0; i < entries; ++i) {
        const GifColour c = i < table.size() ? table[i] : GifColour{};
        out += {static_cast<char>(c.r), static_cast<char>(c.g), static_cast<char>(c.b)};
    }
    return out;
}

std::string graphic_control(int transparent) {
    return std::string("\x21\xF9\x04\x01\x00\x00", 6) + static_cast<char>(transparent) +
           std::string(1, '\0');
}

std::string frame_bytes(const GifFrameSpec& frame) {
    std::string out;
    if (frame.transparent >= 0)
        out += graphic_control(frame.transparent);
    int packed = frame.interlaced ? 0x40 : 0;
    if (!frame.local_table.empty())
        packed |= 0x80 | table_size_code(frame.local_table.size());
    out += "\x2C" + le16(frame.left) + le16(frame.top) + le16(frame.width) + le16(frame.height) +
           static_cast<char>(packed);
    if (!frame.local_table.empty())
        out += colour_table(frame.local_table);
    out += static_cast<char>(frame.code_size);
    return out + gif_sub_blocks(frame.data);
}

}  // namespace

// A textbook encoder, written apart from lzw_pack so the two check each other (and checked
// once against ImageMagick): the width grows when the next entry would not fit the code a
// decoder reads, which lags the encoder by one entry.
std::string lzw_encode(const std::vector<std::uint8_t>& indices, const LzwDesc& desc) {
    const unsigned clear = 1u << desc.code_size;
    const unsigned end = clear + 1;
    BitWriter out;
    std::map<std::pair<unsigned, std::uint8_t>, unsigned> entries;
    int bits = desc.code_size + 1;
    unsigned next = end + 1;
    int since_clear = 0;
    const auto restart = [&] {
        out.put(clear, bits);
        entries.clear();
        bits = desc.code_size + 1;
        next = end + 1;
        since_clear = 0;
    };
    restart();
    if (indices.empty()) {
        out.put(end, bits);
        return out.finish();
    }
    unsigned current = indices[0];
    for (std::size_t i = 1; i < indices.size(); ++i) {
        const auto key = std::make_pair(current, indices[i]);
        if (auto found = entries.find(key); found != entries.end()) {
            current = found->second;
            continue;
        }
        out.put(current, bits);
        ++since_clear;
        if (next < kMaxEntries) {
            entries[key] = next++;
            if (next > (1u << bits) && bits < kMaxBits)
                ++bits;
        }
        if ((next == kMaxEntries && !desc.defer_clear) ||
            (desc.clear_every > 0 && since_clear >= desc.clear_every))
            restart();
        current = indices[i];
    }
    out.put(current, bits);
    if (desc.end_code) {
        // The decoder adds an entry for the last code before it reads the end code.
        if (next < kMaxEntries && since_clear > 0 && next + 1 > (1u << bits) && bits < kMaxBits)
            ++bits;
        out.put(end, bits);
    }
    return out.finish();
}

std::string lzw_pack(int code_size, const std::vector<unsigned>& codes) {
    const unsigned clear = 1u << code_size;
    BitWriter out;
    int bits = code_size + 1;
    unsigned next = clear + 2;
    bool has_previous = false;
    for (unsigned code : codes) {
        out.put(code, bits);
        if (code == clear) {
            bits = code_size + 1;
            next = clear + 2;
            has_previous = false;
            continue;
        }
        if (code == clear + 1)
            continue;
        if (has_previous && next < kMaxEntries && ++next == (1u << bits) && bits < kMaxBits)
            ++bits;
        has_previous = true;
    }
    return out.finish();
}

std::string gif_sub_blocks(const std::string& data, std::size_t block_size) {
    std::string out;
    for (std::size_t at = 0; at < data.size(); at += block_size) {
        const std::size_t size = std::min(block_size, data.size() - at);
        out += static_cast<char>(size);
        out += data.substr(at, size);
    }
    return out + std::string(1, '\0');
}

std::vector<std::uint8_t> interlace_rows(const std::vector<std::uint8_t>& indices, int width,
                                         int height) {
    constexpr int kPasses[4][2] = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};  // first row, step
    std::vector<std::uint8_t> out;
    for (const auto& pass : kPasses)
        for (int row = pass[0]; row < height; row += pass[1])
            out.insert(out.end(), indices.begin() + row * width,
                       indices.begin() + (row + 1) * width);
    return out;
}

std::string gif_file(const GifSpec& spec) {
    std::string out = spec.gif89 ? "GIF89a" : "GIF87a";
    int packed = 0;
    if (!spec.global_table.empty())
        packed = 0x80 | 0x70 | table_size_code(spec.global_table.size());
    out += le16(spec.width) + le16(spec.height) + static_cast<char>(packed) + std::string(2, '\0');
    if (!spec.global_table.empty())
        out += colour_table(spec.global_table);
    out += spec.before_frames;
    for (const auto& frame : spec.frames)
        out += frame_bytes(frame);
    if (spec.trailer)
        out += '\x3B';
    return out;
}

GifSpec simple_gif(int width, int height, const std::vector<GifColour>& table,
                   const std::vector<std::uint8_t>& indices, int code_size) {
    GifSpec spec;
    spec.width = width;
    spec.height = height;
    spec.global_table = table;
    GifFrameSpec frame;
    frame.width = width;
    frame.height = height;
    frame.code_size = code_size;
    LzwDesc lzw;
    lzw.code_size = code_size;
    frame.data = lzw_encode(indices, lzw);
    spec.frames.push_back(frame);
    return spec;
}

}  // namespace rc::tests
