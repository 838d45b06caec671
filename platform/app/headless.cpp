#include "platform/app/headless.h"

#include <signal.h>

#include <atomic>
#include <memory>
#include <istream>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

#include "kiosk/booking/booking_code.h"
#include "kiosk/checkin/checkin_engine.h"
#include "kiosk/scan/duplicate_filter.h"
#include "kiosk/booking/payload.h"
#include "kiosk/sync/sync_thread.h"
#include "platform/app/decision_json.h"
#include "platform/app/scan_queue.h"
#include "platform/app/scan_sources.h"
#include "platform/system/stop_signals.h"

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

namespace {

// Reads stdin on its own thread, so the loop that consumes scans keeps its
// heartbeat while no line comes. The thread shares the queue: a stop signal
// leaves it blocked on a terminal that never ends, so it is let go rather
// than joined, and the queue must outlive it.
std::thread read_lines(std::istream& in, std::shared_ptr<ScanQueue> queue) {
  queue->add_producer();
  return std::thread([&in, queue] {
    std::string line;
    while (std::getline(in, line))
      if (auto scan = parse_headless_line(line)) {
        scan->source = "stdin";
        queue->push(std::move(*scan));
      }
    queue->producer_done();
  });
}

// Stop taking scans on SIGTERM/SIGINT; the loop then finishes what is queued.
std::unique_ptr<StopSignalWatcher> close_on_stop_signal(Runtime& rt, ScanQueue& queue, std::atomic<bool>& stopped) {
  return std::make_unique<StopSignalWatcher>([&rt, &queue, &stopped](int signal) {
    rt.logger("kiosk").info(std::string(signal == SIGINT ? "SIGINT" : "SIGTERM") +
                            ": stopping; deciding the scans already queued");
    stopped = true;
    queue.close();
  });
}

// A camera sees a code in many frames and a scanner may fire twice: the
// same text from the devices within the window is one scan. Device text
// that is not a booking code is noise (a poster, a product barcode): it is
// dropped quietly. Stdin lines are deliberate and always decided.
bool worth_deciding(const ScanRequest& scan, DuplicateFilter& duplicates, const Logger& log) {
  if (scan.source == "stdin") return true;
  if (!duplicates.first_sighting(scan.text)) return false;
  if (parse_payload(scan.text).kind == ScannedPayload::Kind::invalid) {
    log.debug("ignored a " + scan.source + " read that is not a booking code (" +
              std::to_string(scan.text.size()) + " characters)");
    return false;
  }
  return true;
}

// The one consumer of scans: all inputs, one engine. Returns when every
// input is done.
void consume_scans(Runtime& rt, ScanQueue& queue, CheckinEngine& engine) {
  DuplicateFilter duplicates(rt.clock, std::chrono::seconds(rt.config.scan.duplicate_seconds));
  auto log = rt.logger("scan");
  // Half the heartbeat's one-second promise, so a late wake-up still keeps it.
  constexpr std::chrono::milliseconds kBeat{500};
  ScanRequest scan;
  for (;;) {
    auto wait = queue.pop(kBeat, scan);
    if (rt.heartbeat) rt.heartbeat();
    if (wait == ScanQueue::Wait::finished) return;
    if (wait == ScanQueue::Wait::timeout || !worth_deciding(scan, duplicates, log)) continue;
    engine.submit(std::move(scan));
  }
}

}  // namespace

int run_headless(Runtime& rt, std::istream& in, std::ostream& out) {
  std::optional<SyncThread> sync;
  if (rt.sync) sync.emplace(*rt.sync, rt.clock, rt.clock, *rt.store);
  // std::cin is tied to std::cout: every read would flush `out` from this
  // thread while the engine thread writes to it. Only the engine writes.
  in.tie(nullptr);
  std::mutex out_mutex;
  CheckinEngine engine(*rt.checkin, [&](const ScanRequest& scan, const Decision& decision) {
    if (sync && decision.verdict == Verdict::admitted && decision.mode == DecisionMode::offline) sync->poke();
    auto offset = office_offset(rt);
    auto line = decision_json_line(decision, offset, kiosk_state(rt, offset), scan.source);
    std::lock_guard lock(out_mutex);
    out << line << '\n' << std::flush;
  }, IdleTask{[&rt] { rt.reprinter->run_once(); }});
  auto queue = std::make_shared<ScanQueue>();
  auto devices = ScanSources::start(rt, *queue);
  if (!devices) {
    rt.logger("scan").error(devices.error());
    return 1;
  }
  std::atomic<bool> stopped{false};
  auto stop_watch = close_on_stop_signal(rt, *queue, stopped);
  auto reader = read_lines(in, queue);
  consume_scans(rt, *queue, engine);
  if (stopped) reader.detach();
  else reader.join();
  devices->reset();
  engine.wait_idle();
  if (sync && !sync->drain(std::chrono::seconds(rt.config.sync.drain_seconds)))
    rt.logger("sync").warn("outbox not empty after " + std::to_string(rt.config.sync.drain_seconds) +
                           " s; it is kept and uploaded at the next start");
  return 0;
}

}  // namespace kiosk::platform
