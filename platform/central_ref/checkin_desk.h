#pragma once
// Check-ins as central-api.md defines them: online ones judged by the
// service's clock, offline ones by the kiosk's scanned_at and recorded with
// the number the kiosk printed; each event_id answered once and that answer
// repeated for every retry, except that the kiosk's offline decision after a
// lost online answer settles that event (one check-in per applicant). Of two
// check-ins of one code the earlier scan stands, whichever was uploaded
// first. The arrival rule itself is kiosk::judge_booking, the same code the
// kiosk runs.
#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/booking/office.h"
#include "platform/central_ref/central_store.h"
#include "platform/central_ref/reply.h"
#include "platform/central_ref/requests.h"

namespace kiosk::central_ref {

class CheckinDesk {
 public:
  // All three must outlive the desk; the caller serialises calls.
  CheckinDesk(CentralStore& store, const OfficeConfig& office, const Clock& clock, Logger log)
      : store_(store), office_(office), clock_(clock), log_(std::move(log)) {}

  // 201, 409, 422 or 404 as the contract says; 500 when the store fails, in
  // which case nothing was recorded. Atomic: one SQLite transaction.
  Reply check_in(const CheckinRequest& request);

 private:
  struct Outcome {
    int status = 0;
    std::string body;
    std::string queue_number;
    std::string result;
  };

  Expected<Reply> answer(const CheckinRequest& request);
  Expected<Reply> replay(const StoredEvent& event, const CheckinRequest& request);
  static bool follows_lost_answer(const StoredEvent& event, const CheckinRequest& request);
  Expected<Reply> follow_up(const StoredEvent& online, const CheckinRequest& request);
  Expected<Outcome> settle_lost_answer(const StoredEvent& online, const CheckinRequest& request, Seconds now);
  Expected<Outcome> decide(const CheckinRequest& request, Seconds now);
  Expected<std::optional<StoredEvent>> outranked(const Booking& booking, const CheckinRequest& request);
  Expected<Outcome> supersede(const Booking& booking, const CheckinRequest& request, const StoredEvent& standing,
                              Seconds now);
  Expected<Outcome> admit(const Booking& booking, const CheckinRequest& request, Seconds now);
  Expected<int> next_online(const std::string& service, const std::string& date);

  CentralStore& store_;
  const OfficeConfig& office_;
  const Clock& clock_;
  Logger log_;
};

}  // namespace kiosk::central_ref
