#pragma once
// An office's configuration as the central service publishes it.
#include <string>
#include <vector>

#include "kiosk/base/time.h"

namespace kiosk {

struct Service {
  std::string code;          // "N"
  std::string name_id;       // "Paspor Baru"
  std::string name_en;       // "New passport"
  std::string queue_prefix;  // "A"
  friend bool operator==(const Service&, const Service&) = default;
};

struct SigningKey {
  std::string kid;
  std::string ed25519;  // 32-byte public key, base64url without padding
};

struct OfficeConfig {
  std::string office_id;
  std::string name;
  std::string time_zone;  // informative only; the offset is what counts
  UtcOffset utc_offset;
  int arrive_minutes_before = 30;
  int checkin_opens_minutes_before = 240;
  std::vector<Service> services;
  std::vector<SigningKey> signing_keys;

  const Service* find_service(std::string_view code) const;
};

}  // namespace kiosk
