// CentralStore: bookings, their dates' versions and the queue numbers of a day.
#include "platform/central_ref/central_store.h"
#include "platform/store/column_values.h"

namespace kiosk::central_ref {
namespace {

using platform::from_unix_seconds;
using platform::unix_seconds;
using platform::sqlite::Statement;

constexpr const char* kBookingColumns =
    "SELECT code, service, slot_start, status, name, dob_sha256, queue_number, checked_in_at FROM bookings ";

Booking booking_from(const Statement& row) {
  Booking booking;
  booking.code = row.column_text(0);
  booking.service = row.column_text(1);
  booking.slot_start = from_unix_seconds(row.column_int(2));
  // Only this store writes the column, always from to_string().
  booking.status = booking_status_from(row.column_text(3)).value_or(BookingStatus::booked);
  booking.name = row.column_text(4);
  booking.dob_sha256 = row.column_text(5);
  booking.queue_number = row.column_text(6);
  if (!row.column_is_null(7)) booking.checked_in_at = from_unix_seconds(row.column_int(7));
  return booking;
}

template <typename T, typename Read>
Expected<std::vector<T>> collect(Statement& stmt, Read read) {
  std::vector<T> rows;
  auto done = stmt.for_each_row([&] { rows.push_back(read(stmt)); });
  if (!done) return Failure{done.error()};
  return rows;
}

}  // namespace

Expected<bool> CentralStore::insert_booking(const Booking& booking, std::string_view date) {
  auto stmt = db_.prepare(
      "INSERT INTO bookings(code, date, service, slot_start, status, name, dob_sha256, queue_number, number,"
      " checked_in_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(code) DO NOTHING");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, booking.code);
  stmt->bind_text(2, date);
  stmt->bind_text(3, booking.service);
  stmt->bind_int(4, unix_seconds(booking.slot_start));
  stmt->bind_text(5, to_string(booking.status));
  stmt->bind_text(6, booking.name);
  stmt->bind_text(7, booking.dob_sha256);
  stmt->bind_text(8, booking.queue_number);
  if (auto number = queue_number_digits(booking.queue_number))
    stmt->bind_int(9, *number);
  else
    stmt->bind_null(9);
  if (booking.checked_in_at)
    stmt->bind_int(10, unix_seconds(*booking.checked_in_at));
  else
    stmt->bind_null(10);
  if (auto done = stmt->run(); !done) return Failure{done.error()};
  return db_.changes() == 1;
}

Expected<std::optional<Booking>> CentralStore::find_booking(std::string_view code) {
  auto stmt = db_.prepare(std::string(kBookingColumns) + "WHERE code = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, code);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<Booking>();
  return std::optional<Booking>(booking_from(*stmt));
}

Expected<std::vector<Booking>> CentralStore::bookings_on(std::string_view date) {
  auto stmt = db_.prepare(std::string(kBookingColumns) + "WHERE date = ?1 ORDER BY slot_start, code");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, date);
  return collect<Booking>(*stmt, booking_from);
}

Status CentralStore::record_checkin(std::string_view code, std::string_view queue_number, int number, Seconds at) {
  auto stmt = db_.prepare(
      "UPDATE bookings SET status = 'checked_in', queue_number = ?2, number = ?3,"
      " checked_in_at = ?4 WHERE code = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, code);
  stmt->bind_text(2, queue_number);
  stmt->bind_int(3, number);
  stmt->bind_int(4, unix_seconds(at));
  return stmt->run();
}

Status CentralStore::withdraw_checkin(std::string_view code) {
  auto stmt = db_.prepare(
      "UPDATE bookings SET status = 'booked', queue_number = '', number = NULL, checked_in_at = NULL WHERE code = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, code);
  return stmt->run();
}

Expected<long long> CentralStore::checked_in_count(std::string_view service, std::string_view date) {
  auto stmt = db_.prepare("SELECT COUNT(*) FROM bookings WHERE service = ?1 AND date = ?2 AND status = 'checked_in'");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, service);
  stmt->bind_text(2, date);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  return static_cast<long long>(stmt->column_int(0));
}

Status CentralStore::touch_date(std::string_view date, Seconds at) {
  auto stmt = db_.prepare(
      "INSERT INTO date_versions(date, changed_at) VALUES(?1, ?2) "
      "ON CONFLICT(date) DO UPDATE SET changed_at = excluded.changed_at");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, date);
  stmt->bind_int(2, unix_seconds(at));
  return stmt->run();
}

Expected<std::optional<Seconds>> CentralStore::date_changed_at(std::string_view date) {
  auto stmt = db_.prepare("SELECT changed_at FROM date_versions WHERE date = ?1");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, date);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  if (!*row) return std::optional<Seconds>();
  return std::optional<Seconds>(from_unix_seconds(stmt->column_int(0)));
}

Expected<std::vector<int>> CentralStore::used_numbers(std::string_view service, std::string_view date) {
  auto stmt = db_.prepare("SELECT number FROM bookings WHERE service = ?1 AND date = ?2 AND number IS NOT NULL");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, service);
  stmt->bind_text(2, date);
  return collect<int>(*stmt, [](const Statement& row) { return static_cast<int>(row.column_int(0)); });
}

Expected<int> CentralStore::last_online(std::string_view service, std::string_view date) {
  auto stmt = db_.prepare("SELECT last FROM online_counters WHERE service = ?1 AND date = ?2");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, service);
  stmt->bind_text(2, date);
  auto row = stmt->step();
  if (!row) return Failure{row.error()};
  return *row ? static_cast<int>(stmt->column_int(0)) : 0;
}

Status CentralStore::set_last_online(std::string_view service, std::string_view date, int number) {
  auto stmt = db_.prepare(
      "INSERT INTO online_counters(service, date, last) VALUES(?1, ?2, ?3) "
      "ON CONFLICT(service, date) DO UPDATE SET last = excluded.last");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, service);
  stmt->bind_text(2, date);
  stmt->bind_int(3, number);
  return stmt->run();
}

Expected<std::vector<NumberRange>> CentralStore::leased(std::string_view service, std::string_view date) {
  auto stmt = db_.prepare("SELECT first, last FROM queue_blocks WHERE service = ?1 AND date = ?2 ORDER BY first");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, service);
  stmt->bind_text(2, date);
  return collect<NumberRange>(*stmt, [](const Statement& row) {
    return NumberRange{static_cast<int>(row.column_int(0)), static_cast<int>(row.column_int(1))};
  });
}

Status CentralStore::add_block(const LeasedBlock& leased) {
  auto stmt = db_.prepare(
      "INSERT INTO queue_blocks(kiosk_id, service, date, first, last, leased_at) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  if (!stmt) return Failure{stmt.error()};
  stmt->bind_text(1, leased.kiosk_id);
  stmt->bind_text(2, leased.block.service);
  stmt->bind_text(3, format_iso_date(leased.block.date));
  stmt->bind_int(4, leased.block.first);
  stmt->bind_int(5, leased.block.last);
  stmt->bind_int(6, unix_seconds(leased.leased_at));
  return stmt->run();
}

}  // namespace kiosk::central_ref
