#include "platform/audio/sdl_audio_output.h"

#include <string>

namespace kiosk::platform {
namespace {

void pull(void* mixer, Uint8* stream, int bytes) {
  static_cast<Mixer*>(mixer)->fill(reinterpret_cast<std::int16_t*>(stream),
                                   static_cast<std::size_t>(bytes) / sizeof(std::int16_t));
}

}  // namespace

Expected<std::unique_ptr<SdlAudioOutput>> SdlAudioOutput::open(Mixer& mixer, int sample_rate) {
  // Reference-counted by SDL: the screen's SDL_Init of video is not disturbed.
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return Failure{std::string("SDL audio: ") + SDL_GetError()};
  const char* driver = SDL_GetCurrentAudioDriver();
  if (driver != nullptr && std::string(driver) == "dummy") {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return Failure{"SDL audio driver is \"dummy\""};
  }
  SDL_AudioSpec wanted{};
  wanted.freq = sample_rate;
  wanted.format = AUDIO_S16SYS;
  wanted.channels = 1;
  wanted.samples = 512;  // about 23 ms at 22050 Hz: a cue starts without a noticeable lag
  wanted.callback = pull;
  wanted.userdata = &mixer;
  SDL_AudioSpec got{};
  auto device = SDL_OpenAudioDevice(nullptr, 0, &wanted, &got, 0);
  if (device == 0) {
    std::string why = std::string("no audio device: ") + SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return Failure{why};
  }
  SDL_PauseAudioDevice(device, 0);
  return std::unique_ptr<SdlAudioOutput>(new SdlAudioOutput(device));
}

SdlAudioOutput::~SdlAudioOutput() {
  SDL_CloseAudioDevice(device_);  // waits for the callback to return: the mixer is no longer used
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

}  // namespace kiosk::platform
