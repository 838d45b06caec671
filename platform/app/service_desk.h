#pragma once
// The technician's actions in a running kiosk (issue 14): the ServiceDesk
// port of kiosk/service on a thread of its own, so that the screen never
// waits on the printer, the network, the store or a USB stick. One action at
// a time; the screen asks, draws "working", and picks the report up later.
// Every action is logged, with its outcome.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/service/service_desk.h"
#include "kiosk/sync/sync_thread.h"
#include "platform/app/runtime.h"

namespace kiosk::platform {

// The exit statuses kiosk.service maps: 75 is restarted (Restart=always),
// 76 reboots the board (its ExecStopPost, cross/package/kiosk.service).
constexpr int kExitRestart = 75;
constexpr int kExitReboot = 76;

// The last sync round as the Status page shows it.
struct SyncSeen {
  Seconds at{};
  std::string result;
};

// Written by the sync thread after each round, read by the desk: it lives
// as long as the sync thread, which the desk does not.
class LastSyncRound {
 public:
  void note(const SyncReport& report, Seconds at);
  std::optional<SyncSeen> get() const;

 private:
  mutable std::mutex mutex_;
  std::optional<SyncSeen> seen_;
};

struct DeskPorts {
  Runtime& rt;
  SyncThread* sync = nullptr;  // null: no central service
  const LastSyncRound* last_sync = nullptr;
  // An orderly stop (as SIGTERM), after which the kiosk exits with `status`.
  std::function<void(int status)> stop_with;
};

class PlatformServiceDesk final : public ServiceDesk {
 public:
  explicit PlatformServiceDesk(DeskPorts ports);
  ~PlatformServiceDesk() override;  // waits for the action under way
  PlatformServiceDesk(const PlatformServiceDesk&) = delete;
  PlatformServiceDesk& operator=(const PlatformServiceDesk&) = delete;

  bool request(ServiceAction action, const ScreenDefaults& defaults) override;
  std::optional<ServiceStatus> status() override;
  std::optional<ServiceReport> take_report() override;

 private:
  void run();

  DeskPorts ports_;
  Logger log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<std::pair<ServiceAction, ScreenDefaults>> asked_;
  bool busy_ = false;
  bool stopping_ = false;
  std::optional<ServiceStatus> status_;  // newest, until taken
  std::optional<ServiceReport> report_;
  std::thread thread_;  // last: starts after everything it uses exists
};

// What each action does (service_actions.cpp) and the Status page's facts
// (service_status_report.cpp), on the desk's thread.
ServiceReport perform_service_action(const DeskPorts& ports, ServiceAction action, const ScreenDefaults& defaults,
                                     const Logger& log);
ServiceStatus gather_service_status(const DeskPorts& ports, const std::optional<SyncSeen>& last_sync);
std::string describe_sync(const SyncReport& report);

}  // namespace kiosk::platform
