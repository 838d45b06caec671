#include "platform/scan/camera_scanner.h"

namespace kiosk::platform {
namespace {
// How long one wait for a frame may take: also how quickly a stop is seen.
constexpr std::chrono::milliseconds kFrameTimeout{200};
}  // namespace

CameraScanner::CameraScanner(std::unique_ptr<FrameSource> source, BarcodeDecoder decoder, CameraCallbacks callbacks)
    : source_(std::move(source)),
      decoder_(std::move(decoder)),
      callbacks_(std::move(callbacks)),
      thread_([this] { run(); }) {}

CameraScanner::~CameraScanner() {
  stopping_ = true;
  thread_.join();
}

void CameraScanner::report(bool online) {
  if (online_ == static_cast<int>(online)) return;
  online_ = online;
  if (callbacks_.on_state) callbacks_.on_state(online, source_->describe());
}

// A symbol seen but not read under glare: darker, step by step, while the
// camera has controls for it (exposure_policy.h).
void CameraScanner::steer_exposure(ScanFeedback::State state, std::chrono::steady_clock::time_point captured) {
  auto* exposure = source_->exposure();
  int levels = exposure ? exposure->levels() : 0;
  if (levels == 0) {
    exposure_policy_.reset();
    return;
  }
  if (!exposure_policy_) exposure_policy_.emplace(levels);
  auto level = exposure_policy_->on_frame(state, captured);
  if (!level) return;
  auto done = exposure->set_level(*level);
  if (callbacks_.on_exposure) callbacks_.on_exposure(*level, *exposure, done);
}

void CameraScanner::run() {
  ScanFeedback::State last_feedback = ScanFeedback::State::nothing;
  while (!stopping_) {
    auto status = source_->next(kFrameTimeout, [&](const LumaView& frame) {
      if (callbacks_.on_frame) callbacks_.on_frame(frame);
      auto decoded = decoder_.decode(frame, frames_++);
      for (const auto& text : decoded.texts) callbacks_.on_text(text);
      // Feedback only on change or while a symbol is in view, not 30 times
      // a second of "nothing".
      if (callbacks_.on_feedback &&
          (decoded.feedback.state != ScanFeedback::State::nothing || last_feedback != decoded.feedback.state))
        callbacks_.on_feedback(decoded.feedback);
      last_feedback = decoded.feedback.state;
      steer_exposure(decoded.feedback.state, frame.captured);
    });
    if (status == FrameSource::Status::frame) report(true);
    if (status == FrameSource::Status::offline) report(false);
    if (status == FrameSource::Status::finished) {
      if (callbacks_.on_finished) callbacks_.on_finished();
      return;
    }
  }
}

}  // namespace kiosk::platform
