#pragma once
// The audio device, through SDL2: it pulls from a Mixer on SDL's own audio
// thread for as long as it is open. SDL converts to whatever the device
// takes.
#include <SDL.h>

#include <memory>

#include "kiosk/base/expected.h"
#include "platform/audio/mixer.h"

namespace kiosk::platform {

class SdlAudioOutput {
 public:
  // Fails, with the reason, when SDL has no audio (its driver cannot start,
  // no device opens, or the driver is "dummy", which plays to nobody).
  // `mixer` must outlive the output.
  static Expected<std::unique_ptr<SdlAudioOutput>> open(Mixer& mixer, int sample_rate);
  ~SdlAudioOutput();
  SdlAudioOutput(const SdlAudioOutput&) = delete;
  SdlAudioOutput& operator=(const SdlAudioOutput&) = delete;

 private:
  explicit SdlAudioOutput(SDL_AudioDeviceID device) : device_(device) {}
  SDL_AudioDeviceID device_;
};

}  // namespace kiosk::platform
