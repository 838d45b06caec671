#pragma once
// The central service's answers to the kiosk's requests (central-api.md), read
// defensively: a wrong type, a missing field or a truncated body is an error
// naming the field, never an exception or a guessed default. Answers nested
// deeper than any the contract has are refused before parsing (parse_json).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/sync/central_service.h"
#include "kiosk/base/expected.h"
#include "kiosk/checkin/queue_number.h"

namespace kiosk::platform {

// {"error": "<code>", "message": "<text>"}; message may be missing.
struct ErrorBody {
  std::string error;
  std::string message;
};

// The body as an error document, or nothing when it is not one (not JSON,
// not an object, no string "error").
std::optional<ErrorBody> parse_error_body(std::string_view body);

// A check-in answer with status 201, 409, 422 or 404 (including 422
// {"error": "event_id_reused"}). The status and the body's "result" must
// agree. A queue number must have the contract's form
// (is_service_queue_number). The raw body is kept in CheckinResult::body.
Expected<CheckinResult> parse_checkin_result(int status, std::string_view body);

// {"results": [{"event_id", "status", "body"}, ...]}: one per event sent, in
// order, with the same event ids; anything else is an error. Each result's
// body is its item's "body" written out again.
Expected<std::vector<CheckinResult>> parse_batch_results(std::string_view body,
                                                         const std::vector<std::string>& event_ids);

// A leased block; it must be for the service and date asked for, of the size
// asked for, with numbers of the contract's form (leased_block_problem).
Expected<QueueBlock> parse_queue_block_answer(std::string_view body, std::string_view service,
                                              std::chrono::year_month_day date, int size);

}  // namespace kiosk::platform
