#include "platform/app/decision_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "kiosk/booking/booking_code.h"
#include "platform/screen/strings_json.h"

namespace kiosk::platform {
namespace {

// Ordered, so the protocol's core keys come first on every line.
using json = nlohmann::ordered_json;

json optional_time(const std::optional<Seconds>& at, UtcOffset offset) {
  return at ? json(format_rfc3339(*at, offset)) : json(nullptr);
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// An admission whose ticket did not print: what to do, Indonesian first,
// from the same string tables as the screen (assets/strings).
json not_printed_notice(const Decision& d) {
  if (d.verdict != Verdict::admitted || d.printed) return nullptr;
  static const auto strings = embedded_string_tables();
  if (!strings) return nullptr;
  Placeholders number{{"number", d.queue_number}};
  return strings->text(Language::id, "headless.not_printed", number) + " / " +
         strings->text(Language::en, "headless.not_printed", number);
}

}  // namespace

std::string decision_json_line(const Decision& d, UtcOffset offset, const KioskState& state,
                               const std::string& source, CodeShown code) {
  // The first six keys are the protocol's core; the rest explain the verdict.
  json line = json::object();
  line["code"] = code == CodeShown::whole ? d.code : redact_code(d.code);
  line["verdict"] = to_string(d.verdict);
  line["queue_number"] = text_or_null(d.queue_number);
  line["mode"] = to_string(d.mode);
  line["printed"] = d.printed;
  line["ms"] = std::round(static_cast<double>(d.elapsed.count()) / 10.0) / 100.0;
  line["service"] = text_or_null(d.service);
  line["slot_start"] = optional_time(d.slot_start, offset);
  line["come_back_at"] = optional_time(d.come_back_at, offset);
  line["checked_in_at"] = optional_time(d.checked_in_at, offset);
  line["fallback_number"] = d.fallback_number;
  line["detail"] = text_or_null(d.detail);
  line["reprint_queued"] = d.reprint_queued;
  line["notice"] = not_printed_notice(d);
  line["connectivity"] = state.connectivity;
  line["manifest_age_s"] = state.manifest_age_s ? json(*state.manifest_age_s) : json(nullptr);
  if (!source.empty()) line["source"] = source;
  if (d.priority) line["priority"] = true;  // left out otherwise: existing readers see no change
  if (d.reprint) line["reprint"] = true;    // a rescan printed a copy (CETAK ULANG / REPRINT)
  if (!d.time_verified) line["time_verified"] = false;  // admitted while the clock was not confirmed
  // Replace, not throw, on invalid UTF-8 in a raw scan.
  return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kiosk::platform
