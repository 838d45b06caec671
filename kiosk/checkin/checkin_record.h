#pragma once
// One admitted check-in as the journal keeps it and the outbox uploads it.
#include <chrono>
#include <string>

#include "kiosk/base/boot_stamp.h"
#include "kiosk/base/time.h"

namespace kiosk {

enum class DecisionMode { online, offline };
std::string_view to_string(DecisionMode mode);

struct CheckinRecord {
  std::string event_id;  // idempotency key towards the central service
  std::string kiosk_id;
  std::string code;
  std::string service;
  std::string prefix;
  int number = 0;
  std::string queue_number;  // "<prefix>-<number>"
  bool fallback_number = false;
  std::chrono::year_month_day date;  // office-local date of the check-in
  Seconds scanned_at;
  Seconds decided_at;
  DecisionMode mode = DecisionMode::offline;
  Seconds slot_start;
  // Offline after an online attempt with this event_id that got no answer:
  // the server may hold that attempt, so the upload must reconcile with it.
  bool online_attempted = false;
  // The applicant asked for priority assistance: the ticket says so and the
  // upload carries "priority": true (central-api.md, "Optional fields").
  bool priority = false;
  // Decided while the kiosk's clock was not confirmed (clock_trust.h): the
  // ticket says so, and the times above are the kiosk's own. `boot` is when
  // the scan happened in that boot, to date it once the clock is confirmed
  // in the same boot; after a reboot the upload says "time_verified": false.
  bool time_verified = true;
  BootStamp boot;
  // Read back from the journal, never written by a commit: whether a ticket
  // was confirmed printed (whole job, good status after), and how many
  // reprints a rescan of a printed ticket has given (one is offered).
  bool printed = false;
  int rescan_reprints = 0;
  // Read back too: the record's place on the journal's hash chain
  // (journal_chain.h), which the store gives it in the commit's transaction.
  // 0 and empty on a record not read from a store.
  long long seq = 0;
  std::string chain_hash;
};

}  // namespace kiosk
