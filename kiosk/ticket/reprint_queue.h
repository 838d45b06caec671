#pragma once
// Tickets owed to applicants: check-ins whose ticket did not print. Durable
// (the store keeps it), so a kiosk restart owes the same tickets.
#include <chrono>
#include <string_view>
#include <vector>

#include "kiosk/checkin/checkin_record.h"
#include "kiosk/base/expected.h"

namespace kiosk {

class ReprintQueue {
 public:
  virtual ~ReprintQueue() = default;
  // Queuing the same check-in twice keeps one entry.
  virtual Status queue_reprint(std::string_view event_id) = 0;
  // The check-ins owed a ticket that were decided on `date`, oldest first.
  // Older ones stay queued for the technician but are not printed: a ticket
  // for a past day's queue is of no use to anyone.
  virtual Expected<std::vector<CheckinRecord>> reprints_due(std::chrono::year_month_day date) = 0;
  // The reprint came out whole: off the queue and marked printed, together.
  virtual Status reprint_done(std::string_view event_id) = 0;
  virtual Expected<std::size_t> reprints_queued() = 0;
  // At start: every check-in of `date` whose ticket was never confirmed
  // printed (a power cut between the commit and the printer's answer, an
  // unconfirmed job) is queued. A second copy of a number is harmless; no
  // ticket is not. Returns how many were added.
  virtual Expected<std::size_t> queue_unconfirmed(std::chrono::year_month_day date) = 0;
  // A rescan of a printed check-in was given its one reprint.
  virtual Status count_rescan_reprint(std::string_view event_id) = 0;
};

}  // namespace kiosk
