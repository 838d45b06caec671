#pragma once
// A SyncWorker wired to fakes, and a CheckinService sharing its journal,
// central service and breaker: office JKT-SEL (+07:00), clock at 2017-08-17
// 08:00 WIB, blocks A-501..A-550 (N) and B-501..B-550 (R) leased for that day,
// the service's manifest for the day holding 7KQ2MZ and ABC123.
#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/checkin/checkin_service.h"
#include "kiosk/sync/sync_worker.h"
#include "support/fakes.h"

namespace kiosk::test {

struct SyncFixture {
  FakeClock clock{"2017-08-17T08:00:00+07:00"};
  FakeDirectory directory{test_office()};
  MemoryJournal journal;
  FakeCentral central;
  Connectivity connectivity;
  RecordingPrinter printer;
  SequentialIds ids;
  RecordingLogSink log;
  SyncPolicy policy;
  CheckinPolicy checkin_policy{"JKT-SEL-K1", false, FallbackRange{9001, 9010}};
  double jitter = 0.0;  // what the worker's jitter source returns
  // Shared by the worker and scan(), as in the kiosk; null: none (each
  // takes the clock as it reads).
  ClockTrust* trust = nullptr;

  explicit SyncFixture(std::chrono::milliseconds probe_interval = std::chrono::seconds(10))
      : connectivity(probe_interval) {
    journal.add_block({"N", "A", 501, 550, date("2017-08-17")});
    journal.add_block({"R", "B", 501, 550, date("2017-08-17")});
    central.set_next_block_first(551);
    central.set_manifest(manifest("2017-08-17", "\"m1\"", {"7KQ2MZ", "ABC123"}));
    directory.add(booking("7KQ2MZ", "2017-08-17T09:00:00+07:00"));
    directory.add(booking("ABC123", "2017-08-17T09:00:00+07:00"));
  }

  static Manifest manifest(std::string_view iso_date, std::string etag, std::initializer_list<const char*> codes,
                           std::string office_id = "JKT-SEL") {
    Manifest m;
    m.office_id = std::move(office_id);
    m.date = date(iso_date);
    m.generated_at = at(std::string(iso_date) + "T05:00:00+07:00");
    m.etag = std::move(etag);
    for (const auto* code : codes) m.bookings.push_back(booking(code, std::string(iso_date) + "T09:00:00+07:00"));
    return m;
  }

  // The worker, made on first use so that a test can set the policy first;
  // it keeps its timers from round to round.
  SyncWorker& worker() {
    if (!worker_)
      worker_.emplace(policy,
                      SyncPorts{clock, central, journal, journal, directory, connectivity, [this] { return jitter; },
                                [] {
                                  KioskStatus status;
                                  status.version = "1.2.0";
                                  status.uptime_s = 3600;
                                  status.printer = "paper_low";
                                  status.camera = "ok";
                                  return status;
                                },
                                nullptr, trust},
                      Logger(log, "sync"));
    return *worker_;
  }
  SyncReport run(bool force = false) { return worker().run_once(force); }
  // A kiosk restart: a new worker over the same journal and service.
  void restart_worker() { worker_.reset(); }

  // An offline check-in of `code` as the scan path would commit it, with the
  // next number of the N block.
  CheckinRecord commit_offline(std::string code, bool online_attempted = false) {
    CheckinRecord record;
    record.event_id = ids.new_event_id();
    record.kiosk_id = "JKT-SEL-K1";
    record.code = std::move(code);
    record.service = "N";
    record.prefix = "A";
    auto day = local_date(now_seconds(clock), test_office().utc_offset);
    auto choice = next_offline_number(*journal.queue_blocks("N", day), *journal.offline_numbers_used("N", day),
                                      checkin_policy.fallback);
    if (!choice) throw std::runtime_error("no offline numbers left in the test");
    record.number = choice->number;
    record.queue_number = format_queue_number("A", record.number);
    record.date = local_date(now_seconds(clock), test_office().utc_offset);
    record.scanned_at = now_seconds(clock);
    record.decided_at = now_seconds(clock);
    record.mode = DecisionMode::offline;
    record.slot_start = at("2017-08-17T09:00:00+07:00");
    record.online_attempted = online_attempted;
    if (auto committed = journal.commit(record); !committed) throw std::runtime_error(committed.error());
    return record;
  }

  // A scan through the check-in flow with the central service and breaker.
  Decision scan(std::string_view text, bool priority = false) {
    CheckinService service(checkin_policy,
                           CheckinPorts{clock, directory, journal, printer, ids, &central, &connectivity, nullptr,
                                        nullptr, trust},
                           Logger(log, "checkin"));
    return service.check_in(ScanRequest{std::string(text), "", "", priority});
  }

  std::size_t outbox() { return *journal.outbox_depth(); }

 private:
  std::optional<SyncWorker> worker_;
};

inline bool has(const std::vector<std::string>& lines, std::string_view text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

// Advances the clock by `after`, runs a round, and says whether it tried to
// upload (a single check-in or a batch).
inline bool uploads_after(SyncFixture& kiosk, std::chrono::milliseconds after) {
  using Call = FakeCentral::Call;
  auto before = kiosk.central.count(Call::check_in) + kiosk.central.count(Call::check_in_batch);
  kiosk.clock.advance(after);
  (void)kiosk.run();
  return kiosk.central.count(Call::check_in) + kiosk.central.count(Call::check_in_batch) > before;
}

}  // namespace kiosk::test
