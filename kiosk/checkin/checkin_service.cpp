#include "kiosk/checkin/checkin_service.h"

#include <algorithm>
#include <iterator>

#include "kiosk/checkin/arrival_rule.h"
#include "kiosk/sync/date_unverified.h"
#include "kiosk/booking/birth_date.h"
#include "kiosk/booking/booking_code.h"
#include "kiosk/booking/payload.h"
#include "kiosk/booking/signature.h"
#include "kiosk/ticket/ticket.h"

namespace kiosk {

struct CheckinService::Context {
  const ScanRequest& scan;
  Seconds now;
  ScannedPayload payload;
  OfficeConfig office;
  Booking booking;
  Decision decision;
  std::string event_id;          // set once an online attempt used one
  bool online_attempted = false; // ... and got no answer
  // The scan an unresolved online intent stands for: its event_id is sent
  // again with the same body, and an offline decision keeps both.
  std::optional<Seconds> first_scanned_at = std::nullopt;
  // False when resolving intents at start: the reprinter prints the ticket.
  bool print_now = true;
  // The kiosk's clock was not confirmed (clock_trust.h): nobody is refused
  // on its word, and an admission is marked and keeps its boot stamp.
  bool time_verified = true;
  BootStamp stamp = {};

  Seconds scanned_at() const { return first_scanned_at.value_or(now); }
};

CheckinService::CheckinService(CheckinPolicy policy, CheckinPorts ports, Logger log)
    : policy_(std::move(policy)), ports_(ports), log_(std::move(log)) {}

Decision CheckinService::check_in(const ScanRequest& scan) {
  auto started = ports_.clock.monotonic();
  auto ctx = context(scan, scan.payload ? *scan.payload : parse_payload(scan.text));
  ctx.decision.code = ctx.payload.code;
  ctx.decision.priority = scan.priority;
  decide(ctx);
  settle_intent(ctx);
  ctx.decision.elapsed =
      std::chrono::duration_cast<std::chrono::microseconds>(ports_.clock.monotonic() - started);
  log_decision(ctx.decision);
  return ctx.decision;
}

// The time the scan is decided at, and whether it can be believed.
CheckinService::Context CheckinService::context(const ScanRequest& scan, ScannedPayload payload) const {
  Context ctx{scan, now_seconds(ports_.clock), std::move(payload), {}, {}, {}, {}, false};
  if (!ports_.trust) return ctx;
  auto time = ports_.trust->read();
  ctx.now = time.now;
  ctx.time_verified = time.confirmed;
  ctx.stamp = time.stamp;
  return ctx;
}

void CheckinService::decide(Context& ctx) {
  if (ctx.payload.kind == ScannedPayload::Kind::invalid) {
    ctx.decision.verdict = Verdict::invalid_code;
    return;
  }
  auto office = ports_.directory.office_config();
  if (!office) return fail(ctx, "office config unreadable: " + office.error());
  if (!*office) return fail(ctx, "no office config loaded (run kiosk import or kiosk sync)");
  ctx.office = std::move(**office);
  if (reject_signed(ctx) || report_earlier_checkin(ctx) || decide_online(ctx) || !find_booking(ctx)) return;
  ctx.decision.service = ctx.booking.service;
  ctx.decision.slot_start = ctx.booking.slot_start;
  if (ctx.booking.status == BookingStatus::checked_in && ctx.online_attempted && is_service_queue_number(ctx.booking.queue_number))
    return adopt_service_number(ctx);
  if (ctx.booking.status == BookingStatus::checked_in) {
    ctx.decision.verdict = Verdict::already_checked_in;
    ctx.decision.queue_number = ctx.booking.queue_number;
    ctx.decision.checked_in_at = ctx.booking.checked_in_at;
    return;
  }
  judge(ctx);
  // The birth date is asked only of someone who would otherwise be admitted.
  if (ctx.decision.verdict == Verdict::admitted && check_birth_date(ctx)) admit(ctx);
}

// The arrival rule at ctx.now. While the clock is not confirmed, a verdict
// that only the clock gives (late, too early, another day) is not given: the
// applicant is admitted, marked, and the service judges the upload.
void CheckinService::judge(Context& ctx) {
  auto judgement = judge_booking(ctx.booking, ctx.now, ctx.office);
  auto verdict = judgement.verdict;
  bool by_clock = verdict == Verdict::late || verdict == Verdict::too_early || verdict == Verdict::wrong_date;
  if (!ctx.time_verified && by_clock) {
    log_.warn(std::string(to_string(verdict)) + " by the kiosk's clock for " + redact_code(ctx.payload.code) +
              ", but the clock is not confirmed: admitted, marked time not verified");
    judgement = {Verdict::admitted, std::nullopt};
  }
  ctx.decision.verdict = judgement.verdict;
  ctx.decision.come_back_at = judgement.come_back_at;
}

// True when the scan is a signed code this kiosk must refuse.
bool CheckinService::reject_signed(Context& ctx) {
  if (!ctx.payload.signed_booking) return false;
  const auto& signed_booking = *ctx.payload.signed_booking;
  if (signed_booking.office_id != ctx.office.office_id) {
    ctx.decision.verdict = Verdict::wrong_office;
    return true;
  }
  if (!signature_valid(signed_booking, ctx.office.signing_keys)) {
    ctx.decision.verdict = Verdict::bad_signature;
    return true;
  }
  return false;
}

// True when this kiosk already admitted the code: the applicant gets the same
// number again, never a second one.
bool CheckinService::report_earlier_checkin(Context& ctx) {
  auto earlier = ports_.journal.find_checkin(ctx.payload.code);
  if (!earlier) {
    fail(ctx, "journal unreadable: " + earlier.error());
    return true;
  }
  if (!*earlier) return false;
  const auto& record = **earlier;
  ctx.decision.verdict = Verdict::already_checked_in;
  ctx.decision.queue_number = record.queue_number;
  ctx.decision.fallback_number = record.fallback_number;
  ctx.decision.service = record.service;
  ctx.decision.checked_in_at = record.decided_at;
  ctx.decision.slot_start = record.slot_start;
  ctx.decision.mode = record.mode;
  print_on_rescan(ctx, record);
  return true;
}

// A rescan of a check-in whose ticket was never confirmed printed prints it;
// of a printed one, gives one reprint. Either is marked CETAK ULANG / REPRINT
// and carries the number the check-in has: a reprint never makes a new one.
void CheckinService::print_on_rescan(Context& ctx, const CheckinRecord& record) {
  if (record.printed && (ports_.reprints == nullptr || record.rescan_reprints > 0)) return;
  auto result = ports_.printer.print(make_ticket(record, ctx.office, true));
  ctx.decision.printed = result.printed;
  ctx.decision.reprint = result.printed;
  if (!result.printed) {
    if (!record.printed) owe_ticket(ctx, record, result);
    return;
  }
  auto noted = !record.printed ? (ports_.reprints ? ports_.reprints->reprint_done(record.event_id)
                                                  : ports_.journal.mark_printed(record.event_id))
                               : ports_.reprints->count_rescan_reprint(record.event_id);
  if (!noted) log_.warn("ticket " + record.queue_number + " reprinted but not noted: " + noted.error());
  log_.info("ticket " + record.queue_number + " reprinted on a rescan");
}

// True when decided online: the central service's verdict and number are
// final. False when the kiosk must decide offline: no service configured, the
// breaker open, or no answer within the online deadline (then the offline
// decision keeps this attempt's event_id, and the upload reconciles).
//
// The intent (event_id and code) is committed before the request is sent. A
// rescan of a code with an intent left unresolved sends that same event_id
// and body again instead of a new one: the service answers what it holds.
bool CheckinService::decide_online(Context& ctx) {
  auto pending = ports_.intents ? ports_.intents->pending_intent(ctx.payload.code)
                                : Expected<std::optional<OnlineIntent>>(std::optional<OnlineIntent>());
  if (!pending) log_.error("online intents unreadable: " + pending.error());
  bool resend = pending && *pending;
  if (resend) adopt_pending(ctx, **pending);
  if (!use_online()) {
    ctx.online_attempted = resend;
    return false;
  }
  if (!resend && birth_date_refused_before_online(ctx)) return true;
  if (!resend && !record_intent(ctx)) return false;
  return ask_online(ctx);
}

bool CheckinService::use_online() const {
  return ports_.central && ports_.connectivity && ports_.connectivity->use_online();
}

// A new event_id, committed with the code before anything is sent. If it
// cannot be committed, nothing is sent: the scan is decided offline.
bool CheckinService::record_intent(Context& ctx) {
  ctx.event_id = ports_.ids.new_event_id();
  if (!ports_.intents) return true;
  OnlineIntent intent{ctx.event_id, policy_.kiosk_id, ctx.payload.code, ctx.now, ctx.scan.priority, ""};
  if (auto recorded = ports_.intents->record_intent(intent); !recorded) {
    log_.error("online check-in not sent: " + recorded.error());
    ctx.event_id.clear();
    return false;
  }
  return true;
}

void CheckinService::adopt_pending(Context& ctx, const OnlineIntent& intent) {
  ctx.event_id = intent.event_id;
  ctx.first_scanned_at = intent.scanned_at;
}

// Sends ctx's event_id; true when the service answered (its answer is the
// decision). An intent the answer did not turn into a check-in is dropped.
bool CheckinService::ask_online(Context& ctx) {
  CheckinUpload upload{ctx.event_id,      policy_.kiosk_id,      ctx.payload.code, ctx.scanned_at(),
                       DecisionMode::online, std::nullopt,        "",               ctx.office.utc_offset,
                       ctx.scan.priority};
  auto answer = ports_.central->check_in(upload, policy_.online_deadline);
  if (ports_.trust && answer.info.server_date) ports_.trust->observe_server_date(*answer.info.server_date, log_);
  if (!answer.info.ok() || !answer.value) {
    ports_.connectivity->record_failure(ports_.clock.monotonic(), answer.info.message);
    ctx.online_attempted = true;
    log_.warn("no online answer for " + redact_code(ctx.payload.code) + " (" + answer.info.message +
              "): deciding offline");
    return false;
  }
  ports_.connectivity->record_success(ports_.clock.monotonic());
  ctx.decision.mode = DecisionMode::online;
  apply_server_result(ctx, *answer.value);
  // An admission's record cleared the intent; if the record failed, it stays
  // and is sent again later.
  if (answer.value->kind != CheckinResult::Kind::admitted && ports_.intents)
    if (auto dropped = ports_.intents->drop_intent(ctx.event_id); !dropped) log_.error(dropped.error());
  return true;
}

// An online attempt got no answer and the offline decision refused the scan:
// the refusal is kept for upload under the same event_id, so the service can
// withdraw an admission of that attempt. (An offline admission cleared the
// intent with its commit; a kiosk error leaves it to be sent again.)
void CheckinService::settle_intent(Context& ctx) {
  if (!ctx.online_attempted || !ports_.intents) return;
  auto verdict = ctx.decision.verdict;
  if (verdict == Verdict::admitted || verdict == Verdict::kiosk_error) return;
  if (auto refused = ports_.intents->refuse_intent(ctx.event_id, to_string(verdict)); !refused)
    log_.error("offline refusal of " + redact_code(ctx.payload.code) + " not kept: " + refused.error());
}

std::size_t CheckinService::resolve_pending() {
  if (!ports_.intents || !use_online()) return 0;
  auto pending = ports_.intents->pending_intents();
  if (!pending) {
    log_.error("online intents unreadable: " + pending.error());
    return 0;
  }
  if (pending->empty()) return 0;
  auto office = ports_.directory.office_config();
  if (!office || !*office) return 0;
  std::size_t resolved = 0;
  for (const auto& intent : *pending) {
    if (!resolve(intent, **office)) break;  // no answer: the rest wait for a later round
    ++resolved;
  }
  return resolved;
}

bool CheckinService::resolve(const OnlineIntent& intent, const OfficeConfig& office) {
  ScanRequest scan;
  scan.text = intent.code;
  scan.priority = intent.priority;
  auto ctx = context(scan, parse_payload(intent.code));
  ctx.office = office;
  ctx.print_now = false;
  ctx.decision.code = intent.code;
  adopt_pending(ctx, intent);
  auto earlier = ports_.journal.find_checkin(intent.code);
  if (earlier && *earlier) {
    // Recorded after all (by another path): nothing to ask.
    if (auto dropped = ports_.intents->drop_intent(intent.event_id); !dropped) log_.error(dropped.error());
    return true;
  }
  if (!ask_online(ctx)) return false;
  log_.info("online intent for " + redact_code(intent.code) + " resolved: " + std::string(to_string(ctx.decision.verdict)) +
            (ctx.decision.queue_number.empty() ? "" : " " + ctx.decision.queue_number));
  return true;
}

// The service does not check birth dates, so the kiosk does, from its
// manifest, before asking it.
bool CheckinService::birth_date_refused_before_online(Context& ctx) {
  if (!policy_.require_birth_date) return false;
  auto found = ports_.directory.find_booking(ctx.payload.code);
  if (!found || !*found) return false;
  ctx.booking = **found;
  return !check_birth_date(ctx);
}

void CheckinService::apply_server_result(Context& ctx, const CheckinResult& result) {
  using Kind = CheckinResult::Kind;
  switch (result.kind) {
    case Kind::admitted: return admit_online(ctx, result);
    case Kind::already_checked_in:
      ctx.decision.verdict = Verdict::already_checked_in;
      ctx.decision.queue_number = result.queue_number;
      ctx.decision.checked_in_at = result.checked_in_at;
      return;
    case Kind::not_found: ctx.decision.verdict = Verdict::not_found; return;
    case Kind::event_id_reused: return fail(ctx, "the central service reports the event id as reused");
    case Kind::withdrawn:
    case Kind::noted: return fail(ctx, "the central service answered a check-in as a refusal");
    case Kind::error: return fail(ctx, "the central service answered " + std::to_string(result.http_status));
    case Kind::rejected: break;
  }
  auto verdict = verdict_from(result.reason);
  static constexpr Verdict kReasons[] = {Verdict::late,      Verdict::too_early, Verdict::wrong_date,
                                         Verdict::cancelled, Verdict::expired,   Verdict::not_for_queue};
  if (!verdict || std::find(std::begin(kReasons), std::end(kReasons), *verdict) == std::end(kReasons))
    return fail(ctx, "the central service refused the check-in: " + result.reason);
  ctx.decision.verdict = *verdict;
  if (*verdict != Verdict::too_early) return;
  // The service gives no time to come back; the manifest may know the slot.
  if (auto found = ports_.directory.find_booking(ctx.payload.code); found && *found)
    ctx.decision.come_back_at = arrival_window((*found)->slot_start, ctx.office).opens;
}

void CheckinService::admit_online(Context& ctx, const CheckinResult& result) {
  auto record = new_record(ctx);
  record.mode = DecisionMode::online;
  record.time_verified = true;  // the service decided, by its own clock
  record.boot = {};
  record.service = result.service;
  record.queue_number = result.queue_number;
  if (auto parsed = parse_queue_number(result.queue_number)) {
    record.prefix = parsed->prefix;
    record.number = parsed->number;
  }
  record.slot_start = result.slot_start.value_or(ctx.now);
  record.decided_at = result.checked_in_at.value_or(record.decided_at);
  // The service holds this check-in whatever happens here, so the applicant
  // gets the ticket even if the local record fails.
  if (auto committed = ports_.journal.commit_acknowledged(record, result.http_status, result.body); !committed)
    log_.error("admitted online as " + record.queue_number + " but not recorded locally: " + committed.error());
  ctx.decision.verdict = Verdict::admitted;
  ctx.decision.queue_number = record.queue_number;
  ctx.decision.service = record.service;
  ctx.decision.slot_start = record.slot_start;
  ctx.decision.checked_in_at = record.decided_at;
  print(ctx, record);
}

// The manifest's entry wins; a signed code the manifest does not know carries
// its own booking.
bool CheckinService::find_booking(Context& ctx) {
  auto found = ports_.directory.find_booking(ctx.payload.code);
  if (!found) {
    fail(ctx, "manifest unreadable: " + found.error());
    return false;
  }
  if (*found) {
    ctx.booking = std::move(**found);
    return true;
  }
  if (!ctx.payload.signed_booking) {
    ctx.decision.verdict = Verdict::not_found;
    return false;
  }
  const auto& signed_booking = *ctx.payload.signed_booking;
  ctx.booking.code = signed_booking.code;
  ctx.booking.service = signed_booking.service;
  ctx.booking.slot_start = from_local(signed_booking.slot, ctx.office.utc_offset);
  return true;
}

// A booking without a known birth-date hash (a signed code missing from the
// manifest) cannot be checked; its signature already vouches for it.
bool CheckinService::check_birth_date(Context& ctx) {
  if (!policy_.require_birth_date || ctx.booking.dob_sha256.empty()) return true;
  if (ctx.scan.birth_date.empty()) {
    ctx.decision.verdict = Verdict::birth_date_required;
    return false;
  }
  if (!birth_date_matches(ctx.booking.code, ctx.scan.birth_date, ctx.booking.dob_sha256)) {
    ctx.decision.verdict = Verdict::birth_date_mismatch;
    return false;
  }
  return true;
}

void CheckinService::admit(Context& ctx) {
  const auto& office = ctx.office;
  auto today = local_date(ctx.now, office.utc_offset);
  const auto& service_code = ctx.booking.service;
  date_unverified(office);
  // Leased blocks are for a date; while the date is in doubt, only the
  // numbers unique to this kiosk on any date are safe.
  bool reserve_only = !ctx.time_verified && policy_.fallback.first <= policy_.fallback.last;
  auto blocks = reserve_only ? Expected<std::vector<QueueBlock>>(std::vector<QueueBlock>())
                             : ports_.journal.queue_blocks(service_code, today);
  auto used = numbers_used(ctx, today);
  if (!blocks || !used) return fail(ctx, "journal unreadable: " + (blocks ? used.error() : blocks.error()));
  auto choice = next_offline_number(*blocks, *used, policy_.fallback);
  if (!choice) return fail(ctx, "no offline queue numbers left for service " + service_code);

  const auto* service = office.find_service(service_code);
  if (!service) log_.warn("service " + service_code + " is not in the office config; prefix is the code");
  auto record = new_record(ctx);
  record.service = service_code;
  record.prefix = service ? service->queue_prefix : service_code;
  record.number = choice->number;
  record.queue_number = format_queue_number(record.prefix, record.number);
  record.fallback_number = choice->fallback;
  record.slot_start = ctx.booking.slot_start;

  // Recorded before printed: a ticket in the applicant's hand always has a
  // journal entry and an outbox event behind it.
  if (auto committed = ports_.journal.commit(record); !committed)
    return fail(ctx, "check-in not recorded: " + committed.error());
  if (!record.time_verified) maybe_unverified_ = true;
  ctx.decision.queue_number = record.queue_number;
  ctx.decision.fallback_number = record.fallback_number;
  ctx.decision.checked_in_at = record.decided_at;
  ctx.decision.time_verified = record.time_verified;
  print(ctx, record);
}

// The day's offline numbers, and while the clock is not confirmed also those
// this boot gave out unconfirmed (their date may be another).
Expected<std::vector<int>> CheckinService::numbers_used(const Context& ctx, std::chrono::year_month_day today) {
  auto used = ports_.journal.offline_numbers_used(ctx.booking.service, today);
  if (!used || ctx.time_verified) return used;
  auto unverified = ports_.journal.unverified_numbers_used(ctx.booking.service, ctx.stamp.boot_id);
  if (!unverified) return unverified;
  used->insert(used->end(), unverified->begin(), unverified->end());
  return used;
}

// Once the clock is confirmed, the check-ins this boot made before are dated
// by it before the next number is chosen, so the day's numbers count them.
void CheckinService::date_unverified(const OfficeConfig& office) {
  if (!ports_.trust || !maybe_unverified_) return;
  auto dated = date_unverified_checkins(ports_.journal, *ports_.trust, office.utc_offset, log_);
  if (!dated) return log_.error(dated.error());
  if (*dated) maybe_unverified_ = false;
}

// The online attempt got no answer, and the manifest (refreshed meanwhile)
// says the service holds a check-in of this code: almost surely that very
// attempt. The applicant gets a ticket with the service's number, and the
// offline decision goes up under the attempt's event_id, so the service
// keeps that one number ("When an online answer is lost"). Were it another
// kiosk's check-in, the upload's 409 says so, and the ticket still holds the
// number the office will call.
void CheckinService::adopt_service_number(Context& ctx) {
  auto parsed = parse_queue_number(ctx.booking.queue_number);
  auto record = new_record(ctx);
  record.service = ctx.booking.service;
  record.prefix = parsed->prefix;
  record.number = parsed->number;
  record.queue_number = ctx.booking.queue_number;
  record.slot_start = ctx.booking.slot_start;
  if (auto committed = ports_.journal.commit(record); !committed)
    return fail(ctx, "check-in not recorded: " + committed.error());
  log_.warn("the service already holds " + redact_code(ctx.payload.code) + " as " + record.queue_number +
            ", most likely from the online attempt whose answer was lost: that number is printed");
  ctx.decision.verdict = Verdict::admitted;
  ctx.decision.service = record.service;
  ctx.decision.slot_start = record.slot_start;
  ctx.decision.queue_number = record.queue_number;
  ctx.decision.checked_in_at = record.decided_at;
  print(ctx, record);
}

// The fields every check-in record has, whoever decided it.
CheckinRecord CheckinService::new_record(const Context& ctx) const {
  CheckinRecord record;
  record.event_id = ctx.event_id.empty() ? ports_.ids.new_event_id() : ctx.event_id;
  record.kiosk_id = policy_.kiosk_id;
  record.code = ctx.payload.code;
  record.date = local_date(ctx.scanned_at(), ctx.office.utc_offset);
  record.scanned_at = ctx.scanned_at();
  record.decided_at = ports_.trust ? ports_.trust->read().now : now_seconds(ports_.clock);
  record.mode = DecisionMode::offline;
  record.online_attempted = ctx.online_attempted;
  record.priority = ctx.scan.priority;
  record.time_verified = ctx.time_verified;
  if (!ctx.time_verified) record.boot = ctx.stamp;
  return record;
}

void CheckinService::print(Context& ctx, const CheckinRecord& record) {
  if (!ctx.print_now) {
    // Resolved at start: the reprinter prints it with the other owed tickets.
    if (ports_.reprints)
      if (auto queued = ports_.reprints->queue_reprint(record.event_id); !queued) log_.error(queued.error());
    return;
  }
  auto result = ports_.printer.print(make_ticket(record, ctx.office));
  ctx.decision.printed = result.printed;
  if (!result.printed) return owe_ticket(ctx, record, result);
  if (auto marked = ports_.journal.mark_printed(record.event_id); !marked)
    log_.warn("ticket " + record.queue_number + " printed but not marked: " + marked.error());
}

// The check-in stands (it is committed); the front end tells the applicant
// to show the number on screen, and the ticket is queued to print again (see
// the rule in printer.h).
void CheckinService::owe_ticket(Context& ctx, const CheckinRecord& record, const PrintResult& result) {
  log_.error("ticket " + record.queue_number + " not printed: " + result.error);
  if (result.uncertain || ports_.reprints == nullptr) return;
  if (auto queued = ports_.reprints->queue_reprint(record.event_id); !queued) {
    log_.error("ticket " + record.queue_number + " not queued for reprint: " + queued.error());
    return;
  }
  ctx.decision.reprint_queued = true;
}

void CheckinService::log_decision(const Decision& decision) const {
  auto line = std::string(to_string(decision.verdict)) + " " + redact_code(decision.code);
  if (!decision.queue_number.empty()) line += " " + decision.queue_number;
  if (decision.verdict == Verdict::kiosk_error) return log_.error(line + ": " + decision.detail);
  log_.info(line);
}

void CheckinService::fail(Context& ctx, std::string detail) {
  ctx.decision.verdict = Verdict::kiosk_error;
  ctx.decision.queue_number.clear();
  ctx.decision.detail = std::move(detail);
}

}  // namespace kiosk
