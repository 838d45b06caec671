#pragma once
// A Voice that says nothing: a kiosk with no audio device (make_voice() has
// said so in the log, once), and screens drawn for screenshots.
#include "kiosk/screens/voice.h"

namespace kiosk {

class SilentVoice final : public Voice {
 public:
  void speak(const Utterance&) override {}
  void stop() override {}
  void cue(Cue) override {}
  void set_volume(int) override {}
};

}  // namespace kiosk
