#include "platform/json/request_json.h"

#include <nlohmann/json.hpp>

namespace kiosk::platform {
namespace {

using nlohmann::json;

// Invalid UTF-8 (a garbled scan) is replaced rather than thrown on: writing a
// request must never fail.
std::string dump(const json& document) { return document.dump(-1, ' ', false, json::error_handler_t::replace); }

json checkin_json(const CheckinUpload& upload) {
  json body = {{"event_id", upload.event_id},
               {"kiosk_id", upload.kiosk_id},
               {"code", upload.code},
               {"scanned_at", format_rfc3339(upload.scanned_at, upload.offset)},
               {"mode", std::string(to_string(upload.mode))}};
  if (upload.mode == DecisionMode::offline && !upload.refused.empty()) {
    body["refused"] = upload.refused;
  } else if (upload.mode == DecisionMode::offline) {
    if (upload.decided_at) body["decided_at"] = format_rfc3339(*upload.decided_at, upload.offset);
    body["queue_number"] = upload.queue_number;
    if (!upload.time_verified) body["time_verified"] = false;
    if (upload.seq > 0) {
      body["seq"] = upload.seq;
      body["chain_hash"] = upload.chain_hash;
    }
  }
  // Optional in the contract: left out unless the applicant asked for it.
  if (upload.priority) body["priority"] = true;
  return body;
}

// Beyond the contract: docs/journal-chain.md.
json journal_json(const JournalReport& journal) {
  json online = json::array();
  for (const auto& link : journal.online)
    online.push_back({{"seq", link.seq}, {"event_id", link.event_id}, {"chain_hash", link.chain_hash}});
  return {{"length", journal.length}, {"head", journal.head}, {"online", std::move(online)}};
}

// An optional field the contract leaves room for (platform/central_ref/
// README.md, "Kiosk status"): check-ins the service holds otherwise than
// this kiosk printed them, codes masked.
json conflicts_json(const ConflictSummary& conflicts) {
  json recent = json::array();
  for (const auto& seen : conflicts.recent)
    recent.push_back({{"code", seen.masked_code},
                      {"queue_number", seen.printed_number},
                      {"answer", seen.conflict.answer},
                      {"held_number", seen.conflict.held_number}});
  return {{"count", conflicts.count}, {"recent", std::move(recent)}};
}

}  // namespace

std::string checkin_request_json(const CheckinUpload& upload) { return dump(checkin_json(upload)); }

std::string batch_request_json(const std::vector<CheckinUpload>& uploads) {
  json events = json::array();
  for (const auto& upload : uploads) events.push_back(checkin_json(upload));
  return dump(json{{"events", std::move(events)}});
}

std::string queue_block_request_json(std::string_view kiosk_id, std::string_view service,
                                     std::chrono::year_month_day date, int size) {
  return dump(json{{"kiosk_id", kiosk_id}, {"service", service}, {"date", format_iso_date(date)}, {"size", size}});
}

std::string kiosk_status_json(const KioskStatus& status) {
  json body = {{"version", status.version},
               {"uptime_s", status.uptime_s},
               {"printer", status.printer},
               {"camera", status.camera},
               {"outbox_depth", status.outbox_depth},
               {"clock_offset_ms", status.clock_offset_ms}};
  if (!status.slot.empty()) body["slot"] = status.slot;
  if (status.last_sync_at) body["last_sync_at"] = format_rfc3339(*status.last_sync_at, status.offset);
  if (status.journal) body["journal"] = journal_json(*status.journal);
  if (status.conflicts.count > 0) body["conflicts"] = conflicts_json(status.conflicts);
  return dump(body);
}

}  // namespace kiosk::platform
