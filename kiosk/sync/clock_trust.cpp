#include "kiosk/sync/clock_trust.h"

namespace kiosk {

using namespace std::chrono;

ClockTrust::ClockTrust(const Clock& clock, const TimeSync* timesync, std::string boot_id, seconds skew_limit)
    : clock_(clock), timesync_(timesync), boot_id_(std::move(boot_id)), skew_(skew_limit) {}

ClockTrust::Reading ClockTrust::read() const {
  bool synchronized = timesync_ && timesync_->synchronized();
  auto monotonic = clock_.monotonic();
  auto wall = clock_.now();
  std::lock_guard lock(mutex_);
  auto source = source_locked(synchronized);
  return {floor<seconds>(wall + applied_offset_locked(synchronized)), source != Source::none, stamp_of(monotonic)};
}

void ClockTrust::observe_server_date(Seconds server, const Logger& log) {
  bool synchronized = timesync_ && timesync_->synchronized();
  auto wall = clock_.now();
  std::unique_lock lock(mutex_);
  bool first = !service_seen_;
  service_seen_ = true;
  auto change = skew_.observe(server, wall);
  auto skew = skew_.describe();
  lock.unlock();
  if (first && !synchronized) log.info("clock: " + describe_trust());
  if (change == ClockSkew::Change::now_skewed) log.warn("clock: " + skew);
  if (change == ClockSkew::Change::now_agrees) log.info("clock: the kiosk's clock agrees with the central service's again");
}

std::optional<ConfirmedTime> ClockTrust::confirmed_now() const {
  auto now = read();
  if (!now.confirmed) return std::nullopt;
  return ConfirmedTime{now.stamp, now.now};
}

ClockTrust::Source ClockTrust::source() const {
  bool synchronized = timesync_ && timesync_->synchronized();
  std::lock_guard lock(mutex_);
  return source_locked(synchronized);
}

std::optional<milliseconds> ClockTrust::offset() const {
  std::lock_guard lock(mutex_);
  return skew_.offset();
}

bool ClockTrust::skewed() const {
  std::lock_guard lock(mutex_);
  return skew_.skewed();
}

std::string ClockTrust::describe() const {
  std::lock_guard lock(mutex_);
  return skew_.describe();
}

std::string ClockTrust::describe_trust() const {
  bool synchronized = timesync_ && timesync_->synchronized();
  std::lock_guard lock(mutex_);
  auto applied = applied_offset_locked(synchronized);
  auto offset_text = applied == milliseconds{0} ? std::string()
                                                : ", offset " + std::string(applied.count() > 0 ? "+" : "") +
                                                      std::to_string(applied.count()) + " ms applied";
  switch (source_locked(synchronized)) {
    case Source::timesync: return "confirmed by " + timesync_->name() + offset_text;
    case Source::service: return "confirmed by the central service's Date" + offset_text;
    case Source::none: break;
  }
  return "NOT confirmed: no NTP synchronisation and no answer from the central service since the kiosk started";
}

ClockTrust::Source ClockTrust::source_locked(bool synchronized) const {
  if (synchronized) return Source::timesync;
  return service_seen_ ? Source::service : Source::none;
}

// Offline decisions are made at the service's time, so that a scan is judged
// the same whichever way it was decided. Under NTP the kiosk's clock is
// right by itself: a Date that disagrees with it by more than the limit says
// the service's clock is off, and is reported (describe()), not followed.
milliseconds ClockTrust::applied_offset_locked(bool synchronized) const {
  auto offset = skew_.offset();
  if (!service_seen_ || !offset) return milliseconds{0};
  if (synchronized && skew_.skewed()) return milliseconds{0};
  return *offset;
}

BootStamp ClockTrust::stamp_of(steady_clock::time_point monotonic) const {
  // steady_clock counts from boot on Linux (CLOCK_MONOTONIC).
  return {boot_id_, duration_cast<milliseconds>(monotonic.time_since_epoch())};
}

}  // namespace kiosk
