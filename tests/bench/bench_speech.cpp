// Speech rendering time: the admitted prompt in Indonesian and English,
// rendered by espeak-ng into memory several times; prints the median and
// the length of the speech. Run: build/ci/tests/bench/bench_speech [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "platform/audio/espeak_synth.h"
#include "support/stopwatch.h"

using namespace std::chrono;
using kiosk::Language;
using kiosk::Utterance;

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::max(1, std::stoi(argv[1])) : 7;
  auto synth = kiosk::platform::EspeakSynth::open();
  if (!synth) {
    std::fprintf(stderr, "bench_speech: %s\n", synth.error().c_str());
    return 1;
  }
  const std::vector<Utterance> prompts = {
      {"Nomor antrean Anda A, nol, empat, tiga. Tiket Anda sedang dicetak.", Language::id},
      {"Your queue number is A, zero, four, three. Your ticket is printing.", Language::en}};
  for (const auto& prompt : prompts) {
    std::vector<double> ms;
    double speech_s = 0;
    for (int i = 0; i < runs; ++i) {
      kiosk::test::Stopwatch watch;
      auto pcm = (*synth)->render(prompt);
      ms.push_back(watch.elapsed_ms());
      if (!pcm) {
        std::fprintf(stderr, "bench_speech: %s\n", pcm.error().c_str());
        return 1;
      }
      speech_s = pcm->duration().count();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%s: %zu characters, %.2f s of speech, render median %.1f ms (min %.1f, max %.1f, %d runs)\n",
                std::string(kiosk::to_string(prompt.language)).c_str(), prompt.text.size(), speech_s,
                ms[ms.size() / 2], ms.front(), ms.back(), runs);
  }
  return 0;
}
