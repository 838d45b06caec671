#pragma once
// Faults the service can be told to commit at run time, so tests and demos
// see what the kiosk does when the central service is slow, fails, hangs up
// or sends half an answer. Only /v1/ requests suffer them; /_control/ never.
// One failure fault at a time (a new one replaces the old) plus an
// independent latency, each for the next N requests or until cleared.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"

namespace kiosk::central_ref {

enum class FaultKind {
  none,
  status,    // answer with `status` (500 unless told) without doing anything
  drop,      // close the connection without answering
  truncate,  // send part of the answer
  hang,      // never answer: hold the request until the fault is cleared
};

enum class DropStage {
  before,  // the request is lost: nothing is recorded
  after,   // the request is done and recorded; the answer is lost
};

enum class TruncateStyle {
  short_body,  // Content-Length of the whole answer, half of the bytes, then close
  half_json,   // a well-framed answer whose body is half of the JSON
};

struct FaultSpec {
  FaultKind kind = FaultKind::none;
  int status = 500;                  // status
  std::optional<int> retry_after_s;  // status: sent as Retry-After
  DropStage stage = DropStage::before;
  TruncateStyle style = TruncateStyle::short_body;
  std::optional<int> count;  // requests still to suffer it; none: until cleared
  // Only requests whose path contains this suffer it (and count against it),
  // e.g. "/checkins" to lose a check-in answer but nothing else.
  std::string path_contains;
};

struct LatencySpec {
  std::chrono::milliseconds delay{0};
  std::optional<int> count;
};

// What to do to one request.
struct FaultPlan {
  std::chrono::milliseconds delay{0};
  FaultSpec fault;
};

class FaultInjector {
 public:
  // Latency and the hang cap are waited out through `waiter` on `clock`'s
  // monotonic time: a test with a fake clock decides when they pass.
  FaultInjector(const Clock& clock, Waiter& waiter, std::chrono::milliseconds hang_cap = std::chrono::seconds{120})
      : clock_(clock), waiter_(waiter), hang_cap_(hang_cap) {}

  void set(FaultSpec fault);
  void set_latency(LatencySpec latency);
  // No faults, no latency; held requests go on.
  void clear();

  // The plan for the next /v1/ request; counts it against each armed fault.
  FaultPlan next(std::string_view path);

  // Waits `delay`; false when the server is shutting down meanwhile.
  bool delay(std::chrono::milliseconds delay);
  // Holds the caller until the hang fault is cleared or replaced, the cap
  // passes, or shut_down(); false for the last.
  bool hold();
  // Releases every waiting request at once, for a prompt stop.
  void shut_down();

  struct Snapshot {
    LatencySpec latency;
    FaultSpec fault;
    int held = 0;
  };
  Snapshot snapshot() const;
  // For tests: waits until `count` requests are held; false after `timeout`
  // of real time, a hang guard.
  bool wait_until_held(int count, std::chrono::milliseconds timeout);

 private:
  const Clock& clock_;
  Waiter& waiter_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  LatencySpec latency_;
  FaultSpec fault_;
  unsigned long long generation_ = 0;  // bumped when the failure fault changes
  int held_ = 0;
  bool shutting_down_ = false;
  std::chrono::milliseconds hang_cap_;
};

}  // namespace kiosk::central_ref
