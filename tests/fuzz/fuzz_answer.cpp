// Every answer body of the central service (central-api.md), through every
// parser the kiosk reads answers with: whatever the service (or whoever
// stands between) sends, the kiosk gets a value or an error naming the
// field, never a crash, and never a value that breaks the contract's forms.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/booking/booking_code.h"
#include "platform/json/answer_json.h"
#include "platform/json/contract_json.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace std::chrono;
using namespace kiosk;
using namespace kiosk::platform;
using kiosk::fuzz::require;

void check_checkin(const CheckinResult& result) {
  using Kind = CheckinResult::Kind;
  if (result.kind == Kind::admitted || result.kind == Kind::already_checked_in)
    require(is_service_queue_number(result.queue_number), "a check-in answer's number has the contract's form");
  if (result.kind == Kind::rejected) require(!result.reason.empty(), "a refusal gives its reason");
}

// The status an answer with this "result" comes with (an error body: 422, as
// event_id_reused is); on inputs of odd length the next one in the list, so
// that an answer whose status and result disagree is tried as well. One
// status per input: parsing the body once per status made the target slow.
int status_for(const nlohmann::json& document, std::size_t size) {
  static const std::vector<std::pair<std::string, int>> statuses{
      {"admitted", 201}, {"already_checked_in", 409}, {"rejected", 422}, {"not_found", 404}, {"withdrawn", 200},
      {"noted", 200},    {"error", 422}};
  std::size_t index = 0;
  if (document.is_object()) {
    auto result = document.find("result");
    auto named = result != document.end() && result->is_string() ? result->get<std::string>() : "error";
    while (index + 1 < statuses.size() && statuses[index].first != named) ++index;
  }
  return statuses[(index + size % 2) % statuses.size()].second;
}

// The event ids the body's own results name, so that a well-formed batch
// gets past the order check and into its items.
std::vector<std::string> event_ids_in(const nlohmann::json& document) {
  std::vector<std::string> ids;
  if (!document.is_object() || !document.contains("results") || !document["results"].is_array()) return ids;
  for (const auto& item : document["results"]) {
    auto id = item.is_object() ? item.find("event_id") : item.end();
    ids.push_back(id != item.end() && id->is_string() ? id->get<std::string>() : "e1");
  }
  return ids;
}

// A block of the service, date and size the body names, or the contract's example.
void lease_block(std::string_view body, const nlohmann::json& document) {
  std::string service = "N";
  year_month_day date = 2017y / 8 / 17;
  int size = 50;
  if (document.is_object()) {
    if (auto it = document.find("service"); it != document.end() && it->is_string()) service = it->get<std::string>();
    if (auto it = document.find("date"); it != document.end() && it->is_string())
      date = parse_iso_date(it->get<std::string>()).value_or(date);
    auto first = document.find("first"), last = document.find("last");
    if (first != document.end() && last != document.end() && first->is_number_integer() && last->is_number_integer())
      size = static_cast<int>(std::clamp<long long>(last->get<long long>() - first->get<long long>() + 1, 1, 10000));
  }
  auto block = parse_queue_block_answer(body, service, date, size);
  if (block) require(leased_block_problem(*block, size).empty(), "a leased block is usable");
}

void read_documents(std::string_view body) {
  if (auto office = parse_office_config(body)) require(!office->services.empty(), "an office has services");
  if (auto manifest = parse_manifest(body))
    for (const auto& booking : manifest->bookings)
      require(is_booking_code(booking.code), "a manifest holds booking codes");
  if (auto booking = parse_booking(body)) require(is_booking_code(booking->code), "a booking has a booking code");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = kiosk::fuzz::text_of(data, size);
  // The harness's own look at the body: nlohmann's parser, like the kiosk's.
  auto document = nlohmann::json::parse(body, nullptr, false);
  parse_error_body(body);
  if (auto result = parse_checkin_result(status_for(document, size), body)) check_checkin(*result);
  if (auto results = parse_batch_results(body, event_ids_in(document)))
    for (const auto& result : *results) check_checkin(result);
  lease_block(body, document);
  read_documents(body);
  return 0;
}
