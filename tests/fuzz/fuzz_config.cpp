// The kiosk's config file (docs/config.md), as a technician writes it or a
// provisioning step copies it: any bytes give a config or one error naming
// the key.
#include "platform/config/kiosk_config.h"
#include "tests/fuzz/fuzz_check.h"

using kiosk::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = kiosk::fuzz::text_of(data, size);
  auto config = kiosk::platform::parse_kiosk_config(text);
  if (config) {
    require(!config->office_id.empty() && !config->kiosk_id.empty(), "a config names its office and kiosk");
    require(config->queue.fallback.first <= config->queue.fallback.last, "the reserve range is a range");
  } else {
    require(!config.error().empty(), "a refused config says why");
  }
  kiosk::platform::fallback_range_for(text);
  return 0;
}
