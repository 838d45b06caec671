#include "platform/audio/speech_voice.h"

#include "platform/audio/cue_tones.h"

namespace kiosk::platform {
namespace {

// espeak-ng's own rate; used for the cues too when it is missing.
constexpr int kFallbackRate = 22050;

}  // namespace

SpeechVoice::SpeechVoice(Waiter& waiter, Logger log, std::unique_ptr<EspeakSynth> synth)
    : waiter_(waiter), log_(std::move(log)), synth_(std::move(synth)) {
  int rate = synth_ ? synth_->sample_rate() : kFallbackRate;
  for (auto which : {Cue::success, Cue::failure, Cue::warning, Cue::tap})
    cues_[static_cast<std::size_t>(which)] = cue_tone(which, rate);
  if (synth_) worker_ = std::thread([this] { run(); });
}

SpeechVoice::~SpeechVoice() {
  {
    std::lock_guard lock(mutex_);
    quitting_ = true;
    ++generation_;  // cuts a rendering short
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

Status SpeechVoice::open_output() {
  auto output = SdlAudioOutput::open(mixer_, synth_ ? synth_->sample_rate() : kFallbackRate);
  if (!output) return Failure{output.error()};
  output_ = std::move(*output);
  return ok_status();
}

void SpeechVoice::speak(const Utterance& utterance) {
  if (!synth_) return;
  {
    std::lock_guard lock(mutex_);
    pending_ = utterance;
    ++generation_;
    mixer_.stop_speech();
  }
  changed_.notify_all();
}

void SpeechVoice::stop() {
  {
    std::lock_guard lock(mutex_);
    pending_.reset();
    ++generation_;
    mixer_.stop_speech();
  }
  changed_.notify_all();
}

void SpeechVoice::cue(Cue cue) { mixer_.play_cue(cues_[static_cast<std::size_t>(cue)].samples); }

void SpeechVoice::set_volume(int percent) { mixer_.set_volume(percent); }

void SpeechVoice::await_idle() {
  std::unique_lock lock(mutex_);
  waiter_.wait(lock, changed_, [&] { return quitting_ || (!pending_ && !rendering_); });
}

void SpeechVoice::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    waiter_.wait(lock, changed_, [&] { return quitting_ || pending_.has_value(); });
    if (quitting_) return;
    auto utterance = std::move(*pending_);
    pending_.reset();
    rendering_ = true;
    auto generation = generation_.load();
    lock.unlock();
    render(utterance, generation);
    lock.lock();
    rendering_ = false;
    changed_.notify_all();
  }
}

void SpeechVoice::render(const Utterance& utterance, std::uint64_t generation) {
  auto superseded = [&] { return generation_.load() != generation; };
  auto pcm = synth_->render(utterance, superseded);
  if (!pcm) {
    if (!superseded()) log_.warn("speech not rendered: " + pcm.error());
    return;
  }
  // Checked and played under the lock speak() and stop() move it under, so
  // a stop() that came during rendering is never followed by this sound.
  std::lock_guard lock(mutex_);
  if (!superseded()) mixer_.play_speech(std::move(pcm->samples));
}

}  // namespace kiosk::platform
