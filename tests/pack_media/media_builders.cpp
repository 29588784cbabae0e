// See media_builders.h.
#include "pack_media/media_builders.h"

#include <lcms2.h>
#include <libheif/heif.h>
#include <png.h>
#include <sys/wait.h>
#include <turbojpeg.h>
#include <unistd.h>
#include <webp/decode.h>
#include <webp/encode.h>
#include <zlib.h>

#include <algorithm>
#include <exiv2/exiv2.hpp>
#include <fstream>
#include <iterator>

namespace rc::tests {

Rgb Pixels::at(int x, int y) const {
    const std::size_t i = (std::size_t(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
}

Pixels paint(int width, int height, const std::function<Rgb(int, int)>& colour) {
    Pixels p{width, height, {}};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const Rgb c = colour(x, y);
            p.rgb.insert(p.rgb.end(), {c.r, c.g, c.b});
        }
    }
    return p;
}

Pixels halves(int width, int height) {
    return paint(width, height, [width](int x, int) {
        return x < width / 2 ? Rgb{230, 20, 20} : Rgb{20, 20, 230};
    });
}

Bytes encode_jpeg(const Pixels& pixels, int quality) {
    tjhandle tj = tjInitCompress();
    unsigned char* data = nullptr;
    unsigned long size = 0;
    tjCompress2(tj, pixels.rgb.data(), pixels.width, 0, pixels.height, TJPF_RGB, &data, &size,
                TJSAMP_444, quality, 0);
    Bytes out(data, data + size);
    tjFree(data);
    tjDestroy(tj);
    return out;
}

Pixels decode_jpeg(const Bytes& jpeg) {
    tjhandle tj = tjInitDecompress();
    int w = 0, h = 0, sub = 0, cs = 0;
    Pixels p;
    if (tjDecompressHeader3(tj, jpeg.data(), jpeg.size(), &w, &h, &sub, &cs) == 0) {
        p = {w, h, Bytes(std::size_t(w) * h * 3)};
        if (tjDecompress2(tj, jpeg.data(), jpeg.size(), p.rgb.data(), w, 0, h, TJPF_RGB, 0) != 0) {
            p = {};
        }
    }
    tjDestroy(tj);
    return p;
}

Bytes encode_png(const Pixels& pixels) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    png.width = pixels.width;
    png.height = pixels.height;
    png.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&png, nullptr, &size, 0, pixels.rgb.data(), 0, nullptr);
    Bytes out(size);
    png_image_write_to_memory(&png, out.data(), &size, 0, pixels.rgb.data(), 0, nullptr);
    out.resize(size);
    return out;
}

Pixels decode_png(const Bytes& bytes) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
        return {};
    }
    png.format = PNG_FORMAT_RGB;
    Pixels p{int(png.width), int(png.height), Bytes(PNG_IMAGE_SIZE(png))};
    if (!png_image_finish_read(&png, nullptr, p.rgb.data(), 0, nullptr)) {
        return {};
    }
    return p;
}

Bytes encode_webp(const Pixels& pixels) {
    std::uint8_t* data = nullptr;
    const std::size_t size =
        WebPEncodeRGB(pixels.rgb.data(), pixels.width, pixels.height, pixels.width * 3, 90, &data);
    Bytes out(data, data + size);
    WebPFree(data);
    return out;
}

Pixels decode_webp(const Bytes& webp) {
    Pixels p;
    if (!WebPGetInfo(webp.data(), webp.size(), &p.width, &p.height)) {
        return {};
    }
    p.rgb.resize(std::size_t(p.width) * p.height * 3);
    if (!WebPDecodeRGBInto(webp.data(), webp.size(), p.rgb.data(), p.rgb.size(), p.width * 3)) {
        return {};
    }
    return p;
}

Bytes with_metadata(const Bytes& file, const std::map<std::string, std::string>& exif,
                    const std::map<std::string, std::string>& xmp, int orientation, bool gps) {
    Exiv2::XmpParser::initialize();
    auto image = Exiv2::ImageFactory::open(file.data(), long(file.size()));
    image->readMetadata();
    for (const auto& [key, value] : exif) {
        image->exifData()[key] = value;
    }
    if (orientation > 0) {
        image->exifData()["Exif.Image.Orientation"] = std::uint16_t(orientation);
    }
    if (gps) {
        image->exifData()["Exif.GPSInfo.GPSLatitudeRef"] = "N";
        Exiv2::URationalValue latitude;
        latitude.read("48/1 51/1 2400/100");
        image->exifData()["Exif.GPSInfo.GPSLatitude"] = latitude;
    }
    for (const auto& [key, value] : xmp) {
        image->xmpData()[key] = value;
    }
    image->writeMetadata();
    auto& io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    Bytes out(io.size());
    io.read(out.data(), long(out.size()));
    return out;
}

Bytes with_jpeg_segment(const Bytes& jpeg, std::uint8_t marker, const Bytes& payload) {
    Bytes out(jpeg.begin(), jpeg.begin() + 2);
    const std::size_t length = payload.size() + 2;
    out.insert(out.end(), {0xFF, marker, std::uint8_t(length >> 8), std::uint8_t(length)});
    out.insert(out.end(), payload.begin(), payload.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

namespace {

void put_be32(Bytes& out, std::uint32_t value) {
    out.insert(out.end(), {std::uint8_t(value >> 24), std::uint8_t(value >> 16),
                           std::uint8_t(value >> 8), std::uint8_t(value)});
}

Bytes box(const std::string& type, const Bytes& payload) {
    Bytes out;
    put_be32(out, std::uint32_t(payload.size() + 8));
    out.insert(out.end(), type.begin(), type.end());
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

Bytes cbor_text(const std::string& text) {
    Bytes out;
    if (text.size() < 24) {
        out.push_back(std::uint8_t(0x60 + text.size()));
    } else {
        out.insert(out.end(), {0x78, std::uint8_t(text.size())});
    }
    out.insert(out.end(), text.begin(), text.end());
    return out;
}

}  // namespace

Bytes c2pa_box(const std::string& generator) {
    // jumb { jumd (type UUID, "c2pa"), jumb { jumd "c2pa.claim", cbor { map } } }
    Bytes description(16, 0);
    const std::string label = "c2pa";
    description.push_back(0x03);  // toggles: requestable, label present
    description.insert(description.end(), label.begin(), label.end());
    description.push_back(0);
    Bytes claim = {0xA2};  // a CBOR map of two entries
    for (const auto& part : {cbor_text("claim_generator"), cbor_text(generator),
                             cbor_text("dc:format"), cbor_text("image/jpeg")}) {
        claim.insert(claim.end(), part.begin(), part.end());
    }
    Bytes claim_description(16, 0);
    const std::string claim_label = "c2pa.claim";
    claim_description.push_back(0x03);
    claim_description.insert(claim_description.end(), claim_label.begin(), claim_label.end());
    claim_description.push_back(0);
    Bytes inner = box("jumd", claim_description);
    const Bytes cbor = box("cbor", claim);
    inner.insert(inner.end(), cbor.begin(), cbor.end());
    Bytes outer = box("jumd", description);
    const Bytes inner_box = box("jumb", inner);
    outer.insert(outer.end(), inner_box.begin(), inner_box.end());
    return box("jumb", outer);
}

Bytes jumbf_app11_payload(const Bytes& jumbf) {
    Bytes out = {'J', 'P', 0x00, 0x01, 0x00, 0x00, 0x00, 0x01};
    out.insert(out.end(), jumbf.begin(), jumbf.end());
    return out;
}

Bytes with_png_chunk(const Bytes& png, const std::string& type, const Bytes& data) {
    constexpr std::size_t kAfterIhdr = 8 + 25;
    Bytes chunk;
    put_be32(chunk, std::uint32_t(data.size()));
    chunk.insert(chunk.end(), type.begin(), type.end());
    chunk.insert(chunk.end(), data.begin(), data.end());
    put_be32(chunk, std::uint32_t(crc32(0, chunk.data() + 4, uInt(chunk.size() - 4))));
    Bytes out(png.begin(), png.begin() + kAfterIhdr);
    out.insert(out.end(), chunk.begin(), chunk.end());
    out.insert(out.end(), png.begin() + kAfterIhdr, png.end());
    return out;
}

Bytes png_text(const std::string& keyword, const std::string& text) {
    Bytes out(keyword.begin(), keyword.end());
    out.push_back(0);
    out.insert(out.end(), text.begin(), text.end());
    return out;
}

Bytes webp_with_chunks(const Bytes& simple_webp, int width, int height,
                       const std::vector<std::pair<std::string, Bytes>>& chunks) {
    auto chunk = [](const std::string& fourcc, const Bytes& data) {
        Bytes out(fourcc.begin(), fourcc.end());
        const auto size = std::uint32_t(data.size());
        out.insert(out.end(), {std::uint8_t(size), std::uint8_t(size >> 8),
                               std::uint8_t(size >> 16), std::uint8_t(size >> 24)});
        out.insert(out.end(), data.begin(), data.end());
        if (size & 1) {
            out.push_back(0);
        }
        return out;
    };
    std::uint8_t flags = 0;
    for (const auto& [fourcc, data] : chunks) {
        flags |= fourcc == "ICCP" ? 0x20 : fourcc == "EXIF" ? 0x08 : fourcc == "XMP " ? 0x04 : 0;
    }
    const int w = width - 1, h = height - 1;
    Bytes body = {'W', 'E', 'B', 'P'};
    const Bytes vp8x =
        chunk("VP8X", {flags, 0, 0, 0, std::uint8_t(w), std::uint8_t(w >> 8), std::uint8_t(w >> 16),
                       std::uint8_t(h), std::uint8_t(h >> 8), std::uint8_t(h >> 16)});
    body.insert(body.end(), vp8x.begin(), vp8x.end());
    for (const auto& [fourcc, data] : chunks) {
        if (fourcc == "ICCP") {
            const Bytes c = chunk(fourcc, data);
            body.insert(body.end(), c.begin(), c.end());
        }
    }
    body.insert(body.end(), simple_webp.begin() + 12, simple_webp.end());  // the VP8 chunk
    for (const auto& [fourcc, data] : chunks) {
        if (fourcc != "ICCP") {
            const Bytes c = chunk(fourcc, data);
            body.insert(body.end(), c.begin(), c.end());
        }
    }
    Bytes out = {'R', 'I', 'F', 'F'};
    const auto size = std::uint32_t(body.size());
    out.insert(out.end(), {std::uint8_t(size), std::uint8_t(size >> 8), std::uint8_t(size >> 16),
                           std::uint8_t(size >> 24)});
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

namespace {

Bytes save_profile(cmsHPROFILE profile) {
    cmsUInt32Number size = 0;
    cmsSaveProfileToMem(profile, nullptr, &size);
    Bytes out(size);
    cmsSaveProfileToMem(profile, out.data(), &size);
    cmsCloseProfile(profile);
    return out;
}

}  // namespace

Bytes display_p3_profile() {
    cmsCIExyY d65 = {0.3127, 0.3290, 1.0};
    cmsCIExyYTRIPLE primaries = {{0.680, 0.320, 1.0}, {0.265, 0.690, 1.0}, {0.150, 0.060, 1.0}};
    const cmsFloat64Number srgb_curve[5] = {2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045};
    cmsToneCurve* curve = cmsBuildParametricToneCurve(nullptr, 4, srgb_curve);
    cmsToneCurve* curves[3] = {curve, curve, curve};
    cmsHPROFILE profile = cmsCreateRGBProfile(&d65, &primaries, curves);
    cmsMLU* name = cmsMLUalloc(nullptr, 1);
    cmsMLUsetASCII(name, "en", "US", "Display P3");
    cmsWriteTag(profile, cmsSigProfileDescriptionTag, name);
    cmsMLUfree(name);
    cmsFreeToneCurve(curve);
    return save_profile(profile);
}

Bytes srgb_profile() {
    return save_profile(cmsCreate_sRGBProfile());
}

Bytes icc_app2_payload(const Bytes& icc) {
    const std::string tag("ICC_PROFILE\0", 12);
    Bytes out(tag.begin(), tag.end());
    out.insert(out.end(), {1, 1});
    out.insert(out.end(), icc.begin(), icc.end());
    return out;
}

namespace {

Bytes encode_heic_here(const Pixels& pixels) {
    heif_init(nullptr);  // the plugins, even after a heif_deinit in the media step
    heif_context* context = heif_context_alloc();
    heif_encoder* encoder = nullptr;
    Bytes out;
    if (heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder).code ==
        heif_error_Ok) {
        heif_image* image = nullptr;
        heif_image_create(pixels.width, pixels.height, heif_colorspace_RGB,
                          heif_chroma_interleaved_RGB, &image);
        heif_image_add_plane(image, heif_channel_interleaved, pixels.width, pixels.height, 8);
        int stride = 0;
        std::uint8_t* plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
        for (int y = 0; y < pixels.height; ++y) {
            std::copy_n(&pixels.rgb[std::size_t(y) * pixels.width * 3], pixels.width * 3,
                        plane + std::size_t(y) * stride);
        }
        heif_encoder_set_lossy_quality(encoder, 90);
        heif_context_encode_image(context, image, encoder, nullptr, nullptr);
        heif_writer writer{};
        writer.writer_api_version = 1;
        writer.write = [](heif_context*, const void* data, size_t size, void* user) {
            auto* bytes = static_cast<Bytes*>(user);
            const auto* p = static_cast<const std::uint8_t*>(data);
            bytes->insert(bytes->end(), p, p + size);
            return heif_error{heif_error_Ok, heif_suberror_Unspecified, ""};
        };
        heif_context_write(context, &writer, &out);
        heif_image_release(image);
        heif_encoder_release(encoder);
    }
    heif_context_free(context);
    return out;
}

}  // namespace

Bytes encode_heic(const Pixels& pixels) {
    // In a child process: x265 keeps buffers it never frees, which LeakSanitizer would
    // count against the tests; the child leaves with _exit, before any leak check.
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) {
        return {};
    }
    const pid_t pid = fork();
    if (pid == 0) {
        close(pipe_ends[0]);
        const Bytes heic = encode_heic_here(pixels);
        std::size_t written = 0;
        while (written < heic.size()) {
            const ssize_t n = write(pipe_ends[1], heic.data() + written, heic.size() - written);
            if (n <= 0) {
                break;
            }
            written += std::size_t(n);
        }
        _exit(written == heic.size() ? 0 : 1);
    }
    close(pipe_ends[1]);
    Bytes out;
    std::uint8_t buffer[65536];
    ssize_t n = 0;
    while ((n = read(pipe_ends[0], buffer, sizeof buffer)) > 0) {
        out.insert(out.end(), buffer, buffer + n);
    }
    close(pipe_ends[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? out : Bytes{};
}

bool run_ffmpeg(const std::vector<std::string>& arguments) {
    std::vector<std::string> args = {"ffmpeg", "-nostdin", "-v", "error", "-y"};
    args.insert(args.end(), arguments.begin(), arguments.end());
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool make_clip(const std::filesystem::path& out, const std::string& size, const std::string& codec,
               const std::vector<std::string>& extra) {
    std::vector<std::string> args = {
        "-f",  "lavfi",    "-i",     "testsrc=size=" + size + ":rate=5", "-t", "0.6", "-c:v",
        codec, "-pix_fmt", "yuv420p"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(out.string());
    return run_ffmpeg(args);
}

Bytes jpeg_scan_data(const Bytes& jpeg) {
    for (std::size_t i = 2; i + 4 < jpeg.size();) {
        if (jpeg[i] != 0xFF) {
            return {};
        }
        const std::uint8_t marker = jpeg[i + 1];
        const std::size_t length = (std::size_t(jpeg[i + 2]) << 8) | jpeg[i + 3];
        if (marker == 0xDA) {
            return Bytes(jpeg.begin() + long(i), jpeg.end());
        }
        i += 2 + length;
    }
    return {};
}

Bytes bytes_of(const std::string& text) {
    return Bytes(text.begin(), text.end());
}

Bytes read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::filesystem::path& file, const Bytes& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

}  // namespace rc::tests
