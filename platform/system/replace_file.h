#pragma once
// Replaces a file's contents so that a power cut leaves either the old file
// or the new one, never half of either: a temporary file beside it, synced,
// given the old file's mode, renamed over it, and the directory synced.
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

Status replace_file(const std::string& path, std::string_view text);

}  // namespace kiosk::platform
