#include "platform/app/app.h"

#include <signal.h>
#include <unistd.h>

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
#include "platform/app/service_desk.h"
#include "platform/app/watchdog_supervisor.h"
#include "platform/system/stop_signals.h"

namespace kiosk::platform {
namespace {

constexpr std::size_t kEventCapacity = 256;

bool from_device(const ScanRequest& scan) { return scan.source == "camera" || scan.source == "wedge"; }

// A camera sees a code in many frames and a scanner may fire twice: the
// same text from the devices within the window is one scan. Device text
// that is not a booking code is noise (a poster, a product barcode): it is
// dropped quietly. Front-end scans are deliberate and always decided.
// The payload parsed here travels with the scan.
bool worth_deciding(ScanRequest& scan, DuplicateFilter& duplicates, const Logger& log) {
  if (!from_device(scan)) return true;
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
// While the technician's menu holds device scans they are only reported,
// before the duplicate window, so the applicant after the technician is
// not taken for a repeat.
void route_scans(Runtime& rt, ScanQueue& queue, CheckinEngine& engine, EventQueue& events) {
  DuplicateFilter duplicates(rt.clock, std::chrono::seconds(rt.config.scan.duplicate_seconds));
  auto log = rt.logger("scan");
  ScanRequest scan;
  while (queue.pop(MonoTime::max(), scan) == ScanQueue::Wait::event) {
    if (queue.held() && from_device(scan)) {
      events.post(ScanHeld{scan.source, scan.text});
      continue;
    }
    if (!worth_deciding(scan, duplicates, log)) continue;
    if (queue.priority()) scan.priority = true;
    engine.submit(std::move(scan));
  }
}

std::unique_ptr<StopSignalWatcher> close_on_stop_signal(Runtime& rt, ScanQueue& queue) {
  return std::make_unique<StopSignalWatcher>([&rt, &queue](int signal) {
    rt.logger("kiosk").info(std::string(signal == SIGINT ? "SIGINT" : "SIGTERM") +
                            ": stopping; deciding the scans already queued, offline");
    // A queue of scans each waiting out its online deadline could outlast
    // TimeoutStopSec; offline each is decided at once, and uploaded later
    // under the same event id (the contract's rules for a lost answer).
    rt.abandon_scan_calls->store(true);
    queue.close();
  });
}

// Everything that runs, declared in the order it starts; members are
// destroyed in reverse, the order they stop in (by then the scan loop has
// wound everything down: see wind_down()).
class Running {
 public:
  Running(Runtime& rt, bool lossless, std::function<void()> watchdog_ping);
  // The camera (its frames to `preview` too, when there is one), the
  // scanner, the stop signal and the supervisor; fails (naming the key) for
  // a device config that can never work.
  Status start_inputs(PreviewMailbox* preview);
  // The scan loop on its own thread, the front end on this one, until both end.
  void run(FrontEnd& front_end);

 private:
  void decided(const ScanRequest& scan, const Decision& decision);
  void idle_round();
  void sync_round(const SyncReport& report);
  void wind_down();
  void drain_outbox();
  void stop_with(int status);

  Runtime& rt_;
  EventQueue events_;
  std::shared_ptr<ScanQueue> scans_;
  EventReporter reporter_;
  // Written by threads that start below (the engine's idle task, the sync
  // thread's rounds), so they come before those threads: a member declared
  // after its thread was read before it was initialised (UBSan).
  LastSyncRound last_sync_;
  bool recovered_ = false;  // the tickets owed from before this start are queued (the idle task's)
  std::optional<SyncThread> sync_;
  CheckinEngine engine_;
  PlatformServiceDesk desk_;
  std::unique_ptr<ScanSources> devices_;
  std::unique_ptr<StopSignalWatcher> stop_watch_;
  Heartbeat front_alive_;
  std::function<void()> watchdog_ping_;
  std::optional<WatchdogSupervisor> supervisor_;
};

Running::Running(Runtime& rt, bool lossless, std::function<void()> watchdog_ping)
    : rt_(rt),
      events_(rt.clock, kEventCapacity, lossless ? EventQueue::Overflow::wait : EventQueue::Overflow::drop_oldest),
      scans_(std::make_shared<ScanQueue>(rt.clock)),
      reporter_(events_, *rt.office, rt.clock, *rt.watched_printer, rt.online_configured() ? &rt.connectivity : nullptr),
      sync_(rt.sync ? std::optional<SyncThread>(std::in_place, *rt.sync, rt.clock, rt.clock, *rt.store,
                                                [this](const SyncReport& report) { sync_round(report); })
                    : std::nullopt),
      engine_(*rt.checkin, EngineTime{rt.clock, rt.clock},
              [this](const ScanRequest& scan, const Decision& decision) { decided(scan, decision); },
              IdleTask{[this] { idle_round(); }}),
      desk_(DeskPorts{rt, sync_ ? &*sync_ : nullptr, &last_sync_, [this](int status) { stop_with(status); }}),
      watchdog_ping_(std::move(watchdog_ping)) {}

Status Running::start_inputs(PreviewMailbox* preview) {
  auto devices = ScanSources::start({rt_.config, rt_.clock, rt_.clock, *scans_, events_, rt_.camera_online,
                                     rt_.logger("camera"), rt_.logger("scanner"), preview});
  if (!devices) return Failure{devices.error()};
  devices_ = std::move(*devices);
  stop_watch_ = close_on_stop_signal(rt_, *scans_);
  front_alive_.beat(rt_.clock.monotonic());
  supervisor_.emplace(rt_.clock, rt_.clock, std::vector<const Heartbeat*>{&engine_.heartbeat(), &front_alive_},
                      [this](bool healthy) {
                        if (healthy && watchdog_ping_) watchdog_ping_();
                      });
  return ok_status();
}

void Running::run(FrontEnd& front_end) {
  auto inlet = std::make_shared<QueueInlet>(scans_);
  std::thread scan_loop([this] {
    route_scans(rt_, *scans_, engine_, events_);
    wind_down();
  });
  front_end.run(FrontEndPorts{events_, inlet, rt_.clock, front_alive_, &desk_});
  scan_loop.join();
}

// On the engine's thread.
void Running::decided(const ScanRequest& scan, const Decision& decision) {
  rt_.activity.touched(rt_.clock.monotonic());  // an applicant was here: the reboot waits (reboot_gate.h)
  // An offline admission, or a refusal that may have to be uploaded.
  if (sync_ && decision.mode == DecisionMode::offline && decision.verdict != Verdict::kiosk_error) sync_->poke();
  reporter_.decided(scan, decision);
}

// On the engine's thread, between scans.
// Online intents a power cut left unresolved are sent again first, so the
// admissions they turn out to be get their tickets in the same round. The
// purge comes last and is due at start and then once a day: a scan waits
// for it at most as long as for a commit of a large manifest.
void Running::idle_round() {
  rt_.checkin->resolve_pending();
  if (recovered_)
    rt_.reprinter->run_once();
  else
    recovered_ = rt_.reprinter->recover();
  rt_.purge->run_if_due();
  rt_.reboot_gate->poll();
  reporter_.idle();
}

// On the sync thread.
void Running::sync_round(const SyncReport& report) {
  last_sync_.note(report, now_seconds(rt_.clock));
  auto depth = rt_.store->outbox_depth();
  reporter_.sync_round(report, depth ? std::optional<std::size_t>(*depth) : std::nullopt);
}

// Every input is done or the kiosk is stopping: the devices stop, the engine
// decides what it holds, the outbox gets its drain time, and the front end is
// told there is nothing more.
void Running::wind_down() {
  devices_.reset();
  engine_.wait_idle();
  drain_outbox();
  // The round still in flight ends now, not after its request_timeout.
  rt_.abandon_sync_calls->store(true);
  events_.close();
}

void Running::drain_outbox() {
  if (sync_ && !sync_->drain(std::chrono::seconds(rt_.config.sync.drain_seconds)))
    rt_.logger("sync").warn("outbox not empty after " + std::to_string(rt_.config.sync.drain_seconds) +
                            " s; it is kept and uploaded at the next start");
}

// Restart and reboot from the service menu: the same orderly stop as
// systemd's SIGTERM (the stop-signal watcher takes it), then the status
// that kiosk.service maps.
void Running::stop_with(int status) {
  rt_.exit_status.store(status);
  ::kill(::getpid(), SIGTERM);
}

}  // namespace

int App::run(FrontEnd& front_end, std::function<void()> watchdog_ping) {
  Running kiosk(rt_, front_end.lossless(), std::move(watchdog_ping));
  if (auto started = kiosk.start_inputs(front_end.camera_preview()); !started) {
    rt_.logger("scan").error(started.error());
    return 1;
  }
  kiosk.run(front_end);
  return rt_.exit_status.load();
}

}  // namespace kiosk::platform
