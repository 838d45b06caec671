#include "platform/audio/say_command.h"

#include <condition_variable>
#include <mutex>
#include <optional>

#include "platform/audio/espeak_synth.h"
#include "platform/audio/mixer.h"
#include "platform/audio/sdl_audio_output.h"
#include "platform/audio/wav_file.h"

namespace kiosk::platform {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

struct SayRequest {
  Utterance utterance;
  std::optional<std::string> out_path;
};

Expected<SayRequest> parse(const std::vector<std::string>& args) {
  SayRequest request;
  bool has_text = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& flag = args[i];
    if (i + 1 >= args.size()) return Failure{"'" + flag + "' needs a value"};
    const auto& value = args[++i];
    if (flag == "--lang") {
      auto language = language_from(value);
      if (!language) return Failure{"--lang must be id or en, got '" + value + "'"};
      request.utterance.language = *language;
    } else if (flag == "--text") {
      request.utterance.text = value;
      has_text = true;
    } else if (flag == "--out") {
      request.out_path = value;
    } else {
      return Failure{"unknown option '" + flag + "'"};
    }
  }
  if (!has_text || request.utterance.text.empty()) return Failure{"--text is required"};
  return request;
}

// Through the speaker, waiting out the speech and a little more.
int play(const Pcm& pcm, const Clock& clock, Waiter& waiter, std::ostream& err) {
  Mixer mixer;
  mixer.set_volume(100);
  auto output = SdlAudioOutput::open(mixer, pcm.sample_rate);
  if (!output) {
    err << "kiosk say: " << output.error() << "\n";
    return kExitFailure;
  }
  mixer.play_speech(pcm.samples);
  std::mutex mutex;
  std::condition_variable never;
  std::unique_lock lock(mutex);
  auto tail = std::chrono::milliseconds(300);  // the device's buffer drains
  auto until = clock.monotonic() + std::chrono::duration_cast<std::chrono::nanoseconds>(pcm.duration()) + tail;
  waiter.wait_until(lock, never, until, [] { return false; });
  return 0;
}

}  // namespace

int run_say(const std::vector<std::string>& args, const Clock& clock, Waiter& waiter, std::ostream& out,
            std::ostream& err) {
  auto request = parse(args);
  if (!request) {
    err << "kiosk say: " << request.error() << " (usage: kiosk say --lang id|en --text TEXT [--out FILE.wav])\n";
    return kExitUsage;
  }
  auto synth = EspeakSynth::open();
  if (!synth) {
    err << "kiosk say: " << synth.error() << "\n";
    return kExitFailure;
  }
  auto started = clock.monotonic();
  auto pcm = (*synth)->render(request->utterance);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock.monotonic() - started);
  if (!pcm) {
    err << "kiosk say: " << pcm.error() << "\n";
    return kExitFailure;
  }
  out << "rendered " << pcm->duration().count() << " s of speech (" << to_string(request->utterance.language)
      << ") in " << took.count() << " ms\n";
  if (!request->out_path) return play(*pcm, clock, waiter, err);
  if (auto written = write_wav(*request->out_path, *pcm); !written) {
    err << "kiosk say: " << written.error() << "\n";
    return kExitFailure;
  }
  out << "wrote " << *request->out_path << "\n";
  return 0;
}

}  // namespace kiosk::platform
