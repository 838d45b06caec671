#pragma once
// The last lines a systemd unit wrote to the journal (sd_journal), oldest
// first, as "<time> <message>". The kiosk's own lines are already masked by
// its logger (kiosk/base/log_text.h); nothing here unmasks or adds.
#include <string>
#include <vector>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

// Fails with the reason when the journal cannot be opened or read (the
// kiosk user needs the systemd-journal group for the system journal).
Expected<std::vector<std::string>> journal_tail(const std::string& unit, int lines);

}  // namespace kiosk::platform
