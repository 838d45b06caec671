#pragma once
// A minimal valid kiosk config with extra keys, and the error it gives, for
// the config tests of one section each.
#include <string>

#include "platform/config/kiosk_config.h"

namespace kiosk::test {

inline std::string config_with(const std::string& extra) {
  return R"({"office_id": "JKT-SEL", "kiosk_id": "JKT-SEL-K2", "data_dir": "/var/lib/kiosk", )" + extra + "}";
}

inline std::string error_of(const std::string& extra) {
  auto config = platform::parse_kiosk_config(config_with(extra));
  return config ? "" : config.error();
}

}  // namespace kiosk::test
