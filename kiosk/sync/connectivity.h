#pragma once
// Whether the central service is worth asking: a circuit breaker shared by
// the scan path and the sync worker. One failed call opens it, so the next
// applicant does not wait out another timeout; while open, the sync worker
// probes every probe_interval and the first success closes it. Its times are
// monotonic (Clock::monotonic): a wall clock stepped by NTP or a technician
// neither stops the probes nor fires them all at once.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

#include "kiosk/base/waiter.h"

namespace kiosk {

class Connectivity {
 public:
  enum class State { online, offline };

  explicit Connectivity(std::chrono::milliseconds probe_interval = std::chrono::seconds(10))
      : probe_interval_(probe_interval) {}

  // False while the breaker is open: decide offline at once.
  bool use_online() const;
  void record_success(MonoTime now);
  void record_failure(MonoTime now, std::string_view why);
  // Open, and no probe for probe_interval; the caller probes and reports
  // the outcome with record_success/record_failure.
  bool probe_due(MonoTime now) const;
  MonoTime next_probe() const;

  State state() const;
  MonoTime since() const;  // when the state last changed
  std::string last_error() const;

 private:
  mutable std::mutex mutex_;
  std::chrono::milliseconds probe_interval_;
  State state_ = State::online;
  MonoTime since_{};
  MonoTime last_attempt_{};
  std::string last_error_;
};

std::string_view to_string(Connectivity::State state);

}  // namespace kiosk
