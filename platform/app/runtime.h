#pragma once
// Everything a kiosk is made of, opened and wired in one place: the config,
// the adapters from platform/, and the check-in flow and sync worker from
// kiosk/ on top of them. It starts no thread: the application shell (app.h)
// owns every thread, and main hands the one-shot commands (import, sync,
// selftest) only the pieces they use.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "kiosk/booking/office_cache.h"
#include "kiosk/checkin/checkin_service.h"
#include "kiosk/checkin/retention.h"
#include "kiosk/sync/connectivity.h"
#include "kiosk/base/log.h"
#include "kiosk/ticket/reprinter.h"
#include "kiosk/ticket/watched_printer.h"
#include "kiosk/sync/sync_worker.h"
#include "kiosk/update/reboot_gate.h"
#include "platform/config/kiosk_config.h"
#include "platform/net/central_client.h"
#include "platform/store/sqlite_store.h"
#include "platform/system/data_dir.h"
#include "platform/system/random_ids.h"
#include "platform/system/system_clock.h"

namespace kiosk::platform {

// The file named on the command line, or the embedded default, parsed and
// checked as a start checks it (config_checks.h). The error names the file
// and the key: a config error, exit 2.
Expected<KioskConfig> load_config(const std::optional<std::string>& path);

struct Runtime {
  Runtime(KioskConfig config, LogSink& sink) : config(std::move(config)), sink(sink) {}

  KioskConfig config;
  std::optional<std::string> config_path;  // none: the embedded default
  LogSink& sink;
  SystemClock clock;
  RandomIds ids;
  MonoTime started = clock.monotonic();
  // The A/B slot booted (rauc.slot= on the kernel command line), or "none".
  std::string boot_slot;
  std::unique_ptr<DataDirLock> lock;
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<TicketPrinter> printer;
  // The printer as everything uses it: it remembers what it last said.
  std::unique_ptr<WatchedPrinter> watched_printer;
  // The store as the running kiosk sees it: office config in memory.
  std::unique_ptr<OfficeCache> office;
  Connectivity connectivity;
  // Whether the clock is confirmed: asked by the scan path, fed the service's
  // Date headers by both clients' users (clock.* in the config).
  std::unique_ptr<TimeSync> timesync;
  std::unique_ptr<ClockTrust> clock_trust;
  // One client per thread: the scan path's, the sync worker's, and the
  // service menu's (its selftest and diagnostics bundle).
  std::unique_ptr<CentralClient> scan_client;
  std::unique_ptr<CentralClient> sync_client;
  std::unique_ptr<CentralClient> service_client;
  // The stop sequence ends each client's calls with these (HttpSettings::
  // abandon): the scan path's at the stop signal, the sync worker's after the
  // outbox had its drain time. A stop then fits in TimeoutStopSec.
  std::shared_ptr<std::atomic<bool>> abandon_scan_calls = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<std::atomic<bool>> abandon_sync_calls = std::make_shared<std::atomic<bool>>(false);
  std::mt19937 random{std::random_device{}()};
  std::unique_ptr<CheckinService> checkin;
  std::unique_ptr<Reprinter> reprinter;  // for the check-in engine's idle task
  std::unique_ptr<DailyPurge> purge;     // the same: old personal data goes (store.retention_days)
  std::unique_ptr<SyncWorker> sync;  // null without api.base_url
  // An installed update's reboot, asked for when no applicant is at the
  // kiosk (the engine's idle task polls it; the front end and the engine
  // tell the activity).
  ApplicantActivity activity;
  std::unique_ptr<RebootRequests> reboot_requests;
  std::unique_ptr<RebootGate> reboot_gate;
  // Set by the camera's thread from what capture really does, read by the
  // sync thread for the status report.
  std::atomic<bool> camera_online{false};
  // The exit status a stop asked from the service menu leaves with (restart
  // 75, reboot 76: kiosk.service maps them); 0 otherwise.
  std::atomic<int> exit_status{0};

  Logger logger(std::string component) const { return Logger(sink, std::move(component), config.log_level); }
  bool online_configured() const { return sync != nullptr; }
  KioskStatus base_status() const;
};

// Opens the data directory, the store, the printer and the central service
// client; wires the check-in flow and the sync worker.
Expected<std::unique_ptr<Runtime>> open_runtime(const KioskConfig& config, LogSink& sink);

}  // namespace kiosk::platform
