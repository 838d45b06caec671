#include "support/qr_decode.h"

#include <ZXing/ReadBarcode.h>

namespace kiosk::test {

std::string decode_qr(const std::vector<std::uint8_t>& luma, int width, int height) {
  auto result = ZXing::ReadBarcode({luma.data(), width, height, ZXing::ImageFormat::Lum},
                                   ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
  if (!result.isValid()) return "";
  auto text = result.text();  // ZXing 1.4: a wide string; ticket payloads are ASCII
  return std::string(text.begin(), text.end());
}

}  // namespace kiosk::test
