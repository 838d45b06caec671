#pragma once
// The kiosk's durable memory of check-ins. commit() writes the journal entry
// and its outbox event in one transaction; a ticket is printed only after it
// returns ok, so a printed ticket always has a record.
#include <optional>
#include <string_view>
#include <vector>

#include "kiosk/base/boot_stamp.h"
#include "kiosk/checkin/checkin_record.h"
#include "kiosk/base/expected.h"
#include "kiosk/checkin/queue_number.h"

namespace kiosk {

class Journal {
 public:
  virtual ~Journal() = default;
  virtual Expected<std::optional<CheckinRecord>> find_checkin(std::string_view code) = 0;
  // Offline numbers already used for a service on a date, on this kiosk.
  virtual Expected<std::vector<int>> offline_numbers_used(std::string_view service,
                                                          std::chrono::year_month_day date) = 0;
  // Numbers of the offline check-ins of a service decided in boot `boot_id`
  // while the clock was not confirmed, whatever date they carry: while the
  // date is in doubt, numbering must not repeat any of them.
  virtual Expected<std::vector<int>> unverified_numbers_used(std::string_view service, std::string_view boot_id) = 0;
  // The check-ins decided while the clock was not confirmed, in the boot of
  // `confirmed.at`, and not yet uploaded, are dated by `confirmed`: scanned_at
  // from their boot stamp, decided_at moved with it, the date in office time.
  // Then they count as verified. Returns how many were dated.
  virtual Expected<std::size_t> date_unverified(const ConfirmedTime& confirmed, UtcOffset office) = 0;
  virtual Expected<std::vector<QueueBlock>> queue_blocks(std::string_view service,
                                                         std::chrono::year_month_day date) = 0;
  // Fails, changing nothing, when the code is already checked in or the
  // number is already used.
  virtual Status commit(const CheckinRecord& record) = 0;
  // For a check-in the central service already decided online: recorded with
  // its answer, so the outbox has nothing left to upload for it.
  virtual Status commit_acknowledged(const CheckinRecord& record, int http_status, std::string_view body) = 0;
  virtual Status mark_printed(std::string_view event_id) = 0;
};

}  // namespace kiosk
