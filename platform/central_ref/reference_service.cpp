#include "platform/central_ref/reference_service.h"

#include <cstdlib>

#include "kiosk/booking/booking_code.h"
#include "platform/central_ref/answers.h"
#include "platform/central_ref/manifest_etag.h"
#include "platform/central_ref/requests.h"
#include "platform/store/column_values.h"
#include "platform/store/sqlite_transaction.h"

namespace kiosk::central_ref {
namespace {

using platform::sqlite::Transaction;

Reply bad_request(std::string_view what, const std::string& error) {
  return error_reply(400, "bad_request", std::string(what) + ": " + error);
}

}  // namespace

Expected<std::unique_ptr<ReferenceService>> ReferenceService::open(const std::string& db_path, OfficeConfig office,
                                                                   const Clock& clock, Logger log) {
  auto store = CentralStore::open(db_path);
  if (!store) return Failure{store.error()};
  std::unique_ptr<ReferenceService> service(
      new ReferenceService(std::move(*store), std::move(office), clock, std::move(log)));
  if (auto claimed = service->claim_database(); !claimed) return Failure{db_path + ": " + claimed.error()};
  return service;
}

ReferenceService::ReferenceService(CentralStore store, OfficeConfig office, const Clock& clock, Logger log)
    : store_(std::move(store)),
      office_(std::move(office)),
      clock_(clock),
      log_(std::move(log)),
      desk_(store_, office_, clock_, log_),
      journal_(store_, clock_, log_) {}

// One database, one office: check-ins of two offices must never mix.
Status ReferenceService::claim_database() {
  auto held = store_.meta("office_id");
  if (!held) return Failure{held.error()};
  if (*held && **held != office_.office_id)
    return Failure{"the database holds office " + **held + ", not " + office_.office_id};
  auto started = store_.meta("started_at");
  if (!started) return Failure{started.error()};
  if (!*started) {
    auto now = platform::unix_seconds(now_seconds(clock_));
    if (auto set = store_.set_meta("started_at", std::to_string(now)); !set) return set;
  }
  if (auto set = store_.set_meta("office_config", office_config_json(office_)); !set) return set;
  return store_.set_meta("office_id", office_.office_id);
}

Status ReferenceService::check_seed(const Booking& booking) const {
  if (!office_.find_service(booking.service))
    return Failure{"booking " + redact_code(booking.code) + ": unknown service \"" + booking.service + "\""};
  bool complete = !booking.queue_number.empty() && booking.checked_in_at;
  if (booking.status == BookingStatus::checked_in && !complete)
    return Failure{"booking " + redact_code(booking.code) + ": checked_in needs queue_number and checked_in_at"};
  return ok_status();
}

Status ReferenceService::seed(const std::vector<Booking>& bookings) {
  std::lock_guard lock(mutex_);
  auto tx = Transaction::write(store_.connection());
  if (!tx) return Failure{tx.error()};
  auto now = now_seconds(clock_);
  for (const auto& booking : bookings) {
    if (auto valid = check_seed(booking); !valid) return valid;
    auto date = format_iso_date(local_date(booking.slot_start, office_.utc_offset));
    auto inserted = store_.insert_booking(booking, date);
    if (!inserted) return Failure{inserted.error()};
    if (*inserted) {
      if (auto touched = store_.touch_date(date, now); !touched) return touched;
    }
  }
  return tx->commit();
}

Reply ReferenceService::config() { return Reply{200, office_config_json(office_), {}, ""}; }

// The manifest of a date with no changes is the same bytes every time, so its
// hash is a strong ETag: generated_at is when that date last changed.
Expected<Seconds> ReferenceService::generated_at(const std::string& date) {
  auto changed = store_.date_changed_at(date);
  if (!changed) return Failure{changed.error()};
  if (*changed) return **changed;
  auto started = store_.meta("started_at");
  if (!started) return Failure{started.error()};
  return platform::from_unix_seconds(std::strtoll(started->value_or("0").c_str(), nullptr, 10));
}

Reply ReferenceService::manifest(std::string_view date_text, std::string_view if_none_match) {
  auto date = parse_iso_date(date_text);
  if (!date)
    return error_reply(400, "bad_request", "date: expected ?date=YYYY-MM-DD, got \"" + std::string(date_text) + "\"");
  auto day = format_iso_date(*date);
  std::lock_guard lock(mutex_);
  auto bookings = store_.bookings_on(day);
  if (!bookings) return storage_error(bookings.error());
  auto at = generated_at(day);
  if (!at) return storage_error(at.error());
  auto body = manifest_json(office_, *date, *at, *bookings);
  auto etag = strong_etag(body);
  auto note = day + " " + std::to_string(bookings->size()) + " bookings";
  if (!if_none_match.empty() && etag_matches(if_none_match, etag))
    return Reply{304, "", {{"ETag", etag}}, note + " unchanged"};
  return Reply{200, std::move(body), {{"ETag", etag}}, note};
}

Reply ReferenceService::booking(std::string_view code) {
  auto wanted = to_upper_ascii(trim(code));
  std::lock_guard lock(mutex_);
  auto found = store_.find_booking(wanted);
  if (!found) return storage_error(found.error());
  auto note = "code " + redact_code(wanted);
  if (!*found) return Reply{404, not_found_json(), {}, note + " not_found"};
  return Reply{200, booking_json(**found, office_.utc_offset), {}, note};
}

Reply ReferenceService::check_in(std::string_view body) {
  auto request = parse_checkin(body);
  if (!request) return bad_request("check-in", request.error());
  std::lock_guard lock(mutex_);
  auto reply = desk_.check_in(*request);
  watch_upload(*request, reply);
  return reply;
}

// The check-in's answer stands whatever the watch finds: the chain is about
// the kiosk's journal, not about admitting the applicant.
void ReferenceService::watch_upload(const CheckinRequest& request, const Reply& reply) {
  if (reply.status >= 500) return;  // nothing was recorded
  if (auto watched = journal_.note_upload(request); !watched) log_.error("journal chain: " + watched.error());
}

Reply ReferenceService::check_in_batch(std::string_view body) {
  auto events = parse_batch(body);
  if (!events) return bad_request("batch", events.error());
  if (events->size() > kMaxBatchEvents)
    return error_reply(413, "too_many_events",
                       "a batch holds at most 500 events, this one " + std::to_string(events->size()));
  std::vector<BatchEntry> entries;
  int admitted = 0;
  for (const auto& event : *events) {
    entries.push_back(answer_event(event));
    admitted += entries.back().status == 201;
  }
  auto note = std::to_string(entries.size()) + " events, " + std::to_string(admitted) + " admitted";
  return Reply{200, batch_json(entries), {}, note};
}

// One event of a batch, answered as the single call would answer it.
BatchEntry ReferenceService::answer_event(const nlohmann::json& event) {
  auto request = read_checkin(event);
  if (!request) return {event_id_of(event), 400, bad_request("check-in", request.error()).body};
  std::lock_guard lock(mutex_);
  auto reply = desk_.check_in(*request);
  watch_upload(*request, reply);
  return {request->event_id, reply.status, std::move(reply.body)};
}

Reply ReferenceService::lease_queue_block(std::string_view body) {
  auto request = parse_queue_block_request(body);
  if (!request) return bad_request("queue block", request.error());
  const auto* service = office_.find_service(request->service);
  if (!service) return error_reply(422, "unknown_service", "the office has no service \"" + request->service + "\"");
  auto date = format_iso_date(request->date);
  std::lock_guard lock(mutex_);
  auto tx = Transaction::write(store_.connection());
  if (!tx) return storage_error(tx.error());
  auto last = store_.last_online(request->service, date);
  auto leased = store_.leased(request->service, date);
  auto used = store_.used_numbers(request->service, date);
  if (!last || !leased || !used) return storage_error(!last ? last.error() : !leased ? leased.error() : used.error());
  int first = next_block_first(*last, *leased, *used);
  QueueBlock block{request->service, service->queue_prefix, first, first + request->size - 1, request->date};
  if (auto added = store_.add_block({request->kiosk_id, block, now_seconds(clock_)}); !added)
    return storage_error(added.error());
  if (auto committed = tx->commit(); !committed) return storage_error(committed.error());
  auto note = request->kiosk_id + " " + block.service + " " + date + " " + std::to_string(block.first) + ".." +
              std::to_string(block.last);
  return Reply{201, queue_block_json(block), {}, note};
}

Reply ReferenceService::put_status(std::string_view kiosk_id, std::string_view body) {
  auto status = parse_kiosk_status(body);
  if (!status) return bad_request("kiosk status", status.error());
  std::lock_guard lock(mutex_);
  if (auto stored = store_.put_kiosk_status({std::string(kiosk_id), status->canonical, now_seconds(clock_)}); !stored)
    return storage_error(stored.error());
  if (status->journal)
    if (auto watched = journal_.note_report(kiosk_id, *status->journal); !watched)
      log_.error("journal chain: " + watched.error());
  return Reply{204, "", {}, std::string(kiosk_id)};
}

Expected<std::vector<StoredEvent>> ReferenceService::events() {
  std::lock_guard lock(mutex_);
  return store_.events();
}

Expected<std::vector<KioskStatusRow>> ReferenceService::kiosk_statuses() {
  std::lock_guard lock(mutex_);
  return store_.kiosk_statuses();
}

Expected<JournalState> ReferenceService::journal_state() {
  std::lock_guard lock(mutex_);
  return journal_.state();
}

Reply ReferenceService::storage_error(const std::string& what) {
  log_.error("storage: " + what);
  return error_reply(500, "storage", what);
}

}  // namespace kiosk::central_ref
