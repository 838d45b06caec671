#include "support/screen_regions.h"

namespace kiosk::test {
namespace {

using Kind = platform::Element::Kind;
using Role = platform::Element::Role;

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::text: return "text";
    case Kind::button: return "button";
    case Kind::key: return "key";
    case Kind::field: return "field";
    case Kind::icon: return "icon";
    case Kind::qr: return "QR code";
    case Kind::camera: return "camera";
    case Kind::badge: return "badge";
  }
  return "element";
}

// A box's name is its label (the text inside it).
std::string name_of(const platform::Layout& layout, std::size_t i) {
  const auto& e = layout.elements[i];
  std::string name = kind_name(e.kind);
  std::string text = e.text;
  for (const auto& child : layout.elements)
    if (child.parent == static_cast<int>(i) && text.empty()) text = child.text;
  return text.empty() ? name : name + " \"" + text + "\"";
}

}  // namespace

Region region_of(const platform::Rect& rect, int shrink) {
  int x = rect.x / shrink, y = rect.y / shrink;
  return Region{x, y, (rect.right() + shrink - 1) / shrink - x, (rect.bottom() + shrink - 1) / shrink - y};
}

std::vector<Region> live_regions(const platform::Layout& layout, const ViewModel& view, int shrink) {
  std::vector<Region> out;
  for (const auto& e : layout.elements) {
    bool clock = e.kind == Kind::text && e.role == Role::header && !view.clock.empty() && e.text == view.clock;
    if (clock || e.kind == Kind::camera || e.kind == Kind::badge) out.push_back(region_of(e.rect, shrink));
  }
  return out;
}

std::string elements_at(const platform::Layout& layout, const Region& region, int shrink) {
  platform::Rect r{region.x * shrink, region.y * shrink, region.w * shrink, region.h * shrink};
  std::string out;
  for (std::size_t i = 0; i < layout.elements.size(); ++i) {
    const auto& e = layout.elements[i];
    // A label inside its box is named with the box.
    if (!e.rect.intersects(r) || (e.parent >= 0 && layout.elements[static_cast<std::size_t>(e.parent)].rect.intersects(r)))
      continue;
    out += (out.empty() ? "" : ", ") + name_of(layout, i);
  }
  return out.empty() ? "the background" : out;
}

}  // namespace kiosk::test
