#include "platform/central_ref/checkin_desk.h"

#include <tuple>

#include "kiosk/checkin/arrival_rule.h"
#include "kiosk/booking/booking_code.h"
#include "kiosk/checkin/queue_number.h"
#include "platform/central_ref/answers.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::central_ref {
namespace {

std::string booking_date(const Booking& booking, const OfficeConfig& office) {
  return format_iso_date(local_date(booking.slot_start, office.utc_offset));
}

// The order of two scans of one code: the earlier scanned_at; on the same
// second the lower kiosk_id, then event_id, so every pair has one order.
bool scanned_before(const CheckinRequest& a, const CheckinRequest& b) {
  return std::tie(a.scanned_at.utc, a.kiosk_id, a.event_id) < std::tie(b.scanned_at.utc, b.kiosk_id, b.event_id);
}

std::string note_for(const CheckinRequest& request, const std::string& result, const std::string& number) {
  std::string note = "code " + redact_code(request.code) + " " + std::string(to_string(request.mode)) + " " + result;
  return number.empty() ? note : note + " " + number;
}

}  // namespace

Reply CheckinDesk::check_in(const CheckinRequest& request) {
  auto tx = platform::sqlite::Transaction::write(store_.connection());
  auto reply = tx ? answer(request) : Expected<Reply>(Failure{tx.error()});
  if (reply) {
    if (auto committed = tx->commit(); !committed) reply = Failure{committed.error()};
  }
  if (reply) return *reply;
  log_.error("check-in not recorded: " + reply.error());
  return error_reply(500, "storage", "the check-in could not be recorded: " + reply.error());
}

Expected<Reply> CheckinDesk::answer(const CheckinRequest& request) {
  auto known = store_.find_event(request.event_id);
  if (!known) return Failure{known.error()};
  if (*known && follows_lost_answer(**known, request)) return follow_up(**known, request);
  if (*known) return replay(**known, request);
  auto now = now_seconds(clock_);
  // A refusal of an attempt that never arrived: noted, and kept, so that
  // the attempt arriving late is refused as a reuse of its event_id.
  auto outcome = request.refused.empty() ? decide(request, now)
                                         : Expected<Outcome>(Outcome{200, refusal_json("noted"), "", "noted"});
  if (!outcome) return Failure{outcome.error()};
  StoredEvent event{request.event_id,
                    request.canonical,
                    outcome->status,
                    outcome->body,
                    request.kiosk_id,
                    request.code,
                    std::string(to_string(request.mode)),
                    outcome->queue_number,
                    outcome->result,
                    1,
                    now,
                    request.priority};
  if (auto added = store_.add_event(event); !added) return Failure{added.error()};
  return Reply{outcome->status, outcome->body, {}, note_for(request, outcome->result, outcome->queue_number)};
}

// A retry gets the first answer, status included; the same id with another
// body is a kiosk bug, refused without touching anything.
Expected<Reply> CheckinDesk::replay(const StoredEvent& event, const CheckinRequest& request) {
  if (auto counted = store_.count_receipt(event.event_id); !counted) return Failure{counted.error()};
  if (event.request != request.canonical) {
    auto reply =
        error_reply(422, "event_id_reused", "event_id " + event.event_id + " was sent before with another body");
    reply.note = note_for(request, "event_id_reused", "");
    return reply;
  }
  return Reply{event.status, event.answer, {}, note_for(request, "replayed " + event.result, event.queue_number)};
}

// central-api.md, "When an online answer is lost": the kiosk's offline
// decision of the same scan (same event_id, code and scanned_at) after an
// online attempt this service answered.
bool CheckinDesk::follows_lost_answer(const StoredEvent& event, const CheckinRequest& request) {
  if (event.mode != "online" || request.mode != DecisionMode::offline) return false;
  auto first = parse_checkin(event.request);
  return first && first->code == request.code && first->kiosk_id == request.kiosk_id &&
         first->scanned_at.utc == request.scanned_at.utc;
}

// The offline decision takes the online attempt's place, so a retry of it
// gets this answer again.
Expected<Reply> CheckinDesk::follow_up(const StoredEvent& online, const CheckinRequest& request) {
  auto outcome = settle_lost_answer(online, request, now_seconds(clock_));
  if (!outcome) return Failure{outcome.error()};
  StoredEvent event = online;
  event.request = request.canonical;
  event.status = outcome->status;
  event.answer = outcome->body;
  event.mode = std::string(to_string(request.mode));
  event.queue_number = outcome->queue_number;
  event.result = outcome->result;
  if (auto replaced = store_.replace_event(event); !replaced) return Failure{replaced.error()};
  return Reply{outcome->status, outcome->body, {},
               note_for(request, "after a lost answer: " + outcome->result, outcome->queue_number)};
}

// One check-in per applicant: an admission keeps the number the kiosk
// printed (the applicant holds that ticket); a refusal withdraws the online
// admission, which nobody holds a ticket for.
Expected<CheckinDesk::Outcome> CheckinDesk::settle_lost_answer(const StoredEvent& online, const CheckinRequest& request,
                                                               Seconds now) {
  auto found = store_.find_booking(to_upper_ascii(trim(request.code)));
  if (!found) return Failure{found.error()};
  bool held = *found && online.result == "admitted" && (*found)->status == BookingStatus::checked_in &&
              (*found)->queue_number == online.queue_number;
  if (!request.refused.empty()) {
    if (!held) return Outcome{200, refusal_json("noted"), "", "noted"};
    if (auto withdrawn = store_.withdraw_checkin((*found)->code); !withdrawn) return Failure{withdrawn.error()};
    if (auto touched = store_.touch_date(booking_date(**found, office_), now); !touched)
      return Failure{touched.error()};
    return Outcome{200, refusal_json("withdrawn"), online.queue_number, "withdrawn"};
  }
  if (*found && (held || (*found)->status == BookingStatus::booked)) return admit(**found, request, now);
  return decide(request, now);
}

Expected<CheckinDesk::Outcome> CheckinDesk::decide(const CheckinRequest& request, Seconds now) {
  auto found = store_.find_booking(to_upper_ascii(trim(request.code)));
  if (!found) return Failure{found.error()};
  if (!*found) return Outcome{404, not_found_json(), "", "not_found"};
  const Booking& booking = **found;
  // Online: the service's clock decides. Offline: the kiosk decided at the
  // scan, so the rule is checked against the time of the scan, unless the
  // kiosk's clock was not confirmed: then scanned_at proves nothing, and the
  // admission is recorded flagged for the office to review.
  auto when = request.mode == DecisionMode::online ? now : request.scanned_at.utc;
  auto verdict = request.time_verified ? judge_booking(booking, when, office_).verdict
                                       : judge_status(booking).value_or(Verdict::admitted);
  if (verdict == Verdict::admitted) return admit(booking, request, now);
  if (verdict == Verdict::already_checked_in) {
    auto standing = outranked(booking, request);
    if (!standing) return Failure{standing.error()};
    if (*standing) return supersede(booking, request, **standing, now);
    // The earlier check-in stands; an offline kiosk keeps both on record.
    auto at = booking.checked_in_at.value_or(booking.slot_start);
    return Outcome{409, already_checked_in_json(booking.queue_number, at, office_.utc_offset),
                   request.mode == DecisionMode::offline ? request.queue_number : booking.queue_number,
                   "already_checked_in"};
  }
  std::string reason(to_string(verdict));
  return Outcome{422, rejected_json(reason), request.queue_number, "rejected:" + reason};
}

// central-api.md: the earlier check-in stands, whichever reached the service
// first. An offline upload scanned before the check-in that holds the code
// takes its place, so the order in which kiosks come back online never
// decides. Only times that can be believed are compared: an upload made on
// an unconfirmed clock neither takes a place nor loses one.
Expected<std::optional<StoredEvent>> CheckinDesk::outranked(const Booking& booking, const CheckinRequest& request) {
  if (request.mode != DecisionMode::offline || !request.time_verified) return std::optional<StoredEvent>();
  auto standing = store_.standing_event(booking.code, booking.queue_number);
  if (!standing || !*standing) return standing;
  auto held = parse_checkin((*standing)->request);
  if (!held || !held->time_verified || !scanned_before(request, *held)) return std::optional<StoredEvent>();
  return standing;
}

// The standing check-in's kiosk learns it from the manifest, which now
// names this number; its own stored answer is repeated to retries as ever.
Expected<CheckinDesk::Outcome> CheckinDesk::supersede(const Booking& booking, const CheckinRequest& request,
                                                      const StoredEvent& standing, Seconds now) {
  if (auto marked = store_.mark_superseded(standing.event_id); !marked) return Failure{marked.error()};
  log_.warn("code " + redact_code(booking.code) + ": " + request.kiosk_id + " scanned it before " + standing.kiosk_id +
            "; its " + request.queue_number + " stands, " + standing.queue_number + " is superseded");
  return admit(booking, request, now);
}

Expected<CheckinDesk::Outcome> CheckinDesk::admit(const Booking& booking, const CheckinRequest& request, Seconds now) {
  auto date = booking_date(booking, office_);
  auto ahead = store_.checked_in_count(booking.service, date);
  if (!ahead) return Failure{ahead.error()};
  int number = request.number;
  std::string queue_number = request.queue_number;
  Seconds at = request.decided_at ? request.decided_at->utc : now;
  if (request.mode == DecisionMode::online) {
    const auto* service = office_.find_service(booking.service);
    if (!service) return Failure{"booking of unknown service " + booking.service};
    auto next = next_online(booking.service, date);
    if (!next) return Failure{next.error()};
    number = *next;
    queue_number = format_queue_number(service->queue_prefix, number);
    at = now;
  }
  if (auto recorded = store_.record_checkin(booking.code, queue_number, number, at); !recorded)
    return Failure{recorded.error()};
  if (auto touched = store_.touch_date(date, now); !touched) return Failure{touched.error()};
  Admission admission{queue_number, booking.service, booking.slot_start, at, *ahead};
  return Outcome{201, admitted_json(admission, office_.utc_offset), queue_number,
                 request.time_verified ? "admitted" : "admitted:time_not_verified"};
}

Expected<int> CheckinDesk::next_online(const std::string& service, const std::string& date) {
  auto last = store_.last_online(service, date);
  auto leased = store_.leased(service, date);
  auto used = store_.used_numbers(service, date);
  if (!last || !leased || !used) return Failure{!last ? last.error() : !leased ? leased.error() : used.error()};
  int number = next_online_number(*last, *leased, *used);
  if (auto saved = store_.set_last_online(service, date, number); !saved) return Failure{saved.error()};
  return number;
}

}  // namespace kiosk::central_ref
