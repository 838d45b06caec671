#pragma once
// The scan inputs the config names, started and feeding one ScanQueue: the
// camera (or image replay) through the decode pipeline, and the
// keyboard-wedge scanner. Each registers as a producer of the queue.
#include <memory>

#include "kiosk/base/expected.h"
#include "platform/app/runtime.h"
#include "platform/app/scan_queue.h"
#include "platform/scan/camera_scanner.h"
#include "platform/scan/wedge_reader.h"

namespace kiosk::platform {

class ScanSources {
 public:
  // Fails (naming the key) only for a config that can never work, such as
  // a replay path with no images; a missing camera is reported offline.
  static Expected<std::unique_ptr<ScanSources>> start(Runtime& rt, ScanQueue& queue);
  ~ScanSources();

 private:
  ScanSources() = default;
  std::unique_ptr<CameraScanner> camera_;
  std::unique_ptr<WedgeReader> wedge_;
};

}  // namespace kiosk::platform
