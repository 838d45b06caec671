// SqliteStore's online intents: online check-ins committed before they are
// sent, and the offline refusals of scans whose online answer was lost.
#include "platform/store/column_values.h"
#include "platform/store/sqlite_store.h"

namespace kiosk::platform {
namespace {

constexpr std::string_view kIntentColumns = "event_id, kiosk_id, code, scanned_at, priority, coalesce(refused, '')";

OnlineIntent read_intent(const sqlite::Statement& stmt) {
  return OnlineIntent{stmt.column_text(0), stmt.column_text(1), stmt.column_text(2),
                      from_unix_seconds(stmt.column_int(3)), stmt.column_int(4) != 0, stmt.column_text(5)};
}

}  // namespace

Status SqliteStore::record_intent(const OnlineIntent& intent) {
  std::lock_guard lock(mutex_);
  // As in mark_printed(), the time is the machine's, through SQLite.
  auto stmt = db_.prepare(
      "INSERT INTO online_intents (event_id, kiosk_id, code, scanned_at, priority, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, CAST(strftime('%s', 'now') AS INTEGER))");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, intent.event_id);
  stmt->bind_text(2, intent.kiosk_id);
  stmt->bind_text(3, intent.code);
  stmt->bind_int(4, unix_seconds(intent.scanned_at));
  stmt->bind_int(5, intent.priority ? 1 : 0);
  if (auto done = stmt->run(); !done) return Failure{"cannot record an online intent: " + done.error()};
  return ok_status();
}

// `where` may use ?1 for `text`; ?2 is the limit.
Expected<std::vector<OnlineIntent>> SqliteStore::read_intents(std::string_view where, std::string_view text,
                                                              std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("SELECT " + std::string(kIntentColumns) + " FROM online_intents WHERE " +
                          std::string(where) + " ORDER BY rowid LIMIT ?2");
  if (!stmt) return Failure{stmt.error()};
  if (!text.empty()) stmt->bind_text(1, text);
  stmt->bind_int(2, static_cast<std::int64_t>(limit));
  std::vector<OnlineIntent> intents;
  auto read = stmt->for_each_row([&] { intents.push_back(read_intent(*stmt)); });
  if (!read) return Failure{"cannot read the online intents: " + read.error()};
  return intents;
}

Expected<std::optional<OnlineIntent>> SqliteStore::pending_intent(std::string_view code) {
  auto intents = read_intents("code = ?1 AND refused IS NULL", code, 1'000'000);
  if (!intents) return Failure{intents.error()};
  if (intents->empty()) return std::optional<OnlineIntent>();
  return std::optional<OnlineIntent>(std::move(intents->back()));
}

Expected<std::vector<OnlineIntent>> SqliteStore::pending_intents() {
  return read_intents("refused IS NULL", "", 1'000'000);
}

Expected<std::vector<OnlineIntent>> SqliteStore::refusals_to_upload(std::size_t limit) {
  return read_intents("refused IS NOT NULL AND answered_at IS NULL", "", limit);
}

Status SqliteStore::drop_intent(std::string_view event_id) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("DELETE FROM online_intents WHERE event_id = ?1 AND refused IS NULL");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  if (auto done = stmt->run(); !done) return Failure{"cannot drop an online intent: " + done.error()};
  return ok_status();
}

Status SqliteStore::refuse_intent(std::string_view event_id, std::string_view verdict) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare("UPDATE online_intents SET refused = ?2 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  stmt->bind_text(2, verdict);
  if (auto done = stmt->run(); !done) return Failure{"cannot record an offline refusal: " + done.error()};
  return ok_status();
}

Status SqliteStore::refusal_answered(std::string_view event_id, int http_status, std::string_view body) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "UPDATE online_intents SET answered_at = CAST(strftime('%s', 'now') AS INTEGER), answer_status = ?2,"
      " answer_body = ?3 WHERE event_id = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, event_id);
  stmt->bind_int(2, http_status);
  stmt->bind_text(3, body);
  if (auto done = stmt->run(); !done) return Failure{"cannot keep the answer to a refusal: " + done.error()};
  return ok_status();
}

}  // namespace kiosk::platform
