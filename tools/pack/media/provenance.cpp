// tools/pack/media/provenance.cpp — what a file says about itself. EXIF, XMP and IPTC are
// read by libexiv2 (JPEG, PNG, WebP, HEIF); what it does not read is read here: C2PA
// manifests (JPEG APP11 JUMBF, PNG caBX, MP4 uuid) and generator prompts in PNG text
// chunks. Nothing is changed, nothing throws: exiv2's exceptions stop at this file.
#include "tools/pack/media/provenance.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <exiv2/exiv2.hpp>
#include <mutex>

namespace rc::packmedia {
namespace {

constexpr std::size_t kMaxFieldChars = 200;
constexpr std::size_t kMaxPromptChars = 2000;
constexpr std::size_t kMaxFindingChars = 100;
constexpr std::size_t kMaxInflatedText = 1 << 20;  // a zTXt bomb stops here

void init_exiv2() {
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize();
        Exiv2::enableBMFF(true);
    });
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Text after the last '/' or ':' of a URI ("http://cv.iptc.org/.../trainedAlgorithmicMedia").
std::string short_form(std::string_view uri) {
    const auto cut = uri.find_last_of("/:");
    return std::string(cut == std::string_view::npos ? uri : uri.substr(cut + 1));
}

void add_finding(Provenance& p, const std::string& label, std::string_view value) {
    p.findings.push_back(value.empty() ? label
                                       : label + ": " + clean_text(value, kMaxFindingChars));
}

struct ExifFields {
    int orientation = 1;
};

ExifFields read_exiv2(ByteSpan bytes, Provenance& p) {
    ExifFields fields;
    try {
        init_exiv2();
        auto image = Exiv2::ImageFactory::open(bytes.data(), static_cast<long>(bytes.size()));
        if (!image.get()) {
            return fields;
        }
        image->readMetadata();
        const auto& exif = image->exifData();
        auto exif_text = [&](const char* key) {
            const auto it = exif.findKey(Exiv2::ExifKey(key));
            return it == exif.end() ? std::string() : clean_text(it->toString(), kMaxFieldChars);
        };
        p.software = exif_text("Exif.Image.Software");
        p.make = exif_text("Exif.Image.Make");
        p.model = exif_text("Exif.Image.Model");
        const auto orientation = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (orientation != exif.end() && orientation->count() > 0) {
            fields.orientation = static_cast<int>(orientation->toLong());
        }
        p.has_gps = std::any_of(exif.begin(), exif.end(), [](const Exiv2::Exifdatum& d) {
            return d.groupName() == "GPSInfo";
        });
        for (const auto& datum : image->xmpData()) {
            const std::string key = datum.key();
            if (key.ends_with(".DigitalSourceType") && p.digital_source_type.empty()) {
                p.digital_source_type = clean_text(short_form(datum.toString()), kMaxFieldChars);
            } else if (key.starts_with("Xmp.exif.GPS")) {
                p.has_gps = true;
            } else if (key == "Xmp.xmp.CreatorTool" && p.software.empty()) {
                p.software = clean_text(datum.toString(), kMaxFieldChars);
            }
        }
    } catch (...) {
        // An unreadable or unknown file says nothing through exiv2; the readers below still
        // look at its structure.
    }
    return fields;
}

}  // namespace

std::string inflate_bounded(ByteSpan compressed, std::size_t max_bytes) {
    std::string out;
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK) {
        return out;
    }
    stream.next_in = const_cast<Bytef*>(compressed.data());
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::array<char, 16384> buffer;
    int status = Z_OK;
    while (status == Z_OK && out.size() < max_bytes) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = buffer.size();
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer.data(), buffer.size() - stream.avail_out);
        if (stream.avail_out == buffer.size() && status == Z_OK) {
            break;  // no progress: the input is cut
        }
    }
    inflateEnd(&stream);
    return status == Z_STREAM_END || out.size() >= max_bytes ? out : std::string();
}

namespace {

std::string inflate_text(ByteSpan compressed) {
    return inflate_bounded(compressed, kMaxInflatedText);
}

struct PngText {
    std::string keyword, text;
};

std::optional<PngText> read_png_text(const PngChunk& chunk) {
    const std::string_view data = as_text(chunk.data);
    const auto nul = data.find('\0');
    if (nul == std::string_view::npos) {
        return std::nullopt;
    }
    PngText text{std::string(data.substr(0, nul)), {}};
    const ByteSpan rest = chunk.data.subspan(nul + 1);
    if (chunk.type == "tEXt") {
        text.text = std::string(as_text(rest));
    } else if (chunk.type == "zTXt" && !rest.empty()) {
        text.text = inflate_text(rest.subspan(1));
    } else if (chunk.type == "iTXt" && rest.size() >= 2) {
        const bool compressed = rest[0] != 0;
        // language tag and translated keyword, each NUL-terminated, before the text
        std::size_t at = 2;
        for (int field = 0; field < 2; ++field) {
            const auto end = as_text(rest).find('\0', at);
            if (end == std::string_view::npos) {
                return std::nullopt;
            }
            at = end + 1;
        }
        text.text =
            compressed ? inflate_text(rest.subspan(at)) : std::string(as_text(rest.subspan(at)));
    } else {
        return std::nullopt;
    }
    return text;
}

bool is_prompt_keyword(const std::string& keyword) {
    static const std::array<std::string_view, 10> kKeywords = {
        "parameters",      "prompt",         "description",       "comment",
        "dream",           "sd-metadata",    "invokeai_metadata", "workflow",
        "negative_prompt", "generation_data"};
    const std::string key = lower(keyword);
    return std::find(kKeywords.begin(), kKeywords.end(), key) != kKeywords.end();
}

void read_png_chunks(ByteSpan bytes, Provenance& p) {
    std::string why;
    const auto chunks = parse_png(bytes, &why);
    if (!chunks) {
        return;
    }
    for (const auto& chunk : *chunks) {
        if (chunk.type == "caBX") {
            p.c2pa_claim_generator = c2pa_claim_generator(chunk.data);
            continue;
        }
        const auto text = read_png_text(chunk);
        if (!text || text->text.empty()) {
            continue;
        }
        if (lower(text->keyword) == "software" && p.software.empty()) {
            p.software = clean_text(text->text, kMaxFieldChars);
        } else if (is_prompt_keyword(text->keyword)) {
            if (p.prompt.empty()) {
                p.prompt = clean_text(text->text, kMaxPromptChars);
            }
            add_finding(p, "PNG text \"" + clean_text(text->keyword, 40) + "\"", text->text);
        }
    }
}

void read_c2pa(ByteSpan bytes, MediaFormat format, Provenance& p) {
    if (format == MediaFormat::Jpeg) {
        std::string why;
        if (const auto layout = parse_jpeg(bytes, &why)) {
            const Bytes jumbf = jpeg_jumbf(*layout);
            if (as_text(jumbf).find("c2pa") != std::string_view::npos) {
                p.c2pa_claim_generator = c2pa_claim_generator(jumbf);
            }
        }
    } else if (format == MediaFormat::Mp4 || format == MediaFormat::Heif) {
        for (const ByteSpan box : mp4_c2pa_boxes(bytes)) {
            p.c2pa_claim_generator = c2pa_claim_generator(box);
        }
    } else if (format == MediaFormat::Webp) {
        std::string why;
        if (const auto chunks = parse_webp(bytes, &why)) {
            for (const auto& chunk : *chunks) {
                if (chunk.fourcc == "C2PA") {
                    p.c2pa_claim_generator = c2pa_claim_generator(chunk.data);
                }
            }
        }
    }
}

// A DigitalSourceType URI anywhere in the file (a C2PA action, XMP exiv2 could not read).
void find_source_type_uri(ByteSpan bytes, Provenance& p) {
    constexpr std::string_view kPrefix = "digitalsourcetype/";
    const std::string_view text = as_text(bytes);
    const auto at = text.find(kPrefix);
    if (at == std::string_view::npos || !p.digital_source_type.empty()) {
        return;
    }
    std::size_t end = at + kPrefix.size();
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) {
        ++end;
    }
    p.digital_source_type =
        std::string(text.substr(at + kPrefix.size(), end - at - kPrefix.size()));
}

// A CBOR text string at `at` (major type 3, short lengths), or nullopt.
std::optional<std::string> cbor_text(std::string_view data, std::size_t at) {
    if (at >= data.size()) {
        return std::nullopt;
    }
    const auto head = static_cast<unsigned char>(data[at]);
    std::size_t length = 0, start = at + 1;
    if (head >= 0x60 && head <= 0x77) {
        length = head - 0x60;
    } else if (head == 0x78 && at + 1 < data.size()) {
        length = static_cast<unsigned char>(data[at + 1]);
        start = at + 2;
    } else if (head == 0x79 && at + 2 < data.size()) {
        length = (std::size_t{static_cast<unsigned char>(data[at + 1])} << 8) |
                 static_cast<unsigned char>(data[at + 2]);
        start = at + 3;
    } else {
        return std::nullopt;
    }
    if (start > data.size() || length > data.size() - start) {
        return std::nullopt;
    }
    return std::string(data.substr(start, length));
}

// A JSON string value after `"key"` ending at `at`: skips `"`, spaces and ':'.
std::optional<std::string> json_text(std::string_view data, std::size_t at) {
    if (at >= data.size() || data[at] != '"') {
        return std::nullopt;
    }
    ++at;
    while (at < data.size() && (data[at] == ' ' || data[at] == ':')) {
        ++at;
    }
    if (at >= data.size() || data[at] != '"') {
        return std::nullopt;
    }
    const auto end = data.find('"', at + 1);
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    return std::string(data.substr(at + 1, end - at - 1));
}

std::optional<std::string> value_after_key(std::string_view data, std::string_view key,
                                           std::size_t from) {
    for (auto at = data.find(key, from); at != std::string_view::npos;
         at = data.find(key, at + 1)) {
        const std::size_t after = at + key.size();
        if (auto text = cbor_text(data, after); text && !text->empty()) {
            return text;
        }
        if (auto text = json_text(data, after); text && !text->empty()) {
            return text;
        }
    }
    return std::nullopt;
}

bool mentions_generator(const std::string& text) {
    static const std::array<std::string_view, 26> kGenerators = {"midjourney",
                                                                 "dall-e",
                                                                 "dall\xc2\xb7"
                                                                 "e",
                                                                 "dalle",
                                                                 "openai",
                                                                 "chatgpt",
                                                                 "firefly",
                                                                 "stable diffusion",
                                                                 "stablediffusion",
                                                                 "sdxl",
                                                                 "flux",
                                                                 "sora",
                                                                 "imagen",
                                                                 "gemini",
                                                                 "veo",
                                                                 "runway",
                                                                 "leonardo",
                                                                 "ideogram",
                                                                 "comfyui",
                                                                 "automatic1111",
                                                                 "invokeai",
                                                                 "novelai",
                                                                 "bing image creator",
                                                                 "kling",
                                                                 "pika",
                                                                 "nano banana"};
    const std::string l = lower(text);
    return std::any_of(kGenerators.begin(), kGenerators.end(),
                       [&](std::string_view g) { return l.find(g) != std::string::npos; });
}

// A camera writes its firmware as Software ("17.1", "Ver.1.01"); an editor's name is not a
// camera's word any more, and without a DigitalSourceType says neither real nor edited.
bool mentions_editor(const std::string& text) {
    static const std::array<std::string_view, 8> kEditors = {
        "photoshop", "lightroom", "gimp", "snapseed", "affinity", "pixelmator", "canva", "picsart"};
    const std::string l = lower(text);
    return std::any_of(kEditors.begin(), kEditors.end(),
                       [&](std::string_view e) { return l.find(e) != std::string::npos; });
}

SuggestedAnswer answer_for_source_type(const std::string& type) {
    static const std::array<std::string_view, 2> kGenerated = {"trainedAlgorithmicMedia",
                                                               "algorithmicMedia"};
    static const std::array<std::string_view, 5> kEdited = {
        "compositeWithTrainedAlgorithmicMedia", "algorithmicallyEnhanced", "compositeSynthetic",
        "composite", "minorHumanEdits"};
    static const std::array<std::string_view, 6> kReal = {"digitalCapture", "computationalCapture",
                                                          "negativeFilm",   "positiveFilm",
                                                          "print",          "digitalCreation"};
    auto in = [&](const auto& list) {
        return std::find(list.begin(), list.end(), type) != list.end();
    };
    if (in(kGenerated)) {
        return SuggestedAnswer::Generated;
    }
    if (in(kEdited)) {
        return SuggestedAnswer::Edited;
    }
    // "digitalCreation" is made by a person on a computer: not a photo, but not AI either.
    if (in(kReal) && type != "digitalCreation") {
        return SuggestedAnswer::Real;
    }
    return SuggestedAnswer::None;
}

void add_field_findings(Provenance& p) {
    std::vector<std::string> fields;
    if (!p.software.empty()) {
        fields.push_back("EXIF Software: " + clean_text(p.software, kMaxFindingChars));
    }
    if (!p.make.empty()) {
        fields.push_back("EXIF Make: " + clean_text(p.make, kMaxFindingChars));
    }
    if (!p.model.empty()) {
        fields.push_back("EXIF Model: " + clean_text(p.model, kMaxFindingChars));
    }
    if (p.has_gps) {
        fields.push_back("GPS position");
    }
    if (!p.digital_source_type.empty()) {
        fields.push_back("DigitalSourceType: " + p.digital_source_type);
    }
    if (!p.c2pa_claim_generator.empty()) {
        fields.push_back("C2PA claim generator: " + p.c2pa_claim_generator);
    }
    p.findings.insert(p.findings.begin(), fields.begin(), fields.end());
}

}  // namespace

std::string clean_text(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size() && chars < max_chars; ++chars) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80         ? 1
                             : (c >> 5) == 6  ? 2
                             : (c >> 4) == 14 ? 3
                             : (c >> 3) == 30 ? 4
                                              : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        }
        if (!valid) {  // Latin-1 (old tEXt, old EXIF writers)
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
            ++i;
        } else if (c == 0) {
            break;  // EXIF strings end at their NUL
        } else if (c < 0x20 || c == 0x7F) {
            out += ' ';
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
        if (i < text.size() && chars + 1 == max_chars) {
            out += "\xe2\x80\xa6";
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::string c2pa_claim_generator(ByteSpan manifest) {
    const std::string_view data = as_text(manifest);
    if (auto name = value_after_key(data, "claim_generator", 0)) {
        return clean_text(*name, kMaxFieldChars);
    }
    const auto info = data.find("claim_generator_info");
    if (info != std::string_view::npos) {
        if (auto name = value_after_key(data, "name", info)) {
            return clean_text(*name, kMaxFieldChars);
        }
    }
    return "present";
}

void suggest_answer(Provenance& p) {
    p.suggested = answer_for_source_type(p.digital_source_type);
    if (p.suggested != SuggestedAnswer::None) {
        return;
    }
    if (mentions_generator(p.software) || mentions_generator(p.c2pa_claim_generator) ||
        !p.prompt.empty()) {
        p.suggested = SuggestedAnswer::Generated;
    } else if ((!p.make.empty() || !p.model.empty()) && !mentions_editor(p.software) &&
               p.c2pa_claim_generator.empty()) {
        p.suggested = SuggestedAnswer::Real;
    }
}

int exif_orientation(ByteSpan bytes) {
    Provenance ignored;
    const int orientation = read_exiv2(bytes, ignored).orientation;
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

Provenance read_provenance(const std::vector<std::uint8_t>& bytes) {
    Provenance p;
    const MediaFormat format = detect_format(bytes);
    if (format == MediaFormat::Jpeg || format == MediaFormat::Png || format == MediaFormat::Webp ||
        format == MediaFormat::Heif || format == MediaFormat::Gif) {
        read_exiv2(bytes, p);
    }
    if (format == MediaFormat::Png) {
        read_png_chunks(bytes, p);
    }
    read_c2pa(bytes, format, p);
    find_source_type_uri(bytes, p);
    add_field_findings(p);
    suggest_answer(p);
    return p;
}

}  // namespace rc::packmedia
