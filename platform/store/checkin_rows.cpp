#include "platform/store/checkin_rows.h"

#include <optional>

#include "platform/store/column_values.h"

namespace kiosk::platform {
namespace {

std::optional<DecisionMode> parse_mode(std::string_view text) {
  if (text == to_string(DecisionMode::online)) return DecisionMode::online;
  if (text == to_string(DecisionMode::offline)) return DecisionMode::offline;
  return std::nullopt;
}

}  // namespace

void bind_checkin(sqlite::Statement& stmt, const CheckinRecord& record) {
  stmt.bind_text(1, record.event_id);
  stmt.bind_text(2, record.kiosk_id);
  stmt.bind_text(3, record.code);
  stmt.bind_text(4, record.service);
  stmt.bind_text(5, record.prefix);
  stmt.bind_int(6, record.number);
  stmt.bind_text(7, record.queue_number);
  stmt.bind_int(8, record.fallback_number ? 1 : 0);
  stmt.bind_text(9, format_iso_date(record.date));
  stmt.bind_int(10, unix_seconds(record.scanned_at));
  stmt.bind_int(11, unix_seconds(record.decided_at));
  stmt.bind_text(12, to_string(record.mode));
  stmt.bind_int(13, unix_seconds(record.slot_start));
  stmt.bind_int(14, record.online_attempted ? 1 : 0);
  stmt.bind_int(15, record.priority ? 1 : 0);
  stmt.bind_int(16, record.time_verified ? 1 : 0);
  stmt.bind_text(17, record.boot.boot_id);
  stmt.bind_int(18, record.boot.since_boot.count());
}

Expected<CheckinRecord> read_checkin(const sqlite::Statement& stmt) {
  CheckinRecord record;
  record.event_id = stmt.column_text(0);
  record.kiosk_id = stmt.column_text(1);
  record.code = stmt.column_text(2);
  record.service = stmt.column_text(3);
  record.prefix = stmt.column_text(4);
  record.number = static_cast<int>(stmt.column_int(5));
  record.queue_number = stmt.column_text(6);
  record.fallback_number = stmt.column_int(7) != 0;
  auto date = parse_iso_date(stmt.column_text(8));
  if (!date) return Failure{"check-in " + record.event_id + " has a bad date '" + stmt.column_text(8) + "'"};
  record.date = *date;
  record.scanned_at = from_unix_seconds(stmt.column_int(9));
  record.decided_at = from_unix_seconds(stmt.column_int(10));
  auto mode = parse_mode(stmt.column_text(11));
  if (!mode) return Failure{"check-in " + record.event_id + " has a bad mode '" + stmt.column_text(11) + "'"};
  record.mode = *mode;
  record.slot_start = from_unix_seconds(stmt.column_int(12));
  record.online_attempted = stmt.column_int(13) != 0;
  record.priority = stmt.column_int(14) != 0;
  record.time_verified = stmt.column_int(15) != 0;
  record.boot = {stmt.column_text(16), std::chrono::milliseconds{stmt.column_int(17)}};
  record.printed = stmt.column_int(18) != 0;
  record.rescan_reprints = static_cast<int>(stmt.column_int(19));
  record.seq = stmt.column_int(20);
  record.chain_hash = stmt.column_text(21);
  return record;
}

}  // namespace kiosk::platform
