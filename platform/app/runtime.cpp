#include "platform/app/runtime.h"

#include "platform/app/embedded_assets.h"
#include "platform/printer/printer_factory.h"

namespace kiosk::platform {
namespace {

constexpr size_t kMaxConfigBytes = 1 << 20;

Expected<std::unique_ptr<TicketPrinter>> open_printer(const KioskConfig& config) {
  auto profile = printer_profile(config.printer.profile);
  if (!profile) return Failure{"printer.profile: unknown profile '" + config.printer.profile + "' (80mm, 58mm)"};
  if (config.printer.device.empty()) return Failure{"printer.device: missing"};
  return make_printer(config.printer.device, *profile);
}

}  // namespace

Expected<KioskConfig> load_config(const std::optional<std::string>& path) {
  if (!path) return parse_kiosk_config(k_kiosk_default_json);
  auto text = read_text_file(*path, kMaxConfigBytes);
  if (!text) return Failure{text.error()};
  auto config = parse_kiosk_config(*text);
  if (!config) return Failure{*path + ": " + config.error()};
  return config;
}

Expected<std::unique_ptr<Runtime>> open_runtime(const KioskConfig& config, LogSink& sink) {
  auto runtime = std::make_unique<Runtime>(Runtime{config, sink, {}, {}, nullptr, nullptr, nullptr, nullptr});
  auto lock = DataDirLock::acquire(config.data_dir);
  if (!lock) return Failure{lock.error()};
  runtime->lock = std::move(*lock);
  auto store = SqliteStore::open(config.data_dir + "/kiosk.db", runtime->logger("store"));
  if (!store) return Failure{store.error()};
  runtime->store = std::move(*store);
  auto printer = open_printer(config);
  if (!printer) return Failure{printer.error()};
  runtime->printer = std::move(*printer);
  CheckinPolicy policy{config.kiosk_id, config.checkin.require_birth_date, config.queue.fallback};
  CheckinPorts ports{runtime->clock, *runtime->store, *runtime->store, *runtime->printer, runtime->ids};
  runtime->checkin = std::make_unique<CheckinService>(policy, ports, runtime->logger("checkin"));
  return runtime;
}

}  // namespace kiosk::platform
