#include "platform/audio/make_voice.h"

#include "kiosk/screens/silent_voice.h"
#include "platform/audio/speech_voice.h"

namespace kiosk::platform {

std::unique_ptr<Voice> make_voice(Waiter& waiter, const Logger& log) {
  auto synth = EspeakSynth::open();
  auto voice = std::make_unique<SpeechVoice>(waiter, log.child("voice"),
                                             synth ? std::move(*synth) : std::unique_ptr<EspeakSynth>());
  if (auto output = voice->open_output(); !output) {
    log.warn(output.error() + ": the kiosk stays silent (no speech, no sounds)");
    return std::make_unique<SilentVoice>();
  }
  if (!synth) log.warn(synth.error() + ": no speech, only the sounds");
  log.info("audio ready: speech and sounds");
  return voice;
}

}  // namespace kiosk::platform
