// The headers of a central service's answer: Date (the authoritative time:
// without NTP the kiosk decides by it), ETag (kept with the manifest) and
// Retry-After (how long the sync worker waits). The input is the header
// block as libcurl hands it over, one line at a time; a Date goes on to the
// kiosk's clock trust as every answer's does (kiosk/sync/clock_trust.h).
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/sync/clock_trust.h"
#include "platform/net/answer_headers.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace std::chrono;
using namespace kiosk;
using kiosk::fuzz::require;

// The kiosk's clock while the answer arrives: the contract's example day.
const Seconds kNow = sys_days{2017y / 8 / 17} + 1h;

class FixedClock final : public Clock {
 public:
  Instant now() const override { return Instant(kNow); }
  steady_clock::time_point monotonic() const override { return steady_clock::time_point(hours(1)); }
};

// What the kiosk makes of the Date: its clock's offset, the time it then
// decides by, and the lines it logs and reports.
void trust(Seconds date) {
  FixedClock clock;
  ClockTrust trust(clock, nullptr, "boot");
  trust.observe_server_date(date, Logger(null_log_sink(), "fuzz"));
  auto reading = trust.read();
  require(reading.confirmed, "a Date confirms the clock");
  format_rfc3339(reading.now, UtcOffset{hours(7)});
  trust.describe();
  trust.describe_trust();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto block = kiosk::fuzz::text_of(data, size);
  platform::AnswerHeaders headers;
  for (size_t start = 0; start < block.size();) {
    auto end = block.find('\n', start);
    end = end == std::string_view::npos ? block.size() : end + 1;
    platform::read_header_line(headers, block.substr(start, end - start));
    start = end;
  }
  auto date = platform::parse_http_date(headers.date);
  auto retry = platform::parse_retry_after(headers.retry_after, date, kNow);
  if (retry) require(*retry >= seconds(0), "Retry-After is never negative");
  if (date) trust(*date);
  return 0;
}
