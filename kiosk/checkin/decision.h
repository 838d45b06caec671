#pragma once
// A scan going in and the decision coming out of the check-in flow.
#include <chrono>
#include <optional>
#include <string>

#include "kiosk/booking/payload.h"
#include "kiosk/checkin/checkin_record.h"
#include "kiosk/checkin/verdict.h"

namespace kiosk {

struct ScanRequest {
  std::string text;        // exactly as the scanner or keyboard delivered it
  std::string birth_date;  // DDMMYYYY when the applicant typed one
  std::string source = "";  // "stdin", "camera", "wedge": for the log and the decision line
  // The applicant asked for priority assistance (elderly, disabled, pregnant,
  // with an infant): the ticket says so and the check-in carries
  // "priority": true (central-api.md, "Optional fields").
  bool priority = false;
  // parse_payload(text), when whoever looked at the scan first (the scan
  // loop's noise filter) already parsed it: the engine does not parse twice.
  std::optional<ScannedPayload> payload = std::nullopt;
  // When the device read it or the applicant submitted it (Clock::monotonic);
  // the epoch when unknown. The screen logs the time from here to the frame
  // that shows its decision.
  std::chrono::steady_clock::time_point read_at{};
};

struct Decision {
  std::string code;  // the booking code; the raw text when unparseable
  Verdict verdict = Verdict::kiosk_error;
  DecisionMode mode = DecisionMode::offline;
  std::string queue_number;  // admitted and already_checked_in
  std::string service;
  bool fallback_number = false;
  bool priority = false;  // as the scan asked: the screens and the decision line show it
  bool printed = false;
  // Admitted but no ticket came out (printed false): a reprint with the same
  // number is queued, unless the printer took the job without confirming it.
  // What the applicant is told is the front ends' words, not the domain's.
  bool reprint_queued = false;
  // A rescan printed a copy of the check-in's ticket (same number, marked
  // CETAK ULANG / REPRINT): its first confirmed ticket, or the one reprint
  // offered for a printed one.
  bool reprint = false;
  // Admitted while the kiosk's clock was not confirmed: the ticket says
  // "waktu belum terverifikasi / time not verified", so does the decision.
  bool time_verified = true;
  std::optional<Seconds> slot_start;
  std::optional<Seconds> come_back_at;   // too_early
  std::optional<Seconds> checked_in_at;  // admitted and already_checked_in
  std::string detail;                    // kiosk_error: what went wrong
  std::chrono::microseconds elapsed{0};
};

}  // namespace kiosk
