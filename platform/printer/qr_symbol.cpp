#include "platform/printer/qr_symbol.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace kiosk::platform {

QrSymbol qr_symbol(std::string_view payload) {
  ZXing::BitMatrix modules;
  try {
    // ZXing 1.4 takes 0-8 and maps 3-4 to level M.
    modules = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(0).setEccLevel(4).encode(
        std::string(payload), 0, 0);
  } catch (const std::exception&) {
    return {};
  }
  QrSymbol symbol;
  symbol.size = modules.width();
  symbol.dark.resize(static_cast<std::size_t>(symbol.size) * static_cast<std::size_t>(symbol.size));
  for (int y = 0; y < symbol.size; ++y)
    for (int x = 0; x < symbol.size; ++x)
      symbol.dark[static_cast<std::size_t>(y * symbol.size + x)] = modules.get(x, y);
  return symbol;
}

}  // namespace kiosk::platform
