// tools/pack/media/stills.cpp — see stills.h. libjpeg-turbo (decode, encode, lossless
// transforms), libpng's simplified API, libwebp, libheif and lcms2 do the pixel work.
#include "tools/pack/media/stills.h"

#include <lcms2.h>
#include <libheif/heif.h>
#include <png.h>
#include <turbojpeg.h>
#include <webp/decode.h>
#include <webp/encode.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "tools/pack/media/provenance.h"

namespace rc::packmedia {
namespace {

constexpr std::size_t kMaxIccBytes = 4 << 20;

struct Image {
    int width = 0, height = 0, channels = 3;  // 3: RGB, 4: RGBA
    Bytes pixels;
};

struct TurboJpeg {
    explicit TurboJpeg(bool decompress)
        : handle(decompress ? tjInitDecompress() : tjInitCompress()) {}
    ~TurboJpeg() {
        if (handle) {
            tjDestroy(handle);
        }
    }
    tjhandle handle;
};

bool too_many_pixels(int width, int height) {
    return width <= 0 || height <= 0 ||
           std::uint64_t(width) * std::uint64_t(height) > kMaxStillPixels;
}

std::optional<Image> decode_jpeg(ByteSpan bytes, std::string* why) {
    TurboJpeg tj(true);
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (!tj.handle || tjDecompressHeader3(tj.handle, bytes.data(), bytes.size(), &width, &height,
                                          &subsampling, &colorspace) != 0) {
        *why = "corrupt JPEG (unreadable header)";
        return std::nullopt;
    }
    if (too_many_pixels(width, height)) {
        *why = "picture too large (" + std::to_string(width) + "x" + std::to_string(height) + ")";
        return std::nullopt;
    }
    Image image{width, height, 3, Bytes(std::size_t(width) * height * 3)};
    if (tjDecompress2(tj.handle, bytes.data(), bytes.size(), image.pixels.data(), width, 0, height,
                      TJPF_RGB, TJFLAG_STOPONWARNING) != 0) {
        *why = std::string("corrupt JPEG (") + tjGetErrorStr2(tj.handle) + ")";
        return std::nullopt;
    }
    return image;
}

Bytes encode_jpeg(const Image& image) {
    TurboJpeg tj(false);
    unsigned char* data = nullptr;
    unsigned long size = 0;
    Bytes out;
    if (tj.handle && tjCompress2(tj.handle, image.pixels.data(), image.width, 0, image.height,
                                 image.channels == 4 ? TJPF_RGBA : TJPF_RGB, &data, &size,
                                 TJSAMP_444, kReencodeQuality, TJFLAG_ACCURATEDCT) == 0) {
        out.assign(data, data + size);
    }
    tjFree(data);
    return out;
}

std::optional<Image> decode_png(ByteSpan bytes, std::string* why) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
        *why = std::string("corrupt PNG (") + png.message + ")";
        return std::nullopt;
    }
    if (too_many_pixels(int(png.width), int(png.height))) {
        png_image_free(&png);
        *why = "picture too large";
        return std::nullopt;
    }
    png.format = PNG_FORMAT_RGBA;
    Image image{int(png.width), int(png.height), 4, Bytes(PNG_IMAGE_SIZE(png))};
    if (!png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr)) {
        *why = std::string("corrupt PNG (") + png.message + ")";
        png_image_free(&png);
        return std::nullopt;
    }
    return image;
}

Bytes encode_png(const Image& image) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    png.width = image.width;
    png.height = image.height;
    png.format = image.channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&png, nullptr, &size, 0, image.pixels.data(), 0, nullptr)) {
        return {};
    }
    Bytes out(size);
    if (!png_image_write_to_memory(&png, out.data(), &size, 0, image.pixels.data(), 0, nullptr)) {
        return {};
    }
    out.resize(size);
    return out;
}

std::optional<Image> decode_webp(ByteSpan bytes, std::string* why) {
    int width = 0, height = 0;
    if (!WebPGetInfo(bytes.data(), bytes.size(), &width, &height) ||
        too_many_pixels(width, height)) {
        *why = "corrupt WebP (unreadable header)";
        return std::nullopt;
    }
    Image image{width, height, 4, Bytes(std::size_t(width) * height * 4)};
    if (!WebPDecodeRGBAInto(bytes.data(), bytes.size(), image.pixels.data(), image.pixels.size(),
                            width * 4)) {
        *why = "corrupt WebP (undecodable picture)";
        return std::nullopt;
    }
    return image;
}

Bytes encode_webp(const Image& image, bool lossless) {
    std::uint8_t* data = nullptr;
    const std::size_t size = lossless
                                 ? WebPEncodeLosslessRGBA(image.pixels.data(), image.width,
                                                          image.height, image.width * 4, &data)
                                 : WebPEncodeRGBA(image.pixels.data(), image.width, image.height,
                                                  image.width * 4, kReencodeQuality, &data);
    Bytes out(data, data + size);
    WebPFree(data);
    return out;
}

// EXIF orientation 2..8 applied to the pixels: mirror, then rotate, as the tag defines.
Image apply_orientation(const Image& in, int orientation) {
    const bool swap = orientation >= 5;
    Image out{swap ? in.height : in.width, swap ? in.width : in.height, in.channels,
              Bytes(in.pixels.size())};
    const int c = in.channels;
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            int sx = x, sy = y;
            switch (orientation) {
                case 2:
                    sx = in.width - 1 - x;
                    break;
                case 3:
                    sx = in.width - 1 - x;
                    sy = in.height - 1 - y;
                    break;
                case 4:
                    sy = in.height - 1 - y;
                    break;
                case 5:
                    sx = y;
                    sy = x;
                    break;
                case 6:
                    sx = y;
                    sy = in.height - 1 - x;
                    break;
                case 7:
                    sx = in.width - 1 - y;
                    sy = in.height - 1 - x;
                    break;
                case 8:
                    sx = in.width - 1 - y;
                    sy = x;
                    break;
                default:
                    break;
            }
            std::copy_n(&in.pixels[(std::size_t(sy) * in.width + sx) * c], c,
                        &out.pixels[(std::size_t(y) * out.width + x) * c]);
        }
    }
    return out;
}

// Area-average downscale so that the longer side is max_side.
Image downscale(const Image& in, int max_side) {
    const double scale = double(max_side) / std::max(in.width, in.height);
    Image out{std::max(1, int(in.width * scale + 0.5)),
              std::max(1, int(in.height * scale + 0.5)),
              in.channels,
              {}};
    out.pixels.resize(std::size_t(out.width) * out.height * out.channels);
    const int c = in.channels;
    for (int y = 0; y < out.height; ++y) {
        const int y0 = int(std::size_t(y) * in.height / out.height);
        const int y1 = std::max(y0 + 1, int(std::size_t(y + 1) * in.height / out.height));
        for (int x = 0; x < out.width; ++x) {
            const int x0 = int(std::size_t(x) * in.width / out.width);
            const int x1 = std::max(x0 + 1, int(std::size_t(x + 1) * in.width / out.width));
            for (int k = 0; k < c; ++k) {
                std::uint64_t sum = 0;
                for (int sy = y0; sy < y1; ++sy) {
                    for (int sx = x0; sx < x1; ++sx) {
                        sum += in.pixels[(std::size_t(sy) * in.width + sx) * c + k];
                    }
                }
                const auto count = std::uint64_t(y1 - y0) * (x1 - x0);
                out.pixels[(std::size_t(y) * out.width + x) * c + k] =
                    std::uint8_t((sum + count / 2) / count);
            }
        }
    }
    return out;
}

struct IccInfo {
    bool usable = false;  // lcms2 reads it and it describes RGB
    bool srgb = false;
    std::string name;
};

IccInfo inspect_icc(ByteSpan icc) {
    IccInfo info;
    cmsHPROFILE profile = cmsOpenProfileFromMem(icc.data(), cmsUInt32Number(icc.size()));
    if (!profile) {
        return info;
    }
    char name[256] = {};
    cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", name, sizeof name);
    info.name = clean_text(name, 80);
    std::string lower_name = info.name;
    std::transform(lower_name.begin(), lower_name.end(), lower_name.begin(),
                   [](unsigned char ch) { return char(std::tolower(ch)); });
    info.usable = cmsGetColorSpace(profile) == cmsSigRgbData;
    info.srgb = lower_name.find("srgb") != std::string::npos;
    cmsCloseProfile(profile);
    return info;
}

bool convert_to_srgb(Image& image, ByteSpan icc) {
    cmsHPROFILE source = cmsOpenProfileFromMem(icc.data(), cmsUInt32Number(icc.size()));
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    const cmsUInt32Number format = image.channels == 4 ? TYPE_RGBA_8 : TYPE_RGB_8;
    cmsHTRANSFORM transform =
        source && srgb ? cmsCreateTransform(source, format, srgb, format, INTENT_PERCEPTUAL,
                                            image.channels == 4 ? cmsFLAGS_COPY_ALPHA : 0)
                       : nullptr;
    if (transform) {
        cmsDoTransform(transform, image.pixels.data(), image.pixels.data(),
                       cmsUInt32Number(std::size_t(image.width) * image.height));
        cmsDeleteTransform(transform);
    }
    if (source) {
        cmsCloseProfile(source);
    }
    if (srgb) {
        cmsCloseProfile(srgb);
    }
    return transform != nullptr;
}

// What the picture needs before it is stripped.
struct StillPlan {
    int orientation = 1;
    Bytes icc;
    IccInfo icc_info;
    bool convert_colour = false;
    bool downscale = false;
};

StillPlan plan_still(ByteSpan bytes, Bytes icc, int width, int height, const PrepareOptions& o,
                     bool read_orientation) {
    StillPlan plan;
    plan.orientation = read_orientation ? exif_orientation(bytes) : 1;
    plan.icc = std::move(icc);
    if (!plan.icc.empty()) {
        plan.icc_info = inspect_icc(plan.icc);
        plan.convert_colour = plan.icc_info.usable && !plan.icc_info.srgb;
    }
    plan.downscale = std::max(width, height) > std::max(1, o.max_side);
    return plan;
}

// New pixels: orientation, colour, size; each step said in out.changes.
void apply_plan(Image& image, const StillPlan& plan, const PrepareOptions& o, PreparedMedia& out) {
    if (plan.orientation != 1) {
        image = apply_orientation(image, plan.orientation);
        out.changes.push_back("rotated upright (EXIF orientation " +
                              std::to_string(plan.orientation) + ")");
    }
    if (plan.convert_colour && convert_to_srgb(image, plan.icc)) {
        out.changes.push_back("converted to sRGB from " + (plan.icc_info.name.empty()
                                                               ? "its colour profile"
                                                               : plan.icc_info.name));
    }
    if (plan.downscale) {
        image = downscale(image, std::max(1, o.max_side));
        out.changes.push_back("scaled to " + std::to_string(std::max(image.width, image.height)) +
                              " px");
    }
    out.reencoded = true;
}

void merge_removed(PreparedMedia& out, const std::vector<std::string>& removed) {
    for (const auto& name : removed) {
        if (std::find(out.stripped.begin(), out.stripped.end(), name) == out.stripped.end()) {
            out.stripped.push_back(name);
        }
    }
}

bool finish(PreparedMedia& out, const StripResult& stripped) {
    if (!stripped.ok) {
        out.error = stripped.error;
        return false;
    }
    out.bytes = stripped.bytes;
    out.ok = !out.bytes.empty();
    if (!out.ok) {
        out.error = "could not encode the prepared picture";
    }
    return out.ok;
}

// EXIF orientation by libjpeg-turbo's lossless transform; nullopt when the picture's size
// is not a whole number of blocks (a perfect transform is impossible).
std::optional<Bytes> transform_jpeg(ByteSpan bytes, int orientation) {
    static const int kOps[9] = {TJXOP_NONE,   TJXOP_NONE,       TJXOP_HFLIP,
                                TJXOP_ROT180, TJXOP_VFLIP,      TJXOP_TRANSPOSE,
                                TJXOP_ROT90,  TJXOP_TRANSVERSE, TJXOP_ROT270};
    TurboJpeg tj(false);
    tjhandle transformer = tjInitTransform();
    if (!transformer) {
        return std::nullopt;
    }
    tjtransform transform{};
    transform.op = kOps[orientation];
    transform.options = TJXOPT_PERFECT | TJXOPT_COPYNONE;
    unsigned char* data = nullptr;
    unsigned long size = 0;
    std::optional<Bytes> out;
    if (tjTransform(transformer, bytes.data(), bytes.size(), 1, &data, &size, &transform, 0) == 0) {
        out = Bytes(data, data + size);
    }
    tjFree(data);
    tjDestroy(transformer);
    return out;
}

void prepare_jpeg(ByteSpan bytes, const PrepareOptions& o, PreparedMedia& out) {
    std::string why;
    const auto layout = parse_jpeg(bytes, &why);
    auto image = layout ? decode_jpeg(bytes, &why) : std::nullopt;
    if (!image) {
        out.error = why;
        return;
    }
    const StripResult original = strip_jpeg(bytes);
    merge_removed(out, original.removed);
    out.extension = ".jpg";
    const StillPlan plan =
        plan_still(bytes, jpeg_icc_profile(*layout), image->width, image->height, o, true);
    if (!plan.convert_colour && !plan.downscale) {
        if (plan.orientation == 1) {
            finish(out, original);
            return;
        }
        if (const auto turned = transform_jpeg(bytes, plan.orientation)) {
            out.changes.push_back("rotated upright losslessly (EXIF orientation " +
                                  std::to_string(plan.orientation) + ")");
            finish(out, strip_jpeg(*turned));
            return;
        }
    }
    apply_plan(*image, plan, o, out);
    finish(out, strip_jpeg(encode_jpeg(*image)));
}

Bytes png_icc_profile(ByteSpan bytes) {
    std::string why;
    const auto chunks = parse_png(bytes, &why);
    for (const auto& chunk : chunks ? *chunks : std::vector<PngChunk>{}) {
        const auto nul = as_text(chunk.data).find('\0');
        if (chunk.type == "iCCP" && nul != std::string_view::npos && nul + 2 <= chunk.data.size()) {
            const std::string icc = inflate_bounded(chunk.data.subspan(nul + 2), kMaxIccBytes);
            return Bytes(icc.begin(), icc.end());
        }
    }
    return {};
}

void prepare_png(ByteSpan bytes, const PrepareOptions& o, PreparedMedia& out) {
    std::string why;
    auto image = decode_png(bytes, &why);
    const StripResult original = strip_png(bytes);
    if (!image || !original.ok) {
        out.error = image ? original.error : why;
        return;
    }
    merge_removed(out, original.removed);
    out.extension = ".png";
    const StillPlan plan =
        plan_still(bytes, png_icc_profile(bytes), image->width, image->height, o, true);
    if (!plan.convert_colour && !plan.downscale && plan.orientation == 1) {
        finish(out, original);
        return;
    }
    apply_plan(*image, plan, o, out);
    finish(out, strip_png(encode_png(*image)));
}

void prepare_webp(ByteSpan bytes, const PrepareOptions& o, PreparedMedia& out) {
    std::string why;
    const auto chunks = parse_webp(bytes, &why);
    WebPBitstreamFeatures features{};
    if (!chunks || WebPGetFeatures(bytes.data(), bytes.size(), &features) != VP8_STATUS_OK) {
        out.error = chunks ? "corrupt WebP (unreadable header)" : why;
        return;
    }
    const StripResult original = strip_webp(bytes);
    merge_removed(out, original.removed);
    out.extension = ".webp";
    if (features.has_animation) {  // animations keep their frames; only metadata goes
        finish(out, original);
        return;
    }
    auto image = decode_webp(bytes, &why);
    if (!image) {
        out.error = why;
        return;
    }
    Bytes icc;
    for (const auto& chunk : *chunks) {
        if (chunk.fourcc == "ICCP") {
            icc.assign(chunk.data.begin(), chunk.data.end());
        }
    }
    // Browsers ignore a WebP's EXIF orientation: the pixels are already as shown.
    const StillPlan plan = plan_still(bytes, icc, image->width, image->height, o, false);
    if (!plan.convert_colour && !plan.downscale) {
        finish(out, original);
        return;
    }
    apply_plan(*image, plan, o, out);
    finish(out, strip_webp(encode_webp(*image, features.format == 2)));
}

// libheif's plugins are registered by heif_init and freed by the matching heif_deinit.
struct HeifLibrary {
    HeifLibrary() { heif_init(nullptr); }
    ~HeifLibrary() { heif_deinit(); }
    HeifLibrary(const HeifLibrary&) = delete;
    HeifLibrary& operator=(const HeifLibrary&) = delete;
};

void prepare_heif(ByteSpan bytes, const PrepareOptions& o, PreparedMedia& out) {
    const HeifLibrary library;
    std::unique_ptr<heif_context, decltype(&heif_context_free)> context(heif_context_alloc(),
                                                                        heif_context_free);
    heif_image_handle* handle = nullptr;
    heif_image* decoded = nullptr;
    auto fail = [&](const char* message) {
        out.error = message;
        if (decoded) {
            heif_image_release(decoded);
        }
        if (handle) {
            heif_image_handle_release(handle);
        }
    };
    if (heif_context_read_from_memory_without_copy(context.get(), bytes.data(), bytes.size(),
                                                   nullptr)
                .code != heif_error_Ok ||
        heif_context_get_primary_image_handle(context.get(), &handle).code != heif_error_Ok) {
        return fail("corrupt HEIF (unreadable container)");
    }
    if (too_many_pixels(heif_image_handle_get_width(handle),
                        heif_image_handle_get_height(handle))) {
        return fail("picture too large");
    }
    // The decode applies the container's rotation and mirroring (irot, imir) and crop.
    if (heif_decode_image(handle, &decoded, heif_colorspace_RGB, heif_chroma_interleaved_RGB,
                          nullptr)
            .code != heif_error_Ok) {
        return fail("corrupt HEIF (undecodable picture)");
    }
    int stride = 0;
    const std::uint8_t* plane =
        heif_image_get_plane_readonly(decoded, heif_channel_interleaved, &stride);
    Image image{heif_image_get_width(decoded, heif_channel_interleaved),
                heif_image_get_height(decoded, heif_channel_interleaved),
                3,
                {}};
    if (!plane || image.width <= 0 || image.height <= 0) {
        return fail("corrupt HEIF (no picture)");
    }
    for (int y = 0; y < image.height; ++y) {
        image.pixels.insert(image.pixels.end(), plane + std::size_t(y) * stride,
                            plane + std::size_t(y) * stride + std::size_t(image.width) * 3);
    }
    Bytes icc(heif_image_handle_get_raw_color_profile_size(handle));
    if (!icc.empty() &&
        heif_image_handle_get_raw_color_profile(handle, icc.data()).code != heif_error_Ok) {
        icc.clear();
    }
    heif_image_release(decoded);
    decoded = nullptr;
    heif_image_handle_release(handle);
    handle = nullptr;
    StillPlan plan = plan_still(bytes, icc, image.width, image.height, o, false);
    out.changes.push_back("HEIC converted to JPEG");
    out.extension = ".jpg";
    merge_removed(out, {"HEIF metadata"});
    if (!icc.empty()) {
        merge_removed(out, {"ICC profile"});
    }
    apply_plan(image, plan, o, out);
    finish(out, strip_jpeg(encode_jpeg(image)));
}

}  // namespace

void prepare_still(ByteSpan bytes, MediaFormat format, const PrepareOptions& options,
                   PreparedMedia& out) {
    switch (format) {
        case MediaFormat::Jpeg:
            prepare_jpeg(bytes, options, out);
            break;
        case MediaFormat::Png:
            prepare_png(bytes, options, out);
            break;
        case MediaFormat::Webp:
            prepare_webp(bytes, options, out);
            break;
        case MediaFormat::Heif:
            prepare_heif(bytes, options, out);
            break;
        case MediaFormat::Gif:
            out.extension = ".gif";
            if (finish(out, strip_gif(bytes))) {
                merge_removed(out, strip_gif(bytes).removed);
            }
            break;
        default:
            out.error = "not a picture or clip this tool reads";
            break;
    }
}

std::optional<GreyImage> decode_grey(ByteSpan bytes) {
    std::string why;
    std::optional<Image> image;
    switch (detect_format(bytes)) {
        case MediaFormat::Jpeg: {
            TurboJpeg tj(true);
            int width = 0, height = 0, subsampling = 0, colorspace = 0;
            if (!tj.handle ||
                tjDecompressHeader3(tj.handle, bytes.data(), bytes.size(), &width, &height,
                                    &subsampling, &colorspace) != 0 ||
                too_many_pixels(width, height)) {
                return std::nullopt;
            }
            // The smallest scale libjpeg-turbo decodes that still leaves 9x8 pixels or more.
            int scaled_count = 0;
            const tjscalingfactor* factors = tjGetScalingFactors(&scaled_count);
            tjscalingfactor best{1, 1};
            for (int i = 0; i < scaled_count; ++i) {
                const int w = TJSCALED(width, factors[i]), h = TJSCALED(height, factors[i]);
                if (w >= 9 && h >= 8 && w < TJSCALED(width, best)) {
                    best = factors[i];
                }
            }
            GreyImage grey{TJSCALED(width, best), TJSCALED(height, best), {}};
            grey.pixels.resize(std::size_t(grey.width) * grey.height);
            if (tjDecompress2(tj.handle, bytes.data(), bytes.size(), grey.pixels.data(), grey.width,
                              0, grey.height, TJPF_GRAY, TJFLAG_FASTDCT) != 0) {
                return std::nullopt;
            }
            return grey;
        }
        case MediaFormat::Png:
            image = decode_png(bytes, &why);
            break;
        case MediaFormat::Webp:
            image = decode_webp(bytes, &why);
            break;
        default:
            return std::nullopt;
    }
    if (!image) {
        return std::nullopt;
    }
    GreyImage grey{image->width, image->height, {}};
    grey.pixels.reserve(std::size_t(grey.width) * grey.height);
    for (std::size_t i = 0; i + 3 < image->pixels.size() + 1; i += image->channels) {
        const auto* p = &image->pixels[i];
        grey.pixels.push_back(std::uint8_t((299 * p[0] + 587 * p[1] + 114 * p[2] + 500) / 1000));
    }
    return grey;
}

}  // namespace rc::packmedia
