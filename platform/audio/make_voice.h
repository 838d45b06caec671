#pragma once
// The kiosk's Voice, as the app wires it. It never fails: with no audio
// device (or SDL_AUDIODRIVER=dummy) it is a SilentVoice, and without
// espeak-ng only the cues play; either way the log says so once, here.
#include <memory>

#include "kiosk/base/log.h"
#include "kiosk/base/waiter.h"
#include "kiosk/screens/voice.h"

namespace kiosk::platform {

// `waiter` (the SystemClock) must outlive the voice.
std::unique_ptr<Voice> make_voice(Waiter& waiter, const Logger& log);

}  // namespace kiosk::platform
