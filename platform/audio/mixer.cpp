#include "platform/audio/mixer.h"

#include <algorithm>

namespace kiosk::platform {

void Mixer::play_speech(std::vector<std::int16_t> samples) {
  std::lock_guard lock(mutex_);
  speech_ = Track{std::move(samples), 0};
}

void Mixer::stop_speech() {
  std::lock_guard lock(mutex_);
  speech_ = Track{};
}

void Mixer::play_cue(std::vector<std::int16_t> samples) {
  std::lock_guard lock(mutex_);
  cue_ = Track{std::move(samples), 0};
}

void Mixer::set_volume(int percent) {
  std::lock_guard lock(mutex_);
  volume_ = std::clamp(percent, 0, 100);
}

void Mixer::fill(std::int16_t* out, std::size_t count) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < count; ++i) {
    int mixed = (speech_.next() + cue_.next()) * volume_ / 100;
    out[i] = static_cast<std::int16_t>(std::clamp(mixed, -32768, 32767));
  }
}

bool Mixer::speaking() const {
  std::lock_guard lock(mutex_);
  return speech_.position < speech_.samples.size();
}

int Mixer::volume() const {
  std::lock_guard lock(mutex_);
  return volume_;
}

}  // namespace kiosk::platform
