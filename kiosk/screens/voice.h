#pragma once
// What the screens ask of the speaker: say a message in a language, stop,
// and play a short cue. The implementation (platform/audio, espeak-ng and SDL
// audio) renders off the UI thread: every call returns at once. With no
// audio device it stays silent and says so once in the log.
#include <string>

#include "kiosk/screens/language.h"

namespace kiosk {

enum class Cue { success, failure, warning, tap };

struct Utterance {
  std::string text;  // already in `language`; a queue number spelled out by the caller
  Language language = Language::id;
};

class Voice {
 public:
  virtual ~Voice() = default;
  virtual void speak(const Utterance& utterance) = 0;  // replaces what is being said
  virtual void stop() = 0;
  virtual void cue(Cue cue) = 0;
  // 0..100; the screens reset it to the default after each applicant.
  virtual void set_volume(int percent) = 0;
};

}  // namespace kiosk
