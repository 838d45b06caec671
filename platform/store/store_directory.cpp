// SqliteStore as the BookingDirectory: the office config and the day
// manifest, and their imports.
#include "kiosk/booking/booking_code.h"
#include "platform/store/column_values.h"
#include "platform/store/sqlite_store.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::platform {
namespace {

Status insert_services(sqlite::Connection& db, const OfficeConfig& config) {
  auto stmt = db.prepare(
      "INSERT INTO office_services (office_id, position, code, name_id, name_en, queue_prefix)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!stmt) return Failure{stmt.error()};
  for (std::size_t i = 0; i < config.services.size(); ++i) {
    const auto& service = config.services[i];
    stmt->bind_text(1, config.office_id);
    stmt->bind_int(2, static_cast<std::int64_t>(i));
    stmt->bind_text(3, service.code);
    stmt->bind_text(4, service.name_id);
    stmt->bind_text(5, service.name_en);
    stmt->bind_text(6, service.queue_prefix);
    if (auto done = stmt->run(); !done) return Failure{"service " + service.code + ": " + done.error()};
  }
  return ok_status();
}

Status insert_signing_keys(sqlite::Connection& db, const OfficeConfig& config) {
  auto stmt = db.prepare(
      "INSERT INTO office_signing_keys (office_id, position, kid, ed25519) VALUES (?1, ?2, ?3, ?4)");
  if (!stmt) return Failure{stmt.error()};
  for (std::size_t i = 0; i < config.signing_keys.size(); ++i) {
    const auto& key = config.signing_keys[i];
    stmt->bind_text(1, config.office_id);
    stmt->bind_int(2, static_cast<std::int64_t>(i));
    stmt->bind_text(3, key.kid);
    stmt->bind_text(4, key.ed25519);
    if (auto done = stmt->run(); !done) return Failure{"signing key " + key.kid + ": " + done.error()};
  }
  return ok_status();
}

Status read_services(sqlite::Connection& db, OfficeConfig& config) {
  auto stmt = db.prepare(
      "SELECT code, name_id, name_en, queue_prefix FROM office_services"
      " WHERE office_id = ?1 ORDER BY position");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, config.office_id);
  return stmt->for_each_row([&] {
    config.services.push_back(
        Service{stmt->column_text(0), stmt->column_text(1), stmt->column_text(2), stmt->column_text(3)});
  });
}

Status read_signing_keys(sqlite::Connection& db, OfficeConfig& config) {
  auto stmt =
      db.prepare("SELECT kid, ed25519 FROM office_signing_keys WHERE office_id = ?1 ORDER BY position");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, config.office_id);
  return stmt->for_each_row([&] {
    config.signing_keys.push_back(SigningKey{stmt->column_text(0), stmt->column_text(1)});
  });
}

// An empty field is one the service did not send: NULL, not ''.
void bind_text_or_null(sqlite::Statement& stmt, int index, std::string_view text) {
  if (text.empty())
    stmt.bind_null(index);
  else
    stmt.bind_text(index, text);
}

// ?1 to ?8 in the column order of the bookings table. Empty optional fields
// are stored as NULL.
void bind_booking(sqlite::Statement& stmt, const Booking& booking) {
  stmt.bind_text(1, booking.code);
  stmt.bind_text(2, booking.service);
  stmt.bind_int(3, unix_seconds(booking.slot_start));
  stmt.bind_text(4, to_string(booking.status));
  stmt.bind_text(5, booking.name);
  bind_text_or_null(stmt, 6, booking.dob_sha256);
  bind_text_or_null(stmt, 7, booking.queue_number);
  if (booking.checked_in_at)
    stmt.bind_int(8, unix_seconds(*booking.checked_in_at));
  else
    stmt.bind_null(8);
}

Expected<Booking> read_booking(const sqlite::Statement& stmt) {
  Booking booking;
  booking.code = stmt.column_text(0);
  booking.service = stmt.column_text(1);
  booking.slot_start = from_unix_seconds(stmt.column_int(2));
  auto status = booking_status_from(stmt.column_text(3));
  if (!status) return Failure{"booking has an unknown status '" + stmt.column_text(3) + "'"};
  booking.status = *status;
  booking.name = stmt.column_text(4);
  booking.dob_sha256 = stmt.column_text(5);
  booking.queue_number = stmt.column_text(6);
  if (!stmt.column_is_null(7)) booking.checked_in_at = from_unix_seconds(stmt.column_int(7));
  return booking;
}

}  // namespace

Expected<std::optional<OfficeConfig>> SqliteStore::office_config() {
  std::lock_guard lock(mutex_);
  auto config = read_office_config();
  if (!config) return Failure{"cannot read office config: " + config.error()};
  return config;
}

Expected<std::optional<OfficeConfig>> SqliteStore::read_office_config() {
  // One snapshot for the three queries, in case another process imports.
  auto tx = sqlite::Transaction::read(db_);
  if (!tx) return Failure{tx.error()};
  auto stmt = db_.prepare(
      "SELECT office_id, name, time_zone, utc_offset_minutes, arrive_minutes_before,"
      " checkin_opens_minutes_before FROM office_config");
  if (!stmt) return Failure{stmt.error()};
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<OfficeConfig>();
  OfficeConfig config;
  config.office_id = stmt->column_text(0);
  config.name = stmt->column_text(1);
  config.time_zone = stmt->column_text(2);
  config.utc_offset = UtcOffset{std::chrono::minutes{stmt->column_int(3)}};
  config.arrive_minutes_before = static_cast<int>(stmt->column_int(4));
  config.checkin_opens_minutes_before = static_cast<int>(stmt->column_int(5));
  if (auto done = read_services(db_, config); !done) return Failure{done.error()};
  if (auto done = read_signing_keys(db_, config); !done) return Failure{done.error()};
  return std::optional<OfficeConfig>(std::move(config));
}

Status SqliteStore::store_office_config(const OfficeConfig& config) {
  std::lock_guard lock(mutex_);
  if (auto stored = replace_office_config(config); !stored)
    return Failure{"cannot store office config " + config.office_id + ": " + stored.error()};
  log_.info("stored office config " + config.office_id + " (" + std::to_string(config.services.size()) +
            " services, " + std::to_string(config.signing_keys.size()) + " signing keys)");
  return ok_status();
}

Status SqliteStore::replace_office_config(const OfficeConfig& config) {
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  // Services and keys go with their office (ON DELETE CASCADE).
  if (auto done = db_.exec("DELETE FROM office_config"); !done) return done;
  auto stmt = db_.prepare(
      "INSERT INTO office_config (office_id, name, time_zone, utc_offset_minutes, arrive_minutes_before,"
      " checkin_opens_minutes_before) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, config.office_id);
  stmt->bind_text(2, config.name);
  stmt->bind_text(3, config.time_zone);
  stmt->bind_int(4, config.utc_offset.value.count());
  stmt->bind_int(5, config.arrive_minutes_before);
  stmt->bind_int(6, config.checkin_opens_minutes_before);
  if (auto done = stmt->run(); !done) return done;
  if (auto done = insert_services(db_, config); !done) return done;
  if (auto done = insert_signing_keys(db_, config); !done) return done;
  return tx->commit();
}

Expected<std::optional<Booking>> SqliteStore::find_booking(std::string_view code) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "SELECT code, service, slot_start, status, name, dob_sha256, queue_number, checked_in_at"
      " FROM bookings WHERE code = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, code);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<Booking>();
  auto booking = read_booking(*stmt);
  if (!booking) return Failure{"booking " + redact_code(code) + ": " + booking.error()};
  return std::optional<Booking>(std::move(*booking));
}

Status SqliteStore::store_manifest(const Manifest& manifest) {
  std::lock_guard lock(mutex_);
  auto date = format_iso_date(manifest.date);
  if (auto stored = replace_manifest(manifest); !stored)
    return Failure{"cannot store manifest for " + date + ": " + stored.error()};
  log_.info("stored manifest for " + date + " (" + std::to_string(manifest.bookings.size()) + " bookings)");
  return ok_status();
}

// The old manifest goes and the new one comes in one transaction, with one
// prepared statement for all its bookings: a day of a large office (some
// 25,000 bookings) takes tens of milliseconds, not the minutes that a
// transaction and an fsync per row would.
Status SqliteStore::replace_manifest(const Manifest& manifest) {
  auto tx = sqlite::Transaction::write(db_);
  if (!tx) return Failure{tx.error()};
  if (auto done = forget_manifest(manifest.date); !done) return done;
  auto header =
      db_.prepare("INSERT INTO manifest (office_id, date, generated_at, etag) VALUES (?1, ?2, ?3, ?4)");
  if (!header) return Failure{header.error()};
  header->bind_text(1, manifest.office_id);
  header->bind_text(2, format_iso_date(manifest.date));
  header->bind_int(3, unix_seconds(manifest.generated_at));
  header->bind_text(4, manifest.etag);
  if (auto done = header->run(); !done) return done;
  // A booking moved to another date is where the newest manifest says; a code
  // listed twice in one manifest is refused.
  auto moved = db_.prepare("DELETE FROM bookings WHERE code = ?1 AND date <> ?2");
  if (!moved) return Failure{moved.error()};
  auto insert = db_.prepare(
      "INSERT INTO bookings"
      " (code, service, slot_start, status, name, dob_sha256, queue_number, checked_in_at, date)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!insert) return Failure{insert.error()};
  for (const auto& booking : manifest.bookings) {
    moved->bind_text(1, booking.code);
    moved->bind_text(2, format_iso_date(manifest.date));
    if (auto done = moved->run(); !done) return done;
    bind_booking(*insert, booking);
    insert->bind_text(9, format_iso_date(manifest.date));
    if (auto done = insert->run(); !done)
      return Failure{"booking " + redact_code(booking.code) + ": " + done.error()};
  }
  return tx->commit();
}

// That date's manifest goes, and so do those older than the day before it:
// the kiosk needs today's and tomorrow's, never last week's.
Status SqliteStore::forget_manifest(std::chrono::year_month_day date) {
  auto day_before = format_iso_date(std::chrono::sys_days{date} - std::chrono::days{1});
  for (const char* sql : {"DELETE FROM bookings WHERE date = ?1 OR date < ?2",
                          "DELETE FROM manifest WHERE date = ?1 OR date < ?2"}) {
    auto stmt = db_.prepare(sql);
    if (!stmt) return Failure{stmt.error()};
    stmt->bind_text(1, format_iso_date(date));
    stmt->bind_text(2, day_before);
    if (auto done = stmt->run(); !done) return done;
  }
  return ok_status();
}

Expected<std::optional<ManifestInfo>> SqliteStore::manifest_info(std::chrono::year_month_day date) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "SELECT office_id, date, generated_at, etag, (SELECT count(*) FROM bookings WHERE date = ?1)"
      " FROM manifest WHERE date = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, format_iso_date(date));
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<ManifestInfo>();
  return std::optional<ManifestInfo>(ManifestInfo{stmt->column_text(0), date,
                                                  from_unix_seconds(stmt->column_int(2)), stmt->column_text(3),
                                                  static_cast<std::size_t>(stmt->column_int(4))});
}

}  // namespace kiosk::platform
