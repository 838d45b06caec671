#include "platform/camera/v4l2_camera.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "kiosk/base/pause.h"

#include "platform/camera/v4l2_ioctl.h"

namespace kiosk::platform {
namespace {

constexpr unsigned kBufferCount = 4;
constexpr std::chrono::milliseconds kFirstRetry{250};
constexpr std::chrono::milliseconds kMaxRetry{4000};

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

}  // namespace

V4l2Camera::V4l2Camera(std::string device, CameraMode wanted, const Clock& clock, Waiter& waiter)
    : device_(std::move(device)), wanted_(wanted), clock_(clock), waiter_(waiter) {}

V4l2Camera::~V4l2Camera() { close_device("closed"); }

std::string V4l2Camera::describe() const {
  if (!fd_) return device_ + ": " + offline_reason_;
  return device_ + " " + std::to_string(actual_.width) + "x" + std::to_string(actual_.height) + " " + format_ + " " +
         std::to_string(actual_.fps) + " fps";
}

void V4l2Camera::close_device(const std::string& why) {
  if (fd_) {
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    v4l2_ioctl(fd_.get(), VIDIOC_STREAMOFF, &type);
  }
  for (auto& buffer : buffers_) ::munmap(buffer.start, buffer.length);
  buffers_.clear();
  // Back to the camera's own exposure, while the device is still open.
  if (exposure_) (void)exposure_->set_level(0);
  exposure_.reset();
  fd_.reset();
  format_ = "none";
  offline_reason_ = why;
  retry_at_ = clock_.monotonic() + retry_pause_;
  retry_pause_ = std::min(retry_pause_ * 2, kMaxRetry);
}

std::string V4l2Camera::open_device() {
  fd_.reset(::open(device_.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
  if (!fd_) return errno_text("open");
  v4l2_capability caps{};
  if (v4l2_ioctl(fd_.get(), VIDIOC_QUERYCAP, &caps) < 0) return "not a video device (" + errno_text("VIDIOC_QUERYCAP") + ")";
  auto device_caps = (caps.capabilities & V4L2_CAP_DEVICE_CAPS) ? caps.device_caps : caps.capabilities;
  if (!(device_caps & V4L2_CAP_VIDEO_CAPTURE)) return "not a video capture device";
  if (!(device_caps & V4L2_CAP_STREAMING)) return "no streaming I/O";
  if (auto error = negotiate(); !error.empty()) return error;
  if (auto error = start_streaming(); !error.empty()) return error;
  exposure_.emplace(fd_.get());
  return {};
}

// YUYV first (no decode, luma read in place), then MJPEG, which USB cameras
// need for 1280x720 at full rate.
std::string V4l2Camera::negotiate() {
  for (auto [fourcc, name] : {std::pair{V4L2_PIX_FMT_YUYV, "YUYV"}, std::pair{V4L2_PIX_FMT_MJPEG, "MJPEG"}}) {
    v4l2_format format{};
    format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    format.fmt.pix.width = static_cast<unsigned>(wanted_.width);
    format.fmt.pix.height = static_cast<unsigned>(wanted_.height);
    format.fmt.pix.pixelformat = fourcc;
    format.fmt.pix.field = V4L2_FIELD_NONE;
    if (v4l2_ioctl(fd_.get(), VIDIOC_S_FMT, &format) < 0) return errno_text("VIDIOC_S_FMT");
    if (format.fmt.pix.pixelformat != fourcc) continue;
    actual_ = {static_cast<int>(format.fmt.pix.width), static_cast<int>(format.fmt.pix.height), wanted_.fps};
    bytes_per_line_ = static_cast<int>(format.fmt.pix.bytesperline);
    if (bytes_per_line_ == 0) bytes_per_line_ = actual_.width * 2;
    format_ = name;
    v4l2_streamparm parm{};
    parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    parm.parm.capture.timeperframe = {1, static_cast<unsigned>(wanted_.fps)};
    if (v4l2_ioctl(fd_.get(), VIDIOC_S_PARM, &parm) == 0 && parm.parm.capture.timeperframe.numerator > 0)
      actual_.fps = static_cast<int>(parm.parm.capture.timeperframe.denominator /
                                     parm.parm.capture.timeperframe.numerator);
    return {};
  }
  return "offers neither YUYV nor MJPEG";
}

std::string V4l2Camera::start_streaming() {
  v4l2_requestbuffers request{};
  request.count = kBufferCount;
  request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  request.memory = V4L2_MEMORY_MMAP;
  if (v4l2_ioctl(fd_.get(), VIDIOC_REQBUFS, &request) < 0 || request.count == 0) return errno_text("VIDIOC_REQBUFS");
  for (unsigned i = 0; i < request.count; ++i) {
    v4l2_buffer buffer{};
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    buffer.index = i;
    if (v4l2_ioctl(fd_.get(), VIDIOC_QUERYBUF, &buffer) < 0) return errno_text("VIDIOC_QUERYBUF");
    void* start = ::mmap(nullptr, buffer.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd_.get(), buffer.m.offset);
    if (start == MAP_FAILED) return errno_text("mmap");
    buffers_.push_back({start, buffer.length});
    if (v4l2_ioctl(fd_.get(), VIDIOC_QBUF, &buffer) < 0) return errno_text("VIDIOC_QBUF");
  }
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (v4l2_ioctl(fd_.get(), VIDIOC_STREAMON, &type) < 0) return errno_text("VIDIOC_STREAMON");
  return {};
}

FrameSource::Status V4l2Camera::reopen_when_due(std::chrono::milliseconds timeout) {
  auto now = clock_.monotonic();
  if (now < retry_at_) {
    // Not yet: wait, but no longer than the caller allows.
    pause_until(waiter_, std::min(retry_at_, now + timeout));
    return Status::offline;
  }
  if (auto error = open_device(); !error.empty()) {
    close_device(error);
    return Status::offline;
  }
  retry_pause_ = kFirstRetry;
  return Status::no_frame_yet;
}

FrameSource::Status V4l2Camera::deliver(const Consumer& consume) {
  v4l2_buffer buffer{};
  buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buffer.memory = V4L2_MEMORY_MMAP;
  if (v4l2_ioctl(fd_.get(), VIDIOC_DQBUF, &buffer) < 0) {
    if (errno == EAGAIN) return Status::no_frame_yet;
    close_device(errno_text("VIDIOC_DQBUF"));  // ENODEV: unplugged
    return Status::offline;
  }
  const auto* data = static_cast<const std::uint8_t*>(buffers_[buffer.index].start);
  auto captured = clock_.monotonic();
  if (format_ == "YUYV") {
    consume(LumaView{data, actual_.width, actual_.height, bytes_per_line_, 2, captured});
  } else if (auto luma = mjpeg_.decode(data, buffer.bytesused)) {
    luma->captured = captured;
    consume(*luma);
  }  // a corrupt MJPEG frame is skipped; the next one follows
  if (v4l2_ioctl(fd_.get(), VIDIOC_QBUF, &buffer) < 0) {
    close_device(errno_text("VIDIOC_QBUF"));
    return Status::offline;
  }
  return Status::frame;
}

FrameSource::Status V4l2Camera::next(std::chrono::milliseconds timeout, const Consumer& consume) {
  if (!fd_) {
    auto reopened = reopen_when_due(timeout);
    if (reopened == Status::offline) return reopened;
  }
  pollfd ready{fd_.get(), POLLIN, 0};
  int n = ::poll(&ready, 1, static_cast<int>(timeout.count()));
  if (n < 0 && errno == EINTR) return Status::no_frame_yet;
  if (n < 0 || (ready.revents & (POLLERR | POLLHUP | POLLNVAL))) {
    close_device(n < 0 ? errno_text("poll") : "the device went away");
    return Status::offline;
  }
  if (n == 0) return Status::no_frame_yet;
  return deliver(consume);
}

}  // namespace kiosk::platform
