#pragma once
// Text to speech with espeak-ng (Debian's libespeak-ng), rendered into
// memory: the library never touches an audio device. espeak-ng keeps one
// synthesizer per process, so at most one EspeakSynth exists at a time, and
// render() is called from one thread at a time.
#include <functional>
#include <memory>

#include "kiosk/base/expected.h"
#include "kiosk/screens/voice.h"
#include "platform/audio/pcm.h"

namespace kiosk::platform {

class EspeakSynth {
 public:
  // Fails when espeak-ng or its data is missing, or one is open already.
  static Expected<std::unique_ptr<EspeakSynth>> open();
  ~EspeakSynth();
  EspeakSynth(const EspeakSynth&) = delete;
  EspeakSynth& operator=(const EspeakSynth&) = delete;

  int sample_rate() const { return sample_rate_; }

  // Synchronous, on the caller's thread. `cancelled` is asked after every
  // chunk (kChunkMs of sound); when it says true rendering stops and the
  // result is a failure saying so.
  static constexpr int kChunkMs = 100;
  Expected<Pcm> render(const Utterance& utterance, const std::function<bool()>& cancelled = {});

 private:
  explicit EspeakSynth(int sample_rate) : sample_rate_(sample_rate) {}
  int sample_rate_;
};

}  // namespace kiosk::platform
