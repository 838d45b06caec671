#pragma once
// Two tracks, speech and a cue, summed at one volume into what the audio
// device asks for. A new utterance replaces the old one, a new cue the old
// cue; a cue plays over speech rather than cutting it. fill() runs on the
// audio device's thread; the rest on any other.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace kiosk::platform {

class Mixer {
 public:
  static constexpr int kDefaultVolume = 80;

  void play_speech(std::vector<std::int16_t> samples);
  void stop_speech();
  void play_cue(std::vector<std::int16_t> samples);
  void set_volume(int percent);  // clamped to 0..100

  // Writes `count` samples: the tracks mixed, scaled and clipped; silence
  // where nothing plays.
  void fill(std::int16_t* out, std::size_t count);

  bool speaking() const;
  int volume() const;

 private:
  struct Track {
    std::vector<std::int16_t> samples;
    std::size_t position = 0;
    int next() { return position < samples.size() ? samples[position++] : 0; }
  };

  mutable std::mutex mutex_;
  Track speech_;
  Track cue_;
  int volume_ = kDefaultVolume;
};

}  // namespace kiosk::platform
