#pragma once
// How long the kiosk keeps personal data (issue 15; Indonesia's UU 27/2022).
// Check-ins with their upload records, owed reprints, online intents, day
// manifests and queue blocks older than the retention period are purged at
// start and then once a day, and the store is compacted so that their bytes
// go too. A check-in the central service has not acknowledged stays,
// whatever its age: it printed a ticket, and it is uploaded first.
//
// Ages are judged only once the clock is confirmed (ClockTrust): a kiosk
// that booted days ahead must not take today's check-ins for old ones.
#include <chrono>
#include <cstddef>
#include <optional>

#include "kiosk/base/clock.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "kiosk/sync/clock_trust.h"

namespace kiosk {

struct PurgeResult {
  std::size_t checkins = 0;  // each with its outbox row
  std::size_t reprints = 0;
  std::size_t intents = 0;
  std::size_t bookings = 0;
  std::size_t manifests = 0;
  std::size_t queue_blocks = 0;
  // Older than the cutoff and kept: check-ins the central service has not
  // acknowledged; check-ins made on an unconfirmed clock that were never
  // dated (their age is not known); online attempts and offline refusals it
  // has not answered.
  std::size_t unacknowledged_kept = 0;
  std::size_t undated_kept = 0;
  std::size_t unanswered_kept = 0;
  bool compacted = false;

  std::size_t deleted() const { return checkins + reprints + intents + bookings + manifests + queue_blocks; }
};

class RetentionStore {
 public:
  virtual ~RetentionStore() = default;
  // Deletes what is older than `cutoff` (dates are compared in the office's
  // time) except what must be kept, and compacts the store when anything went.
  virtual Expected<PurgeResult> purge_older_than(Seconds cutoff) = 0;
};

class DailyPurge {
 public:
  // `trust` null: the clock is taken as confirmed (tests, tools).
  DailyPurge(const Clock& clock, const ClockTrust* trust, RetentionStore& store, std::chrono::days keep, Logger log);

  // Purges when no purge has run in this process yet, or a day of monotonic
  // time has passed since the last one (an hour after one that failed).
  // Cheap when nothing is due: the engine calls it every idle round.
  void run_if_due();

 private:
  std::optional<Seconds> confirmed_now();
  void purge(Seconds now);
  void report(const PurgeResult& result, Seconds cutoff, std::chrono::milliseconds took) const;

  const Clock& clock_;
  const ClockTrust* trust_;
  RetentionStore& store_;
  std::chrono::days keep_;
  Logger log_;
  std::optional<std::chrono::steady_clock::time_point> next_;  // none: due now
  bool told_waiting_ = false;
};

}  // namespace kiosk
