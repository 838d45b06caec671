// Scanned payloads (camera, wedge scanner, stdin, the screen's keypad): a
// plain booking code or a signed BKG1. code, its signature checked against
// the office's keys; and the birth date an applicant types.
#include <vector>

#include "kiosk/booking/birth_date.h"
#include "kiosk/booking/booking_code.h"
#include "kiosk/booking/office.h"
#include "kiosk/booking/payload.h"
#include "kiosk/booking/signature.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using kiosk::ScannedPayload;
using kiosk::fuzz::require;

// The contract's test vector key as k1, and a kid whose key is not base64url.
const std::vector<kiosk::SigningKey>& office_keys() {
  static const std::vector<kiosk::SigningKey> keys{{"k1", "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg"},
                                                   {"k2", "not a key"}};
  return keys;
}

void check_signed(const ScannedPayload& payload) {
  require(payload.signed_booking.has_value(), "a signed payload carries its booking");
  const auto& booking = *payload.signed_booking;
  require(booking.code == payload.code, "a signed payload's code is its booking's");
  require(booking.signature.size() == 86, "a signature is 86 base64url characters");
  require(booking.signed_text.starts_with("BKG1."), "the signed text is the payload before its signature");
  kiosk::signature_valid(booking, office_keys());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto raw = kiosk::fuzz::text_of(data, size);
  auto payload = kiosk::parse_payload(raw);
  switch (payload.kind) {
    case ScannedPayload::Kind::plain: require(kiosk::is_booking_code(payload.code), "a plain code is a booking code"); break;
    case ScannedPayload::Kind::signed_booking: check_signed(payload); break;
    case ScannedPayload::Kind::invalid: require(!payload.signed_booking, "an invalid payload has no booking"); break;
  }
  require(kiosk::redact_code(payload.code).size() == payload.code.size(), "a redacted code keeps its length");
  if (kiosk::is_birth_date(raw)) kiosk::birth_date_matches("7KQ2MZ", raw, kiosk::birth_date_hash("7KQ2MZ", raw));
  return 0;
}
