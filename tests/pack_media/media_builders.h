// Pictures and clips for the media step's tests, built here: JPEGs from libjpeg-turbo with
// EXIF/XMP written by exiv2, PNG text chunks, JUMBF segments, ICC profiles from lcms2,
// HEIC from libheif, clips from the ffmpeg command. No binary fixture is needed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace rc::tests {

using Bytes = std::vector<std::uint8_t>;

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

// A picture of width x height whose colour at (x, y) is paint(x, y).
struct Pixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // 3 bytes a pixel
    Rgb at(int x, int y) const;
};
Pixels paint(int width, int height, const std::function<Rgb(int, int)>& colour);
// Left half red, right half blue: tells every rotation apart with the top row.
Pixels halves(int width, int height);

Bytes encode_jpeg(const Pixels& pixels, int quality = 90);
Pixels decode_jpeg(const Bytes& jpeg);  // empty Pixels when undecodable
Bytes encode_png(const Pixels& pixels);
Pixels decode_png(const Bytes& png);
Bytes encode_webp(const Pixels& pixels);
Pixels decode_webp(const Bytes& webp);

// exiv2 writes these EXIF ("Exif.Image.Software") and XMP ("Xmp.iptcExt.DigitalSourceType")
// keys into a copy of the file's bytes.
Bytes with_metadata(const Bytes& file, const std::map<std::string, std::string>& exif,
                    const std::map<std::string, std::string>& xmp = {}, int orientation = 0,
                    bool gps = false);

// A JPEG segment (marker, payload) inserted right after SOI.
Bytes with_jpeg_segment(const Bytes& jpeg, std::uint8_t marker, const Bytes& payload);
// A C2PA-like JUMBF superbox whose CBOR claim names `generator`, as an APP11 payload
// ("JP", instance, sequence, box) or as the bare box (PNG caBX, MP4 uuid).
Bytes c2pa_box(const std::string& generator);
Bytes jumbf_app11_payload(const Bytes& box);
// A PNG chunk inserted right after IHDR (its CRC computed).
Bytes with_png_chunk(const Bytes& png, const std::string& type, const Bytes& data);
Bytes png_text(const std::string& keyword, const std::string& text);
// A WebP rebuilt as VP8X with extra chunks after the bitstream, flags set for them.
Bytes webp_with_chunks(const Bytes& simple_webp, int width, int height,
                       const std::vector<std::pair<std::string, Bytes>>& chunks);

// ICC profiles from lcms2: Display P3 (P3 primaries, D65, sRGB curve) and sRGB.
Bytes display_p3_profile();
Bytes srgb_profile();
Bytes icc_app2_payload(const Bytes& icc);

// A HEIC from libheif's HEVC encoder (empty when none is available).
Bytes encode_heic(const Pixels& pixels);

// Runs the ffmpeg command with these arguments (after "ffmpeg -nostdin -v error -y").
bool run_ffmpeg(const std::vector<std::string>& arguments);
// A clip made by the ffmpeg command; extra arguments go before the output name.
bool make_clip(const std::filesystem::path& out, const std::string& size, const std::string& codec,
               const std::vector<std::string>& extra = {});

// The JPEG's entropy-coded data (from the first SOS to the end marker).
Bytes jpeg_scan_data(const Bytes& jpeg);

Bytes bytes_of(const std::string& text);
Bytes read_bytes(const std::filesystem::path& file);
void write_bytes(const std::filesystem::path& file, const Bytes& bytes);

}  // namespace rc::tests
