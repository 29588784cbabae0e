// A clip player that failed before it began: the native module that plays clips is
// missing, or this build cannot play clips. Its state is Failed and error() says why.
#pragma once

#include <memory>
#include <string>

#include "engine/media/clip_player.h"

namespace rc::engine {

std::unique_ptr<ClipPlayer> failed_clip_player(std::string error);

}  // namespace rc::engine
