#include "platform/app/service_desk.h"

namespace kiosk::platform {

PlatformServiceDesk::PlatformServiceDesk(DeskPorts ports)
    : ports_(std::move(ports)), log_(ports_.rt.logger("service")), thread_([this] { run(); }) {}

PlatformServiceDesk::~PlatformServiceDesk() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool PlatformServiceDesk::request(ServiceAction action, const ScreenDefaults& defaults) {
  {
    std::lock_guard lock(mutex_);
    if (busy_ || asked_ || stopping_) return false;
    asked_.emplace(action, defaults);
  }
  wake_.notify_all();
  return true;
}

std::optional<ServiceStatus> PlatformServiceDesk::status() {
  std::lock_guard lock(mutex_);
  return std::exchange(status_, std::nullopt);
}

std::optional<ServiceReport> PlatformServiceDesk::take_report() {
  std::lock_guard lock(mutex_);
  return std::exchange(report_, std::nullopt);
}

void LastSyncRound::note(const SyncReport& report, Seconds at) {
  auto result = describe_sync(report);
  std::lock_guard lock(mutex_);
  seen_ = SyncSeen{at, std::move(result)};
}

std::optional<SyncSeen> LastSyncRound::get() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

// Waits only for a request or the stop; each action is bounded by its own
// timeouts (the printer's, the network's, the sync round's).
void PlatformServiceDesk::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || asked_; });
    if (stopping_) return;
    auto [action, defaults] = *std::exchange(asked_, std::nullopt);
    busy_ = true;
    lock.unlock();
    auto report = perform_service_action(ports_, action, defaults, log_);
    std::optional<ServiceStatus> status;
    if (action == ServiceAction::status)
      status = gather_service_status(ports_, ports_.last_sync ? ports_.last_sync->get() : std::nullopt);
    lock.lock();
    if (status) status_ = std::move(status);
    report_ = std::move(report);
    busy_ = false;
  }
}

}  // namespace kiosk::platform
