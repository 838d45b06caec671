#pragma once
// The reboot into an installed update, asked for only when it harms nobody.
// `kiosk update` (root) installs a bundle into the other slot and leaves a
// reboot request; the running kiosk looks for it on a timer of its own
// (every 30 s, on the engine's idle task, so never mid decision) and asks
// for the reboot only when no applicant is mid check-in (the screen at
// welcome, nothing touched or scanned for the screen's idle timeout) and,
// when update.window is set, inside it in office time. It asks once, with
// one log line saying why it waited; a root unit does the reboot.
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "kiosk/base/time.h"
#include "kiosk/update/applicant_activity.h"
#include "kiosk/update/reboot_window.h"

namespace kiosk {

// An installed update waiting for its reboot (platform: update_files.h).
struct RebootRequest {
  std::string target_slot;  // the slot it boots into, "B"
  std::string bundle;       // the bundle's file name, for the log
};

class RebootRequests {
 public:
  virtual ~RebootRequests() = default;
  // The request `kiosk update` left in this boot; none when there is none
  // (or it is from an earlier boot: that reboot happened).
  virtual std::optional<RebootRequest> pending() = 0;
  // Ask the system to reboot now, `why` for its log.
  virtual Status ask_reboot(const std::string& why) = 0;
};

struct RebootGatePorts {
  const Clock& clock;
  RebootRequests& requests;
  const ApplicantActivity& activity;
  // The office's offset to read update.window in; none before the office
  // config is known, when no applicant can check in: the window then does not hold it back.
  std::function<std::optional<UtcOffset>()> office_offset;
};

struct RebootGateSettings {
  std::chrono::seconds check_every{30};
  std::chrono::milliseconds quiet_for{45000};  // the screen's idle timeout
  std::optional<RebootWindow> window;
};

class RebootGate {
 public:
  RebootGate(RebootGatePorts ports, RebootGateSettings settings, Logger log);

  // Between scans; looks at most once per check_every.
  void poll();
  bool asked() const { return asked_; }

 private:
  // What holds the reboot back now; none when nothing does.
  std::optional<std::string> holding_back(MonoTime now) const;
  std::optional<std::string> outside_window() const;
  void ask(const RebootRequest& request, MonoTime now);

  RebootGatePorts ports_;
  RebootGateSettings settings_;
  Logger log_;
  std::optional<MonoTime> next_look_;
  std::optional<MonoTime> waiting_since_;
  std::set<std::string> waited_for_;
  bool asked_ = false;
};

}  // namespace kiosk
