#pragma once
// The control API under /_control/: faults, the service clock's offset, and
// what the service recorded, for tests and demos. Apart from the contract;
// the HTTP layer guards it with its own token (X-Control-Token).
#include <string_view>

#include "platform/central_ref/faults.h"
#include "platform/central_ref/offset_clock.h"
#include "platform/central_ref/reference_service.h"
#include "platform/central_ref/reply.h"

namespace kiosk::central_ref {

class ControlApi {
 public:
  ControlApi(ReferenceService& service, OffsetClock& clock, FaultInjector& faults)
      : service_(service), clock_(clock), faults_(faults) {}

  Reply faults();                          // GET    /_control/faults
  Reply set_fault(std::string_view body);  // POST   /_control/faults
  Reply clear_faults();                    // DELETE /_control/faults
  Reply clock();                           // GET    /_control/clock
  Reply set_clock(std::string_view body);  // PUT    /_control/clock
  Reply checkins();                        // GET    /_control/checkins
  Reply kiosk_statuses();                  // GET    /_control/status
  Reply journal();                         // GET    /_control/journal

 private:
  ReferenceService& service_;
  OffsetClock& clock_;
  FaultInjector& faults_;
};

}  // namespace kiosk::central_ref
