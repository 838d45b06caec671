#pragma once
// ExposureControl on a V4L2 device through whichever controls it has:
// V4L2_CID_EXPOSURE_AUTO with V4L2_CID_EXPOSURE_ABSOLUTE (UVC webcams),
// V4L2_CID_AUTOGAIN with V4L2_CID_EXPOSURE and V4L2_CID_GAIN (sensor
// drivers, vivid). Each level halves the exposure and the gain's distance
// to its minimum from where automatic left them; level 0 gives control back
// to the camera (every control as it was before the first step). With none of these controls it has no levels and does nothing.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/scan/exposure_control.h"

namespace kiosk::platform {

class V4l2Exposure final : public ExposureControl {
 public:
  static constexpr int kLevels = 4;

  // Finds the device's controls; `fd` must stay open while this is used.
  explicit V4l2Exposure(int fd);

  int levels() const override { return controls_.empty() ? 0 : kLevels; }
  Status set_level(int level) override;
  std::string describe() const override;

 private:
  enum class Role { auto_mode, value };
  struct Control {
    unsigned id;
    std::string name;
    Role role;
    int minimum, maximum, default_value;
    int manual_value = 0;  // auto_mode: the value that means manual
    std::optional<int> base;  // as the camera had it before the first step
  };
  Status restore();
  Status darken(int level);
  void find(unsigned id, const std::string& name, Role role, int manual_value = 0);
  Status write(const Control& control, int value);
  std::optional<int> read(const Control& control) const;

  int fd_;
  std::vector<Control> controls_;
  int level_ = 0;
};

}  // namespace kiosk::platform
