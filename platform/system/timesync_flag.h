#pragma once
// systemd-timesyncd's word on the clock: it creates
// /run/systemd/timesync/synchronized once it has synchronised the system
// clock with an NTP server, and /run is empty at every boot, so the file says
// "synchronised in this boot". One stat per decision.
#include <string>

#include "kiosk/sync/clock_trust.h"

namespace kiosk::platform {

class TimesyncFlag final : public TimeSync {
 public:
  explicit TimesyncFlag(std::string path) : path_(std::move(path)) {}
  bool synchronized() const override;
  std::string name() const override { return "NTP (systemd-timesyncd)"; }

 private:
  std::string path_;
};

}  // namespace kiosk::platform
