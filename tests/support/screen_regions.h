#pragma once
// Between a screen's layout and a picture of it, for comparing pictures
// (image_compare.h): the regions a real kiosk draws differently from a
// sample of the same screen (its clock, its camera's picture, its offline
// word), and what is drawn where two pictures differ, for a failure message
// that names the place. `shrink`: the picture is that many times smaller
// than the layout (a golden image).
#include <string>
#include <vector>

#include "platform/screen/layout.h"
#include "support/image_compare.h"

namespace kiosk::test {

// The smallest region of the shrunk picture that covers the rect.
Region region_of(const platform::Rect& rect, int shrink = 1);

// The clock text, the camera preview and the offline badge, from the layout.
std::vector<Region> live_regions(const platform::Layout& layout, const ViewModel& view, int shrink = 1);

// The elements a region of the picture touches: `button "Ketik kode", text "..."`;
// "the background" when none.
std::string elements_at(const platform::Layout& layout, const Region& region, int shrink = 1);

}  // namespace kiosk::test
