// The parts of the Voice that need no synthesizer: the words table, the
// cues, the mixer, and a kiosk with no audio device.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>

#include "platform/audio/cue_tones.h"
#include "support/file_text.h"
#include "platform/audio/make_voice.h"
#include "platform/audio/mixer.h"
#include "kiosk/screens/silent_voice.h"
#include "platform/audio/speech_words.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::platform;
using kiosk::test::file_text;

namespace {


int peak(const Pcm& pcm) {
  int highest = 0;
  for (auto sample : pcm.samples) highest = std::max(highest, std::abs(int(sample)));
  return highest;
}

}  // namespace

TEST_CASE("the speech words of assets/ spell a queue number in each language", "[audio][speech]") {
  auto words = parse_speech_words(file_text(KIOSK_SPEECH_WORDS));
  INFO((words ? "" : words.error()));
  REQUIRE(words);
  CHECK(spell_queue_number("A-043", words->digits(Language::id)) == "A, nol, empat, tiga");
  CHECK(spell_queue_number("A-043", words->digits(Language::en)) == "A, zero, four, three");
  CHECK(spell_queue_number("B-1789", words->digits(Language::id)) == "B, satu, tujuh, delapan, sembilan");
}

TEST_CASE("a bad speech words table is refused, naming the field", "[audio][speech]") {
  auto error = [](const char* text) {
    auto words = parse_speech_words(text);
    REQUIRE_FALSE(words);
    return words.error();
  };
  CHECK_THAT(error("[1]"), Catch::Contains("expected an object"));
  CHECK_THAT(error("{\"id\""), Catch::Contains("not valid JSON"));
  auto ten = std::string(R"(["0","1","2","3","4","5","6","7","8","9"])");
  CHECK_THAT(error(("{\"id\": {\"digits\": " + ten + "}}").c_str()), Catch::Contains("en: missing"));
  CHECK_THAT(error(R"({"id": {"digits": ["nol"]}, "en": {}})"), Catch::Contains("id.digits: expected ten"));
  CHECK_THAT(error(("{\"id\": {\"digits\": " + ten + "}, \"en\": {\"digits\": [\"\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\","
                    "\"7\",\"8\",\"9\"]}}").c_str()),
             Catch::Contains("en.digits[0]: expected a word"));
}

TEST_CASE("the four cues are short, audible, unclipped and all different", "[audio][cue]") {
  std::set<std::vector<std::int16_t>> seen;
  for (auto cue : {Cue::success, Cue::failure, Cue::warning, Cue::tap}) {
    auto pcm = cue_tone(cue, 22050);
    INFO("cue " << static_cast<int>(cue));
    CHECK(pcm.sample_rate == 22050);
    CHECK(pcm.duration().count() > 0.02);
    CHECK(pcm.duration().count() < 0.7);
    CHECK(peak(pcm) > 8000);
    CHECK(peak(pcm) < 32000);
    // Faded in and out: no click at either end.
    CHECK(std::abs(int(pcm.samples.front())) < 500);
    CHECK(std::abs(int(pcm.samples.back())) < 500);
    seen.insert(pcm.samples);
  }
  CHECK(seen.size() == 4);
  CHECK(cue_tone(Cue::tap, 22050).duration() < cue_tone(Cue::success, 22050).duration());
}

TEST_CASE("the mixer sums speech and cue at the volume, clips, and stops speech alone", "[audio][mixer]") {
  Mixer mixer;
  CHECK(mixer.volume() == Mixer::kDefaultVolume);
  std::vector<std::int16_t> out(4, 99);
  mixer.fill(out.data(), out.size());
  CHECK(out == std::vector<std::int16_t>(4, 0));  // silence where nothing plays

  mixer.set_volume(50);
  mixer.play_speech({1000, 2000, 3000});
  mixer.play_cue({100, 100});
  CHECK(mixer.speaking());
  mixer.fill(out.data(), out.size());
  CHECK(out == std::vector<std::int16_t>{550, 1050, 1500, 0});
  CHECK_FALSE(mixer.speaking());

  mixer.set_volume(250);  // clamped to 100
  CHECK(mixer.volume() == 100);
  mixer.play_speech({30000, -30000, 5});
  mixer.play_cue({10000, -10000, 5});
  mixer.fill(out.data(), 3);
  CHECK(out[0] == 32767);
  CHECK(out[1] == -32768);
  CHECK(out[2] == 10);

  mixer.play_speech({7, 7, 7});
  mixer.play_cue({1, 1, 1});
  mixer.stop_speech();
  mixer.fill(out.data(), 3);
  CHECK(out[0] == 1);  // the cue goes on
  mixer.set_volume(-5);
  CHECK(mixer.volume() == 0);
}

TEST_CASE("with no audio device the kiosk is silent, says so once, and every call returns", "[audio][no_device]") {
  // "dummy" plays to nobody; an unknown driver does not start at all.
  auto driver = GENERATE(as<std::string>{}, "dummy", "no-such-driver");
  INFO("SDL_AUDIODRIVER=" << driver);
  ::setenv("SDL_AUDIODRIVER", driver.c_str(), 1);
  test::FakeClock clock;
  test::RecordingLogSink log;
  auto voice = make_voice(clock, Logger(log, "audio"));
  ::unsetenv("SDL_AUDIODRIVER");
  REQUIRE(voice);
  CHECK(dynamic_cast<SilentVoice*>(voice.get()) != nullptr);
  for (int i = 0; i < 3; ++i) {
    voice->speak({"Nomor antrean Anda A, nol, empat, tiga", Language::id});
    voice->cue(Cue::success);
    voice->set_volume(30);
    voice->stop();
  }
  auto lines = log.lines();
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::Contains("silent"));
}
