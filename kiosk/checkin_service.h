#pragma once
// The check-in flow for one scan: parse, verify, look up, judge, number,
// record, print. Synchronous and single-threaded; CheckinEngine runs it off
// the caller's thread.
#include "kiosk/booking_directory.h"
#include "kiosk/clock.h"
#include "kiosk/decision.h"
#include "kiosk/id_source.h"
#include "kiosk/journal.h"
#include "kiosk/log.h"
#include "kiosk/printer.h"
#include "kiosk/queue_number.h"

namespace kiosk {

struct CheckinPolicy {
  std::string kiosk_id;
  bool require_birth_date = false;
  FallbackRange fallback;
};

struct CheckinPorts {
  const Clock& clock;
  BookingDirectory& directory;
  Journal& journal;
  TicketPrinter& printer;
  IdSource& ids;
};

class CheckinService {
 public:
  CheckinService(CheckinPolicy policy, CheckinPorts ports, Logger log);
  Decision check_in(const ScanRequest& scan);

 private:
  struct Context;
  void decide(Context& ctx);
  bool reject_signed(Context& ctx);
  bool report_earlier_checkin(Context& ctx);
  bool find_booking(Context& ctx);
  bool check_birth_date(Context& ctx);
  void admit(Context& ctx);
  void print(Context& ctx, const CheckinRecord& record);
  void fail(Context& ctx, std::string detail);
  void log_decision(const Decision& decision) const;

  CheckinPolicy policy_;
  CheckinPorts ports_;
  Logger log_;
};

}  // namespace kiosk
