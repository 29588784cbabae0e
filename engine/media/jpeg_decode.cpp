#include "engine/media/jpeg_decode.h"

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace rc::engine {
namespace {

struct JpegFailure {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

// libjpeg's errors end in longjmp back to decode_jpeg_scaled (its default exits the
// process); warnings are dropped, as SDL_image drops them.
[[noreturn]] void fail(j_common_ptr info) {
    auto* failure = reinterpret_cast<JpegFailure*>(info->err);
    info->err->format_message(info, failure->message);
    std::longjmp(failure->jump, 1);
}

void ignore(j_common_ptr) {}

// The scale whose size is closest to `wanted_side` without losing more than a tenth of it:
// a zoomed 12-megapixel photo then costs 27 MB instead of 37 MB for a 4% difference.
unsigned scale_in_eighths(unsigned width, unsigned height, int wanted_side) {
    const unsigned longest = width > height ? width : height;
    const unsigned wanted = static_cast<unsigned>(wanted_side);
    const auto side = [&](unsigned eighths) { return (longest * eighths + 7) / 8; };
    for (unsigned eighths = 8; eighths > 1; --eighths)
        if (side(eighths - 1) * 10 < wanted * 9)
            return eighths;  // one step smaller would lose more than a tenth
    return 1;
}

// No C++ object with a destructor lives between setjmp and a longjmp to it.
SDL_Surface* decode(std::span<const std::uint8_t> bytes, int wanted_side, ScaledJpeg* out,
                    JpegFailure* failure) {
    jpeg_decompress_struct info;
    SDL_Surface* volatile surface = nullptr;
    info.err = jpeg_std_error(&failure->manager);
    failure->manager.error_exit = fail;
    failure->manager.output_message = ignore;
    if (setjmp(failure->jump)) {
        jpeg_destroy_decompress(&info);
        SDL_FreeSurface(surface);
        return nullptr;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    out->source_width = static_cast<int>(info.image_width);
    out->source_height = static_cast<int>(info.image_height);
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        out->unsupported = true;
        jpeg_destroy_decompress(&info);
        return nullptr;
    }
    info.scale_num = scale_in_eighths(info.image_width, info.image_height, wanted_side);
    info.scale_denom = 8;
    info.out_color_space = JCS_EXT_RGBA;
    jpeg_start_decompress(&info);
    surface = SDL_CreateRGBSurfaceWithFormat(0, static_cast<int>(info.output_width),
                                             static_cast<int>(info.output_height), 32,
                                             SDL_PIXELFORMAT_RGBA32);
    if (!surface) {
        std::snprintf(failure->message, sizeof failure->message, "out of memory");
        jpeg_destroy_decompress(&info);
        return nullptr;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = static_cast<JSAMPROW>(surface->pixels) +
                       static_cast<std::size_t>(info.output_scanline) * surface->pitch;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return surface;
}

}  // namespace

bool looks_like_jpeg(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

ScaledJpeg decode_jpeg_scaled(std::span<const std::uint8_t> bytes, int wanted_side,
                              std::string* why) {
    ScaledJpeg out;
    JpegFailure failure{};
    out.surface.reset(decode(bytes, wanted_side > 0 ? wanted_side : 1, &out, &failure));
    if (!out.surface && !out.unsupported)
        *why = std::string("cannot decode: ") + failure.message;
    return out;
}

}  // namespace rc::engine
