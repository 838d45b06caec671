// SyncWorker's outbox upload: every event goes up with its own event_id until
// the service gives a final answer, which is kept beside the kiosk's decision.
#include <algorithm>

#include "kiosk/booking/booking_code.h"
#include "kiosk/sync/sync_worker.h"

namespace kiosk {
namespace {

std::string result_name(const CheckinResult& result) {
  switch (result.kind) {
    case CheckinResult::Kind::admitted: return "admitted";
    case CheckinResult::Kind::already_checked_in: return "already_checked_in";
    case CheckinResult::Kind::rejected: return "rejected (" + result.reason + ")";
    case CheckinResult::Kind::not_found: return "not_found";
    case CheckinResult::Kind::event_id_reused: return "event_id_reused";
    case CheckinResult::Kind::withdrawn: return "withdrawn";
    case CheckinResult::Kind::noted: return "noted";
    case CheckinResult::Kind::error: return "error " + std::to_string(result.http_status);
  }
  return "?";
}

// central-api.md: a 4xx other than 408 and 429 must not be retried. 401 and
// 403 refuse the kiosk itself (its token or certificate), so every upload
// would get the same answer; any other such 4xx refuses this one event.
bool refuses_credentials(int http_status) { return http_status == 401 || http_status == 403; }

bool refuses_event(const CallInfo& info) {
  return info.outcome == CallInfo::Outcome::http_error && !info.retryable() && !refuses_credentials(info.http_status);
}

// A refusal is the service's final word on the event: it is kept with the
// check-in like any other answer, and the event leaves the outbox.
CheckinResult refusal(int http_status, std::string body) {
  CheckinResult result;
  result.kind = CheckinResult::Kind::rejected;
  result.http_status = http_status;
  result.reason = "refused";
  result.body = std::move(body);
  return result;
}

}  // namespace

CheckinUpload SyncWorker::offline_upload(const CheckinRecord& event, UtcOffset offset) const {
  CheckinUpload upload{event.event_id, event.kiosk_id,     event.code, event.scanned_at, DecisionMode::offline,
                       event.decided_at, event.queue_number, offset,     event.priority};
  // Still unconfirmed here (date_unverified() found no confirmed clock, or
  // it was decided in an earlier boot): the service judges it, not the rule.
  upload.time_verified = event.time_verified;
  upload.seq = event.seq;
  upload.chain_hash = event.chain_hash;
  return upload;
}

void SyncWorker::upload(SyncReport& report, bool force) {
  if (uploads_stopped_) {
    report.problems.push_back(*uploads_stopped_);
    return;
  }
  auto now = ports_.clock.monotonic();
  if (!force && now < next_upload_) return;
  if (!upload_refusals(report)) {
    report.upload_failed = true;
    return;
  }
  auto events = next_events(report);
  if (!events) return;
  if (has_undated(*events)) {
    if (!date_unverified(report)) return;
    events = next_events(report);
    if (!events) return;
  }
  next_upload_ = now + policy_.upload_interval;
  if (events->empty()) return;
  auto sent = events->size() > policy_.batch_above ? upload_batch(*events, report) : upload_singles(*events, report);
  if (sent == Sent::failed) {  // already backed off, or stopped
    report.upload_failed = true;
    return;
  }
  if (sent == Sent::deferred) {
    // The service is up but shedding load (5xx, 429 for some events):
    // the next round waits like after any failure.
    report.upload_failed = true;
    back_off(std::nullopt);
    return;
  }
  upload_backoff_.reset();
  // A full batch means more may be waiting: go on at the next round.
  if (events->size() == policy_.batch_size) next_upload_ = now;
}

// central-api.md, "When an online answer is lost": a scan refused offline
// after its online attempt got no answer is uploaded as a refusal under the
// attempt's event_id, so the service withdraws an admission nobody holds a
// ticket for. False when the service did not answer (backed off).
bool SyncWorker::upload_refusals(SyncReport& report) {
  if (!ports_.intents) return true;
  auto refusals = ports_.intents->refusals_to_upload(policy_.batch_size);
  if (!refusals) {
    report.problems.push_back("refusals unreadable: " + refusals.error());
    return true;
  }
  if (refusals->empty()) return true;
  auto office = this->office();
  for (const auto& refusal : *refusals)
    if (!upload_refusal(refusal, office ? office->utc_offset : UtcOffset{}, report)) return false;
  return true;
}

bool SyncWorker::upload_refusal(const OnlineIntent& refusal, UtcOffset offset, SyncReport& report) {
  CheckinUpload upload{refusal.event_id, refusal.kiosk_id, refusal.code, refusal.scanned_at, DecisionMode::offline,
                       std::nullopt,     "",               offset,       refusal.priority,   refusal.refused};
  auto answer = ports_.central.check_in(upload, policy_.upload_deadline);
  int status = answer.info.http_status;
  std::string body = answer.value ? answer.value->body : answer.info.message;
  if (!observe(answer.info, report, "refusal of " + redact_code(refusal.code))) {
    if (!refuses_event(answer.info)) {
      stop_or_back_off(answer.info);
      return false;
    }
  } else if (answer.value->kind == CheckinResult::Kind::withdrawn) {
    log_.warn("the service withdrew its online admission of " + redact_code(refusal.code) +
              ": the kiosk refused it (" + refusal.refused + ") and printed no ticket");
  } else if (answer.value->kind != CheckinResult::Kind::noted) {
    log_.warn("refusal of " + redact_code(refusal.code) + ": the service answered " + result_name(*answer.value));
  }
  // Any final answer is kept, and the refusal is not sent again.
  if (auto kept = ports_.intents->refusal_answered(refusal.event_id, status, body); !kept)
    report.problems.push_back(kept.error());
  else
    ++report.uploaded;
  return true;
}

// Up to batch_size of the oldest waiting events, the deferred ones last.
std::optional<std::vector<CheckinRecord>> SyncWorker::next_events(SyncReport& report) {
  auto events = ports_.store.pending_events(policy_.batch_size + deferred_.size());
  if (!events) {
    report.problems.push_back("outbox unreadable: " + events.error());
    return std::nullopt;
  }
  std::stable_partition(events->begin(), events->end(),
                        [&](const CheckinRecord& event) { return !deferred_.contains(event.event_id); });
  if (events->size() > policy_.batch_size)
    events->erase(events->begin() + static_cast<std::ptrdiff_t>(policy_.batch_size), events->end());
  return std::move(*events);
}

SyncWorker::Sent SyncWorker::upload_batch(const std::vector<CheckinRecord>& events, SyncReport& report) {
  auto office = this->office();
  std::vector<CheckinUpload> uploads;
  for (const auto& event : events) uploads.push_back(offline_upload(event, office ? office->utc_offset : UtcOffset{}));
  auto answer = ports_.central.check_in_batch(uploads);
  if (!observe(answer.info, report, "batch upload of " + std::to_string(events.size()) + " events")) {
    // The service refused the batch as a whole (too large, say), not the
    // events in it: each still gets its own answer.
    if (refuses_event(answer.info)) return upload_singles(events, report);
    stop_or_back_off(answer.info);
    return Sent::failed;
  }
  Settled settled;
  auto sent = Sent::all;
  for (size_t i = 0; i < events.size() && sent != Sent::failed; ++i)
    sent = std::max(sent, settle(events[i], (*answer.value)[i], report, settled));
  record(settled, report);
  return sent;
}

SyncWorker::Sent SyncWorker::upload_singles(const std::vector<CheckinRecord>& events, SyncReport& report) {
  auto sent = Sent::all;
  for (size_t i = 0; i < events.size() && sent != Sent::failed; ++i) sent = std::max(sent, upload_single(events[i], report));
  return sent;
}

SyncWorker::Sent SyncWorker::upload_single(const CheckinRecord& event, SyncReport& report) {
  auto office = this->office();
  auto answer = ports_.central.check_in(offline_upload(event, office ? office->utc_offset : UtcOffset{}),
                                        policy_.upload_deadline);
  Settled settled;
  if (!observe(answer.info, report, "upload of " + event.queue_number)) {
    if (!refuses_event(answer.info)) {
      stop_or_back_off(answer.info);
      return Sent::failed;
    }
    settle(event, refusal(answer.info.http_status, answer.info.message), report, settled);
    record(settled, report);
    return Sent::all;
  }
  auto sent = settle(event, *answer.value, report, settled);
  record(settled, report);
  return sent;
}

void SyncWorker::record(const Settled& settled, SyncReport& report) {
  if (settled.acks.empty()) return;
  if (auto done = ports_.store.acknowledge_all(settled.acks); !done) {
    report.problems.push_back(done.error());
    return;
  }
  for (const auto& ack : settled.acks) deferred_.erase(ack.event_id);
  report.uploaded += settled.acks.size();
  report.conflicts += settled.conflicts.size();
  for (const auto& seen : settled.conflicts) log_.warn(describe(seen));
}

// Not an answer on the check-in: the event stays and goes to the back of the
// line. Past batch_size deferred events the line starts over, which keeps
// the next read of the outbox bounded.
void SyncWorker::defer(const CheckinRecord& event, const CheckinResult& result, SyncReport& report) {
  report.problems.push_back("upload of " + event.queue_number + ": the service answered " +
                            std::to_string(result.http_status) + " " + result.body);
  if (deferred_.size() >= policy_.batch_size) deferred_.clear();
  deferred_.insert(event.event_id);
}

// The service's answer is final: keep it with the check-in and take the event
// out of the outbox. An answer that differs from what the kiosk printed is a
// conflict: the check-in is marked, both stay on record and the log says so.
SyncWorker::Sent SyncWorker::settle(const CheckinRecord& event, const CheckinResult& result, SyncReport& report,
                                    Settled& settled) {
  if (result.kind == CheckinResult::Kind::event_id_reused) return reconcile_reused(event, report, settled);
  if (result.kind == CheckinResult::Kind::error && refuses_credentials(result.http_status)) {
    stop_uploads(result.http_status, result.body);
    return Sent::all;
  }
  if (result.kind == CheckinResult::Kind::error && !retryable_status(result.http_status))
    return settle(event, refusal(result.http_status, result.body), report, settled);
  if (result.kind == CheckinResult::Kind::error) {
    defer(event, result, report);
    return Sent::deferred;
  }
  bool agrees = result.kind == CheckinResult::Kind::admitted && result.queue_number == event.queue_number;
  Acknowledgement ack{event.event_id, result.http_status, result.body, std::nullopt};
  if (!agrees) {
    ack.conflict = Conflict{result_name(result), result.queue_number};
    settled.conflicts.push_back({redact_code(event.code), event.queue_number, *ack.conflict});
  }
  settled.acks.push_back(std::move(ack));
  return Sent::all;
}

// The online attempt of this event did reach the service after all, with a
// different body. Asking again with that online body returns the service's
// first answer, which is final.
SyncWorker::Sent SyncWorker::reconcile_reused(const CheckinRecord& event, SyncReport& report, Settled& settled) {
  auto office = this->office();
  CheckinUpload online{event.event_id, event.kiosk_id, event.code, event.scanned_at, DecisionMode::online,
                       std::nullopt,   "",             office ? office->utc_offset : UtcOffset{},
                       event.priority};
  auto answer = ports_.central.check_in(online, policy_.upload_deadline);
  if (!observe(answer.info, report, "reconciling " + event.queue_number)) {
    if (refuses_event(answer.info))
      return settle(event, refusal(answer.info.http_status, answer.info.message), report, settled);
    stop_or_back_off(answer.info);
    return Sent::failed;
  }
  auto result = *answer.value;
  if (result.kind == CheckinResult::Kind::event_id_reused) {
    // Neither body matches what the service holds: nothing more can be learnt.
    log_.error("event " + event.event_id + " is held by the service with a body this kiosk never sent");
    result.kind = CheckinResult::Kind::rejected;
    result.reason = "event_id_reused";
  }
  return settle(event, result, report, settled);
}

void SyncWorker::stop_or_back_off(const CallInfo& info) {
  if (info.outcome == CallInfo::Outcome::http_error && refuses_credentials(info.http_status))
    stop_uploads(info.http_status, info.message);
  else
    back_off(info.retry_after);
}

// Sending the same credentials again would get the same answer, and the
// contract forbids it: the outbox is kept, and uploads start again when the
// kiosk restarts (with a new token or certificate).
void SyncWorker::stop_uploads(int http_status, const std::string& message) {
  if (uploads_stopped_) return;
  uploads_stopped_ = "uploads stopped: the service refused this kiosk's credentials (" +
                     std::to_string(http_status) + " " + message +
                     "); check api.token and the client certificate, then restart the kiosk. "
                     "Waiting check-ins are kept.";
  log_.error(*uploads_stopped_);
}

}  // namespace kiosk
