#include "platform/scan/zbar_reader.h"

#include <zbar.h>

#include <algorithm>
#include <string_view>

#include "kiosk/scan/scan_formats.h"

namespace kiosk::platform {
namespace {

using namespace zbar;

// zbar guesses the character set of a QR code's bytes and can guess wrong
// (a UTF-8 MECARD read as Shift-JIS). Booking payloads are printable ASCII
// (central-api.md), so anything else from zbar is no read rather than a
// wrong one.
bool printable_ascii(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

struct ImageDestroy {
  void operator()(zbar_image_t* image) const { zbar_image_destroy(image); }
};

}  // namespace

void ZbarReader::Destroy::operator()(zbar::zbar_image_scanner_s* scanner) const {
  zbar::zbar_image_scanner_destroy(scanner);
}

ZbarReader::ZbarReader(unsigned formats) {
  bool qr = formats & kQrCode, code128 = formats & kCode128;
  if (!qr && !code128) return;
  scanner_.reset(zbar_image_scanner_create());
  // Everything off, then only what bookings use: fewer symbologies, fewer
  // false reads of noise as some linear code.
  zbar_image_scanner_set_config(scanner_.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  if (qr) zbar_image_scanner_set_config(scanner_.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  if (code128) zbar_image_scanner_set_config(scanner_.get(), ZBAR_CODE128, ZBAR_CFG_ENABLE, 1);
}

ZbarReader::ZbarReader(ZbarReader&&) noexcept = default;
ZbarReader& ZbarReader::operator=(ZbarReader&&) noexcept = default;
ZbarReader::~ZbarReader() = default;

std::vector<std::string> ZbarReader::read(const LumaView& frame) {
  std::vector<std::string> texts;
  if (!scanner_ || frame.empty()) return texts;
  buffer_.resize(static_cast<std::size_t>(frame.width) * frame.height);
  for (int y = 0; y < frame.height; ++y)
    for (int x = 0; x < frame.width; ++x) buffer_[static_cast<std::size_t>(y) * frame.width + x] = frame.at(x, y);
  std::unique_ptr<zbar_image_t, ImageDestroy> image(zbar_image_create());
  zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image.get(), static_cast<unsigned>(frame.width), static_cast<unsigned>(frame.height));
  zbar_image_set_data(image.get(), buffer_.data(), buffer_.size(), nullptr);  // ours: no cleanup
  if (zbar_scan_image(scanner_.get(), image.get()) <= 0) return texts;
  for (auto* symbol = zbar_image_first_symbol(image.get()); symbol; symbol = zbar_symbol_next(symbol)) {
    std::string text(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
    if (printable_ascii(text)) texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace kiosk::platform
