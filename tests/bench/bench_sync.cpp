// Benchmark, not a test: the numbers issue 3 sets targets for, on loopback
// against the reference central service (a child process).
//   online decision latency, median and p95       target p95 <= 50 ms
//   offline decision latency, service down, p95   target p95 <= 5 ms
//   uploading 10,000 queued events                target <= 10 s
//   storing a 25,000-booking manifest             target <= 1 s
// Usage: bench_sync [scans] (default 500). Prints one line per figure.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/checkin/checkin_service.h"
#include "kiosk/sync/sync_worker.h"
#include "platform/net/central_client.h"
#include "platform/store/sqlite_store.h"
#include "platform/system/random_ids.h"
#include "platform/system/system_clock.h"
#include "support/subprocess.h"
#include "support/stopwatch.h"
#include "support/system_time.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono;
using nlohmann::json;

namespace {

constexpr const char* kOffice = R"({"office_id": "BEN", "name": "Bench office", "utc_offset": "+00:00",
 "arrive_minutes_before": 30, "checkin_opens_minutes_before": 1440,
 "services": [{"code": "N", "name_id": "Paspor Baru", "name_en": "New passport", "queue_prefix": "A"}],
 "signing_keys": []})";

struct NullPrinter final : TicketPrinter {
  PrintResult print(const Ticket&) override { return {true, ""}; }
};

std::string code(int i) {
  char text[16];
  std::snprintf(text, sizeof text, "B%07d", i);
  return text;
}

// Every booking's slot is late tonight in UTC, so all are admissible now
// (the window opens 24 h before); unless the bench runs after 23:00 UTC.
Manifest manifest_of(int count, Seconds now) {
  Manifest manifest;
  manifest.office_id = "BEN";
  manifest.date = year_month_day{floor<days>(now)};
  manifest.generated_at = now;
  auto slot = floor<days>(now) + hours{23} + minutes{45};
  for (int i = 0; i < count; ++i) {
    Booking booking;
    booking.code = code(i);
    booking.service = "N";
    booking.slot_start = Seconds{slot};
    booking.name = "B*** B****";
    manifest.bookings.push_back(booking);
  }
  return manifest;
}

json manifest_json(const Manifest& manifest) {
  json list = json::array();
  for (const auto& b : manifest.bookings)
    list.push_back({{"code", b.code}, {"service", "N"}, {"slot_start", format_rfc3339(b.slot_start, UtcOffset{})},
                    {"status", "booked"}, {"name", b.name}});
  return {{"office_id", "BEN"}, {"date", format_iso_date(manifest.date)},
          {"generated_at", format_rfc3339(manifest.generated_at, UtcOffset{})}, {"bookings", list}};
}

void require(const Status& status) {
  if (status) return;
  std::fprintf(stderr, "bench_sync: %s\n", status.error().c_str());
  std::exit(1);
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

void print_latency(const char* what, const std::vector<double>& ms, double target_p95) {
  std::printf("%-44s median %7.2f ms  p95 %7.2f ms  (n=%zu, target p95 <= %.0f ms)\n", what, percentile(ms, 0.5),
              percentile(ms, 0.95), ms.size(), target_p95);
}

struct Kiosk {
  std::filesystem::path dir;
  SystemClock clock;
  RandomIds ids;
  NullPrinter printer;
  Connectivity connectivity;
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<CentralClient> client;

  Kiosk(const std::filesystem::path& where, const std::string& base_url) : dir(where) {
    std::filesystem::create_directories(dir);
    store = std::move(*SqliteStore::open((dir / "kiosk.db").string(), Logger(null_log_sink(), "store")));
    CentralSettings settings;
    settings.office_id = "BEN";
    settings.http.base_url = base_url;
    settings.http.token = "bench";
    settings.http.kiosk_id = "BEN-K1";
    settings.http.connect_timeout = milliseconds(1000);
    settings.http.request_timeout = milliseconds(30000);
    client = std::move(*make_central_client(settings));
  }

  CheckinService checkin() {
    CheckinPolicy policy{"BEN-K1", false, FallbackRange{1900, 999999}, milliseconds(1500)};
    return CheckinService(policy, CheckinPorts{clock, *store, *store, printer, ids, client.get(), &connectivity},
                          Logger(null_log_sink(), "checkin"));
  }
};

std::vector<double> decide_all(CheckinService& service, int first, int count) {
  std::vector<double> ms;
  for (int i = first; i < first + count; ++i) {
    auto decision = service.check_in({code(i), ""});
    if (decision.verdict != Verdict::admitted) std::fprintf(stderr, "unexpected %s\n", std::string(to_string(decision.verdict)).c_str());
    ms.push_back(static_cast<double>(decision.elapsed.count()) / 1000.0);
  }
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  int scans = argc > 1 ? std::atoi(argv[1]) : 500;
  auto dir = std::filesystem::temp_directory_path() / ("kiosk-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto now = kiosk::test::system_wall_time();
  auto manifest = manifest_of(25000, now);
  std::ofstream(dir / "office.json") << kOffice;
  std::ofstream(dir / "bookings.json") << manifest_json(manifest).dump();

  test::Subprocess central({CENTRAL_REF_BINARY, "--office", (dir / "office.json").string(), "--bookings",
                            (dir / "bookings.json").string(), "--token", "bench", "--port", "0", "--log-level",
                            "warn"});  // its database in memory: the kiosk is what is measured
  auto line = central.read_line(seconds(60));
  if (!line) return std::fprintf(stderr, "central-ref did not start: %s\n", central.stderr_text().c_str()), 1;
  auto url = "http://127.0.0.1:" + line->substr(line->rfind(':') + 1);

  Kiosk online(dir / "online", url);
  kiosk::test::Stopwatch started;
  auto office = online.client->office_config();
  if (!office.value) return std::fprintf(stderr, "no office config: %s\n", office.info.message.c_str()), 1;
  require(online.store->store_office_config(*office.value));
  auto stored = online.store->store_manifest(manifest);
  auto manifest_ms = started.elapsed_ms();
  if (!stored) return std::fprintf(stderr, "%s\n", stored.error().c_str()), 1;
  std::printf("%-44s %7.0f ms  (target <= 1000 ms)\n", "store a 25,000-booking manifest (+ config)", manifest_ms);

  auto service = online.checkin();
  print_latency("online decision (admitted, loopback)", decide_all(service, 0, scans), 50);

  // Offline: the service is down (nothing listens on the discard port).
  // These codes are ones the online part did not use.
  constexpr int kQueued = 10000;
  Kiosk down(dir / "down", "http://127.0.0.1:9");
  require(down.store->store_office_config(*office.value));
  require(down.store->store_manifest(manifest));
  auto offline = down.checkin();
  auto offline_ms = decide_all(offline, kQueued, scans + 1);
  offline_ms.erase(offline_ms.begin());  // the first pays for finding the service down
  print_latency("offline decision (service down)", offline_ms, 5);

  // 10,000 offline check-ins waiting; the service comes back; one sync
  // worker empties the outbox.
  for (int i = kQueued + scans + 1; i < 2 * kQueued; ++i) offline.check_in({code(i), ""});
  auto depth = *down.store->outbox_depth();
  Kiosk up(dir / "up", url);
  SyncWorker worker(SyncPolicy{}, SyncPorts{up.clock, *up.client, *down.store, *down.store, *down.store,
                                            up.connectivity, [] { return 0.5; }, {}},
                    Logger(null_log_sink(), "sync"));
  started.restart();
  size_t uploaded = 0;
  // Rounds as the sync thread runs them: a full batch makes the next one
  // due at once. The first round also refreshes the config and the
  // 25,000-booking manifest, as a kiosk coming back online does.
  for (int round = 0; round < 100 && *down.store->outbox_depth() > 0; ++round) uploaded += worker.run_once().uploaded;
  auto upload_s = started.elapsed_s();
  std::printf("%-44s %7.2f s   (%zu of %zu events acknowledged; target <= 10 s for 10,000)\n",
              "upload the queued events (batches of 500)", upload_s, uploaded, depth);
  central.kill(SIGTERM);
  central.wait(seconds(30));
  std::filesystem::remove_all(dir);
  return 0;
}
