// tools/pack/media/provenance.h — internals of read_provenance shared with the clip step
// and the tests: how findings become a suggested answer, and the C2PA claim generator.
#pragma once

#include <string>

#include "tools/pack/media/containers.h"
#include "tools/pack/media/prepare.h"

namespace rc::packmedia {

// The claim generator named in a C2PA manifest (CBOR or JSON, "claim_generator" or
// "claim_generator_info" name), or "present" when none can be read.
std::string c2pa_claim_generator(ByteSpan manifest);

// Sets provenance.suggested from what was found: DigitalSourceType first, then a known
// generator's name (software, claim generator), a prompt, a camera.
void suggest_answer(Provenance& provenance);

// The EXIF orientation (1..8) of a still, 1 when none or unreadable.
int exif_orientation(ByteSpan bytes);

// zlib-inflates (PNG zTXt, iCCP), stopping at max_bytes; empty on any error.
std::string inflate_bounded(ByteSpan compressed, std::size_t max_bytes);

// Text for a person: control characters replaced, invalid UTF-8 read as Latin-1, cut to
// `max_chars` with an ellipsis.
std::string clean_text(std::string_view text, std::size_t max_chars);

}  // namespace rc::packmedia
