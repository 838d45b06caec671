#pragma once
// The display as the layout sees it: its pixels and its physical size, so
// that every size on the screen can be set in millimetres (a 7-inch
// 800x480 panel and a 21.5-inch 1920x1080 one show the same 7.5 mm text).
namespace kiosk::platform {

struct Display {
  int width = 800;  // pixels
  int height = 480;
  double width_mm = 154;
  double height_mm = 86;

  double px_per_mm_x() const { return width / width_mm; }
  double px_per_mm_y() const { return height / height_mm; }
  int mm_x(double mm) const { return static_cast<int>(mm * px_per_mm_x() + 0.5); }
  int mm_y(double mm) const { return static_cast<int>(mm * px_per_mm_y() + 0.5); }
  bool portrait() const { return height > width; }
};

// A display of so many pixels and millimetres; a size not known (0) is
// taken at 96 pixels per inch, a desktop monitor's (a kiosk's config says
// its panel's: docs/config.md, screen.width_mm).
inline Display display_of(int width, int height, double width_mm = 0, double height_mm = 0) {
  constexpr double kAssumedDpi = 96;
  return Display{width, height, width_mm > 0 ? width_mm : width * 25.4 / kAssumedDpi,
                 height_mm > 0 ? height_mm : height * 25.4 / kAssumedDpi};
}

}  // namespace kiosk::platform
