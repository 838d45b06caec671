#include "platform/app/scan_sources.h"

#include "platform/scan/frame_source_factory.h"

namespace kiosk::platform {
namespace {

CameraCallbacks camera_callbacks(Runtime& rt, ScanQueue& queue) {
  auto log = rt.logger("camera");
  CameraCallbacks callbacks;
  callbacks.on_text = [&queue](const std::string& text) { queue.push({text, {}, "camera"}); };
  if (rt.scan_feedback) callbacks.on_feedback = rt.scan_feedback;
  callbacks.on_state = [&rt, log](bool online, const std::string& what) {
    rt.camera_online = online;
    if (online) log.info("camera online: " + what);
    else log.warn("camera offline: " + what);
  };
  callbacks.on_finished = [&queue, log] {
    log.info("image replay finished");
    queue.producer_done();
  };
  return callbacks;
}

WedgeCallbacks wedge_callbacks(Runtime& rt, ScanQueue& queue) {
  auto log = rt.logger("scanner");
  WedgeCallbacks callbacks;
  callbacks.on_line = [&queue](const std::string& line) { queue.push({line, {}, "wedge"}); };
  callbacks.on_state = [log](bool online, const std::string& what) {
    if (online) log.info("scanner online: " + what);
    else log.warn("scanner offline: " + what);
  };
  return callbacks;
}

}  // namespace

Expected<std::unique_ptr<ScanSources>> ScanSources::start(Runtime& rt, ScanQueue& queue) {
  std::unique_ptr<ScanSources> sources(new ScanSources());
  const auto& camera = rt.config.camera;
  if (!camera.device.empty()) {
    auto source = open_frame_source(camera, rt.clock, rt.clock);
    if (!source) return Failure{source.error()};
    queue.add_producer();
    sources->camera_ = std::make_unique<CameraScanner>(
        std::move(*source), BarcodeDecoder(rt.config.scan.formats, camera.roi), camera_callbacks(rt, queue));
  }
  // A scanner is never done: unplugged, it is looked for again.
  if (!rt.config.scanner.device.empty()) {
    queue.add_producer();
    sources->wedge_ = std::make_unique<WedgeReader>(rt.config.scanner.device, rt.clock, rt.clock,
                                                   wedge_callbacks(rt, queue));
  }
  return sources;
}

ScanSources::~ScanSources() = default;

}  // namespace kiosk::platform
