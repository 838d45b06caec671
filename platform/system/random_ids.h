#pragma once
#include "kiosk/base/id_source.h"

namespace kiosk::platform {

// UUID v4 from libsodium's CSPRNG (getrandom on Linux).
class RandomIds final : public IdSource {
 public:
  RandomIds();
  std::string new_event_id() override;
};

}  // namespace kiosk::platform
