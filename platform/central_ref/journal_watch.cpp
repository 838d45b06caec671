#include "platform/central_ref/journal_watch.h"

#include "platform/json/json_fields.h"

namespace kiosk::central_ref {
namespace {

std::string seq_text(long long seq) { return "seq " + std::to_string(seq); }

// When the service admitted an online check-in: the kiosk records the
// answer's checked_in_at as its decided_at.
Expected<Seconds> checked_in_at(const StoredEvent& event) {
  auto answer = platform::parse_json(event.answer);
  if (!answer) return Failure{answer.error()};
  std::string error;
  platform::JsonFields fields(*answer, "", &error);
  auto at = fields.time("checked_in_at");
  if (!error.empty()) return Failure{error};
  return at.utc;
}

// The chain entry of `claim` from what this service holds of its event; a
// failure says why there is none (which is itself a mismatch).
Expected<ChainEntry> entry_of(const StoredEvent& event, const ChainClaim& claim) {
  if (event.kiosk_id != claim.kiosk_id) return Failure{"its event " + event.event_id + " is another kiosk's"};
  auto request = parse_checkin(event.request);
  if (!request) return Failure{"its event " + event.event_id + " is unreadable: " + request.error()};
  if (!request->refused.empty()) return Failure{"its event " + event.event_id + " is a refusal, not a check-in"};
  ChainEntry entry;
  entry.seq = claim.seq;
  entry.event_id = event.event_id;
  entry.kiosk_id = request->kiosk_id;
  entry.code = request->code;
  entry.mode = request->mode;
  entry.queue_number = request->queue_number;
  entry.scanned_at = request->scanned_at.utc;
  entry.time_verified = request->time_verified;
  entry.priority = request->priority;
  if (request->mode == DecisionMode::offline) {
    entry.decided_at = request->decided_at ? request->decided_at->utc : Seconds{};
    return entry;
  }
  // Online: the service decided, so the number and time are its own.
  if (event.result != "admitted") return Failure{"the service did not admit its event " + event.event_id + " online"};
  auto at = checked_in_at(event);
  if (!at) return Failure{"its event " + event.event_id + " has no checked_in_at: " + at.error()};
  entry.queue_number = event.queue_number;
  entry.decided_at = *at;
  return entry;
}

}  // namespace

Status JournalWatch::note_upload(const CheckinRequest& request) {
  if (request.seq == 0) return ok_status();
  return note_claim({request.kiosk_id, request.seq, request.event_id, request.chain_hash});
}

Status JournalWatch::note_report(std::string_view kiosk_id, const JournalReport& report) {
  for (const auto& link : report.online)
    if (auto done = note_claim({std::string(kiosk_id), link.seq, link.event_id, link.chain_hash}); !done) return done;
  return check_head(kiosk_id, report);
}

// The first claim of a seq stands; another one means the kiosk's history
// changed after the service learnt it.
Status JournalWatch::note_claim(const ChainClaim& claim) {
  auto known = store_.find_claim(claim.kiosk_id, claim.seq);
  if (!known) return Failure{known.error()};
  if (*known) {
    if ((*known)->event_id == claim.event_id && (*known)->chain_hash == claim.chain_hash) return ok_status();
    return mismatch(claim.kiosk_id, claim.seq,
                    seq_text(claim.seq) + " was event " + (*known)->event_id + " with chain hash " +
                        (*known)->chain_hash + ", now event " + claim.event_id + " with " + claim.chain_hash);
  }
  if (auto added = store_.add_claim(claim); !added) return added;
  if (auto checked = check_link(claim.kiosk_id, claim.seq); !checked) return checked;
  return check_link(claim.kiosk_id, claim.seq + 1);
}

// What seq hangs on: the claim of seq - 1, or the genesis before seq 1.
Expected<std::optional<ChainClaim>> JournalWatch::claim_before(std::string_view kiosk_id, long long seq) {
  if (seq == 1) return std::optional<ChainClaim>(ChainClaim{std::string(kiosk_id), 0, "", std::string(kChainGenesis)});
  return store_.find_claim(kiosk_id, seq - 1);
}

// Recomputes seq's hash from the one before it, once both are known.
Status JournalWatch::check_link(std::string_view kiosk_id, long long seq) {
  auto claim = store_.find_claim(kiosk_id, seq);
  if (!claim) return Failure{claim.error()};
  if (!*claim) return ok_status();
  auto before = claim_before(kiosk_id, seq);
  if (!before) return Failure{before.error()};
  if (!*before) return ok_status();
  auto event = store_.find_event((*claim)->event_id);
  if (!event) return Failure{event.error()};
  if (!*event)
    return mismatch(kiosk_id, seq,
                    seq_text(seq) + " names event " + (*claim)->event_id + ", which this service never got");
  auto entry = entry_of(**event, **claim);
  if (!entry) return mismatch(kiosk_id, seq, seq_text(seq) + ": " + entry.error());
  auto recomputed = chain_hash((*before)->chain_hash, *entry);
  if (recomputed == (*claim)->chain_hash) return ok_status();
  return mismatch(kiosk_id, seq,
                  seq_text(seq) + ": the check-in as this service holds it, after " + seq_text(seq - 1) +
                      ", hashes to " + recomputed + "; the kiosk's chain says " + (*claim)->chain_hash);
}

// The head the kiosk reports at its length against the chain it uploaded;
// and a journal shorter than a seq it told of lost check-ins.
Status JournalWatch::check_head(std::string_view kiosk_id, const JournalReport& report) {
  auto span = store_.claim_span(kiosk_id);
  if (!span) return Failure{span.error()};
  if (span->highest > report.length)
    if (auto done = mismatch(kiosk_id, report.length + 1,
                             "the status report's journal has length " + std::to_string(report.length) +
                                 ", but the kiosk told of " + seq_text(span->highest) + ": check-ins were deleted");
        !done)
      return done;
  auto claim = store_.find_claim(kiosk_id, report.length);
  if (!claim) return Failure{claim.error()};
  if (!*claim || (*claim)->chain_hash == report.head) return ok_status();
  return mismatch(kiosk_id, report.length,
                  "the status report's head at length " + std::to_string(report.length) + " is " + report.head +
                      "; the kiosk's chain said " + (*claim)->chain_hash +
                      ": a check-in up to there was edited, inserted or deleted on the kiosk");
}

Expected<JournalState> JournalWatch::state() {
  JournalState state;
  auto kiosks = store_.chained_kiosks();
  if (!kiosks) return Failure{kiosks.error()};
  for (const auto& kiosk_id : *kiosks) {
    auto span = store_.claim_span(kiosk_id);
    if (!span) return Failure{span.error()};
    state.kiosks.push_back({kiosk_id, *span});
  }
  auto mismatches = store_.mismatches();
  if (!mismatches) return Failure{mismatches.error()};
  state.mismatches = std::move(*mismatches);
  return state;
}

Status JournalWatch::mismatch(std::string_view kiosk_id, long long seq, const std::string& reason) {
  auto added = store_.add_mismatch({std::string(kiosk_id), seq, reason, now_seconds(clock_)});
  if (!added) return Failure{added.error()};
  if (*added) log_.warn("journal_mismatch: kiosk " + std::string(kiosk_id) + " " + reason);
  return ok_status();
}

}  // namespace kiosk::central_ref
