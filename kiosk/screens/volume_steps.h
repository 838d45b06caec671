#pragma once
// The speech volume's steps: the applicant's Volume button and the service
// menu's default volume step through the same three.
#include <array>

namespace kiosk {

inline constexpr std::array<int, 3> kVolumeSteps = {40, 70, 100};

// The next step up from `volume`, and round again after the loudest.
constexpr int next_volume(int volume) {
  for (int step : kVolumeSteps)
    if (step > volume) return step;
  return kVolumeSteps[0];
}

}  // namespace kiosk
