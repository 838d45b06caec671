#pragma once
// A CheckinRecord as a row of the checkins table, shared by the journal and
// the outbox queries.
#include <string>
#include <string_view>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/base/expected.h"
#include "platform/store/sqlite_statement.h"

namespace kiosk::platform {

// The columns read_checkin() expects, in its order, and bind_checkin() fills
// as ?1 to ?18.
inline constexpr std::string_view kCheckinColumns =
    "event_id, kiosk_id, code, service, prefix, number, queue_number, fallback_number, date, "
    "scanned_at, decided_at, mode, slot_start, online_attempted, priority, time_verified, boot_id, boot_ms";

// What a SELECT reads for read_checkin(): the columns above, then whether the
// ticket was confirmed printed, the reprints a rescan has given, and the
// row's place on the hash chain.
inline constexpr std::string_view kCheckinReadColumns =
    "event_id, kiosk_id, code, service, prefix, number, queue_number, fallback_number, date, "
    "scanned_at, decided_at, mode, slot_start, online_attempted, priority, time_verified, boot_id, boot_ms, "
    "printed_at IS NOT NULL, rescan_reprints, coalesce(seq, 0), coalesce(chain_hash, '')";

void bind_checkin(sqlite::Statement& stmt, const CheckinRecord& record);

// Fails on a row this build cannot make sense of (a bad date or mode).
Expected<CheckinRecord> read_checkin(const sqlite::Statement& stmt);

}  // namespace kiosk::platform
