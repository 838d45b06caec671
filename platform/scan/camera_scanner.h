#pragma once
// The camera side of scanning, on its own thread: pulls frames from a
// FrameSource (with a timeout, so it never blocks for long), decodes each
// with the decode schedule, and hands out what it read. Nothing here touches
// the UI: callbacks run on the scanner's thread and must only post.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

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

  std::unique_ptr<FrameSource> source_;
  BarcodeDecoder decoder_;
  CameraCallbacks callbacks_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> frames_{0};
  int online_ = -1;  // unknown until the first answer
  std::thread thread_;  // last: starts after everything it uses exists
};

}  // namespace kiosk::platform
