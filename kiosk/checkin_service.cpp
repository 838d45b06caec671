#include "kiosk/checkin_service.h"

#include "kiosk/arrival_rule.h"
#include "kiosk/birth_date.h"
#include "kiosk/booking_code.h"
#include "kiosk/payload.h"
#include "kiosk/signature.h"
#include "kiosk/ticket.h"

namespace kiosk {

struct CheckinService::Context {
  const ScanRequest& scan;
  Seconds now;
  ScannedPayload payload;
  OfficeConfig office;
  Booking booking;
  Decision decision;
};

CheckinService::CheckinService(CheckinPolicy policy, CheckinPorts ports, Logger log)
    : policy_(std::move(policy)), ports_(ports), log_(std::move(log)) {}

Decision CheckinService::check_in(const ScanRequest& scan) {
  auto started = ports_.clock.monotonic();
  Context ctx{scan, now_seconds(ports_.clock), parse_payload(scan.text), {}, {}, {}};
  ctx.decision.code = ctx.payload.code;
  decide(ctx);
  ctx.decision.elapsed =
      std::chrono::duration_cast<std::chrono::microseconds>(ports_.clock.monotonic() - started);
  log_decision(ctx.decision);
  return ctx.decision;
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
  if (reject_signed(ctx) || report_earlier_checkin(ctx) || !find_booking(ctx)) return;
  ctx.decision.service = ctx.booking.service;
  ctx.decision.slot_start = ctx.booking.slot_start;
  if (ctx.booking.status == BookingStatus::checked_in) {
    ctx.decision.verdict = Verdict::already_checked_in;
    ctx.decision.queue_number = ctx.booking.queue_number;
    ctx.decision.checked_in_at = ctx.booking.checked_in_at;
    return;
  }
  auto judgement = judge_booking(ctx.booking, ctx.now, ctx.office);
  ctx.decision.verdict = judgement.verdict;
  ctx.decision.come_back_at = judgement.come_back_at;
  // The birth date is asked only of someone who would otherwise be admitted.
  if (judgement.verdict == Verdict::admitted && check_birth_date(ctx)) admit(ctx);
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
  return true;
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
  auto blocks = ports_.journal.queue_blocks(service_code, today);
  auto used = ports_.journal.offline_numbers_used(service_code, today);
  if (!blocks || !used) return fail(ctx, "journal unreadable: " + (blocks ? used.error() : blocks.error()));
  auto choice = next_offline_number(*blocks, *used, policy_.fallback);
  if (!choice) return fail(ctx, "no offline queue numbers left for service " + service_code);

  const auto* service = office.find_service(service_code);
  if (!service) log_.warn("service " + service_code + " is not in the office config; prefix is the code");
  CheckinRecord record;
  record.event_id = ports_.ids.new_event_id();
  record.kiosk_id = policy_.kiosk_id;
  record.code = ctx.booking.code;
  record.service = service_code;
  record.prefix = service ? service->queue_prefix : service_code;
  record.number = choice->number;
  record.queue_number = format_queue_number(record.prefix, record.number);
  record.fallback_number = choice->fallback;
  record.date = today;
  record.scanned_at = ctx.now;
  record.decided_at = now_seconds(ports_.clock);
  record.mode = DecisionMode::offline;
  record.slot_start = ctx.booking.slot_start;

  // Recorded before printed: a ticket in the applicant's hand always has a
  // journal entry and an outbox event behind it.
  if (auto committed = ports_.journal.commit(record); !committed)
    return fail(ctx, "check-in not recorded: " + committed.error());
  ctx.decision.queue_number = record.queue_number;
  ctx.decision.fallback_number = record.fallback_number;
  ctx.decision.checked_in_at = record.decided_at;
  print(ctx, record);
}

void CheckinService::print(Context& ctx, const CheckinRecord& record) {
  auto result = ports_.printer.print(make_ticket(record, ctx.office));
  ctx.decision.printed = result.printed;
  if (!result.printed) {
    log_.error("ticket " + record.queue_number + " not printed: " + result.error);
    return;
  }
  if (auto marked = ports_.journal.mark_printed(record.event_id); !marked)
    log_.warn("ticket " + record.queue_number + " printed but not marked: " + marked.error());
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
