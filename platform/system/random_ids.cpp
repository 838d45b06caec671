#include "platform/system/random_ids.h"

#include <sodium.h>

#include <stdexcept>

namespace kiosk::platform {

RandomIds::RandomIds() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string RandomIds::new_event_id() {
  std::array<std::uint8_t, 16> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return format_uuid_v4(bytes);
}

}  // namespace kiosk::platform
