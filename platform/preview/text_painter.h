#pragma once
// Draws printer text into a Bitmap: each character fills a Font A cell of
// 12x24 dots times the character scale, as a thermal printer lays it out.
#include <memory>
#include <string_view>

#include "kiosk/base/expected.h"
#include "platform/preview/bitmap.h"

namespace kiosk::platform {

class TextPainter {
 public:
  static kiosk::Expected<std::unique_ptr<TextPainter>> open();
  ~TextPainter();
  TextPainter(const TextPainter&) = delete;
  TextPainter& operator=(const TextPainter&) = delete;

  // `text` in PC437 bytes; ASCII is drawn as is, other bytes as their
  // Latin-1 look-alike where one exists.
  void draw(Bitmap& paper, int x, int y, std::string_view text, int width_scale, int height_scale, bool bold);

 private:
  struct Fonts;
  explicit TextPainter(std::unique_ptr<Fonts> fonts);
  std::unique_ptr<Fonts> fonts_;
};

}  // namespace kiosk::platform
