#pragma once
// zbar (Debian's libzbar) as the second decoder (issue 13): it reads some
// glare shots of phone screens that ZXing-cpp 1.4 misses. Only QR and Code
// 128, the symbologies bookings use; the frame is copied into one
// contiguous 8-bit buffer, which zbar needs (a YUYV frame has stride 2).
#include <memory>
#include <string>
#include <vector>

#include "kiosk/scan/frame_source.h"

// zbar.h declares its C API inside namespace zbar when compiled as C++.
namespace zbar {
struct zbar_image_scanner_s;
}

namespace kiosk::platform {

class ZbarReader {
 public:
  explicit ZbarReader(unsigned formats);
  ZbarReader(ZbarReader&&) noexcept;
  ZbarReader& operator=(ZbarReader&&) noexcept;
  ~ZbarReader();

  // The texts zbar reads in `frame`, none if it reads nothing; only
  // printable ASCII, which is all a booking payload is.
  std::vector<std::string> read(const LumaView& frame);
  bool enabled() const { return scanner_ != nullptr; }

 private:
  struct Destroy {
    void operator()(zbar::zbar_image_scanner_s* scanner) const;
  };
  std::unique_ptr<zbar::zbar_image_scanner_s, Destroy> scanner_;  // null: no format zbar serves
  std::vector<std::uint8_t> buffer_;
};

}  // namespace kiosk::platform
