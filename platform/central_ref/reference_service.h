#pragma once
// The contract of central-api.md for one office, apart from HTTP: each
// endpoint takes the request's parts and gives the Reply to send. Thread-safe:
// one mutex serialises every use of the store, so concurrent check-ins of one
// code cannot both win.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/booking/office.h"
#include "platform/central_ref/answers.h"
#include "platform/central_ref/central_store.h"
#include "platform/central_ref/checkin_desk.h"
#include "platform/central_ref/journal_watch.h"
#include "platform/central_ref/reply.h"

namespace kiosk::central_ref {

inline constexpr size_t kMaxBatchEvents = 500;

class ReferenceService {
 public:
  // Opens (creating) the database at `db_path` (or ":memory:") for `office`.
  // A database that holds another office is refused. `clock` must outlive it.
  static Expected<std::unique_ptr<ReferenceService>> open(const std::string& db_path, OfficeConfig office,
                                                          const Clock& clock, Logger log);

  // Adds bookings, each on the office-local date of its slot. A code the
  // database knows already keeps its row (and any check-in on it), so a
  // restart on a database file loses nothing.
  Status seed(const std::vector<Booking>& bookings);

  const OfficeConfig& office() const { return office_; }
  bool serves(std::string_view office_id) const { return office_id == office_.office_id; }

  Reply config();
  Reply manifest(std::string_view date, std::string_view if_none_match);
  Reply booking(std::string_view code);
  Reply check_in(std::string_view body);
  Reply check_in_batch(std::string_view body);
  Reply lease_queue_block(std::string_view body);
  Reply put_status(std::string_view kiosk_id, std::string_view body);

  // For the control API.
  Expected<std::vector<StoredEvent>> events();
  Expected<std::vector<KioskStatusRow>> kiosk_statuses();
  Expected<JournalState> journal_state();

 private:
  ReferenceService(CentralStore store, OfficeConfig office, const Clock& clock, Logger log);
  Status claim_database();
  Status check_seed(const Booking& booking) const;
  Expected<Seconds> generated_at(const std::string& date);
  Reply storage_error(const std::string& what);
  BatchEntry answer_event(const nlohmann::json& event);
  void watch_upload(const CheckinRequest& request, const Reply& reply);

  std::mutex mutex_;
  CentralStore store_;
  OfficeConfig office_;
  const Clock& clock_;
  Logger log_;
  CheckinDesk desk_;
  JournalWatch journal_;
};

}  // namespace kiosk::central_ref
