#pragma once
// Everything a running kiosk is made of, wired in one place: the config, the
// adapters from platform/, and the check-in flow from kiosk/ on top of them.
#include <memory>
#include <optional>
#include <string>

#include "kiosk/checkin_service.h"
#include "kiosk/log.h"
#include "platform/config/kiosk_config.h"
#include "platform/store/sqlite_store.h"
#include "platform/system/data_dir.h"
#include "platform/system/random_ids.h"
#include "platform/system/system_clock.h"

namespace kiosk::platform {

// The file named on the command line, or the embedded default.
Expected<KioskConfig> load_config(const std::optional<std::string>& path);

struct Runtime {
  KioskConfig config;
  LogSink& sink;
  SystemClock clock;
  RandomIds ids;
  std::unique_ptr<DataDirLock> lock;
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<TicketPrinter> printer;
  std::unique_ptr<CheckinService> checkin;

  Logger logger(std::string component) const { return Logger(sink, std::move(component), config.log_level); }
};

// Opens the data directory, the store and the printer.
Expected<std::unique_ptr<Runtime>> open_runtime(const KioskConfig& config, LogSink& sink);

}  // namespace kiosk::platform
