// The files `kiosk import` (and the service menu's USB import) reads from a
// stick anyone could have written: an office config, a day's manifest, a
// list of queue blocks. Each input goes through all three parsers.
#include "kiosk/booking/booking_code.h"
#include "platform/json/contract_json.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace kiosk;
using kiosk::fuzz::require;

void check_blocks(const std::vector<QueueBlock>& blocks) {
  for (const auto& block : blocks) {
    require(!block.service.empty(), "an imported block names its service");
    require(leased_block_problem(block, block.last - block.first + 1).empty(),
            "an imported block prints numbers of the contract's form");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = kiosk::fuzz::text_of(data, size);
  if (auto office = platform::parse_office_config(text)) require(!office->services.empty(), "an office has services");
  if (auto manifest = platform::parse_manifest(text))
    for (const auto& booking : manifest->bookings) require(is_booking_code(booking.code), "a manifest holds codes");
  if (auto blocks = platform::parse_queue_blocks(text)) check_blocks(*blocks);
  return 0;
}
