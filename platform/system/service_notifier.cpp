#include "platform/system/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>

namespace kiosk::platform {

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  supervised_ = socket != nullptr && *socket != '\0';
  uint64_t usec = 0;
  // 0 = keep $WATCHDOG_USEC in the environment for the kiosk's children
  // (none today), > 0 only when it is set and meant for this pid.
  if (supervised_ && sd_watchdog_enabled(0, &usec) > 0) watchdog_ = std::chrono::microseconds(usec);
}

void ServiceNotifier::send(const std::string& message) {
  if (supervised_) sd_notify(0, message.c_str());
}

void ServiceNotifier::ready(const std::string& status) { send("READY=1\nSTATUS=" + status); }

void ServiceNotifier::status(const std::string& text) { send("STATUS=" + text); }

void ServiceNotifier::stopping() { send("STOPPING=1"); }

void ServiceNotifier::watchdog_ping() {
  if (watchdog_.count() == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (last_ping_ != std::chrono::steady_clock::time_point{} && now - last_ping_ < watchdog_ / 2) return;
  last_ping_ = now;
  send("WATCHDOG=1");
}

}  // namespace kiosk::platform
