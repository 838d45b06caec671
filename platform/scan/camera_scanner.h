#pragma once
// The camera side of scanning, on its own thread: pulls frames from a
// FrameSource (with a timeout, so it never blocks for long), decodes each
// with the decode schedule, and hands out what it read. Nothing here touches
// the UI: callbacks run on the scanner's thread and must only post.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/scan/exposure_control.h"
#include "kiosk/scan/exposure_policy.h"
#include "kiosk/scan/frame_source.h"
#include "kiosk/scan/scan_feedback.h"
#include "platform/scan/barcode_decoder.h"

namespace kiosk::platform {

struct CameraCallbacks {
  std::function<void(const std::string& text)> on_text;
  std::function<void(const ScanFeedback&)> on_feedback;  // may be empty
  std::function<void(bool online, const std::string& why)> on_state;  // on every change
  std::function<void()> on_finished;  // a replay source played everything
  // Each frame as it comes, before it is decoded (the screen's preview); may
  // be empty. The view is valid only during the call: copy, do not keep.
  std::function<void(const LumaView&)> on_frame;
  // The camera's exposure was stepped (0: back to automatic), and how that
  // went: for the log. May be empty.
  std::function<void(int level, const ExposureControl&, const Status&)> on_exposure;
};

class CameraScanner {
 public:
  CameraScanner(std::unique_ptr<FrameSource> source, BarcodeDecoder decoder, CameraCallbacks callbacks);
  ~CameraScanner();  // stops within one frame timeout
  CameraScanner(const CameraScanner&) = delete;
  CameraScanner& operator=(const CameraScanner&) = delete;

  std::uint64_t frames() const { return frames_.load(); }

 private:
  void run();
  void report(bool online);
  void steer_exposure(ScanFeedback::State state, std::chrono::steady_clock::time_point captured);

  std::unique_ptr<FrameSource> source_;
  BarcodeDecoder decoder_;
  CameraCallbacks callbacks_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> frames_{0};
  int online_ = -1;  // unknown until the first answer
  std::optional<ExposurePolicy> exposure_policy_;  // for the source's controls, while it has some
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace kiosk::platform
