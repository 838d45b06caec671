#pragma once
// The service menu's PIN as the config keeps it: a salted, memory-hard hash
// (libsodium crypto_pwhash_str, Argon2id, "$argon2id$..."), never the PIN.
// Hashing takes a fraction of a second and 64 MiB on purpose: a copied
// config file does not give the PIN away cheaply.
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "kiosk/service/pin_gate.h"

namespace kiosk::platform {

// Why `pin` is not acceptable as a PIN, or empty: 6 to 12 digits, not one
// digit repeated.
std::string pin_problem(std::string_view pin);

Expected<std::string> hash_pin(std::string_view pin);

class PinHash final : public PinVerifier {
 public:
  explicit PinHash(std::string hash) : hash_(std::move(hash)) {}
  bool matches(std::string_view pin) const override;

 private:
  std::string hash_;
};

}  // namespace kiosk::platform
