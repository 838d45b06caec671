#include "kiosk/update/reboot_gate.h"

namespace kiosk {
namespace {

std::string joined(const std::set<std::string>& reasons) {
  std::string text;
  for (const auto& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

std::string describe(const RebootRequest& request) {
  return "update " + request.bundle + " installed into slot " + request.target_slot;
}

std::string minutes_text(std::chrono::steady_clock::duration waited) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(waited).count();
  return std::to_string(minutes) + " min";
}

}  // namespace

RebootGate::RebootGate(RebootGatePorts ports, RebootGateSettings settings, Logger log)
    : ports_(std::move(ports)), settings_(settings), log_(std::move(log)) {}

void RebootGate::poll() {
  auto now = ports_.clock.monotonic();
  if (asked_ || (next_look_ && now < *next_look_)) return;
  next_look_ = now + settings_.check_every;
  auto request = ports_.requests.pending();
  if (!request) return;
  bool first = !waiting_since_;
  if (first) waiting_since_ = now;
  if (auto reason = holding_back(now)) {
    if (first) log_.info(describe(*request) + ": the reboot waits for " + *reason);
    waited_for_.insert(*reason);
    return;
  }
  ask(*request, now);
}

std::optional<std::string> RebootGate::holding_back(MonoTime now) const {
  const auto& activity = ports_.activity;
  if (activity.mid_checkin()) return "an applicant mid check-in";
  if (now - activity.last_touch() < settings_.quiet_for)
    return "a touch or a scan in the last " +
           std::to_string(std::chrono::duration_cast<std::chrono::seconds>(settings_.quiet_for).count()) + " s";
  return outside_window();
}

std::optional<std::string> RebootGate::outside_window() const {
  if (!settings_.window) return std::nullopt;
  auto offset = ports_.office_offset ? ports_.office_offset() : std::nullopt;
  if (!offset) return std::nullopt;
  auto local = to_local(now_seconds(ports_.clock), *offset).wall;
  auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
  if (settings_.window->contains(minute)) return std::nullopt;
  return "the window " + settings_.window->text() + " (office time)";
}

void RebootGate::ask(const RebootRequest& request, MonoTime now) {
  auto what = describe(request);
  auto waited = waited_for_.empty() ? std::string("; nothing held it back")
                                    : "; waited " + minutes_text(now - *waiting_since_) + " for: " + joined(waited_for_);
  if (auto asked = ports_.requests.ask_reboot(what); !asked) {
    log_.error("cannot ask for the reboot into the installed update: " + asked.error() + "; trying again in " +
               std::to_string(settings_.check_every.count()) + " s");
    return;
  }
  asked_ = true;
  log_.info(what + ": asked for the reboot" + waited);
}

}  // namespace kiosk
