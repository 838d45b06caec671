// kiosk-fake-wedge: a keyboard-wedge scanner made of uinput, for tests.
//
//   kiosk-fake-wedge --name "Fake Wedge" --text CODE [--delay-ms N] [--wait-ms N]
//
// Creates a virtual keyboard with that name, waits (bounded by --wait-ms,
// default 5000) for its /dev/input/event* node to appear and then for a
// reader to grab it, types the text and Enter (--delay-ms between keys,
// default 0), and destroys the device. Waiting is poll() on inotify and
// timerfd descriptors, never sleep. Exit 0 when typed; 1 with a message
// naming what failed (2 for a bad command line).
#include <fcntl.h>
#include <linux/input.h>
#include <linux/uinput.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "platform/scan/evdev_device.h"
#include "platform/scan/evdev_keymap.h"
#include "platform/system/file_descriptor.h"
#include "tests/tools/uinput_events.h"
#include "tests/tools/uinput_node.h"

using kiosk::platform::FileDescriptor;
using Clock = kiosk::test_tools::ToolClock;
using kiosk::test_tools::emit;
using kiosk::test_tools::ms_left;
using kiosk::test_tools::wait_for_node;
using kiosk::test_tools::pause_ms;
using kiosk::test_tools::wait_readable;

namespace {

struct Options {
  std::string name;
  std::string text;
  int delay_ms = 0;
  int wait_ms = 5000;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "kiosk-fake-wedge: %s\n", message.c_str());
  return 1;
}

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i], value = argv[i + 1];
    if (key == "--name") o.name = value;
    else if (key == "--text") o.text = value;
    else if (key == "--delay-ms") o.delay_ms = std::atoi(value.c_str());
    else if (key == "--wait-ms") o.wait_ms = std::atoi(value.c_str());
    else return std::nullopt;
  }
  if (argc % 2 == 0 || o.name.empty() || o.text.empty() || o.delay_ms < 0 || o.wait_ms <= 0) return std::nullopt;
  return o;
}

std::string create_device(int fd, const std::string& name) {
  if (::ioctl(fd, UI_SET_EVBIT, EV_KEY) < 0) return std::string("UI_SET_EVBIT: ") + std::strerror(errno);
  for (int key = KEY_ESC; key <= KEY_KPDOT; ++key) ::ioctl(fd, UI_SET_KEYBIT, key);
  ::ioctl(fd, UI_SET_KEYBIT, KEY_KPENTER);
  ::ioctl(fd, UI_SET_KEYBIT, KEY_KPSLASH);
  uinput_setup setup{};
  setup.id.bustype = BUS_USB;
  setup.id.vendor = 0x1209;  // pid.codes test vendor
  setup.id.product = 0x0001;
  std::snprintf(setup.name, sizeof setup.name, "%s", name.c_str());
  if (::ioctl(fd, UI_DEV_SETUP, &setup) < 0) return std::string("UI_DEV_SETUP: ") + std::strerror(errno);
  if (::ioctl(fd, UI_DEV_CREATE) < 0) return std::string("UI_DEV_CREATE: ") + std::strerror(errno);
  return {};
}

// A grab by someone else makes our own EVIOCGRAB fail with EBUSY. Nothing
// signals a grab, so this polls on a short timer, bounded by the deadline.
bool wait_for_grab(const std::string& node, Clock::time_point deadline) {
  while (ms_left(deadline) > 0) {
    FileDescriptor probe(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
    if (probe && ::ioctl(probe.get(), EVIOCGRAB, 1) < 0 && errno == EBUSY) return true;
    if (probe) ::ioctl(probe.get(), EVIOCGRAB, 0);
    pause_ms(std::min(ms_left(deadline), 20));
  }
  return false;
}

bool type_text(int fd, const std::string& text, int delay_ms) {
  for (char c : text + "\n") {
    auto stroke = kiosk::platform::us_keystroke_for(c);
    if (!stroke) return false;
    bool ok = true;
    if (stroke->shift) ok = ok && emit(fd, EV_KEY, KEY_LEFTSHIFT, 1);
    ok = ok && emit(fd, EV_KEY, stroke->code, 1) && emit(fd, EV_SYN, SYN_REPORT, 0);
    ok = ok && emit(fd, EV_KEY, stroke->code, 0);
    if (stroke->shift) ok = ok && emit(fd, EV_KEY, KEY_LEFTSHIFT, 0);
    ok = ok && emit(fd, EV_SYN, SYN_REPORT, 0);
    if (!ok) return false;
    pause_ms(delay_ms);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse(argc, argv);
  if (!options) {
    std::fprintf(stderr, "usage: kiosk-fake-wedge --name NAME --text CODE [--delay-ms N] [--wait-ms N]\n");
    return 2;
  }
  for (char c : options->text)
    if (!kiosk::platform::us_keystroke_for(c)) return fail(std::string("cannot type '") + c + "' on a US keyboard");
  FileDescriptor uinput(::open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC));
  if (!uinput) return fail(std::string("/dev/uinput: ") + std::strerror(errno));
  if (auto error = create_device(uinput.get(), options->name); !error.empty()) return fail(error);
  auto deadline = Clock::now() + std::chrono::milliseconds(options->wait_ms);
  int status = 0;
  auto node = wait_for_node(options->name, deadline);
  if (!node) status = fail("no /dev/input/event* node named \"" + options->name + "\" appeared");
  else if (!wait_for_grab(*node, deadline)) status = fail(*node + ": no reader grabbed it in time");
  else if (!type_text(uinput.get(), options->text, options->delay_ms)) status = fail("writing key events failed");
  // evdev answers ENODEV to a reader of a destroyed device even for events
  // still queued for it, and nothing says when the reader has them all:
  // give it a moment (bounded) before the device goes.
  if (status == 0) pause_ms(250);
  ::ioctl(uinput.get(), UI_DEV_DESTROY);
  return status;
}
