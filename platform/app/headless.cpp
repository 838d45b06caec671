#include "platform/app/headless.h"

#include <istream>
#include <mutex>
#include <ostream>
#include <string>

#include "kiosk/booking_code.h"
#include "kiosk/checkin_engine.h"
#include "platform/app/decision_json.h"

namespace kiosk::platform {

std::optional<ScanRequest> parse_headless_line(std::string_view line) {
  auto text = trim(line);
  if (text.empty()) return std::nullopt;
  auto space = text.find_last_of(" \t");
  if (space == std::string_view::npos) return ScanRequest{std::string(text), {}};
  // "CODE DDMMYYYY": the birth date is the last word. Anything else with a
  // space is handed over whole and comes back invalid_code.
  auto last = text.substr(space + 1);
  if (last.size() != 8 || last.find_first_not_of("0123456789") != std::string_view::npos)
    return ScanRequest{std::string(text), {}};
  return ScanRequest{std::string(trim(text.substr(0, space))), std::string(last)};
}

int run_headless(Runtime& runtime, std::istream& in, std::ostream& out) {
  UtcOffset offset;
  if (auto office = runtime.store->office_config(); office && *office) offset = (*office)->utc_offset;
  // std::cin is tied to std::cout: every read would flush `out` from this
  // thread while the engine thread writes to it. Only the engine writes.
  in.tie(nullptr);
  std::mutex out_mutex;
  CheckinEngine engine(*runtime.checkin, [&](const ScanRequest&, const Decision& decision) {
    std::lock_guard lock(out_mutex);
    out << decision_json_line(decision, offset) << '\n' << std::flush;
  });
  std::string line;
  while (std::getline(in, line))
    if (auto scan = parse_headless_line(line)) engine.submit(std::move(*scan));
  engine.wait_idle();
  return 0;
}

}  // namespace kiosk::platform
