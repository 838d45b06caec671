// kiosk-fake-touch: a touchscreen made of uinput, for the image's boot test
// (the service menu's hidden gesture and PIN keypad, issue 14).
//
//   kiosk-fake-touch --size WxH [--settle-ms N] STEP...
//     STEP: hold:X,Y,MS  (press at X,Y, keep it MS, let go)
//           tap:X,Y      (a 100 ms press)
//
// Creates a direct-touch device whose axes run 0..W-1 and 0..H-1 (the
// panel's pixels, so X,Y are where the kiosk says its buttons are), waits
// --settle-ms (default 2000) for the reader (SDL's evdev, through udev
// hotplug) to open it, plays the steps with 400 ms between them, and
// destroys the device. Waits are timerfd reads through poll(), bounded.
// Exit 0 when played; 1 with a message naming what failed (2 for a bad
// command line).
#include <fcntl.h>
#include <linux/input.h>
#include <linux/uinput.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "platform/system/file_descriptor.h"
#include "tests/tools/uinput_events.h"

using kiosk::platform::FileDescriptor;
using kiosk::test_tools::emit;
using kiosk::test_tools::pause_ms;

namespace {

struct Step {
  int x = 0, y = 0, hold_ms = 100;
};

struct Options {
  int width = 0, height = 0;
  int settle_ms = 2000;
  std::vector<Step> steps;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "kiosk-fake-touch: %s\n", message.c_str());
  return 1;
}

std::optional<Step> parse_step(const std::string& text) {
  Step s;
  if (std::sscanf(text.c_str(), "hold:%d,%d,%d", &s.x, &s.y, &s.hold_ms) == 3) return s;
  if (std::sscanf(text.c_str(), "tap:%d,%d", &s.x, &s.y) == 2) return s;
  return std::nullopt;
}

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--size" && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2) return std::nullopt;
    } else if (arg == "--settle-ms" && i + 1 < argc) {
      o.settle_ms = std::atoi(argv[++i]);
    } else if (auto step = parse_step(arg)) {
      o.steps.push_back(*step);
    } else {
      return std::nullopt;
    }
  }
  if (o.width <= 1 || o.height <= 1 || o.steps.empty() || o.settle_ms < 0) return std::nullopt;
  for (const auto& s : o.steps)
    if (s.x < 0 || s.y < 0 || s.x >= o.width || s.y >= o.height || s.hold_ms < 0 || s.hold_ms > 60000)
      return std::nullopt;
  return o;
}

void set_axis(int fd, std::uint16_t code, int max) {
  ::ioctl(fd, UI_SET_ABSBIT, code);
  uinput_abs_setup abs{};
  abs.code = code;
  abs.absinfo.minimum = 0;
  abs.absinfo.maximum = max;
  ::ioctl(fd, UI_ABS_SETUP, &abs);
}

// What udev's input_id calls a touchscreen: direct, absolute X/Y, BTN_TOUCH;
// multi-touch axes too (protocol B), as panels have them.
std::string create_device(int fd, const Options& o) {
  if (::ioctl(fd, UI_SET_EVBIT, EV_KEY) < 0 || ::ioctl(fd, UI_SET_EVBIT, EV_ABS) < 0)
    return std::string("UI_SET_EVBIT: ") + std::strerror(errno);
  ::ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
  ::ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
  set_axis(fd, ABS_X, o.width - 1);
  set_axis(fd, ABS_Y, o.height - 1);
  set_axis(fd, ABS_MT_SLOT, 0);
  set_axis(fd, ABS_MT_TRACKING_ID, 65535);
  set_axis(fd, ABS_MT_POSITION_X, o.width - 1);
  set_axis(fd, ABS_MT_POSITION_Y, o.height - 1);
  uinput_setup setup{};
  setup.id.bustype = BUS_USB;
  setup.id.vendor = 0x1209;  // pid.codes test vendor
  setup.id.product = 0x0002;
  std::snprintf(setup.name, sizeof setup.name, "%s", "Fake Touch");
  if (::ioctl(fd, UI_DEV_SETUP, &setup) < 0) return std::string("UI_DEV_SETUP: ") + std::strerror(errno);
  if (::ioctl(fd, UI_DEV_CREATE) < 0) return std::string("UI_DEV_CREATE: ") + std::strerror(errno);
  return {};
}

bool press(int fd, const Step& s, int id) {
  return emit(fd, EV_ABS, ABS_MT_SLOT, 0) && emit(fd, EV_ABS, ABS_MT_TRACKING_ID, id) &&
         emit(fd, EV_ABS, ABS_MT_POSITION_X, s.x) && emit(fd, EV_ABS, ABS_MT_POSITION_Y, s.y) &&
         emit(fd, EV_ABS, ABS_X, s.x) && emit(fd, EV_ABS, ABS_Y, s.y) && emit(fd, EV_KEY, BTN_TOUCH, 1) &&
         emit(fd, EV_SYN, SYN_REPORT, 0);
}

bool release(int fd) {
  return emit(fd, EV_ABS, ABS_MT_SLOT, 0) && emit(fd, EV_ABS, ABS_MT_TRACKING_ID, -1) &&
         emit(fd, EV_KEY, BTN_TOUCH, 0) && emit(fd, EV_SYN, SYN_REPORT, 0);
}

// One step: press, hold, let go; then the pause before the next.
bool play(int fd, const Step& step, int id) {
  if (!press(fd, step, id)) return false;
  pause_ms(step.hold_ms);
  if (!release(fd)) return false;
  std::printf("touched %d,%d for %d ms\n", step.x, step.y, step.hold_ms);
  pause_ms(400);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse(argc, argv);
  if (!options) {
    std::fprintf(stderr, "usage: kiosk-fake-touch --size WxH [--settle-ms N] hold:X,Y,MS|tap:X,Y ...\n");
    return 2;
  }
  FileDescriptor uinput(::open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC));
  if (!uinput) return fail(std::string("/dev/uinput: ") + std::strerror(errno));
  if (auto error = create_device(uinput.get(), *options); !error.empty()) return fail(error);
  pause_ms(options->settle_ms);
  int status = 0;
  int id = 1;
  for (const auto& step : options->steps)
    if (!play(uinput.get(), step, id++)) {
      status = fail("writing touch events failed");
      break;
    }
  ::ioctl(uinput.get(), UI_DEV_DESTROY);
  return status;
}
