#include "platform/app/app.h"

#include <signal.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

#include "kiosk/booking/payload.h"
#include "kiosk/checkin/checkin_engine.h"
#include "kiosk/scan/duplicate_filter.h"
#include "kiosk/sync/sync_thread.h"
#include "platform/app/event_reporter.h"
#include "platform/app/scan_queue.h"
#include "platform/app/scan_sources.h"
#include "platform/app/watchdog_supervisor.h"
#include "platform/system/stop_signals.h"

namespace kiosk::platform {
namespace {

constexpr std::size_t kEventCapacity = 256;

// A camera sees a code in many frames and a scanner may fire twice: the
// same text from the devices within the window is one scan. Device text
// that is not a booking code is noise (a poster, a product barcode): it is
// dropped quietly. Front-end scans are deliberate and always decided.
// The payload parsed here travels with the scan.
bool worth_deciding(ScanRequest& scan, DuplicateFilter& duplicates, const Logger& log) {
  if (scan.source != "camera" && scan.source != "wedge") return true;
  if (!duplicates.first_sighting(scan.text)) return false;
  scan.payload = parse_payload(scan.text);
  if (scan.payload->kind == ScannedPayload::Kind::invalid) {
    log.debug("ignored a " + scan.source + " read that is not a booking code (" +
              std::to_string(scan.text.size()) + " characters)");
    return false;
  }
  return true;
}

// The scan loop: all inputs, one engine. Returns when every input is done
// or the queue is closed and empty. A full engine holds it in submit().
void route_scans(Runtime& rt, ScanQueue& queue, CheckinEngine& engine) {
  DuplicateFilter duplicates(rt.clock, std::chrono::seconds(rt.config.scan.duplicate_seconds));
  auto log = rt.logger("scan");
  ScanRequest scan;
  while (queue.pop(MonoTime::max(), scan) == ScanQueue::Wait::event)
    if (worth_deciding(scan, duplicates, log)) engine.submit(std::move(scan));
}

std::unique_ptr<StopSignalWatcher> close_on_stop_signal(Runtime& rt, ScanQueue& queue) {
  return std::make_unique<StopSignalWatcher>([&rt, &queue](int signal) {
    rt.logger("kiosk").info(std::string(signal == SIGINT ? "SIGINT" : "SIGTERM") +
                            ": stopping; deciding the scans already queued");
    queue.close();
  });
}

void drain_outbox(Runtime& rt, std::optional<SyncThread>& sync) {
  if (sync && !sync->drain(std::chrono::seconds(rt.config.sync.drain_seconds)))
    rt.logger("sync").warn("outbox not empty after " + std::to_string(rt.config.sync.drain_seconds) +
                           " s; it is kept and uploaded at the next start");
}

}  // namespace

int App::run(FrontEnd& front_end, std::function<void()> watchdog_ping) {
  auto& rt = rt_;
  EventQueue events(rt.clock, kEventCapacity,
                    front_end.lossless() ? EventQueue::Overflow::wait : EventQueue::Overflow::drop_oldest);
  auto scans = std::make_shared<ScanQueue>(rt.clock);
  EventReporter reporter(events, *rt.office, rt.clock, *rt.watched_printer,
                         rt.online_configured() ? &rt.connectivity : nullptr);
  std::optional<SyncThread> sync;
  if (rt.sync)
    sync.emplace(*rt.sync, rt.clock, *rt.store,
                 [&](const SyncReport& report) {
                   auto depth = rt.store->outbox_depth();
                   reporter.sync_round(report, depth ? std::optional<std::size_t>(*depth) : std::nullopt);
                 });
  CheckinEngine engine(
      *rt.checkin, EngineTime{rt.clock, rt.clock},
      [&](const ScanRequest& scan, const Decision& decision) {
        if (sync && decision.verdict == Verdict::admitted && decision.mode == DecisionMode::offline) sync->poke();
        reporter.decided(scan, decision);
      },
      IdleTask{[&] {
        rt.reprinter->run_once();
        reporter.idle();
      }});
  auto devices = ScanSources::start(
      {rt.config, rt.clock, *scans, events, rt.camera_online, rt.logger("camera"), rt.logger("scanner")});
  if (!devices) {
    rt.logger("scan").error(devices.error());
    return 1;
  }
  auto stop_watch = close_on_stop_signal(rt, *scans);
  auto inlet = std::make_shared<QueueInlet>(scans);
  Heartbeat front_alive;
  front_alive.beat(rt.clock.monotonic());
  WatchdogSupervisor supervisor(rt.clock, rt.clock, {&engine.heartbeat(), &front_alive},
                                [&watchdog_ping](bool healthy) {
                                  if (healthy && watchdog_ping) watchdog_ping();
                                });
  std::thread scan_loop([&] {
    route_scans(rt, *scans, engine);
    devices->reset();
    engine.wait_idle();
    drain_outbox(rt, sync);
    events.close();
  });
  front_end.run(FrontEndPorts{events, inlet, rt.clock, front_alive});
  scan_loop.join();
  return 0;
}

}  // namespace kiosk::platform
