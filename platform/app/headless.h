#pragma once
// Headless mode, for technicians and automation: one scan per line in
// ("CODE" or "CODE DDMMYYYY"), one JSON decision per line out
// (docs/headless.md). The front end of `kiosk` until the applicant screen.
#include <iosfwd>
#include <optional>
#include <string_view>

#include "kiosk/base/log.h"
#include "kiosk/checkin/decision.h"
#include "kiosk/events/front_end.h"
#include "platform/app/decision_json.h"

namespace kiosk::platform {

// Nothing for a blank line.
std::optional<ScanRequest> parse_headless_line(std::string_view line);

// One line of `in` into `line`, at most kMaxScanLine bytes of it
// (kiosk/scan/scan_line.h): the rest is skipped without being stored, so a
// line of any length costs no more memory than that. False at end of input.
// `discarded` is how many bytes were skipped.
bool read_scan_line(std::istream& in, std::string& line, std::size_t& discarded);

// Reads scans from `in` on its own thread (which blocks while the scan queue
// is full) and writes a line to `out` for each decision event; other events
// are for the screen. Every decision is written: lossless. `codes` masked
// when `out` is a log (decision_json.h).
class HeadlessFrontEnd final : public FrontEnd {
 public:
  HeadlessFrontEnd(std::istream& in, std::ostream& out, Logger log = Logger(null_log_sink(), "stdin"),
                   CodeShown codes = CodeShown::whole)
      : in_(in), out_(out), log_(std::move(log)), codes_(codes) {}
  bool lossless() const override { return true; }
  void run(FrontEndPorts ports) override;

 private:
  std::istream& in_;
  std::ostream& out_;
  Logger log_;
  CodeShown codes_;
};

}  // namespace kiosk::platform
