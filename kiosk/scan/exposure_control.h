#pragma once
// A camera's exposure, where it has controls for it. A glossy phone screen
// under hall lights blows out a patch of the code; a darker picture turns it
// back into modules. Level 0 is the camera's own automatic exposure; each
// level above it is darker than the last (shorter exposure, lower gain).
#include <string>

#include "kiosk/base/expected.h"

namespace kiosk {

class ExposureControl {
 public:
  virtual ~ExposureControl() = default;
  // The darkest level; 0 when the camera has no controls for it.
  virtual int levels() const = 0;
  virtual Status set_level(int level) = 0;
  // "autogain, gain 0-255": what it steps, for the log and selftest.
  virtual std::string describe() const = 0;
};

}  // namespace kiosk
