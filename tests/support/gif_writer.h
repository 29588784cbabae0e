// GIF files for the decoder's tests, built byte by byte: a real LZW encoder (with the clear
// codes and the full dictionary under the test's control), a packer for code sequences
// written by hand (the codes no encoder writes), and the file's blocks around them. No
// library writes the broken files a hostile pack holds, so the tests write their own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rc::tests {

struct GifColour {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
};

struct LzwDesc {
    int code_size = 2;    // the frame's LZW minimum code size (2 to 8 for a valid file)
    int clear_every = 0;  // also write a clear code after this many codes (0: never)
    // When the 4096 entries are full: false writes a clear code (as most encoders do), true
    // goes on with the full dictionary (GIF89a's deferred clear).
    bool defer_clear = false;
    bool end_code = true;  // end with the end-of-information code
};

// The LZW codes of `indices` (each below 1 << code_size), packed; not yet in sub-blocks.
std::string lzw_encode(const std::vector<std::uint8_t>& indices, const LzwDesc& desc);

// Packs `codes` as written by hand, each at the width a decoder reads it with: the width
// grows as the dictionary does (one entry a code after the first since a clear, up to 4096
// entries), whether or not the codes make sense.
std::string lzw_pack(int code_size, const std::vector<unsigned>& codes);

// `data` cut into sub-blocks of at most `block_size` bytes, then the empty one.
std::string gif_sub_blocks(const std::string& data, std::size_t block_size = 255);

// The rows of a frame (width × height indices, top to bottom) in the order an interlaced
// frame stores them.
std::vector<std::uint8_t> interlace_rows(const std::vector<std::uint8_t>& indices, int width,
                                         int height);

struct GifFrameSpec {
    int left = 0;
    int top = 0;
    int width = 0;
    int height = 0;
    bool interlaced = false;
    std::vector<GifColour> local_table;  // none when empty
    int transparent = -1;  // ≥ 0: a graphic control extension with this transparent index
    int code_size = 2;     // the byte written, valid or not
    std::string data;      // LZW data (lzw_encode, lzw_pack), cut into sub-blocks here
};

struct GifSpec {
    int width = 0;
    int height = 0;
    bool gif89 = true;
    std::vector<GifColour> global_table;  // none when empty
    std::string before_frames;            // raw blocks between the screen and the frames
    std::vector<GifFrameSpec> frames;
    bool trailer = true;
};

// The whole file. Colour tables are padded with black to a power of two (2 to 256).
std::string gif_file(const GifSpec& spec);

// A frame covering the whole screen with these indices, encoded at `code_size`.
GifSpec simple_gif(int width, int height, const std::vector<GifColour>& table,
                   const std::vector<std::uint8_t>& indices, int code_size = 2);

}  // namespace rc::tests
