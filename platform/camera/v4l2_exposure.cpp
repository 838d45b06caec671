#include "platform/camera/v4l2_exposure.h"

#include <linux/videodev2.h>

#include <cerrno>
#include <cstring>

#include "platform/camera/v4l2_ioctl.h"

namespace kiosk::platform {
namespace {

// The first failure is the one reported; the other controls are still set.
void keep_first(Status& result, Status done) {
  if (!done && result) result = std::move(done);
}

}  // namespace

V4l2Exposure::V4l2Exposure(int fd) : fd_(fd) {
  // Automatic modes first: a value control of a cluster is writable only
  // once its automatic mode is off.
  find(V4L2_CID_EXPOSURE_AUTO, "exposure_auto", Role::auto_mode, V4L2_EXPOSURE_MANUAL);
  find(V4L2_CID_AUTOGAIN, "autogain", Role::auto_mode, 0);
  find(V4L2_CID_EXPOSURE_ABSOLUTE, "exposure_absolute", Role::value);
  find(V4L2_CID_EXPOSURE, "exposure", Role::value);
  find(V4L2_CID_GAIN, "gain", Role::value);
  // Automatic modes alone step nothing.
  bool any_value = false;
  for (const auto& control : controls_) any_value = any_value || control.role == Role::value;
  if (!any_value) controls_.clear();
}

void V4l2Exposure::find(unsigned id, const std::string& name, Role role, int manual_value) {
  v4l2_queryctrl query{};
  query.id = id;
  if (v4l2_ioctl(fd_, VIDIOC_QUERYCTRL, &query) < 0 || (query.flags & V4L2_CTRL_FLAG_DISABLED)) return;
  controls_.push_back({id, name, role, query.minimum, query.maximum, query.default_value, manual_value, {}});
}

std::optional<int> V4l2Exposure::read(const Control& control) const {
  v4l2_control value{control.id, 0};
  if (v4l2_ioctl(fd_, VIDIOC_G_CTRL, &value) < 0) return std::nullopt;
  return value.value;
}

Status V4l2Exposure::write(const Control& control, int value) {
  v4l2_control set{control.id, value};
  if (v4l2_ioctl(fd_, VIDIOC_S_CTRL, &set) < 0)
    return Failure{control.name + " = " + std::to_string(value) + ": " + std::strerror(errno)};
  return ok_status();
}

Status V4l2Exposure::set_level(int level) {
  if (controls_.empty() || level == level_) return ok_status();
  auto done = level == 0 ? restore() : darken(level);
  level_ = level;
  return done;
}

// Values back first, then the automatic modes take over from there.
Status V4l2Exposure::restore() {
  Status result = ok_status();
  for (auto role : {Role::value, Role::auto_mode})
    for (const auto& control : controls_)
      if (control.role == role && control.base) keep_first(result, write(control, *control.base));
  for (auto& control : controls_) control.base.reset();  // automatic may choose otherwise next time
  return result;
}

Status V4l2Exposure::darken(int level) {
  // As the camera had them, read before the first step changes anything.
  for (auto& control : controls_)
    if (!control.base) control.base = read(control);
  Status result = ok_status();
  for (const auto& control : controls_) {
    if (!control.base) continue;
    if (control.role == Role::auto_mode) {
      keep_first(result, write(control, control.manual_value));
      continue;
    }
    long span = static_cast<long>(*control.base) - control.minimum;
    keep_first(result, write(control, control.minimum + static_cast<int>(span >> level)));
  }
  return result;
}

std::string V4l2Exposure::describe() const {
  if (controls_.empty()) return "no exposure or gain controls";
  std::string text;
  for (const auto& control : controls_) {
    if (!text.empty()) text += ", ";
    text += control.name;
    if (control.role == Role::value) text += " " + std::to_string(control.minimum) + "-" + std::to_string(control.maximum);
  }
  return text;
}

}  // namespace kiosk::platform
