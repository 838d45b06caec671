#pragma once
// The short sounds that mark what happened, generated rather than loaded
// (no sound files to ship or lose): success rises, failure falls, the
// timeout warning beeps three times, a tap clicks. Each differs in pitch
// direction and rhythm, so they are told apart without hearing them well.
#include "kiosk/screens/voice.h"
#include "platform/audio/pcm.h"

namespace kiosk::platform {

Pcm cue_tone(Cue cue, int sample_rate);

}  // namespace kiosk::platform
