#pragma once
// What the kiosk tells an applicant about one scan. The spellings are part of
// the headless protocol (docs/headless.md) and must not change.
#include <optional>
#include <string_view>

namespace kiosk {

enum class Verdict {
  admitted,
  too_early,           // come back at the time given
  late,                // the booking is void: register again
  wrong_date,          // the booking is for another day
  wrong_office,        // a signed code for another office
  cancelled,
  expired,
  not_for_queue,       // lost or damaged passport: information counter
  not_found,
  already_checked_in,  // with the original number and time
  invalid_code,        // not a booking code at all
  bad_signature,       // a signed code that does not verify
  birth_date_mismatch, // the office asks for the birth date and it does not match
  birth_date_required, // the office asks for the birth date and none was given
  kiosk_error,         // the kiosk could not record the check-in; nothing printed
};

std::string_view to_string(Verdict verdict);
std::optional<Verdict> verdict_from(std::string_view text);

}  // namespace kiosk
