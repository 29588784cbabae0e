#include "engine/gfx/frame_signature.h"

#include <imgui.h>

#include <cstddef>
#include <cstring>

namespace rc::engine {
namespace {

std::uint64_t texture_generation_counter = 0;

// FNV-1a over raw bytes: fast, and a collision only costs a frame not redrawn until the
// next change.
class Signature {
  public:
    void add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            hash_ ^= bytes[i];
            hash_ *= 1099511628211ull;
        }
    }
    template <typename T>
    void add_value(const T& value) {
        add(&value, sizeof value);
    }
    std::uint64_t value() const { return hash_; }

  private:
    std::uint64_t hash_ = 14695981039346656037ull;
};

void add_command(Signature& signature, const ImDrawCmd& command) {
    signature.add_value(command.ClipRect);
    signature.add_value(command.TextureId);
    signature.add_value(command.VtxOffset);
    signature.add_value(command.IdxOffset);
    signature.add_value(command.ElemCount);
    // A callback draws something the lists do not describe: never the same frame.
    signature.add_value(reinterpret_cast<std::uintptr_t>(command.UserCallback));
}

}  // namespace

std::uint64_t frame_signature(const ImDrawData& draw_data, std::uint64_t texture_generation) {
    Signature signature;
    signature.add_value(texture_generation);
    signature.add_value(draw_data.DisplayPos);
    signature.add_value(draw_data.DisplaySize);
    signature.add_value(draw_data.FramebufferScale);
    signature.add_value(draw_data.CmdListsCount);
    for (int i = 0; i < draw_data.CmdListsCount; ++i) {
        const ImDrawList& list = *draw_data.CmdLists[i];
        signature.add(list.VtxBuffer.Data,
                      static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        signature.add(list.IdxBuffer.Data,
                      static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
        signature.add_value(list.CmdBuffer.Size);
        for (const ImDrawCmd& command : list.CmdBuffer)
            add_command(signature, command);
    }
    return signature.value();
}

std::uint64_t texture_generation() {
    return texture_generation_counter;
}

void note_texture_changed() {
    ++texture_generation_counter;
}

}  // namespace rc::engine
