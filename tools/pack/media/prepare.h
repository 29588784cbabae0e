// tools/pack/media/prepare.h — the pack tool's media step: what a facilitator's file says
// about itself (provenance), and the pack's copy of it as the eye should see it, with every
// metadata block stripped. Plain C++ (no SDL, no ImGui); every input is hostile: no
// function here throws, crashes, hangs or aborts on any bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rc::packmedia {

// The answer a file's own metadata points to, when it points to one.
enum class SuggestedAnswer { None, Real, Generated, Edited };

struct Provenance {
    std::string software;              // EXIF Software (or PNG "Software" text)
    std::string make;                  // EXIF Make
    std::string model;                 // EXIF Model
    std::string digital_source_type;   // XMP/IPTC DigitalSourceType, short form
                                       // ("trainedAlgorithmicMedia", "digitalCapture"...)
    std::string c2pa_claim_generator;  // from a C2PA manifest (JPEG APP11 JUMBF, PNG caBX,
                                       // MP4 uuid box); "present" when found but unreadable
    std::string prompt;                // a generator prompt (PNG tEXt/iTXt/zTXt "parameters",
                                       // "prompt", "Description"..., or XMP)
    bool has_gps = false;
    SuggestedAnswer suggested = SuggestedAnswer::None;
    // One short human line per finding, e.g. "EXIF Software: Adobe Firefly",
    // "C2PA claim generator: OpenAI DALL·E", "XMP DigitalSourceType: trainedAlgorithmicMedia".
    std::vector<std::string> findings;
    bool empty() const { return findings.empty(); }
};

struct PrepareOptions {
    int max_side = 3072;  // stills above this are downscaled (re-encoded)
    int max_clip_width = 1920, max_clip_height = 1080;
};

struct PreparedMedia {
    bool ok = false;
    std::string error;  // when !ok: what is wrong with the file, in one line, without its
                        // name (the caller locates it: a folder path, a spreadsheet line)
    std::vector<std::uint8_t> bytes;  // the pack's copy, metadata stripped
    std::string extension;            // ".jpg", ".png", ".webp", ".gif", ".mp4", ".webm"
    bool is_clip = false;
    Provenance provenance;              // read before stripping
    std::vector<std::string> stripped;  // what was removed: "EXIF", "GPS", "XMP", "IPTC",
                                        // "ICC profile", "C2PA", "PNG text", "MP4 tags"...
    std::vector<std::string> changes;   // "rotated upright (EXIF orientation 6)",
                                        // "converted to sRGB from Display P3",
                                        // "HEIC converted to JPEG", "scaled to 3072 px", ...
    bool reencoded = false;             // pixels re-encoded (false: stripped losslessly)
};

// Reads the file, then: provenance; orientation applied; colour profile converted to sRGB;
// HEIC/HEIF converted; clips remuxed without tags (scaled above 1920x1080, HEVC/ProRes
// converted to H.264); every metadata block stripped.
PreparedMedia prepare_media(const std::filesystem::path& source,
                            const PrepareOptions& options = {});

// Provenance of a file in memory, without changing anything.
Provenance read_provenance(const std::vector<std::uint8_t>& bytes);

// Metadata blocks still present in a media file of a pack (for validate): empty when clean.
std::vector<std::string> leftover_metadata(const std::filesystem::path& file);

// A 64-bit perceptual hash (e.g. dHash of a 9x8 grey thumbnail) of a still, or of a clip's
// first frame when that is cheap; nullopt when the file cannot be decoded.
std::optional<std::uint64_t> perceptual_hash(const std::filesystem::path& file);
int hash_distance(std::uint64_t a, std::uint64_t b);
constexpr int kNearDuplicateDistance = 10;

}  // namespace rc::packmedia
