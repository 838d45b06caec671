#pragma once
// The kiosk's request bodies towards the central service (central-api.md):
// check-in uploads, the batch upload, queue-block leases and the kiosk status.
// Times are written RFC 3339 in the office offset the upload carries.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/sync/central_service.h"

namespace kiosk::platform {

// One check-in: event_id, kiosk_id, code, scanned_at, mode; an offline
// upload adds decided_at and the queue_number it printed, and its "seq" and
// "chain_hash" on the kiosk's journal chain; "priority": true only when the
// applicant asked for it.
std::string checkin_request_json(const CheckinUpload& upload);
// {"events": [<check-in>, ...]} in the order given.
std::string batch_request_json(const std::vector<CheckinUpload>& uploads);
std::string queue_block_request_json(std::string_view kiosk_id, std::string_view service,
                                     std::chrono::year_month_day date, int size);
// last_sync_at is left out while the kiosk has never synced; "journal" (the
// hash chain: length, head, online links) when the store keeps one.
std::string kiosk_status_json(const KioskStatus& status);

}  // namespace kiosk::platform
