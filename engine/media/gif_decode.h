// GIF decoding of our own, so that no GIF byte ever reaches SDL_image: its reader (IMG_gif.c,
// 2.6.3) corrupted its heap on one fuzz find after another, and refusing each in the header
// check did not close the class. Plain C++ over the bytes, SDL only for the surface it returns.
//
// What it decodes: GIF87a and GIF89a, the first frame only (a quiz shows a still picture),
// drawn onto the logical screen, which gives the picture's size: the frame's offset is
// honoured, whatever falls outside the screen is clipped (never allocated), pixels the
// frame does not cover are transparent, and so are those of the graphic control
// extension's transparent index. Local or global colour table; interlaced frames.
//
// What it refuses, each with a reason: another signature; a screen or frame of zero size,
// or with more pixels than the caller allows (checked before any allocation); a frame with
// no colour table at all (the format lets a decoder invent one; a quiz about what is real
// must not show invented colours); stray bytes before the first frame (a corrupt file, as
// browsers judge it); an LZW code size outside 2..8; a code past the next free dictionary
// entry; and a frame whose data ends before its first pixel.
//
// What it accepts as browsers do: data that ends early (the file is cut, or the codes stop
// short of the frame's size) keeps what was decoded, the rest stays transparent, as
// libjpeg's truncation warning keeps a cut JPEG; colour indices past the table's end are
// opaque black; data after the frame's last pixel is ignored.
//
// Bounded: every read is checked, the work is at most one step per frame pixel (the frame
// is capped like the screen) plus one per data byte, no recursion.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "engine/media/image_decode.h"

namespace rc::engine {

// The LZW minimum code size of a frame: 2 (the format has no 1-bit code start) to 8
// (8-bit colour indices).
inline constexpr int kGifMinCodeSize = 2;
inline constexpr int kGifMaxCodeSize = 8;
// Codes grow to 12 bits: 4096 dictionary entries, then the encoder must clear it (or go on
// with the full dictionary: the "deferred clear" of GIF89a).
inline constexpr int kGifMaxCodeBits = 12;
inline constexpr unsigned kGifDictionarySize = 1u << kGifMaxCodeBits;

// The three letters of every GIF signature: such bytes go to decode_gif and nowhere else.
bool looks_like_gif(std::span<const std::uint8_t> bytes);

// The first frame on its logical screen: RGBA32, the screen's size. Empty with *why
// ("cannot decode: …") when refused; `max_pixels` bounds both the screen and the frame.
SurfacePtr decode_gif(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels,
                      std::string* why);

}  // namespace rc::engine
