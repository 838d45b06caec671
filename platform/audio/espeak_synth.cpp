#include "platform/audio/espeak_synth.h"

#include <espeak-ng/speak_lib.h>

#include <atomic>
#include <cstring>

namespace kiosk::platform {
namespace {

// The library's state is global; so is the guard against opening it twice.
std::atomic<bool> g_open{false};

// A little slower than espeak's 175 words a minute: the hall is noisy and
// many applicants hear poorly.
constexpr int kWordsPerMinute = 150;

struct Job {
  Pcm* pcm;
  const std::function<bool()>* cancelled;
  bool stopped = false;
};

// Called by espeak_Synth on the rendering thread; a null `wav` ends it.
int on_samples(short* wav, int count, espeak_EVENT* events) {
  auto* job = static_cast<Job*>(events->user_data);
  if (job == nullptr) return 0;
  if (wav != nullptr && count > 0) job->pcm->samples.insert(job->pcm->samples.end(), wav, wav + count);
  if (*job->cancelled && (*job->cancelled)()) {
    job->stopped = true;
    return 1;  // abort
  }
  return 0;
}

Status select_language(Language language) {
  espeak_VOICE wanted;
  std::memset(&wanted, 0, sizeof wanted);
  std::string name(to_string(language));  // espeak-ng's codes are the same: "id", "en"
  wanted.languages = name.c_str();
  if (espeak_SetVoiceByProperties(&wanted) != EE_OK)
    return Failure{"espeak-ng has no voice for language \"" + name + "\" (is espeak-ng-data installed?)"};
  return ok_status();
}

// espeak-ng starts once per process and is never terminated: in 1.51
// espeak_Terminate() waits forever on its internal queue thread when the
// output is synchronous. Once started it is handed to one EspeakSynth at a time.
int start_espeak() {
  static const int rate = [] {
    int started = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, EspeakSynth::kChunkMs, nullptr,
                                    espeakINITIALIZE_DONT_EXIT);
    if (started > 0) {
      espeak_SetSynthCallback(on_samples);
      espeak_SetParameter(espeakRATE, kWordsPerMinute, 0);
    }
    return started;
  }();
  return rate;
}

}  // namespace

Expected<std::unique_ptr<EspeakSynth>> EspeakSynth::open() {
  if (g_open.exchange(true)) return Failure{"espeak-ng is open already in this process"};
  int rate = start_espeak();
  if (rate <= 0) {
    g_open = false;
    return Failure{"espeak-ng did not start (is espeak-ng-data installed?)"};
  }
  return std::unique_ptr<EspeakSynth>(new EspeakSynth(rate));
}

EspeakSynth::~EspeakSynth() { g_open = false; }

Expected<Pcm> EspeakSynth::render(const Utterance& utterance, const std::function<bool()>& cancelled) {
  if (auto selected = select_language(utterance.language); !selected) return Failure{selected.error()};
  Pcm pcm{sample_rate_, {}};
  Job job{&pcm, &cancelled};
  auto done = espeak_Synth(utterance.text.c_str(), utterance.text.size() + 1, 0, POS_CHARACTER, 0,
                           espeakCHARS_UTF8, nullptr, &job);
  if (job.stopped) return Failure{"cancelled"};
  if (done != EE_OK) return Failure{"espeak-ng could not render the text (error " + std::to_string(done) + ")"};
  return pcm;
}

}  // namespace kiosk::platform
