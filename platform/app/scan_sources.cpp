#include "platform/app/scan_sources.h"

#include <functional>

#include "kiosk/scan/scan_line.h"
#include "platform/scan/frame_source_factory.h"

namespace kiosk::platform {
namespace {

// A device read offered to a full scan queue is dropped (the applicant is
// still holding the code up: it is read again): one log line per run of
// drops, not one per frame.
std::function<void(const std::string&)> offer_to(ScanQueue& queue, const Clock& clock, const char* source, Logger log) {
  auto dropping = std::make_shared<std::atomic<bool>>(false);
  return [&queue, &clock, source, log, dropping](const std::string& text) {
    ScanRequest scan{text, {}, source};
    scan.read_at = clock.monotonic();
    bool taken = queue.offer(std::move(scan));
    if (!taken && !dropping->exchange(true))
      log.warn(std::string(source) + " scans dropped: the scan queue is full (the engine is behind)");
    if (taken) dropping->store(false);
  };
}

void post_state(EventQueue& events, DeviceKind device, bool online, const std::string& detail, const Logger& log) {
  if (online) log.info(detail);
  else log.warn(detail);
  events.post(DeviceChanged{device, online, std::nullopt, detail});
}

CameraCallbacks camera_callbacks(const ScanSourcePorts& ports) {
  CameraCallbacks callbacks;
  callbacks.on_text = offer_to(ports.scans, ports.clock, "camera", ports.camera_log);
  callbacks.on_feedback = [&events = ports.events](const ScanFeedback& feedback) { events.post(ScanSeen{feedback}); };
  if (ports.preview) callbacks.on_frame = [preview = ports.preview](const LumaView& frame) { preview->put(frame); };
  callbacks.on_state = [&events = ports.events, &online_flag = ports.camera_online, log = ports.camera_log](
                           bool online, const std::string& what) {
    online_flag = online;
    post_state(events, DeviceKind::camera, online, std::string(online ? "camera online: " : "camera offline: ") + what,
               log);
  };
  callbacks.on_exposure = [log = ports.camera_log](int level, const ExposureControl& control, const Status& done) {
    auto what = level == 0 ? std::string("exposure back to automatic")
                           : "a symbol seen but not read: exposure darker, level " + std::to_string(level) + " of " +
                                 std::to_string(control.levels()) + " (" + control.describe() + ")";
    if (done)
      log.info(what);
    else
      log.warn(what + " failed: " + done.error());
  };
  callbacks.on_finished = [&queue = ports.scans, log = ports.camera_log] {
    log.info("image replay finished");
    queue.producer_done();
  };
  return callbacks;
}

WedgeCallbacks wedge_callbacks(const ScanSourcePorts& ports) {
  WedgeCallbacks callbacks;
  callbacks.on_line = offer_to(ports.scans, ports.clock, "wedge", ports.scanner_log);
  callbacks.on_state = [&events = ports.events, log = ports.scanner_log](bool online, const std::string& what) {
    post_state(events, DeviceKind::scanner, online,
               std::string(online ? "scanner online: " : "scanner offline: ") + what, log);
  };
  callbacks.on_cut = [log = ports.scanner_log](std::size_t discarded) {
    log.warn(cut_scan_line_note("wedge", discarded));
  };
  return callbacks;
}

}  // namespace

Expected<std::unique_ptr<ScanSources>> ScanSources::start(const ScanSourcePorts& ports) {
  std::unique_ptr<ScanSources> sources(new ScanSources());
  const auto& camera = ports.config.camera;
  if (!camera.device.empty()) {
    auto source = open_frame_source(camera, ports.clock, ports.waiter);
    if (!source) return Failure{source.error()};
    ports.scans.add_producer();
    sources->camera_ = std::make_unique<CameraScanner>(
        std::move(*source), BarcodeDecoder(ports.config.scan.formats, camera.roi), camera_callbacks(ports));
  }
  // A scanner is never done: unplugged, it is looked for again.
  if (!ports.config.scanner.device.empty()) {
    ports.scans.add_producer();
    sources->wedge_ = std::make_unique<WedgeReader>(ports.config.scanner.device, ports.clock, ports.waiter,
                                                   wedge_callbacks(ports));
  }
  return sources;
}

ScanSources::~ScanSources() = default;

}  // namespace kiosk::platform
