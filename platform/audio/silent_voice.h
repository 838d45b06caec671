#pragma once
// The Voice of a kiosk with no audio device: every call returns and nothing
// is heard. make_voice() has said so in the log, once.
#include "kiosk/screens/voice.h"

namespace kiosk::platform {

class SilentVoice final : public Voice {
 public:
  void speak(const Utterance&) override {}
  void stop() override {}
  void cue(Cue) override {}
  void set_volume(int) override {}
};

}  // namespace kiosk::platform
