#include "platform/system/pin_hash.h"

#include <sodium.h>

#include <algorithm>

namespace kiosk::platform {

std::string pin_problem(std::string_view pin) {
  bool digits = !pin.empty() && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || pin.size() < 6 || pin.size() > 12) return "a PIN is 6 to 12 digits";
  if (pin.find_first_not_of(pin.front()) == std::string_view::npos) return "a PIN of one digit repeated is too easy";
  return {};
}

Expected<std::string> hash_pin(std::string_view pin) {
  if (sodium_init() < 0) return Failure{"libsodium could not be initialised"};
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Failure{"hashing the PIN ran out of memory"};
  return std::string(hash);
}

bool PinHash::matches(std::string_view pin) const {
  if (hash_.empty() || sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash_.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace kiosk::platform
