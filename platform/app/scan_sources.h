#pragma once
// The scan inputs the config names, started and feeding one ScanQueue: the
// camera (or image replay) through the decode pipeline, and the
// keyboard-wedge scanner. Each registers as a producer of the queue. What
// they learn besides scans (the camera's feedback, a device going offline or
// coming back) is posted to the event queue, on their own threads.
#include <atomic>
#include <memory>

#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "kiosk/events/event_queue.h"
#include "kiosk/scan/preview_mailbox.h"
#include "platform/app/scan_queue.h"
#include "platform/config/kiosk_config.h"
#include "platform/scan/camera_scanner.h"
#include "platform/scan/wedge_reader.h"

namespace kiosk::platform {

struct ScanSourcePorts {
  const KioskConfig& config;
  const Clock& clock;
  Waiter& waiter;
  ScanQueue& scans;
  EventQueue& events;
  std::atomic<bool>& camera_online;  // for the status report
  Logger camera_log;
  Logger scanner_log;
  PreviewMailbox* preview = nullptr;  // the screen's camera preview; null: nobody shows it
};

class ScanSources {
 public:
  // Fails (naming the key) only for a config that can never work, such as
  // a replay path with no images; a missing camera is reported offline.
  static Expected<std::unique_ptr<ScanSources>> start(const ScanSourcePorts& ports);
  ~ScanSources();

 private:
  ScanSources() = default;
  std::unique_ptr<CameraScanner> camera_;
  std::unique_ptr<WedgeReader> wedge_;
};

}  // namespace kiosk::platform
