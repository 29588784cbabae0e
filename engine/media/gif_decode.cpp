// GIF decoding; see gif_decode.h. The bytes are hostile and fuzzed: every read goes through
// Reader (file structure) or CodeReader (LZW data), which check bounds first.
#include "engine/media/gif_decode.h"

#include <array>
#include <cstring>
#include <memory>

namespace rc::engine {
namespace {

constexpr std::size_t kSignatureBytes = 6;       // "GIF87a" / "GIF89a"
constexpr std::size_t kScreenBytes = 7;          // the logical screen descriptor
constexpr std::size_t kDescriptorBytes = 9;      // an image descriptor, after its 0x2C
constexpr std::size_t kGraphicControlBytes = 4;  // flags, delay (2), transparent index
constexpr std::uint8_t kExtensionIntroducer = 0x21;
constexpr std::uint8_t kImageSeparator = 0x2C;
constexpr std::uint8_t kTrailer = 0x3B;
constexpr std::uint8_t kGraphicControlLabel = 0xF9;
constexpr std::uint8_t kColourTableFlag = 0x80;   // in the screen's and the frame's packed byte
constexpr std::uint8_t kInterlaceFlag = 0x40;     // in the frame's packed byte
constexpr std::uint8_t kTransparencyFlag = 0x01;  // in the graphic control's flags
constexpr int kNoTransparency = -1;
constexpr std::size_t kBytesPerPixel = 4;
constexpr std::size_t kPaletteSize = 256;  // every 8-bit index has a colour

// A bounds-checked cursor over the file's structure (not its LZW data).
class Reader {
  public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    bool has(std::size_t count) const { return count <= bytes_.size() - at_; }
    std::size_t at() const { return at_; }
    // Callers check has() first; these assume it.
    std::uint8_t u8() { return bytes_[at_++]; }
    std::uint16_t le16() {
        const std::uint16_t low = u8();
        return static_cast<std::uint16_t>(low | u8() << 8);
    }
    std::span<const std::uint8_t> take(std::size_t count) {
        const auto taken = bytes_.subspan(at_, count);
        at_ += count;
        return taken;
    }
    // Skips data sub-blocks (a size byte, then that many bytes) and the empty one that
    // ends them; false when they run off the end of the bytes.
    bool skip_sub_blocks() {
        while (has(1)) {
            const std::size_t size = u8();
            if (size == 0)
                return true;
            if (!has(size))
                return false;
            at_ += size;
        }
        return false;
    }

  private:
    std::span<const std::uint8_t> bytes_;
    std::size_t at_ = 0;
};

using Colour = std::array<std::uint8_t, kBytesPerPixel>;  // R, G, B, A as RGBA32 lays them
using Palette = std::array<Colour, kPaletteSize>;

// The colour table whose size code is in the low 3 bits of `packed`: 2^(code+1) entries.
// Entries past its end stay opaque black.
bool read_palette(Reader& in, std::uint8_t packed, Palette* palette) {
    const std::size_t entries = std::size_t{2} << (packed & 7);
    if (!in.has(3 * entries))
        return false;
    palette->fill(Colour{0, 0, 0, 0xFF});
    for (std::size_t i = 0; i < entries; ++i) {
        const auto rgb = in.take(3);
        (*palette)[i] = Colour{rgb[0], rgb[1], rgb[2], 0xFF};
    }
    return true;
}

struct Size {
    int width = 0;
    int height = 0;
};

// Why `size` cannot be decoded (zero, more than `max_pixels`), or empty.
std::string size_problem(const char* what, Size size, std::uint64_t max_pixels) {
    const std::string dimensions = std::to_string(size.width) + "×" + std::to_string(size.height);
    if (size.width == 0 || size.height == 0)
        return std::string("GIF ") + what + " gives a zero size (" + dimensions + ")";
    const std::uint64_t pixels = std::uint64_t(size.width) * std::uint64_t(size.height);
    if (pixels > max_pixels)
        return std::string("GIF ") + what + " of " + dimensions + " pixels is over the limit of " +
               std::to_string(max_pixels);
    return {};
}

struct Screen {
    Size size;
    bool has_palette = false;
    Palette palette{};
};

bool read_screen(Reader& in, std::uint64_t max_pixels, Screen* screen, std::string* why) {
    if (!in.has(kSignatureBytes + kScreenBytes)) {
        *why = "truncated GIF header";
        return false;
    }
    const auto signature = in.take(kSignatureBytes);
    if (std::memcmp(signature.data(), "GIF87a", kSignatureBytes) != 0 &&
        std::memcmp(signature.data(), "GIF89a", kSignatureBytes) != 0) {
        *why = "not a GIF87a or GIF89a file";
        return false;
    }
    screen->size.width = in.le16();
    screen->size.height = in.le16();
    const std::uint8_t packed = in.u8();
    in.take(2);  // background colour (a browser shows the page behind instead) and aspect
    *why = size_problem("screen", screen->size, max_pixels);
    if (!why->empty())
        return false;
    screen->has_palette = (packed & kColourTableFlag) != 0;
    if (screen->has_palette && !read_palette(in, packed, &screen->palette)) {
        *why = "truncated GIF colour table";
        return false;
    }
    return true;
}

// The transparent index of a graphic control extension, from its first sub-block; `in` is
// a copy, so the caller then skips every sub-block alike.
int graphic_control_transparency(Reader in) {
    if (!in.has(1) || in.u8() < kGraphicControlBytes || !in.has(kGraphicControlBytes))
        return kNoTransparency;  // too short to hold one: ignored, as browsers ignore it
    const auto control = in.take(kGraphicControlBytes);
    return (control[0] & kTransparencyFlag) ? control[3] : kNoTransparency;
}

// Walks extensions up to the first image descriptor, keeping the transparency of the last
// graphic control extension before it (it applies to the next frame only).
bool find_first_frame(Reader& in, int* transparent, std::string* why) {
    *transparent = kNoTransparency;
    while (in.has(1)) {
        const std::uint8_t introducer = in.u8();
        if (introducer == kImageSeparator)
            return true;
        if (introducer == kTrailer) {
            *why = "GIF holds no frame";
            return false;
        }
        if (introducer != kExtensionIntroducer) {
            *why = "corrupt GIF (a stray byte before the first frame)";
            return false;
        }
        if (!in.has(1))
            break;
        if (in.u8() == kGraphicControlLabel)
            *transparent = graphic_control_transparency(in);
        if (!in.skip_sub_blocks())
            break;
    }
    *why = "truncated GIF (it ends before its first frame)";
    return false;
}

struct Frame {
    int left = 0;
    int top = 0;
    Size size;
    bool interlaced = false;
    int transparent = kNoTransparency;
    int code_size = 0;
};

// The image descriptor after its 0x2C, the colour table it uses (its own, else the
// screen's) and the LZW code size byte: `in` then stands at the first data sub-block.
bool read_frame(Reader& in, const Screen& screen, std::uint64_t max_pixels, Frame* frame,
                Palette* palette, std::string* why) {
    if (!in.has(kDescriptorBytes)) {
        *why = "truncated GIF (it ends in its first frame's descriptor)";
        return false;
    }
    frame->left = in.le16();
    frame->top = in.le16();
    frame->size.width = in.le16();
    frame->size.height = in.le16();
    const std::uint8_t packed = in.u8();
    frame->interlaced = (packed & kInterlaceFlag) != 0;
    *why = size_problem("frame", frame->size, max_pixels);
    if (!why->empty())
        return false;
    if (packed & kColourTableFlag) {
        if (!read_palette(in, packed, palette)) {
            *why = "truncated GIF colour table";
            return false;
        }
    } else if (screen.has_palette) {
        *palette = screen.palette;
    } else {
        *why = "GIF frame has no colour table";
        return false;
    }
    if (!in.has(1)) {
        *why = "truncated GIF (it ends before its first frame's data)";
        return false;
    }
    frame->code_size = in.u8();
    if (frame->code_size < kGifMinCodeSize || frame->code_size > kGifMaxCodeSize) {
        *why = "corrupt GIF data (LZW code size " + std::to_string(frame->code_size) +
               ", expected 2 to 8)";
        return false;
    }
    return true;
}

// LZW codes, read least significant bit first across the data sub-blocks of one frame.
class CodeReader {
  public:
    CodeReader(std::span<const std::uint8_t> bytes, std::size_t at) : bytes_(bytes), at_(at) {}

    // False at the end of the data: the empty sub-block, or the end of the bytes when the
    // file is cut (a sub-block announcing more than is left gives what is left).
    bool read(int bits, unsigned* code) {
        while (held_ < bits) {
            std::uint8_t byte = 0;
            if (!next_byte(&byte))
                return false;
            bits_ |= std::uint32_t{byte} << held_;
            held_ += 8;
        }
        *code = bits_ & ((1u << bits) - 1);
        bits_ >>= bits;
        held_ -= bits;
        return true;
    }

  private:
    bool next_byte(std::uint8_t* byte) {
        if (block_left_ == 0) {
            if (at_ >= bytes_.size() || bytes_[at_] == 0)
                return false;
            block_left_ = bytes_[at_++];
        }
        if (at_ >= bytes_.size())
            return false;
        *byte = bytes_[at_++];
        --block_left_;
        return true;
    }

    std::span<const std::uint8_t> bytes_;
    std::size_t at_;
    std::size_t block_left_ = 0;  // data bytes left in the current sub-block
    std::uint32_t bits_ = 0;      // at most 12 + 7 bits held
    int held_ = 0;
};

// Puts colour indices at the frame's pixels in file order (rows interlaced or not), on the
// screen where they fall inside it. Nothing is written past the frame's last pixel.
class FrameWriter {
  public:
    FrameWriter(SDL_Surface* screen, const Frame& frame, const Palette& palette)
        : screen_(screen), frame_(frame), palette_(palette) {}

    bool full() const { return pass_ == pass_count(); }
    std::uint64_t written() const { return written_; }

    void put(std::uint8_t index) {
        const int x = frame_.left + column_;
        const int y = frame_.top + row_;
        if (x < screen_->w && y < screen_->h && index != frame_.transparent) {
            auto* pixel = static_cast<std::uint8_t*>(screen_->pixels) +
                          std::size_t(y) * std::size_t(screen_->pitch) +
                          std::size_t(x) * kBytesPerPixel;
            std::memcpy(pixel, palette_[index].data(), kBytesPerPixel);
        }
        ++written_;
        if (++column_ == frame_.size.width) {
            column_ = 0;
            next_row();
        }
    }

  private:
    struct Pass {
        int first_row;
        int step;
    };
    // Interlaced frames store every 8th row from 0, every 8th from 4, every 4th from 2,
    // then every 2nd from 1.
    static constexpr std::array<Pass, 4> kInterlaced{{{0, 8}, {4, 8}, {2, 4}, {1, 2}}};
    static constexpr std::array<Pass, 1> kSequential{{{0, 1}}};

    int pass_count() const {
        return frame_.interlaced ? int(kInterlaced.size()) : int(kSequential.size());
    }
    Pass pass(int index) const {
        return frame_.interlaced ? kInterlaced[index] : kSequential[index];
    }
    void next_row() {
        row_ += pass(pass_).step;
        while (row_ >= frame_.size.height && ++pass_ < pass_count())
            row_ = pass(pass_).first_row;
    }

    SDL_Surface* screen_;
    const Frame& frame_;
    const Palette& palette_;
    int pass_ = 0;
    int row_ = 0;
    int column_ = 0;
    std::uint64_t written_ = 0;
};

// The LZW dictionary: entry i is the string of entry prefix[i] followed by suffix[i].
// Entries are only ever added after their prefix, so prefix[i] < i: walks end.
class LzwDecoder {
  public:
    explicit LzwDecoder(int code_size)
        : code_size_(code_size), clear_(1u << code_size), end_(clear_ + 1) {
        for (unsigned literal = 0; literal < clear_; ++literal) {
            tables_->prefix[literal] = 0;
            tables_->suffix[literal] = static_cast<std::uint8_t>(literal);
            tables_->first[literal] = static_cast<std::uint8_t>(literal);
            tables_->length[literal] = 1;
        }
        reset();
    }

    // Decodes until the frame is full, the end code, or the end of the data; false with
    // *why on a code no encoder writes.
    bool run(CodeReader& codes, FrameWriter& out, std::string* why) {
        bool has_previous = false;
        unsigned previous = 0;
        unsigned code = 0;
        while (!out.full() && codes.read(bits_, &code)) {
            if (code == clear_) {
                reset();
                has_previous = false;
                continue;
            }
            if (code == end_)
                break;
            // A code may name the entry being made (the string then ends with its own
            // first byte), never one past it, and never right after a clear.
            if (code > next_ || (code == next_ && !has_previous)) {
                *why = "corrupt GIF data (LZW code " + std::to_string(code) +
                       " is not in the dictionary)";
                return false;
            }
            // Once the dictionary is full it stays as it is until a clear code (deferred
            // clear): codes stay 12 bits and nothing is added.
            if (has_previous && next_ < kGifDictionarySize)
                add(previous, tables_->first[code == next_ ? previous : code]);
            emit(code, out);
            previous = code;
            has_previous = true;
        }
        return true;
    }

  private:
    void reset() {
        bits_ = code_size_ + 1;
        next_ = end_ + 1;
    }

    void add(unsigned prefix, std::uint8_t suffix) {
        tables_->prefix[next_] = static_cast<std::uint16_t>(prefix);
        tables_->suffix[next_] = suffix;
        tables_->first[next_] = tables_->first[prefix];
        tables_->length[next_] = static_cast<std::uint16_t>(tables_->length[prefix] + 1);
        ++next_;
        if (next_ == (1u << bits_) && bits_ < kGifMaxCodeBits)
            ++bits_;
    }

    // Spells the string of `code` backwards into the stack, then writes it out.
    void emit(unsigned code, FrameWriter& out) {
        const unsigned length = tables_->length[code];  // at most one per entry: fits
        for (unsigned i = length; i-- > 0;) {
            tables_->stack[i] = tables_->suffix[code];
            code = tables_->prefix[code];
        }
        for (unsigned i = 0; i < length && !out.full(); ++i)
            out.put(tables_->stack[i]);
    }

    struct Tables {
        std::array<std::uint16_t, kGifDictionarySize> prefix;
        std::array<std::uint8_t, kGifDictionarySize> suffix;
        std::array<std::uint8_t, kGifDictionarySize> first;  // the string's first byte
        std::array<std::uint16_t, kGifDictionarySize> length;
        std::array<std::uint8_t, kGifDictionarySize> stack;  // one string, spelled out
    };
    std::unique_ptr<Tables> tables_ = std::make_unique<Tables>();  // 24 KB: off the stack
    int code_size_;
    unsigned clear_;
    unsigned end_;
    int bits_ = 0;       // the width of the next code
    unsigned next_ = 0;  // the next free entry
};

SDL_Surface* decode(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels,
                    std::string* why) {
    Reader in(bytes);
    Screen screen;
    Frame frame;
    Palette palette{};
    if (!read_screen(in, max_pixels, &screen, why) ||
        !find_first_frame(in, &frame.transparent, why) ||
        !read_frame(in, screen, max_pixels, &frame, &palette, why))
        return nullptr;
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, screen.size.width, screen.size.height, 32,
                                                      SDL_PIXELFORMAT_RGBA32));
    if (!surface) {
        *why = std::string("out of memory: ") + SDL_GetError();
        return nullptr;
    }
    // Transparent where the frame does not reach (SDL zeroes new surfaces too, but says
    // nothing of it).
    std::memset(surface->pixels, 0, std::size_t(surface->h) * std::size_t(surface->pitch));
    CodeReader codes(bytes, in.at());
    FrameWriter out(surface.get(), frame, palette);
    if (!LzwDecoder(frame.code_size).run(codes, out, why))
        return nullptr;
    if (out.written() == 0) {
        *why = "GIF frame holds no pixel data";
        return nullptr;
    }
    return surface.release();
}

}  // namespace

bool looks_like_gif(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 3 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F';
}

SurfacePtr decode_gif(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels,
                      std::string* why) {
    std::string reason;
    SurfacePtr surface(decode(bytes, max_pixels, &reason));
    if (!surface)
        *why = "cannot decode: " + reason;
    return surface;
}

}  // namespace rc::engine
