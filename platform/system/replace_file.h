#pragma once
// Replaces a file's contents so that a power cut leaves either the old file
// or the new one, never half of either: a temporary file beside it, synced,
// given the old file's mode, renamed over it, and the directory synced.
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

Status replace_file(const std::string& path, std::string_view text);
// The same; a file that did not exist yet gets `mode` (the default: 0640).
Status replace_file(const std::string& path, std::string_view text, unsigned mode_if_new);

}  // namespace kiosk::platform
