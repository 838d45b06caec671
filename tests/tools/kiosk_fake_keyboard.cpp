// kiosk-fake-keyboard: a USB keyboard plugged into the kiosk, made of
// uinput, for the image's boot test (issue 15: abuse at the screen).
//
//   kiosk-fake-keyboard --reader PID [--wait-ms N] CHORD...
//     CHORD: keys joined by '+', pressed in order and let go in reverse:
//            ctrl+alt+f2, alt+f4, ctrl+alt+delete, alt+sysrq+b, ctrl+c ...
//
// Creates a full keyboard ("Fake Keyboard"), waits (bounded by --wait-ms,
// default 10000) until process PID (the kiosk) has its node open, plays the
// chords with 500 ms between them, and destroys the device. Waits are
// timerfd or poll() reads, never sleep. Exit 0 when played; 1 with a
// message naming what failed (2 for a bad command line).
#include <fcntl.h>
#include <linux/input.h>
#include <linux/uinput.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "platform/system/file_descriptor.h"
#include "tests/tools/uinput_events.h"
#include "tests/tools/uinput_node.h"

using kiosk::platform::FileDescriptor;
using namespace kiosk::test_tools;

namespace {

const char* const kName = "Fake Keyboard";

struct Options {
  int reader = 0;
  int wait_ms = 10000;
  std::vector<std::vector<int>> chords;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "kiosk-fake-keyboard: %s\n", message.c_str());
  return 1;
}

std::optional<int> key_code(const std::string& name) {
  static const std::map<std::string, int> named = {
      {"ctrl", KEY_LEFTCTRL}, {"alt", KEY_LEFTALT},     {"shift", KEY_LEFTSHIFT}, {"super", KEY_LEFTMETA},
      {"delete", KEY_DELETE}, {"backspace", KEY_BACKSPACE}, {"sysrq", KEY_SYSRQ}, {"tab", KEY_TAB},
      {"esc", KEY_ESC},       {"enter", KEY_ENTER},     {"backslash", KEY_BACKSLASH}};
  if (auto it = named.find(name); it != named.end()) return it->second;
  static const int f_keys[] = {KEY_F1, KEY_F2, KEY_F3, KEY_F4,  KEY_F5,  KEY_F6,
                               KEY_F7, KEY_F8, KEY_F9, KEY_F10, KEY_F11, KEY_F12};
  if (name.size() >= 2 && name[0] == 'f') {
    int n = std::atoi(name.c_str() + 1);
    if (n >= 1 && n <= 12) return f_keys[n - 1];
  }
  static const std::string letters = "qwertyuiopasdfghjklzxcvbnm";
  static const int letter_codes[] = {KEY_Q, KEY_W, KEY_E, KEY_R, KEY_T, KEY_Y, KEY_U, KEY_I, KEY_O,
                                     KEY_P, KEY_A, KEY_S, KEY_D, KEY_F, KEY_G, KEY_H, KEY_J, KEY_K,
                                     KEY_L, KEY_Z, KEY_X, KEY_C, KEY_V, KEY_B, KEY_N, KEY_M};
  if (name.size() == 1 && letters.find(name[0]) != std::string::npos) return letter_codes[letters.find(name[0])];
  return std::nullopt;
}

std::optional<std::vector<int>> parse_chord(const std::string& text) {
  std::vector<int> keys;
  std::istringstream parts(text);
  for (std::string part; std::getline(parts, part, '+');) {
    auto code = key_code(part);
    if (!code) return std::nullopt;
    keys.push_back(*code);
  }
  if (keys.empty()) return std::nullopt;
  return keys;
}

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--reader" && i + 1 < argc) o.reader = std::atoi(argv[++i]);
    else if (arg == "--wait-ms" && i + 1 < argc) o.wait_ms = std::atoi(argv[++i]);
    else if (auto chord = parse_chord(arg)) o.chords.push_back(*chord);
    else return std::nullopt;
  }
  if (o.reader <= 0 || o.wait_ms <= 0 || o.chords.empty()) return std::nullopt;
  return o;
}

// Every key of a PC keyboard, so udev's input_id calls it a keyboard.
std::string create_device(int fd) {
  if (::ioctl(fd, UI_SET_EVBIT, EV_KEY) < 0) return std::string("UI_SET_EVBIT: ") + std::strerror(errno);
  for (int key = KEY_ESC; key <= KEY_MICMUTE; ++key) ::ioctl(fd, UI_SET_KEYBIT, key);
  uinput_setup setup{};
  setup.id.bustype = BUS_USB;
  setup.id.vendor = 0x1209;  // pid.codes test vendor
  setup.id.product = 0x0003;
  std::snprintf(setup.name, sizeof setup.name, "%s", kName);
  if (::ioctl(fd, UI_DEV_SETUP, &setup) < 0) return std::string("UI_DEV_SETUP: ") + std::strerror(errno);
  if (::ioctl(fd, UI_DEV_CREATE) < 0) return std::string("UI_DEV_CREATE: ") + std::strerror(errno);
  return {};
}

// Pressed in order, let go in reverse, as fingers do.
bool play(int fd, const std::vector<int>& chord) {
  bool ok = true;
  for (int key : chord) ok = ok && emit(fd, EV_KEY, static_cast<std::uint16_t>(key), 1) && emit(fd, EV_SYN, SYN_REPORT, 0);
  pause_ms(100);
  for (auto key = chord.rbegin(); key != chord.rend(); ++key)
    ok = ok && emit(fd, EV_KEY, static_cast<std::uint16_t>(*key), 0) && emit(fd, EV_SYN, SYN_REPORT, 0);
  pause_ms(500);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse(argc, argv);
  if (!options) {
    std::fprintf(stderr, "usage: kiosk-fake-keyboard --reader PID [--wait-ms N] CHORD... (e.g. ctrl+alt+f2 alt+f4)\n");
    return 2;
  }
  FileDescriptor uinput(::open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC));
  if (!uinput) return fail(std::string("/dev/uinput: ") + std::strerror(errno));
  if (auto error = create_device(uinput.get()); !error.empty()) return fail(error);
  auto deadline = ToolClock::now() + std::chrono::milliseconds(options->wait_ms);
  int status = 0;
  auto node = wait_for_node(kName, deadline);
  if (!node) status = fail(std::string("no /dev/input/event* node named \"") + kName + "\" appeared");
  else if (!wait_opened_by(options->reader, *node, deadline))
    status = fail(*node + ": process " + std::to_string(options->reader) + " did not open it in time");
  for (std::size_t i = 0; status == 0 && i < options->chords.size(); ++i) {
    if (!play(uinput.get(), options->chords[i])) status = fail("writing key events failed");
    else std::printf("pressed chord %zu of %zu\n", i + 1, options->chords.size());
  }
  ::ioctl(uinput.get(), UI_DEV_DESTROY);
  return status;
}
