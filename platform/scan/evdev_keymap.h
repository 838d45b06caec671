#pragma once
// Key events of a keyboard-wedge scanner to the characters it typed, for a
// US layout (what scanners default to). Pure: fed recorded events in tests,
// the live device in the kiosk.
#include <cstdint>
#include <optional>

namespace kiosk::platform {

class EvdevKeymap {
 public:
  // One input_event's type, code and value. Returns the character a key
  // press produced; '\n' for Enter. Releases, repeats, unknown keys and
  // non-key events give nothing; Shift and Caps Lock are tracked.
  std::optional<char> feed(std::uint16_t type, std::uint16_t code, std::int32_t value);

 private:
  bool left_shift_ = false;
  bool right_shift_ = false;
  bool caps_lock_ = false;
};

// The reverse, for tools that type like a scanner (tests/tools/kiosk-fake-wedge):
// the key and whether Shift is held for `c`; none for what a US keyboard
// cannot type.
struct KeyStroke {
  std::uint16_t code = 0;
  bool shift = false;
};
std::optional<KeyStroke> us_keystroke_for(char c);

}  // namespace kiosk::platform
