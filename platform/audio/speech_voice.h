#pragma once
// The Voice the screens talk to: espeak-ng renders on a worker thread of its
// own, a Mixer plays speech and cues, and SDL takes the Mixer to the
// speaker. Every call returns at once; a new utterance replaces the one
// being rendered or said, and stop() cuts both.
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/base/log.h"
#include "kiosk/base/waiter.h"
#include "kiosk/screens/voice.h"
#include "platform/audio/espeak_synth.h"
#include "platform/audio/mixer.h"
#include "platform/audio/sdl_audio_output.h"

namespace kiosk::platform {

class SpeechVoice final : public Voice {
 public:
  // `synth` may be null (espeak-ng unavailable): cues still play, speech is
  // silent. Nothing reaches a speaker until open_output() succeeds.
  SpeechVoice(Waiter& waiter, Logger log, std::unique_ptr<EspeakSynth> synth);
  ~SpeechVoice() override;
  SpeechVoice(const SpeechVoice&) = delete;
  SpeechVoice& operator=(const SpeechVoice&) = delete;

  Status open_output();

  void speak(const Utterance& utterance) override;
  void stop() override;
  void cue(Cue cue) override;
  void set_volume(int percent) override;

  // For tests: blocks, through the Waiter, until no utterance is waiting
  // or being rendered.
  void await_idle();
  const Mixer& mixer() const { return mixer_; }

 private:
  void run();
  void render(const Utterance& utterance, std::uint64_t generation);

  Waiter& waiter_;
  Logger log_;
  std::unique_ptr<EspeakSynth> synth_;
  Mixer mixer_;
  std::array<Pcm, 4> cues_;
  std::unique_ptr<SdlAudioOutput> output_;  // after mixer_: closed before it goes

  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Utterance> pending_;
  bool rendering_ = false;
  bool quitting_ = false;
  // Moves on every speak() and stop(): a rendering of an older one is
  // cut short and never played.
  std::atomic<std::uint64_t> generation_{0};
  std::thread worker_;
};

}  // namespace kiosk::platform
