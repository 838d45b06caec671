// SqliteStore's statistics for a diagnostics bundle: counts and dates only.
// No code, name, birth-date hash or event body leaves through here, so the
// report can be handed to anyone.
#include <array>
#include <utility>

#include "platform/store/sqlite_store.h"

namespace kiosk::platform {
namespace {

// One number each; every query is a count or a sum over the store's tables.
constexpr std::array<std::pair<const char*, const char*>, 15> kCounts{{
    {"check-ins", "SELECT count(*) FROM checkins"},
    {"check-ins decided online", "SELECT count(*) FROM checkins WHERE mode = 'online'"},
    {"check-ins decided offline", "SELECT count(*) FROM checkins WHERE mode = 'offline'"},
    {"check-ins on a reserve number", "SELECT count(*) FROM checkins WHERE fallback_number = 1"},
    {"check-ins with a ticket never confirmed printed", "SELECT count(*) FROM checkins WHERE printed_at IS NULL"},
    {"check-ins made on an unconfirmed clock", "SELECT count(*) FROM checkins WHERE time_verified = 0"},
    {"reprints given on a rescan", "SELECT coalesce(sum(rescan_reprints), 0) FROM checkins"},
    {"reprints queued", "SELECT count(*) FROM reprints"},
    {"outbox waiting", "SELECT count(*) FROM outbox WHERE acked_at IS NULL"},
    {"outbox answered", "SELECT count(*) FROM outbox WHERE acked_at IS NOT NULL"},
    {"check-ins in conflict with the service", "SELECT count(*) FROM conflicts"},
    {"online intents unresolved", "SELECT count(*) FROM online_intents WHERE refused IS NULL"},
    {"offline refusals to upload", "SELECT count(*) FROM online_intents WHERE refused IS NOT NULL AND answered_at IS NULL"},
    {"queue blocks leased", "SELECT count(*) FROM queue_blocks"},
    {"bookings in manifests", "SELECT count(*) FROM bookings"},
}};

}  // namespace

Expected<std::string> SqliteStore::statistics() {
  std::lock_guard lock(mutex_);
  auto version = db_.query_int("PRAGMA user_version");
  if (!version) return Failure{version.error()};
  std::string report = "schema version: " + std::to_string(*version) + "\n";
  for (const auto& [name, sql] : kCounts) {
    auto count = db_.query_int(sql);
    report += std::string(name) + ": " + (count ? std::to_string(*count) : "unreadable (" + count.error() + ")") + "\n";
  }
  // The answers by status: 409s and 422s differ from the kiosk's decision
  // (marked conflicts, counted above with those a later manifest showed).
  auto answers = db_.prepare(
      "SELECT ack_status, count(*) FROM outbox WHERE acked_at IS NOT NULL GROUP BY ack_status ORDER BY ack_status");
  if (!answers) return Failure{answers.error()};
  auto read = answers->for_each_row([&] {
    report += "answered " + std::to_string(answers->column_int(0)) + ": " + std::to_string(answers->column_int(1)) + "\n";
  });
  if (!read) return Failure{read.error()};
  auto manifests = db_.prepare("SELECT date FROM manifest ORDER BY date");
  if (!manifests) return Failure{manifests.error()};
  read = manifests->for_each_row([&] { report += "manifest: " + manifests->column_text(0) + "\n"; });
  if (!read) return Failure{read.error()};
  return report;
}

}  // namespace kiosk::platform
