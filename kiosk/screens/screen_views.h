#pragma once
// From where an applicant is (FlowState) to what the screen shows
// (ViewModel), in the applicant's language. Every word comes from the
// string table; this file only chooses keys and fills placeholders.
#include "kiosk/base/time.h"
#include "kiosk/base/waiter.h"
#include "kiosk/screens/screen_flow.h"

namespace kiosk {

ViewModel describe(const FlowState& state, const StringTable& strings, const ScreenSettings& settings, Instant now,
                   MonoTime mono);

// What the speak button says: the title, the lines, and the queue number
// character by character ("A-017" as "A, 0, 1, 7").
Utterance spoken_text(const ViewModel& view);

// The characters of a queue number to be read one by one.
std::string spell_out(std::string_view queue_number);

}  // namespace kiosk
