#pragma once
// A Pcm as a plain WAV file (RIFF, PCM 16-bit mono), for a technician to
// play elsewhere or attach to a report.
#include <string>

#include "kiosk/base/expected.h"
#include "platform/audio/pcm.h"

namespace kiosk::platform {

Status write_wav(const std::string& path, const Pcm& pcm);

}  // namespace kiosk::platform
