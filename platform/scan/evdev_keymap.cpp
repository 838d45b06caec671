#include "platform/scan/evdev_keymap.h"

#include <linux/input-event-codes.h>

#include <map>
#include <utility>

namespace kiosk::platform {
namespace {

// Unshifted and shifted character of each printable key (US layout).
const std::map<std::uint16_t, std::pair<char, char>>& us_layout() {
  static const std::map<std::uint16_t, std::pair<char, char>> keys{
      {KEY_1, {'1', '!'}},          {KEY_2, {'2', '@'}},           {KEY_3, {'3', '#'}},
      {KEY_4, {'4', '$'}},          {KEY_5, {'5', '%'}},           {KEY_6, {'6', '^'}},
      {KEY_7, {'7', '&'}},          {KEY_8, {'8', '*'}},           {KEY_9, {'9', '('}},
      {KEY_0, {'0', ')'}},          {KEY_MINUS, {'-', '_'}},       {KEY_EQUAL, {'=', '+'}},
      {KEY_LEFTBRACE, {'[', '{'}},  {KEY_RIGHTBRACE, {']', '}'}},  {KEY_SEMICOLON, {';', ':'}},
      {KEY_APOSTROPHE, {'\'', '"'}}, {KEY_GRAVE, {'`', '~'}},      {KEY_BACKSLASH, {'\\', '|'}},
      {KEY_COMMA, {',', '<'}},      {KEY_DOT, {'.', '>'}},         {KEY_SLASH, {'/', '?'}},
      {KEY_SPACE, {' ', ' '}},      {KEY_KP0, {'0', '0'}},         {KEY_KP1, {'1', '1'}},
      {KEY_KP2, {'2', '2'}},        {KEY_KP3, {'3', '3'}},         {KEY_KP4, {'4', '4'}},
      {KEY_KP5, {'5', '5'}},        {KEY_KP6, {'6', '6'}},         {KEY_KP7, {'7', '7'}},
      {KEY_KP8, {'8', '8'}},        {KEY_KP9, {'9', '9'}},         {KEY_KPMINUS, {'-', '-'}},
      {KEY_KPPLUS, {'+', '+'}},     {KEY_KPDOT, {'.', '.'}},       {KEY_KPSLASH, {'/', '/'}},
      {KEY_KPASTERISK, {'*', '*'}},
  };
  return keys;
}

// The letter keys are not in code order (QWERTY rows), so by name.
const std::map<std::uint16_t, char>& letters() {
  static const std::map<std::uint16_t, char> keys{
      {KEY_A, 'a'}, {KEY_B, 'b'}, {KEY_C, 'c'}, {KEY_D, 'd'}, {KEY_E, 'e'}, {KEY_F, 'f'}, {KEY_G, 'g'},
      {KEY_H, 'h'}, {KEY_I, 'i'}, {KEY_J, 'j'}, {KEY_K, 'k'}, {KEY_L, 'l'}, {KEY_M, 'm'}, {KEY_N, 'n'},
      {KEY_O, 'o'}, {KEY_P, 'p'}, {KEY_Q, 'q'}, {KEY_R, 'r'}, {KEY_S, 's'}, {KEY_T, 't'}, {KEY_U, 'u'},
      {KEY_V, 'v'}, {KEY_W, 'w'}, {KEY_X, 'x'}, {KEY_Y, 'y'}, {KEY_Z, 'z'},
  };
  return keys;
}

constexpr std::int32_t kRelease = 0;
constexpr std::int32_t kPress = 1;

}  // namespace

std::optional<char> EvdevKeymap::feed(std::uint16_t type, std::uint16_t code, std::int32_t value) {
  if (type != EV_KEY) return std::nullopt;
  if (code == KEY_LEFTSHIFT) left_shift_ = value != kRelease;
  if (code == KEY_RIGHTSHIFT) right_shift_ = value != kRelease;
  if (value != kPress) return std::nullopt;  // releases and auto-repeat
  if (code == KEY_CAPSLOCK) caps_lock_ = !caps_lock_;
  if (code == KEY_ENTER || code == KEY_KPENTER) return '\n';
  bool shift = left_shift_ || right_shift_;
  if (auto letter = letters().find(code); letter != letters().end()) {
    char c = letter->second;
    return shift != caps_lock_ ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (auto key = us_layout().find(code); key != us_layout().end()) return shift ? key->second.second : key->second.first;
  return std::nullopt;
}

std::optional<KeyStroke> us_keystroke_for(char c) {
  if (c == '\n') return KeyStroke{KEY_ENTER, false};
  for (const auto& [code, letter] : letters()) {
    if (c == letter) return KeyStroke{code, false};
    if (c == letter - 'a' + 'A') return KeyStroke{code, true};
  }
  // Main-block keys first: a keypad key would also type the digit.
  for (const auto& [code, chars] : us_layout()) {
    if (code >= KEY_KP7 && code <= KEY_KPDOT) continue;
    if (code == KEY_KPSLASH || code == KEY_KPASTERISK) continue;
    if (c == chars.first) return KeyStroke{code, false};
    if (c == chars.second) return KeyStroke{code, true};
  }
  return std::nullopt;
}

}  // namespace kiosk::platform
