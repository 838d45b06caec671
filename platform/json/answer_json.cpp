#include "platform/json/answer_json.h"

#include "platform/json/contract_json.h"
#include "platform/json/json_fields.h"

namespace kiosk::platform {
namespace {

using nlohmann::json;
using Kind = CheckinResult::Kind;

constexpr long long kMaxAhead = 1'000'000;
std::string dump(const json& document) { return document.dump(-1, ' ', false, json::error_handler_t::replace); }

bool is_event_id_reused(int status, const json& body) {
  if (status != 422 || !body.is_object()) return false;
  auto it = body.find("error");
  return it != body.end() && it->is_string() && *it == "event_id_reused";
}

// The "result" a status must carry, and the kind it means.
std::optional<std::pair<std::string_view, Kind>> expected_result(int status, std::string_view result = "") {
  switch (status) {
    // The two answers to an uploaded refusal: which one the body names.
    case 200:
      if (result == "withdrawn") return std::pair{std::string_view("withdrawn"), Kind::withdrawn};
      return std::pair{std::string_view("noted"), Kind::noted};
    case 201: return std::pair{std::string_view("admitted"), Kind::admitted};
    case 409: return std::pair{std::string_view("already_checked_in"), Kind::already_checked_in};
    case 422: return std::pair{std::string_view("rejected"), Kind::rejected};
    case 404: return std::pair{std::string_view("not_found"), Kind::not_found};
    default: return std::nullopt;
  }
}

std::string non_empty_string(JsonFields& fields, std::string_view key) {
  auto text = fields.string(key);
  if (fields.ok() && text.empty()) fields.fail(fields.path_of(key), "is empty");
  return text;
}

// A number the kiosk may print: the contract's form. The bad text is not
// quoted whole: it may be kilobytes long.
std::string queue_number(JsonFields& fields) {
  auto text = non_empty_string(fields, "queue_number");
  if (fields.ok() && !is_service_queue_number(text))
    fields.fail(fields.path_of("queue_number"), "not a queue number (^[A-Z]{1,3}-[0-9]{3,4}$): \"" +
                                                    text.substr(0, 16) + (text.size() > 16 ? "...\", " : "\", ") +
                                                    std::to_string(text.size()) + " bytes");
  return text;
}

void read_details(JsonFields& fields, CheckinResult& result) {
  switch (result.kind) {
    case Kind::admitted:
      result.queue_number = queue_number(fields);
      result.service = non_empty_string(fields, "service");
      result.slot_start = fields.time("slot_start").utc;
      result.checked_in_at = fields.time("checked_in_at").utc;
      result.ahead = static_cast<int>(fields.optional_integer("ahead", 0, kMaxAhead).value_or(0));
      break;
    case Kind::already_checked_in:
      result.queue_number = queue_number(fields);
      result.checked_in_at = fields.time("checked_in_at").utc;
      break;
    case Kind::rejected: result.reason = non_empty_string(fields, "reason"); break;
    case Kind::not_found:
    case Kind::withdrawn:
    case Kind::noted:
    case Kind::event_id_reused:
    case Kind::error: break;
  }
}

// Reads one answer whose document is `body`; problems go to *error.
CheckinResult read_checkin(int status, const json& body, const std::string& path, std::string* error) {
  CheckinResult result;
  result.http_status = status;
  if (is_event_id_reused(status, body)) {
    result.kind = Kind::event_id_reused;
    return result;
  }
  JsonFields fields(body, path, error);
  auto named = body.is_object() && body.contains("result") && body["result"].is_string()
                   ? body["result"].get<std::string>()
                   : std::string();
  auto expected = expected_result(status, named);
  if (!expected) {
    fields.fail("status", std::to_string(status) + " is not a check-in answer");
    return result;
  }
  auto text = fields.string("result");
  if (fields.ok() && text != expected->first)
    fields.fail(fields.path_of("result"), "expected \"" + std::string(expected->first) + "\" with status " +
                                              std::to_string(status) + ", got \"" + text + "\"");
  result.kind = expected->second;
  if (fields.ok()) read_details(fields, result);
  return result;
}

template <typename T>
Expected<T> result_or(T value, const std::string& what, const std::string& error) {
  if (!error.empty()) return Failure{what + ": " + error};
  return value;
}

// One element of "results": its event id and status checked before its body.
CheckinResult read_batch_item(const json& element, const std::string& path, const std::string& event_id,
                              std::string* error) {
  JsonFields item(element, path, error);
  auto id = item.string("event_id");
  if (item.ok() && id != event_id)
    item.fail(item.path_of("event_id"), "expected \"" + event_id + "\" (results out of order), got \"" + id + "\"");
  auto status = static_cast<int>(item.integer("status", 100, 599));
  auto body = element.find("body");
  if (!item.ok()) return {};
  // One event the service refused must not hold up the others: it becomes
  // an error result that stays in the outbox, not a failure of the batch.
  if (!expected_result(status) && !(body != element.end() && is_event_id_reused(status, *body))) {
    CheckinResult failed;
    failed.kind = Kind::error;
    failed.http_status = status;
    failed.body = body == element.end() ? std::string() : dump(*body);
    return failed;
  }
  if (body == element.end()) {
    item.fail(item.path_of("body"), "missing");
    return {};
  }
  auto result = read_checkin(status, *body, item.path_of("body"), error);
  result.body = dump(*body);  // the item's own answer, as the single call would have kept it
  return result;
}

}  // namespace

std::optional<ErrorBody> parse_error_body(std::string_view body) {
  auto document = parse_json(body);
  if (!document || !document->is_object()) return std::nullopt;
  auto error = document->find("error");
  if (error == document->end() || !error->is_string()) return std::nullopt;
  ErrorBody result{error->get<std::string>(), {}};
  auto message = document->find("message");
  if (message != document->end() && message->is_string()) result.message = message->get<std::string>();
  return result;
}

Expected<CheckinResult> parse_checkin_result(int status, std::string_view body) {
  auto document = parse_json(body);
  if (!document) return Failure{"check-in answer: " + document.error()};
  std::string error;
  auto result = read_checkin(status, *document, "", &error);
  result.body = std::string(body);  // as received, byte for byte
  return result_or(std::move(result), "check-in answer", error);
}

Expected<std::vector<CheckinResult>> parse_batch_results(std::string_view body,
                                                         const std::vector<std::string>& event_ids) {
  auto document = parse_json(body);
  if (!document) return Failure{"batch answer: " + document.error()};
  std::string error;
  JsonFields fields(*document, "", &error);
  std::vector<CheckinResult> results;
  const auto* items = fields.array("results");
  if (items && items->size() != event_ids.size())
    fields.fail("results", "expected " + std::to_string(event_ids.size()) + " results (one per event), got " +
                               std::to_string(items->size()));
  for (size_t i = 0; items && i < items->size() && fields.ok(); ++i)
    results.push_back(read_batch_item((*items)[i], fields.path_of("results", i), event_ids[i], &error));
  return result_or(std::move(results), "batch answer", error);
}

Expected<QueueBlock> parse_queue_block_answer(std::string_view body, std::string_view service,
                                              std::chrono::year_month_day date, int size) {
  auto block = parse_queue_block(body, service);
  if (!block) return block;
  if (block->service != service)
    return Failure{"queue block: service: expected \"" + std::string(service) + "\", got \"" + block->service + "\""};
  if (block->date != date)
    return Failure{"queue block: date: expected " + format_iso_date(date) + ", got " + format_iso_date(block->date)};
  if (auto problem = leased_block_problem(*block, size); !problem.empty()) return Failure{"queue block: " + problem};
  return block;
}

}  // namespace kiosk::platform
