#pragma once
// kiosk say --lang id|en --text "..." [--out FILE.wav]: speaks a line
// through the kiosk's own voice, for a technician checking the speaker, or
// writes it to a WAV file. Prints how long the speech is and how long
// rendering took. Exit status 0, 1 (no audio, espeak-ng missing, file not
// written) or 2 (bad command line).
#include <ostream>
#include <string>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"

namespace kiosk::platform {

// `args` are the words after "say". Plays in real time through `waiter`
// (the SystemClock) when there is no --out.
int run_say(const std::vector<std::string>& args, const Clock& clock, Waiter& waiter, std::ostream& out,
            std::ostream& err);

}  // namespace kiosk::platform
