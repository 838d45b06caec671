#include "platform/app/headless.h"

#include <istream>
#include <mutex>
#include <ostream>
#include <string>

#include "kiosk/booking_code.h"
#include "kiosk/checkin_engine.h"
#include "kiosk/sync_thread.h"
#include "platform/app/decision_json.h"

namespace kiosk::platform {
namespace {

UtcOffset office_offset(Runtime& rt) {
  if (auto office = rt.store->office_config(); office && *office) return (*office)->utc_offset;
  return UtcOffset{};
}

KioskState kiosk_state(Runtime& rt, UtcOffset offset) {
  KioskState state;
  if (rt.online_configured()) state.connectivity = to_string(rt.connectivity.state());
  auto now = now_seconds(rt.clock);
  if (auto info = rt.store->manifest_info(local_date(now, offset)); info && *info)
    state.manifest_age_s = std::chrono::duration_cast<std::chrono::seconds>(now - (*info)->generated_at).count();
  return state;
}

}  // namespace

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

int run_headless(Runtime& rt, std::istream& in, std::ostream& out) {
  std::optional<SyncThread> sync;
  if (rt.sync) sync.emplace(*rt.sync, rt.clock, *rt.store);
  // std::cin is tied to std::cout: every read would flush `out` from this
  // thread while the engine thread writes to it. Only the engine writes.
  in.tie(nullptr);
  std::mutex out_mutex;
  CheckinEngine engine(*rt.checkin, [&](const ScanRequest&, const Decision& decision) {
    if (sync && decision.verdict == Verdict::admitted && decision.mode == DecisionMode::offline) sync->poke();
    auto offset = office_offset(rt);
    auto line = decision_json_line(decision, offset, kiosk_state(rt, offset));
    std::lock_guard lock(out_mutex);
    out << line << '\n' << std::flush;
  }, IdleTask{[&rt] { rt.reprinter->run_once(); }});
  std::string line;
  while (std::getline(in, line))
    if (auto scan = parse_headless_line(line)) engine.submit(std::move(*scan));
  engine.wait_idle();
  if (sync && !sync->drain(std::chrono::seconds(rt.config.sync.drain_seconds)))
    rt.logger("sync").warn("outbox not empty after " + std::to_string(rt.config.sync.drain_seconds) +
                           " s; it is kept and uploaded at the next start");
  return 0;
}

}  // namespace kiosk::platform
