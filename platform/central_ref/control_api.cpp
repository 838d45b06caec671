#include "platform/central_ref/control_api.h"

#include <nlohmann/json.hpp>

#include "kiosk/base/enum_names.h"
#include "platform/central_ref/answers.h"
#include "platform/json/json_fields.h"

namespace kiosk::central_ref {
namespace {

using Json = nlohmann::ordered_json;
using platform::JsonFields;

constexpr EnumNames<FaultKind, 5> kKinds{{{
    {FaultKind::none, "none"},
    {FaultKind::status, "status"},
    {FaultKind::drop, "drop"},
    {FaultKind::truncate, "truncate"},
    {FaultKind::hang, "hang"},
}}};
constexpr EnumNames<DropStage, 2> kStages{{{{DropStage::before, "before"}, {DropStage::after, "after"}}}};
constexpr EnumNames<TruncateStyle, 2> kStyles{
    {{{TruncateStyle::short_body, "short_body"}, {TruncateStyle::half_json, "half_json"}}}};

constexpr long long kMaxCount = 1000000;
constexpr long long kMaxLatencyMs = 600000;

Reply ok_json(const Json& json) { return Reply{200, json.dump(), {}, ""}; }

Json optional_number(const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); }

Json snapshot_json(const FaultInjector::Snapshot& snapshot) {
  const auto& fault = snapshot.fault;
  return {{"latency_ms", snapshot.latency.delay.count()},
          {"latency_count", optional_number(snapshot.latency.count)},
          {"fault",
           {{"kind", kKinds.name(fault.kind)},
            {"status", fault.status},
            {"retry_after_s", optional_number(fault.retry_after_s)},
            {"stage", kStages.name(fault.stage)},
            {"style", kStyles.name(fault.style)},
            {"count", optional_number(fault.count)},
            {"path_contains", fault.path_contains}}},
          {"held", snapshot.held}};
}

// An optional field naming one value of an enum.
template <typename Enum, size_t N>
Enum named(JsonFields& fields, std::string_view key, const EnumNames<Enum, N>& names, Enum fallback) {
  auto text = fields.optional_string(key);
  if (!text) return fallback;
  if (auto value = names.parse(*text)) return *value;
  fields.fail(fields.path_of(key), "unknown value \"" + *text + "\"");
  return fallback;
}

std::optional<int> optional_int(JsonFields& fields, std::string_view key, long long min, long long max) {
  auto value = fields.optional_integer(key, min, max);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

FaultSpec read_fault(JsonFields& fields, FaultKind kind) {
  FaultSpec fault;
  fault.kind = kind;
  fault.count = optional_int(fields, "count", 1, kMaxCount);
  fault.status = optional_int(fields, "status", 100, 599).value_or(500);
  fault.retry_after_s = optional_int(fields, "retry_after_s", 0, 86400);
  fault.stage = named(fields, "stage", kStages, DropStage::before);
  fault.style = named(fields, "style", kStyles, TruncateStyle::short_body);
  fault.path_contains = fields.optional_string("path_contains").value_or("");
  return fault;
}

Json event_json(const StoredEvent& event, UtcOffset offset) {
  return {{"event_id", event.event_id},
          {"kiosk_id", event.kiosk_id},
          {"code", event.code},
          {"mode", event.mode},
          {"queue_number", event.queue_number},
          {"status", event.status},
          {"result", event.result},
          {"received", event.received},
          {"first_received_at", format_rfc3339(event.first_received_at, offset)},
          {"priority", event.priority}};
}

}  // namespace

Reply ControlApi::faults() { return ok_json(snapshot_json(faults_.snapshot())); }

Reply ControlApi::set_fault(std::string_view body) {
  auto document = platform::parse_json(body);
  if (!document) return error_reply(400, "bad_request", document.error());
  std::string error;
  JsonFields fields(*document, "", &error);
  auto kind_text = fields.string("kind");
  if (kind_text == "latency") {
    LatencySpec latency{std::chrono::milliseconds{fields.integer("ms", 1, kMaxLatencyMs)},
                        optional_int(fields, "count", 1, kMaxCount)};
    if (!error.empty()) return error_reply(400, "bad_request", error);
    faults_.set_latency(latency);
    return faults();
  }
  auto kind = kKinds.parse(kind_text);
  if (error.empty() && (!kind || *kind == FaultKind::none))
    fields.fail("kind", "expected latency, status, drop, truncate or hang, got \"" + kind_text + "\"");
  auto fault = read_fault(fields, kind.value_or(FaultKind::none));
  if (!error.empty()) return error_reply(400, "bad_request", error);
  faults_.set(fault);
  return faults();
}

Reply ControlApi::clear_faults() {
  faults_.clear();
  return faults();
}

Reply ControlApi::clock() {
  auto now = now_seconds(clock_);
  return ok_json({{"now", format_rfc3339(now, service_.office().utc_offset)}, {"offset_ms", clock_.offset().count()}});
}

// {"offset_ms": N} moves the clock by N from the base clock; {"now": "<RFC
// 3339>"} sets it to read that time now (and then run on).
Reply ControlApi::set_clock(std::string_view body) {
  auto document = platform::parse_json(body);
  if (!document) return error_reply(400, "bad_request", document.error());
  std::string error;
  JsonFields fields(*document, "", &error);
  auto offset = fields.optional_integer("offset_ms", -(1LL << 50), 1LL << 50);
  auto now = fields.optional_time("now");
  if (error.empty() && offset.has_value() == now.has_value())
    fields.fail("clock", "give exactly one of offset_ms and now");
  if (!error.empty()) return error_reply(400, "bad_request", error);
  clock_.set_offset(offset ? std::chrono::milliseconds{*offset} : clock_.offset_to(Instant{now->utc}));
  return clock();
}

Reply ControlApi::checkins() {
  auto events = service_.events();
  if (!events) return error_reply(500, "storage", events.error());
  Json list = Json::array();
  for (const auto& event : *events) list.push_back(event_json(event, service_.office().utc_offset));
  return ok_json({{"checkins", list}});
}

Reply ControlApi::kiosk_statuses() {
  auto rows = service_.kiosk_statuses();
  if (!rows) return error_reply(500, "storage", rows.error());
  Json list = Json::array();
  for (const auto& row : *rows) {
    list.push_back({{"kiosk_id", row.kiosk_id},
                    {"received_at", format_rfc3339(row.received_at, service_.office().utc_offset)},
                    {"status", Json::parse(row.body, nullptr, false)}});
  }
  return ok_json({{"kiosks", list}});
}

// Each kiosk's journal chain as told, and every journal_mismatch found.
Reply ControlApi::journal() {
  auto state = service_.journal_state();
  if (!state) return error_reply(500, "storage", state.error());
  auto offset = service_.office().utc_offset;
  Json kiosks = Json::array();
  for (const auto& kiosk : state->kiosks)
    kiosks.push_back({{"kiosk_id", kiosk.kiosk_id}, {"links", kiosk.span.claims}, {"highest_seq", kiosk.span.highest}});
  Json mismatches = Json::array();
  for (const auto& found : state->mismatches)
    mismatches.push_back({{"kiosk_id", found.kiosk_id},
                          {"seq", found.seq},
                          {"reason", found.reason},
                          {"detected_at", format_rfc3339(found.detected_at, offset)}});
  return ok_json({{"kiosks", kiosks}, {"journal_mismatches", mismatches}});
}

}  // namespace kiosk::central_ref
