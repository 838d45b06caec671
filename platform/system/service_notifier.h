#pragma once
// Tells systemd how the kiosk is doing (sd_notify): READY=1 once it runs,
// WATCHDOG=1 pings while the engine and the front end both make progress
// (platform/app/watchdog_supervisor.h), STATUS= lines for
// `systemctl status`. Without $NOTIFY_SOCKET (a terminal, a test) every call
// does nothing, so the same program runs under systemd and outside it.
#include <chrono>
#include <string>

namespace kiosk::platform {

class ServiceNotifier {
 public:
  // Reads $NOTIFY_SOCKET and $WATCHDOG_USEC once.
  ServiceNotifier();

  bool supervised() const { return supervised_; }
  // Zero when the unit has no WatchdogSec= (or it is meant for another pid).
  std::chrono::microseconds watchdog_interval() const { return watchdog_; }

  void ready(const std::string& status);
  void status(const std::string& text);
  void stopping();
  // Sends WATCHDOG=1 at most every half watchdog interval (the supervisor
  // calls this about once a second; systemd needs far fewer pings).
  void watchdog_ping();

 private:
  void send(const std::string& message);

  bool supervised_ = false;
  std::chrono::microseconds watchdog_{0};
  std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace kiosk::platform
