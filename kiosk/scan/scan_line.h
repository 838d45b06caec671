#pragma once
// How long one scan line may be, wherever it comes from (stdin, a keyboard
// wedge, text typed on the screen). A booking payload is a few hundred bytes;
// anything longer is a stuck key, a wrong device or an attack, and must not
// grow memory or the log. The first kMaxScanLine bytes are kept (and come
// back invalid_code), the rest is discarded and said so in one log line.
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

constexpr std::size_t kMaxScanLine = 4096;

// The log line for a line that was cut.
inline std::string cut_scan_line_note(std::string_view source, std::size_t discarded) {
  return std::string(source) + ": a scan line longer than " + std::to_string(kMaxScanLine) + " bytes was cut; " +
         std::to_string(discarded) + " bytes discarded";
}

}  // namespace kiosk
