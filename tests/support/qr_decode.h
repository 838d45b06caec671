#pragma once
// What a counter scanner reads from a picture of a ticket: ZXing's reader,
// QR codes only, on a grey-scale image (0 black, 255 white).
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::test {

// The text of the QR code in the image, empty when none can be read.
std::string decode_qr(const std::vector<std::uint8_t>& luma, int width, int height);

}  // namespace kiosk::test
