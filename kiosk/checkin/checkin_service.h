#pragma once
// The check-in flow for one scan: parse, verify, ask the central service or
// else look up and judge locally, number, record, print. Synchronous and
// single-threaded; CheckinEngine runs it off the caller's thread.
#include "kiosk/booking/booking_directory.h"
#include "kiosk/sync/central_service.h"
#include "kiosk/sync/clock_trust.h"
#include "kiosk/base/clock.h"
#include "kiosk/sync/connectivity.h"
#include "kiosk/checkin/decision.h"
#include "kiosk/base/id_source.h"
#include "kiosk/checkin/journal.h"
#include "kiosk/checkin/online_intents.h"
#include "kiosk/base/log.h"
#include "kiosk/ticket/printer.h"
#include "kiosk/checkin/queue_number.h"
#include "kiosk/ticket/reprint_queue.h"

namespace kiosk {

struct CheckinPolicy {
  std::string kiosk_id;
  bool require_birth_date = false;
  FallbackRange fallback;
  // How long a scan waits for the central service before deciding offline.
  std::chrono::milliseconds online_deadline{1500};
};

struct CheckinPorts {
  const Clock& clock;
  BookingDirectory& directory;
  Journal& journal;
  TicketPrinter& printer;
  IdSource& ids;
  // Both null: no central service configured; every decision is offline.
  CentralService* central = nullptr;
  Connectivity* connectivity = nullptr;
  // Null: a ticket that fails to print is only logged, and a rescan of a
  // printed ticket gets no reprint.
  ReprintQueue* reprints = nullptr;
  // Null: online check-ins are sent without an intent committed first.
  OnlineIntents* intents = nullptr;
  // Null: the clock is taken as confirmed and decides as it reads.
  ClockTrust* trust = nullptr;
};

class CheckinService {
 public:
  CheckinService(CheckinPolicy policy, CheckinPorts ports, Logger log);
  Decision check_in(const ScanRequest& scan);
  // Sends every online intent left unresolved (a power cut mid-call, a
  // record that failed) again under its own event_id, which the contract
  // makes safe. An admission is recorded and its ticket queued for the
  // reprinter; any other answer drops the intent; no answer leaves the rest
  // for a later round. At start, and in quiet moments, on the engine's thread.
  // Returns how many were resolved.
  std::size_t resolve_pending();

 private:
  struct Context;
  Context context(const ScanRequest& scan, ScannedPayload payload) const;
  void decide(Context& ctx);
  void judge(Context& ctx);
  void date_unverified(const OfficeConfig& office);
  bool reject_signed(Context& ctx);
  bool report_earlier_checkin(Context& ctx);
  void print_on_rescan(Context& ctx, const CheckinRecord& record);
  bool decide_online(Context& ctx);
  bool use_online() const;
  bool record_intent(Context& ctx);
  bool ask_online(Context& ctx);
  void adopt_pending(Context& ctx, const OnlineIntent& intent);
  bool resolve(const OnlineIntent& intent, const OfficeConfig& office);
  void settle_intent(Context& ctx);
  bool birth_date_refused_before_online(Context& ctx);
  void apply_server_result(Context& ctx, const CheckinResult& result);
  void admit_online(Context& ctx, const CheckinResult& result);
  bool find_booking(Context& ctx);
  bool check_birth_date(Context& ctx);
  void admit(Context& ctx);
  void adopt_service_number(Context& ctx);
  Expected<std::vector<int>> numbers_used(const Context& ctx, std::chrono::year_month_day today);
  CheckinRecord new_record(const Context& ctx) const;
  void print(Context& ctx, const CheckinRecord& record);
  void owe_ticket(Context& ctx, const CheckinRecord& record, const PrintResult& result);
  void fail(Context& ctx, std::string detail);
  void log_decision(const Decision& decision) const;

  CheckinPolicy policy_;
  CheckinPorts ports_;
  Logger log_;
  // Unconfirmed check-ins may wait to be dated (an earlier run of this boot
  // may have left some): true until a dating finds none left.
  bool maybe_unverified_ = true;
};

}  // namespace kiosk
