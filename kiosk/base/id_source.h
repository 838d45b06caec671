#pragma once
// Where event ids (UUID v4, the idempotency key of a check-in) come from.
#include <array>
#include <cstdint>
#include <string>

namespace kiosk {

class IdSource {
 public:
  virtual ~IdSource() = default;
  virtual std::string new_event_id() = 0;
};

// Formats 16 random bytes as a version 4 UUID string.
std::string format_uuid_v4(std::array<std::uint8_t, 16> bytes);

}  // namespace kiosk
