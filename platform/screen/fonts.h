#pragma once
// The screen's fonts (DejaVu, package fonts-dejavu-core: full Latin), opened
// at any pixel size on demand and kept open, and what the layout needs to
// know of them: text width, line height, and the height of a capital.
#include <map>
#include <memory>
#include <string_view>
#include <utility>

#include "kiosk/base/expected.h"
#include "platform/screen/sdl_handles.h"

namespace kiosk::platform {

enum class Face { regular, bold, mono };

class FontSet {
 public:
  static Expected<std::unique_ptr<FontSet>> open();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  TTF_Font* font(Face face, int px);
  int width(Face face, int px, std::string_view text);
  int line_height(Face face, int px);
  int ascent(Face face, int px);
  int cap_height(Face face, int px);  // the capital H, from the glyph's metrics
  // The smallest pixel size whose capitals are at least `cap_px` tall.
  int size_for_cap(Face face, int cap_px);

 private:
  FontSet() = default;
  std::map<std::pair<Face, int>, TtfFont> fonts_;
};

}  // namespace kiosk::platform
