// espeak-ng rendering into memory, synchronously on the test's thread: the
// admitted prompt in Indonesian and English is audible and as long as its
// text; the worker of SpeechVoice renders off the caller's thread and a
// stop or a newer utterance wins. Waits go through the FakeClock's Waiter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "platform/audio/speech_voice.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::platform;

namespace {

std::unique_ptr<EspeakSynth> open_synth() {
  auto synth = EspeakSynth::open();
  INFO((synth ? "" : synth.error()));
  REQUIRE(synth);
  return std::move(*synth);
}

double rms(const Pcm& pcm) {
  double sum = 0;
  for (auto sample : pcm.samples) sum += double(sample) * sample;
  return pcm.samples.empty() ? 0.0 : std::sqrt(sum / double(pcm.samples.size()));
}

// The admitted screen's prompt, the queue number spelled as
// spell_queue_number() spells it. (Test data: the screens own the real text.)
const Utterance kIndonesian{"Nomor antrean Anda A, nol, empat, tiga. Tiket Anda sedang dicetak.", Language::id};
const Utterance kEnglish{"Your queue number is A, zero, four, three. Your ticket is printing.", Language::en};

}  // namespace

TEST_CASE("the admitted prompt is spoken audibly, at a length that fits its text", "[audio][speech]") {
  auto synth = open_synth();
  for (const auto& utterance : {kIndonesian, kEnglish}) {
    INFO(utterance.text);
    auto pcm = synth->render(utterance);
    INFO((pcm ? "" : pcm.error()));
    REQUIRE(pcm);
    CHECK(pcm->sample_rate == synth->sample_rate());
    double seconds = pcm->duration().count();
    double per_char = seconds / double(utterance.text.size());
    INFO("rendered " << seconds << " s, " << per_char << " s per character, RMS " << rms(*pcm));
    // Measured with Debian's espeak-ng 1.51 at 150 words a minute: 0.089 s
    // per character (5.84 s) in Indonesian, 0.077 s (5.18 s) in English, RMS
    // 2990 and 2830. The bounds leave room for another espeak-ng build or
    // rate, not for silence, a truncated prompt or a stuck one.
    CHECK(per_char > 0.05);
    CHECK(per_char < 0.12);
    CHECK(rms(*pcm) > 500);
  }
}

TEST_CASE("a rendering asked to stop ends at the next chunk, as a failure", "[audio][speech]") {
  auto synth = open_synth();
  int asked = 0;
  auto pcm = synth->render(kEnglish, [&] { return ++asked >= 2; });
  REQUIRE_FALSE(pcm);
  CHECK(pcm.error() == "cancelled");
  CHECK(asked == 2);
  CHECK(synth->render(kIndonesian));  // and the next one renders whole
}

TEST_CASE("the voice renders on its own thread and hands the speech to the mixer", "[audio][voice]") {
  test::FakeClock clock;
  test::RecordingLogSink log;
  SpeechVoice voice(clock, Logger(log, "voice"), open_synth());
  voice.speak(kIndonesian);  // returns at once; the worker renders
  voice.await_idle();
  CHECK(voice.mixer().speaking());
  voice.stop();
  CHECK_FALSE(voice.mixer().speaking());
  voice.set_volume(35);
  CHECK(voice.mixer().volume() == 35);
  CHECK(log.lines().empty());
}

TEST_CASE("a stop right after speak leaves nothing to hear", "[audio][voice]") {
  test::FakeClock clock;
  test::RecordingLogSink log;
  SpeechVoice voice(clock, Logger(log, "voice"), open_synth());
  voice.speak(kEnglish);
  voice.stop();
  voice.await_idle();
  CHECK_FALSE(voice.mixer().speaking());
  voice.speak(kEnglish);
  voice.speak(kIndonesian);  // replaces the first
  voice.await_idle();
  CHECK(voice.mixer().speaking());
  CHECK(log.lines().empty());  // a superseded rendering is not a problem
}

TEST_CASE("a voice whose speech is gone still plays cues and returns from every call", "[audio][voice]") {
  test::FakeClock clock;
  SpeechVoice voice(clock, Logger(null_log_sink(), "voice"), nullptr);
  voice.speak(kEnglish);
  voice.await_idle();
  CHECK_FALSE(voice.mixer().speaking());
  voice.cue(Cue::success);
  std::vector<std::int16_t> out(400);
  Mixer& mixer = const_cast<Mixer&>(voice.mixer());
  mixer.fill(out.data(), out.size());
  CHECK(std::any_of(out.begin(), out.end(), [](std::int16_t s) { return s != 0; }));
}
