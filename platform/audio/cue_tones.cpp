#include "platform/audio/cue_tones.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::platform {
namespace {

struct Note {
  double hz = 0;  // 0: a rest
  double seconds = 0;
};

constexpr double kLevel = 0.45;   // of full scale: loud enough in a hall, room left for speech
constexpr double kRamp = 0.005;   // fade in and out, so no note starts or ends with a click

// One note, a sine with a little of its octave for a rounder sound.
void add_note(Pcm& pcm, const Note& note) {
  auto count = static_cast<std::size_t>(note.seconds * pcm.sample_rate);
  for (std::size_t i = 0; i < count; ++i) {
    double t = double(i) / pcm.sample_rate;
    double envelope = std::min({1.0, t / kRamp, (note.seconds - t) / kRamp});
    double phase = 2 * std::numbers::pi * note.hz * t;
    double value = note.hz > 0 ? kLevel * envelope * (0.8 * std::sin(phase) + 0.2 * std::sin(2 * phase)) : 0.0;
    pcm.samples.push_back(static_cast<std::int16_t>(std::lround(value * 32767)));
  }
}

std::vector<Note> notes_of(Cue cue) {
  switch (cue) {
    case Cue::success: return {{523.25, 0.09}, {659.25, 0.09}, {783.99, 0.18}};  // C5 E5 G5, rising
    case Cue::failure: return {{440.0, 0.2}, {0, 0.04}, {329.63, 0.3}};          // A4 then E4, falling
    case Cue::warning: return {{880.0, 0.08}, {0, 0.06}, {880.0, 0.08}, {0, 0.06}, {880.0, 0.08}};
    case Cue::tap: return {{1500.0, 0.025}};
  }
  return {};
}

}  // namespace

Pcm cue_tone(Cue cue, int sample_rate) {
  Pcm pcm{sample_rate, {}};
  for (const auto& note : notes_of(cue)) add_note(pcm, note);
  return pcm;
}

}  // namespace kiosk::platform
