#pragma once
// Sound as the kiosk handles it: mono, signed 16-bit samples at one rate.
#include <chrono>
#include <cstdint>
#include <vector>

namespace kiosk::platform {

struct Pcm {
  int sample_rate = 0;
  std::vector<std::int16_t> samples;

  std::chrono::duration<double> duration() const {
    return std::chrono::duration<double>(sample_rate > 0 ? double(samples.size()) / sample_rate : 0.0);
  }
};

}  // namespace kiosk::platform
