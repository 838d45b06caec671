#pragma once
// Documents of central-api.md read into domain types. Each parser validates
// everything the kiosk relies on and names the first bad field.
#include <string_view>
#include <vector>

#include "kiosk/booking/booking.h"
#include "kiosk/base/expected.h"
#include "kiosk/booking/manifest.h"
#include "kiosk/booking/office.h"
#include "kiosk/checkin/queue_number.h"

namespace kiosk::platform {

Expected<OfficeConfig> parse_office_config(std::string_view json);
Expected<Manifest> parse_manifest(std::string_view json);
Expected<Booking> parse_booking(std::string_view json);
Expected<QueueBlock> parse_queue_block(std::string_view json, std::string_view service);
// A JSON array of queue-block answers, as `kiosk import --queue-blocks` reads
// it from a USB stick; each block must name its service.
Expected<std::vector<QueueBlock>> parse_queue_blocks(std::string_view json);

}  // namespace kiosk::platform
