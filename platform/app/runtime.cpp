#include "platform/app/runtime.h"

#include "platform/app/config_checks.h"
#include "platform/app/embedded_assets.h"
#include "platform/app/version.h"
#include "platform/printer/printer_factory.h"
#include "platform/system/boot_id.h"
#include "platform/system/boot_slot.h"
#include "platform/system/timesync_flag.h"
#include "platform/update/file_reboot_requests.h"

namespace kiosk::platform {
namespace {

constexpr size_t kMaxConfigBytes = 1 << 20;

Expected<std::unique_ptr<TicketPrinter>> open_printer(const KioskConfig& config) {
  auto profile = configured_printer_profile(config);
  if (!profile) return Failure{profile.error()};
  if (config.printer.device.empty()) return Failure{"printer.device: missing"};
  return make_printer(config.printer.device, *profile);
}

Status open_store_and_printer(Runtime& rt) {
  auto lock = DataDirLock::acquire(rt.config.data_dir, rt.logger("kiosk"));
  if (!lock) return Failure{lock.error()};
  rt.lock = std::move(*lock);
  auto store = SqliteStore::open(rt.config.data_dir + "/kiosk.db", rt.logger("store"));
  if (!store) return Failure{store.error()};
  rt.store = std::move(*store);
  rt.office = std::make_unique<OfficeCache>(*rt.store, *rt.store);
  auto printer = open_printer(rt.config);
  if (!printer) return Failure{printer.error()};
  rt.printer = std::move(*printer);
  rt.watched_printer = std::make_unique<WatchedPrinter>(*rt.printer);
  return ok_status();
}

Status open_central_clients(Runtime& rt) {
  if (rt.config.api.base_url.empty()) return ok_status();
  auto open = [&rt](std::unique_ptr<CentralClient>& client, std::shared_ptr<std::atomic<bool>> abandon) -> Status {
    auto settings = central_settings_from(rt.config);
    settings.http.abandon = std::move(abandon);
    auto made = make_central_client(std::move(settings), rt.logger("central"));
    if (!made) return Failure{made.error()};
    client = std::move(*made);
    return ok_status();
  };
  if (auto scan = open(rt.scan_client, rt.abandon_scan_calls); !scan) return scan;
  if (auto service = open(rt.service_client, rt.abandon_sync_calls); !service) return service;
  return open(rt.sync_client, rt.abandon_sync_calls);
}

// Without a readable boot id, stamps are good for this process only: a
// fresh id, so that no later run dates them against another boot's clock.
void open_clock_trust(Runtime& rt) {
  const auto& clock = rt.config.clock;
  if (clock.confirmed_by == "system")
    rt.timesync = std::make_unique<SystemClockTrusted>();
  else
    rt.timesync = std::make_unique<TimesyncFlag>(clock.timesync_flag);
  auto boot_id = read_boot_id(clock.boot_id_file);
  auto log = rt.logger("clock");
  if (!boot_id) log.warn(boot_id.error() + "; check-ins made before the clock is confirmed are dated only by this run");
  rt.clock_trust = std::make_unique<ClockTrust>(rt.clock, rt.timesync.get(), boot_id ? *boot_id : rt.ids.new_event_id(),
                                                std::chrono::seconds{clock.max_skew_seconds});
  auto trust = rt.clock_trust->describe_trust();
  if (rt.clock_trust->read().confirmed)
    log.info(trust);
  else
    log.warn(trust + "; offline scans are not refused for time, and are marked");
}

void wire_checkin(Runtime& rt) {
  CheckinPolicy policy{rt.config.kiosk_id, rt.config.checkin.require_birth_date, rt.config.queue.fallback,
                       std::chrono::milliseconds{rt.config.api.online_deadline_ms}};
  CheckinPorts ports{rt.clock, *rt.office, *rt.store, *rt.watched_printer, rt.ids, rt.scan_client.get(),
                     rt.scan_client ? &rt.connectivity : nullptr, rt.store.get(), rt.store.get(),
                     rt.clock_trust.get()};
  rt.checkin = std::make_unique<CheckinService>(policy, ports, rt.logger("checkin"));
  rt.reprinter = std::make_unique<Reprinter>(ReprintPorts{rt.clock, *rt.office, *rt.store, *rt.watched_printer},
                                             rt.logger("printer"));
  rt.purge = std::make_unique<DailyPurge>(rt.clock, rt.clock_trust.get(), *rt.store,
                                          std::chrono::days{rt.config.store.retention_days}, rt.logger("store"));
}

void wire_sync(Runtime& rt) {
  if (!rt.sync_client) return;
  SyncPorts ports{rt.clock,
                  *rt.sync_client,
                  *rt.office,
                  *rt.store,
                  *rt.office,
                  rt.connectivity,
                  [&rt] { return std::uniform_real_distribution<double>(0.0, 1.0)(rt.random); },
                  [&rt] { return rt.base_status(); },
                  rt.store.get(),
                  rt.clock_trust.get()};
  SyncPolicy policy;
  policy.clock_skew_limit = std::chrono::seconds{rt.config.clock.max_skew_seconds};
  rt.sync = std::make_unique<SyncWorker>(policy, ports, rt.logger("sync"));
}

// The reboot into an installed update: its requests as files, its timer on
// the engine's idle task, its window read in the office's time.
void wire_update(Runtime& rt) {
  const auto& update = rt.config.update;
  rt.reboot_requests = std::make_unique<FileRebootRequests>(update.dir, rt.config.clock.boot_id_file,
                                                            update.reboot_request, rt.logger("update"));
  RebootGateSettings settings;
  settings.quiet_for = std::chrono::seconds(rt.config.screen.idle_timeout_seconds);
  if (!update.window.empty()) settings.window = *RebootWindow::parse(update.window);  // checked with the config
  auto* office = rt.office.get();
  auto office_offset = [office]() -> std::optional<UtcOffset> {
    auto known = office->office_config();
    if (!known || !*known) return std::nullopt;
    return (*known)->utc_offset;
  };
  rt.reboot_gate = std::make_unique<RebootGate>(
      RebootGatePorts{rt.clock, *rt.reboot_requests, rt.activity, office_offset}, settings, rt.logger("update"));
}

}  // namespace

KioskStatus Runtime::base_status() const {
  KioskStatus status;
  status.version = kVersion;
  status.slot = boot_slot;
  status.uptime_s = std::chrono::duration_cast<std::chrono::seconds>(clock.monotonic() - started).count();
  // Asked now, on the caller's thread (the sync worker's): bounded by the
  // printer's connect and status timeouts, a few seconds at most.
  status.printer = std::string(printer_status_names.name(watched_printer ? watched_printer->status() : PrinterStatus::offline));
  status.camera = camera_online ? "ok" : "offline";
  return status;
}

Expected<KioskConfig> load_config(const std::optional<std::string>& path) {
  auto text = path ? read_text_file(*path, kMaxConfigBytes) : Expected<std::string>(std::string(k_kiosk_default_json));
  if (!text) return Failure{text.error()};
  auto config = parse_kiosk_config(*text);
  if (config) {
    if (auto checked = check_config_for_start(*config); !checked) config = Failure{checked.error()};
  }
  if (!config) return Failure{path.value_or("embedded default config") + ": " + config.error()};
  return config;
}

Expected<std::unique_ptr<Runtime>> open_runtime(const KioskConfig& config, LogSink& sink) {
  auto runtime = std::make_unique<Runtime>(config, sink);
  runtime->boot_slot = read_boot_slot(config.update.kernel_cmdline);
  if (auto opened = open_store_and_printer(*runtime); !opened) return Failure{opened.error()};
  if (auto opened = open_central_clients(*runtime); !opened) return Failure{opened.error()};
  open_clock_trust(*runtime);
  wire_checkin(*runtime);
  wire_sync(*runtime);
  wire_update(*runtime);
  return runtime;
}

}  // namespace kiosk::platform
