#pragma once
// Where everything of a ViewModel goes on a given display, in pixels, with
// every size derived from millimetres (display.h): body text with capitals
// of at least 7.5 mm, buttons of at least 20 mm, keypad keys of at least
// 12 mm, the queue number as large as the screen allows (40 mm where it is
// wide enough). The painter draws a Layout; the screenshot tests check one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/view_model.h"
#include "platform/screen/display.h"
#include "platform/screen/fonts.h"

namespace kiosk::platform {

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
  int right() const { return x + w; }
  int bottom() const { return y + h; }
  bool contains(const Rect& r) const { return r.x >= x && r.y >= y && r.right() <= right() && r.bottom() <= bottom(); }
  bool intersects(const Rect& r) const { return r.x < right() && x < r.right() && r.y < bottom() && y < r.bottom(); }
  bool contains(int px, int py) const { return px >= x && py >= y && px < right() && py < bottom(); }
};

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

struct Element {
  enum class Kind { text, button, key, field, icon, qr, camera, badge };
  // What a text is, for the size rules the tests check.
  enum class Role { none, title, body, header, number, entry, label };
  Kind kind = Kind::text;
  Role role = Role::none;
  Rect rect;
  Color fg, bg;  // bg: the fill of a box; for text, what it is drawn on
  std::string text;
  Face face = Face::regular;
  int px = 0;             // font size
  int cap = 0;            // capital height at that size, pixels
  bool tight = false;     // text box cut to its capitals (the queue number)
  int parent = -1;        // the box a text is inside
  std::optional<ViewButton> button;
  std::string qr_payload;
  ScanFeedback scan;
  Icon icon = Icon::none;
};

struct Layout {
  Display display;
  Color background;
  std::vector<Element> elements;
  // The view did not fit the display: what did not (empty when it did).
  std::vector<std::string> overflow;
  // On a small display, what was left out so the rest fits at its size
  // (the speak button still says it): the header, the last lines.
  std::vector<std::string> dropped;
};

// Tries the full view first; when it does not fit, short button labels,
// the actions as keypad keys, no header, then fewer lines, in that order.
Layout lay_out(const ViewModel& view, const Display& display, FontSet& fonts);

// The button or key under a touch, if any.
std::optional<ViewButton> button_at(const Layout& layout, int x, int y);

}  // namespace kiosk::platform
