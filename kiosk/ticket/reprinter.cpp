#include "kiosk/ticket/reprinter.h"

#include <algorithm>
#include <utility>

#include "kiosk/ticket/ticket.h"
#include "kiosk/base/time.h"

namespace kiosk {

Reprinter::Reprinter(ReprintPorts ports, Logger log) : ports_(ports), log_(std::move(log)) {}

std::size_t Reprinter::run_once() {
  auto office = ports_.directory.office_config();
  if (!office || !*office) return 0;  // no office yet: nothing can have been checked in
  auto due = ports_.queue.reprints_due(local_date(now_seconds(ports_.clock), (*office)->utc_offset));
  if (!due) {
    log_.error(due.error());
    return 0;
  }
  if (due->empty() || backing_off() || !can_print(ports_.printer.status())) return 0;
  std::size_t done = 0;
  for (const auto& record : *due) {
    if (!reprint(record, **office)) {
      note_failure();  // the printer failed again: wait for a later round
      return done;
    }
    ++done;
  }
  backoff_ = std::chrono::seconds{0};
  return done;
}

bool Reprinter::recover() {
  auto office = ports_.directory.office_config();
  if (!office || !*office) return false;
  auto queued = ports_.queue.queue_unconfirmed(local_date(now_seconds(ports_.clock), (*office)->utc_offset));
  if (!queued) {
    log_.error(queued.error());
    return false;
  }
  if (*queued > 0) log_.warn(std::to_string(*queued) + " ticket(s) never confirmed printed: printing them again");
  run_once();
  return true;
}

bool Reprinter::backing_off() const {
  return backoff_ > std::chrono::seconds{0} && ports_.clock.monotonic() < next_attempt_;
}

void Reprinter::note_failure() {
  constexpr std::chrono::seconds longest{300};
  backoff_ = backoff_ == std::chrono::seconds{0} ? std::chrono::seconds{2} : std::min(backoff_ * 2, longest);
  next_attempt_ = ports_.clock.monotonic() + backoff_;
}

bool Reprinter::reprint(const CheckinRecord& record, const OfficeConfig& office) {
  auto result = ports_.printer.print(make_ticket(record, office, true));
  if (!result.printed && !result.uncertain) {
    log_.warn("reprint of ticket " + record.queue_number + " failed: " + result.error);
    return false;
  }
  if (result.uncertain) log_.warn("reprint of ticket " + record.queue_number + " not confirmed: " + result.error);
  if (auto finished = ports_.queue.reprint_done(record.event_id); !finished) {
    // Still queued: it would print a third time. Stop until the store works.
    log_.error("ticket " + record.queue_number + " reprinted but still queued: " + finished.error());
    return false;
  }
  log_.info("ticket " + record.queue_number + " reprinted");
  return true;
}

}  // namespace kiosk
