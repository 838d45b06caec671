#pragma once
// The barcode symbologies the kiosk looks for, as a bit set. Bookings use QR
// and Code 128; PDF417, Data Matrix and Aztec can be enabled in the config.
#include <string>
#include <vector>

#include "kiosk/base/expected.h"

namespace kiosk {

enum ScanFormat : unsigned {
  kQrCode = 1u << 0,
  kCode128 = 1u << 1,
  kPdf417 = 1u << 2,
  kDataMatrix = 1u << 3,
  kAztec = 1u << 4,
};
constexpr unsigned kDefaultFormats = kQrCode | kCode128;

// "qr", "code128", "pdf417", "datamatrix", "aztec"; the error names the bad one.
Expected<unsigned> parse_scan_formats(const std::vector<std::string>& names);

}  // namespace kiosk
