// CentralStore: check-in events, the idempotency record of central-api.md.
#include "platform/central_ref/central_store.h"
#include "platform/store/column_values.h"

namespace kiosk::central_ref {
namespace {

using platform::from_unix_seconds;
using platform::unix_seconds;
using platform::sqlite::Statement;

constexpr const char* kEventColumns =
    "SELECT event_id, request, status, answer, kiosk_id, code, mode, queue_number, result, received,"
    " first_received_at, priority FROM events ";

StoredEvent event_from(const Statement& row) {
  StoredEvent event;
  event.event_id = row.column_text(0);
  event.request = row.column_text(1);
  event.status = static_cast<int>(row.column_int(2));
  event.answer = row.column_text(3);
  event.kiosk_id = row.column_text(4);
  event.code = row.column_text(5);
  event.mode = row.column_text(6);
  event.queue_number = row.column_text(7);
  event.result = row.column_text(8);
  event.received = row.column_int(9);
  event.first_received_at = from_unix_seconds(row.column_int(10));
  event.priority = row.column_int(11) != 0;
  return event;
}

}  // namespace

Expected<std::optional<StoredEvent>> CentralStore::find_event(std::string_view event_id) {
  auto stmt = db_.prepare(std::string(kEventColumns) + "WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<StoredEvent>();
  return std::optional<StoredEvent>(event_from(*stmt));
}

Status CentralStore::add_event(const StoredEvent& event) {
  auto stmt = db_.prepare(
      "INSERT INTO events(event_id, request, status, answer, kiosk_id, code, mode, queue_number, result, received,"
      " first_received_at, priority) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event.event_id);
  stmt->bind_text(2, event.request);
  stmt->bind_int(3, event.status);
  stmt->bind_text(4, event.answer);
  stmt->bind_text(5, event.kiosk_id);
  stmt->bind_text(6, event.code);
  stmt->bind_text(7, event.mode);
  stmt->bind_text(8, event.queue_number);
  stmt->bind_text(9, event.result);
  stmt->bind_int(10, event.received);
  stmt->bind_int(11, unix_seconds(event.first_received_at));
  stmt->bind_int(12, event.priority ? 1 : 0);
  return stmt->run();
}

Status CentralStore::count_receipt(std::string_view event_id) {
  auto stmt = db_.prepare("UPDATE events SET received = received + 1 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  return stmt->run();
}

Status CentralStore::replace_event(const StoredEvent& event) {
  auto stmt = db_.prepare(
      "UPDATE events SET request = ?2, status = ?3, answer = ?4, mode = ?5, queue_number = ?6, result = ?7,"
      " received = received + 1 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event.event_id);
  stmt->bind_text(2, event.request);
  stmt->bind_int(3, event.status);
  stmt->bind_text(4, event.answer);
  stmt->bind_text(5, event.mode);
  stmt->bind_text(6, event.queue_number);
  stmt->bind_text(7, event.result);
  return stmt->run();
}

Expected<std::optional<StoredEvent>> CentralStore::standing_event(std::string_view code,
                                                                  std::string_view queue_number) {
  // Codes are stored as sent; bookings are looked up upper-cased and trimmed.
  auto stmt = db_.prepare(std::string(kEventColumns) +
                          "WHERE upper(trim(code)) = ?1 AND queue_number = ?2 AND result LIKE 'admitted%'"
                          " ORDER BY seq DESC LIMIT 1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, code);
  stmt->bind_text(2, queue_number);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<StoredEvent>();
  return std::optional<StoredEvent>(event_from(*stmt));
}

Status CentralStore::mark_superseded(std::string_view event_id) {
  auto stmt = db_.prepare("UPDATE events SET result = 'superseded' WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  return stmt->run();
}

Expected<std::vector<StoredEvent>> CentralStore::events() {
  auto stmt = db_.prepare(std::string(kEventColumns) + "ORDER BY seq");
  if (!stmt) return Failure{stmt.error()};
  std::vector<StoredEvent> events;
  auto done = stmt->for_each_row([&] { events.push_back(event_from(*stmt)); });
  if (!done) return Failure{done.error()};
  return events;
}

}  // namespace kiosk::central_ref
