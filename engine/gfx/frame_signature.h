// What a frame would put on screen, summed up in one number: ImGui's draw lists (vertices,
// indices, commands, clip rectangles, textures), the display size and the generation of
// every texture's pixels. Two frames with the same signature look the same, so the second
// need not be rendered: in a browser without a GPU each rendered frame costs a read-back
// of the whole canvas (50-250 ms), and a frame drawn only to settle ImGui's hover state
// would hold up the next real one.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace rc::engine {

std::uint64_t frame_signature(const ImDrawData& draw_data, std::uint64_t texture_generation);

// Bumped each time a texture is made or its pixels change (texture.cpp).
std::uint64_t texture_generation();
void note_texture_changed();

}  // namespace rc::engine
