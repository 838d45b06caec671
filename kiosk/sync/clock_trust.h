#pragma once
// How far the kiosk's wall clock is believed (issue 12, "time that can be
// trusted, or is marked as not"). A Raspberry Pi has no battery clock: after
// a power cut with no network it starts from timesyncd's clock file, which
// can be days old. The clock is confirmed once NTP has synchronised it, or
// once the central service's Date has been seen since the kiosk started.
// Until then no offline scan is refused on its word (CheckinService marks
// the admission instead), and each such check-in keeps where it happened in
// this boot (a BootStamp), so that it can be dated properly once the clock
// is confirmed later in the same boot. Thread-safe: the scan path and the
// sync worker both feed it Date headers.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "kiosk/base/boot_stamp.h"
#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/sync/clock_skew.h"

namespace kiosk {

// Whether the system's NTP client has synchronised the clock (platform:
// systemd-timesyncd's flag file). Asked at each decision, so it must be cheap.
class TimeSync {
 public:
  virtual ~TimeSync() = default;
  virtual bool synchronized() const = 0;
  // What confirms the clock, for the log: "NTP (systemd-timesyncd)".
  virtual std::string name() const = 0;
};

// For a clock kept right by other means (a desktop's NTP client, a board
// with a battery clock): config clock.confirmed_by "system".
class SystemClockTrusted final : public TimeSync {
 public:
  bool synchronized() const override { return true; }
  std::string name() const override { return "the system clock (clock.confirmed_by: system)"; }
};

class ClockTrust {
 public:
  enum class Source { none, timesync, service };

  // `timesync` null: no NTP client to ask (only a Date can confirm).
  ClockTrust(const Clock& clock, const TimeSync* timesync, std::string boot_id,
             std::chrono::seconds skew_limit = std::chrono::seconds{120});

  struct Reading {
    Seconds now;         // the time to decide by
    bool confirmed = false;
    BootStamp stamp;     // where `now` is in this boot
  };
  Reading read() const;

  // A Date header the central service sent, read now. Logs when it first
  // confirms the clock and when it crosses the skew limit either way: one
  // line per episode, not one per answer.
  void observe_server_date(Seconds server, const Logger& log);

  // Now, once the clock is confirmed: dates the unconfirmed check-ins of
  // this boot (Journal::date_unverified). Nothing while unconfirmed.
  std::optional<ConfirmedTime> confirmed_now() const;

  Source source() const;
  std::optional<std::chrono::milliseconds> offset() const;  // service minus kiosk, latest Date
  bool skewed() const;
  std::string describe() const;  // ClockSkew::describe()
  // "confirmed by NTP (systemd-timesyncd)" (TimeSync::name()), "confirmed by the central
  // service's Date, offset +4750 ms applied", "NOT confirmed: ...".
  std::string describe_trust() const;
  const std::string& boot_id() const { return boot_id_; }

 private:
  Source source_locked(bool synchronized) const;
  std::chrono::milliseconds applied_offset_locked(bool synchronized) const;
  BootStamp stamp_of(std::chrono::steady_clock::time_point monotonic) const;

  const Clock& clock_;
  const TimeSync* timesync_;
  std::string boot_id_;
  mutable std::mutex mutex_;
  ClockSkew skew_;
  bool service_seen_ = false;
};

}  // namespace kiosk
