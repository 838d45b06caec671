#include "kiosk/checkin/retention.h"

#include <string>

namespace kiosk {
namespace {

constexpr std::chrono::hours kPeriod{24};
constexpr std::chrono::hours kRetryAfterFailure{1};

std::string days_text(std::chrono::days keep) {
  return std::to_string(keep.count()) + (keep.count() == 1 ? " day" : " days");
}

std::string deleted_text(const PurgeResult& r) {
  return std::to_string(r.checkins) + " check-ins with their upload records, " + std::to_string(r.reprints) +
         " owed reprints, " + std::to_string(r.intents) + " online intents, " + std::to_string(r.bookings) +
         " bookings of " + std::to_string(r.manifests) + " manifests, " + std::to_string(r.queue_blocks) +
         " queue blocks";
}

}  // namespace

DailyPurge::DailyPurge(const Clock& clock, const ClockTrust* trust, RetentionStore& store, std::chrono::days keep,
                       Logger log)
    : clock_(clock), trust_(trust), store_(store), keep_(keep), log_(std::move(log)) {}

void DailyPurge::run_if_due() {
  auto mono = clock_.monotonic();
  if (next_ && mono < *next_) return;
  auto now = confirmed_now();
  if (!now) return;
  purge(*now);
}

// The wall clock, once it can be believed; says once why the purge waits.
std::optional<Seconds> DailyPurge::confirmed_now() {
  if (!trust_) return now_seconds(clock_);
  if (auto confirmed = trust_->confirmed_now()) {
    told_waiting_ = false;
    return confirmed->time;
  }
  if (!told_waiting_)
    log_.info("purge of data older than " + days_text(keep_) + " waits until the clock is confirmed");
  told_waiting_ = true;
  return std::nullopt;
}

void DailyPurge::purge(Seconds now) {
  auto cutoff = now - keep_;
  auto started = clock_.monotonic();
  auto result = store_.purge_older_than(cutoff);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock_.monotonic() - started);
  if (!result) {
    log_.error("purge of data older than " + days_text(keep_) + " failed (tried again in an hour): " + result.error());
    next_ = started + kRetryAfterFailure;
    return;
  }
  next_ = started + kPeriod;
  report(*result, cutoff, took);
}

void DailyPurge::report(const PurgeResult& r, Seconds cutoff, std::chrono::milliseconds took) const {
  auto older = "older than " + days_text(keep_) + " (before " + format_rfc3339(cutoff, UtcOffset{}) + ")";
  if (r.deleted() > 0)
    log_.info("purged what is " + older + ": " + deleted_text(r) + "; store " +
              (r.compacted ? "compacted" : "not compacted") + ", " + std::to_string(took.count()) + " ms");
  else
    log_.debug("nothing " + older + " to purge");
  if (r.unacknowledged_kept > 0)
    log_.warn("kept " + std::to_string(r.unacknowledged_kept) + " check-ins " + older +
              ": the central service has not acknowledged them (each printed a ticket; kept until uploaded)");
  if (r.undated_kept > 0)
    log_.warn("kept " + std::to_string(r.undated_kept) + " check-ins " + older +
              " by an unconfirmed clock that were never dated: their age is not known");
  if (r.unanswered_kept > 0)
    log_.info("kept " + std::to_string(r.unanswered_kept) + " online intents " + older +
              " that the central service has not answered");
}

}  // namespace kiosk
