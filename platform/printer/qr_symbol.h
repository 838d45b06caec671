#pragma once
// A QR code's modules from ZXing's encoder (model 2, error correction M, no
// quiet zone: whoever draws it leaves one), as plain data, for the raster
// tickets and the applicant's screen alike.
#include <string_view>
#include <vector>

namespace kiosk::platform {

struct QrSymbol {
  int size = 0;  // modules across and down; 0 when the payload fits no symbol
  std::vector<bool> dark;

  bool get(int x, int y) const { return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)]; }
};

QrSymbol qr_symbol(std::string_view payload);

}  // namespace kiosk::platform
