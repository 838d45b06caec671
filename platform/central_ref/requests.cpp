#include "platform/central_ref/requests.h"

#include <algorithm>
#include <array>

#include "platform/central_ref/queue_numbers.h"
#include "platform/json/json_fields.h"

namespace kiosk::central_ref {
namespace {

using platform::JsonFields;

constexpr long long kMaxCount = 1LL << 40;
constexpr size_t kMaxJournalLinks = 1000;  // the kiosk sends at most 100

template <typename T>
Expected<T> result(T value, const std::string& error) {
  if (!error.empty()) return Failure{error};
  return value;
}

// A required string that must also not be empty.
std::string non_empty(JsonFields& fields, std::string_view key) {
  auto text = fields.string(key);
  if (fields.ok() && text.empty()) fields.fail(fields.path_of(key), "must not be empty");
  return text;
}

void read_mode(JsonFields& fields, CheckinRequest& request) {
  auto mode = fields.string("mode");
  if (!fields.ok()) return;
  if (mode == "online")
    request.mode = DecisionMode::online;
  else if (mode == "offline")
    request.mode = DecisionMode::offline;
  else
    fields.fail(fields.path_of("mode"), "expected \"online\" or \"offline\", got \"" + mode + "\"");
}

// Offline uploads carry what the kiosk decided: when, and the number printed.
void read_offline(JsonFields& fields, CheckinRequest& request) {
  request.decided_at = fields.time("decided_at");
  request.queue_number = fields.string("queue_number");
  if (!fields.ok()) return;
  auto number = queue_number_digits(request.queue_number);
  if (!number)
    fields.fail(fields.path_of("queue_number"), "expected <prefix>-<number>, got \"" + request.queue_number + "\"");
  else
    request.number = *number;
}

// central-api.md, "Optional fields": only an offline decision can have been
// made on an unconfirmed clock; an online one was made by this service's.
void read_time_verified(JsonFields& fields, CheckinRequest& request) {
  request.time_verified = fields.boolean("time_verified");
  if (fields.ok() && request.mode != DecisionMode::offline)
    fields.fail(fields.path_of("time_verified"), "only an offline check-in carries it");
}

std::string chain_hash_field(JsonFields& fields, std::string_view key) {
  auto hash = fields.string(key);
  if (fields.ok() && !is_chain_hash(hash)) fields.fail(fields.path_of(key), "expected 64 lower-case hex digits");
  return hash;
}

// Beyond the contract (docs/journal-chain.md): both or neither.
void read_chain(JsonFields& fields, CheckinRequest& request) {
  request.seq = fields.integer("seq", 1, kMaxCount);
  request.chain_hash = chain_hash_field(fields, "chain_hash");
}

std::string canonical_checkin(nlohmann::json event) {
  event.erase("seq");
  event.erase("chain_hash");
  return event.dump();
}

// "journal": {"length", "head", "online": [{"seq", "event_id", "chain_hash"}]}.
JournalReport read_journal(const nlohmann::json& document, std::string* error) {
  JsonFields journal(document, "journal", error);
  JournalReport report;
  report.length = journal.integer("length", 0, kMaxCount);
  report.head = chain_hash_field(journal, "head");
  const auto* online = journal.array("online");
  if (online && online->size() > kMaxJournalLinks)
    journal.fail(journal.path_of("online"), "at most " + std::to_string(kMaxJournalLinks) + " links");
  for (size_t i = 0; online && journal.ok() && i < online->size(); ++i) {
    JsonFields link((*online)[i], journal.path_of("online", i), error);
    auto seq = link.integer("seq", 1, kMaxCount);
    auto event_id = non_empty(link, "event_id");
    report.online.push_back({seq, std::move(event_id), chain_hash_field(link, "chain_hash")});
  }
  return report;
}

template <size_t N>
void one_of(JsonFields& fields, std::string_view key, const std::array<std::string_view, N>& allowed) {
  auto text = fields.string(key);
  if (fields.ok() && std::find(allowed.begin(), allowed.end(), text) == allowed.end())
    fields.fail(fields.path_of(key), "unknown value \"" + text + "\"");
}

// A status report's optional "conflicts" (README.md, "Kiosk status"): the
// count and the newest few, each code masked. A whole code is refused: a
// status report carries no personal data.
constexpr long long kMaxConflictsListed = 100;

void read_conflict(const nlohmann::json& item, const std::string& path, std::string* error) {
  JsonFields fields(item, path, error);
  auto code = fields.string("code");
  if (fields.ok() && code.find('*') == std::string::npos)
    fields.fail(fields.path_of("code"), "must be masked (7K****), not a whole booking code");
  fields.string("queue_number");
  fields.string("answer");
  fields.string("held_number");
}

void read_conflicts(JsonFields& status, const nlohmann::json& document, std::string* error) {
  if (!document.is_object() || !document.contains("conflicts")) return;
  const auto& conflicts = document["conflicts"];
  JsonFields fields(conflicts, status.path_of("conflicts"), error);
  fields.integer("count", 0, kMaxCount);
  const auto* recent = fields.array("recent");
  if (!recent) return;
  if (static_cast<long long>(recent->size()) > kMaxConflictsListed) {
    fields.fail(fields.path_of("recent"), "more than " + std::to_string(kMaxConflictsListed) + " entries");
    return;
  }
  for (size_t i = 0; i < recent->size() && fields.ok(); ++i) read_conflict((*recent)[i], fields.path_of("recent", i), error);
}

// A status report's optional "slot" (README.md, "Kiosk status"): the A/B
// slot the kiosk booted, a RAUC bootname, or "none".
constexpr std::size_t kMaxSlotName = 32;

void read_slot(JsonFields& fields) {
  auto slot = fields.string("slot");
  bool bootname = !slot.empty() && slot.size() <= kMaxSlotName &&
                  slot.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
                      std::string::npos;
  if (fields.ok() && !bootname)
    fields.fail(fields.path_of("slot"), "expected a slot's boot name (A, B) or \"none\", 1 to 32 letters, digits, . _ -");
}

}  // namespace

Expected<CheckinRequest> read_checkin(const nlohmann::json& event) {
  std::string error;
  JsonFields fields(event, "", &error);
  CheckinRequest request;
  request.event_id = non_empty(fields, "event_id");
  request.kiosk_id = non_empty(fields, "kiosk_id");
  request.code = non_empty(fields, "code");
  request.scanned_at = fields.time("scanned_at");
  read_mode(fields, request);
  bool refusal = fields.ok() && request.mode == DecisionMode::offline && event.is_object() && event.contains("refused");
  if (refusal) request.refused = non_empty(fields, "refused");
  if (fields.ok() && request.mode == DecisionMode::offline && !refusal) read_offline(fields, request);
  if (fields.ok() && event.is_object() && event.contains("priority")) request.priority = fields.boolean("priority");
  if (fields.ok() && event.is_object() && event.contains("time_verified")) read_time_verified(fields, request);
  if (fields.ok() && event.is_object() && (event.contains("seq") || event.contains("chain_hash")))
    read_chain(fields, request);
  if (error.empty()) request.canonical = canonical_checkin(event);
  return result(std::move(request), error);
}

Expected<CheckinRequest> parse_checkin(std::string_view body) {
  auto document = platform::parse_json(body);
  if (!document) return Failure{document.error()};
  return read_checkin(*document);
}

Expected<std::vector<nlohmann::json>> parse_batch(std::string_view body) {
  auto document = platform::parse_json(body);
  if (!document) return Failure{document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  const auto* events = fields.array("events");
  if (!events) return Failure{error};
  return std::vector<nlohmann::json>(events->begin(), events->end());
}

Expected<QueueBlockRequest> parse_queue_block_request(std::string_view body) {
  auto document = platform::parse_json(body);
  if (!document) return Failure{document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  QueueBlockRequest request;
  request.kiosk_id = non_empty(fields, "kiosk_id");
  request.service = non_empty(fields, "service");
  request.date = fields.date("date");
  request.size = static_cast<int>(fields.integer("size", 1, kMaxBlockSize));
  return result(std::move(request), error);
}

Expected<KioskStatusReport> parse_kiosk_status(std::string_view body) {
  auto document = platform::parse_json(body);
  if (!document) return Failure{document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  fields.string("version");
  if (fields.ok() && document->is_object() && document->contains("slot")) read_slot(fields);
  fields.integer("uptime_s", 0, kMaxCount);
  one_of<5>(fields, "printer", {"ok", "paper_low", "paper_out", "cover_open", "offline"});
  one_of<2>(fields, "camera", {"ok", "offline"});
  fields.integer("outbox_depth", 0, kMaxCount);
  fields.optional_time("last_sync_at");
  fields.integer("clock_offset_ms", -kMaxCount, kMaxCount);
  if (fields.ok()) read_conflicts(fields, *document, &error);
  KioskStatusReport report{document->dump(), std::nullopt};
  if (fields.ok() && document->is_object() && document->contains("journal"))
    report.journal = read_journal(document->at("journal"), &error);
  return result(std::move(report), error);
}

std::string event_id_of(const nlohmann::json& event) {
  if (!event.is_object()) return {};
  auto it = event.find("event_id");
  return it != event.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace kiosk::central_ref
