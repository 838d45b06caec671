#pragma once
// Prints the tickets the reprint queue owes, once the printer can print
// again. Runs on the check-in engine's thread between scans, so a reprint
// never races a new ticket for the printer.
#include <chrono>
#include <cstddef>

#include "kiosk/booking/booking_directory.h"
#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/ticket/printer.h"
#include "kiosk/ticket/reprint_queue.h"

namespace kiosk {

struct ReprintPorts {
  const Clock& clock;
  BookingDirectory& directory;  // the office, for the ticket and today's date
  ReprintQueue& queue;
  TicketPrinter& printer;
};

class Reprinter {
 public:
  Reprinter(ReprintPorts ports, Logger log);

  // At start (the engine's first idle round): owes a ticket to every
  // check-in of today never confirmed printed (ReprintQueue::queue_unconfirmed:
  // killed between the commit and the printer's answer, or a job that went
  // out unconfirmed), then runs once. While the kiosk runs, an unconfirmed
  // job is not resent (see printer.h); after a restart it is, since a second
  // copy of a number is harmless and no ticket is not. False when it could
  // not look (no office yet, the store failing): call it again later.
  bool recover();

  // Asks the printer only when something is owed today; prints each owed
  // ticket, marked as a reprint, while the printer keeps printing. A ticket
  // leaves the queue only once it printed whole (or went out unconfirmed,
  // which is not resent: see the rule in printer.h). Returns how many left
  // the queue.
  //
  // After a reprint fails although the printer said it could print (a
  // printer without status, e.g. a file on a full disk), the next attempt
  // waits 2 s, then 4, 8... up to 5 minutes, so the log is not flooded.
  std::size_t run_once();

 private:
  bool reprint(const CheckinRecord& record, const OfficeConfig& office);
  bool backing_off() const;
  void note_failure();

  ReprintPorts ports_;
  Logger log_;
  std::chrono::seconds backoff_{0};
  std::chrono::steady_clock::time_point next_attempt_{};
};

}  // namespace kiosk
