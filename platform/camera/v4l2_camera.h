#pragma once
// A USB camera through V4L2: YUYV or MJPEG at the configured size and rate,
// mmap streaming. YUYV luma goes to the decoder in place (pixel stride 2,
// no copy); MJPEG is decoded to luma first. Unplugged, it closes, reports
// offline with the reason, and reopens with a growing pause; no call blocks
// longer than its timeout. The pause is kept on the given clock and waited
// out through the given waiter; the capture itself is poll() on the device.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/clock.h"
#include "kiosk/base/waiter.h"
#include "kiosk/scan/frame_source.h"
#include "platform/camera/mjpeg_decoder.h"
#include "platform/camera/v4l2_exposure.h"
#include "platform/system/file_descriptor.h"

namespace kiosk::platform {

struct CameraMode {
  int width = 640;
  int height = 480;
  int fps = 15;
};

class V4l2Camera final : public FrameSource {
 public:
  V4l2Camera(std::string device, CameraMode wanted, const Clock& clock, Waiter& waiter);
  ~V4l2Camera() override;

  Status next(std::chrono::milliseconds timeout, const Consumer& consume) override;
  std::string describe() const override;
  std::string pixel_format() const override { return format_; }
  ExposureControl* exposure() override { return exposure_ ? &*exposure_ : nullptr; }

 private:
  struct Mapping {
    void* start = nullptr;
    std::size_t length = 0;
  };

  Status reopen_when_due(std::chrono::milliseconds timeout);
  std::string open_device();  // empty on success, else why not
  std::string negotiate();
  std::string start_streaming();
  Status deliver(const Consumer& consume);
  void close_device(const std::string& why);

  std::string device_;
  CameraMode wanted_;
  const Clock& clock_;
  Waiter& waiter_;
  FileDescriptor fd_;
  std::vector<Mapping> buffers_;
  CameraMode actual_;
  std::string format_ = "none";
  int bytes_per_line_ = 0;
  MjpegDecoder mjpeg_;
  std::optional<V4l2Exposure> exposure_;  // while the device is open
  std::string offline_reason_ = "not opened yet";
  MonoTime retry_at_{};
  std::chrono::milliseconds retry_pause_{250};
};

}  // namespace kiosk::platform
