#pragma once
// Offline proof that a signed booking came from the central service: Ed25519
// over the UTF-8 bytes before the last '.', against the office's keys.
#include <vector>

#include "kiosk/booking/office.h"
#include "kiosk/booking/payload.h"

namespace kiosk {

// False for an unknown kid, a malformed key or signature, or a signature that
// does not match.
bool signature_valid(const SignedBooking& booking, const std::vector<SigningKey>& keys);

// Test and tooling helper: sign `text` with a 32-byte Ed25519 seed, returning
// base64url without padding.
std::string sign_for_test(std::string_view text, const unsigned char (&seed)[32]);

}  // namespace kiosk
