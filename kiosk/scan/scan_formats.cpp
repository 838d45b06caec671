#include "kiosk/scan/scan_formats.h"

#include <map>

namespace kiosk {

Expected<unsigned> parse_scan_formats(const std::vector<std::string>& names) {
  static const std::map<std::string, unsigned, std::less<>> table{
      {"qr", kQrCode}, {"code128", kCode128}, {"pdf417", kPdf417}, {"datamatrix", kDataMatrix}, {"aztec", kAztec}};
  unsigned formats = 0;
  for (const auto& name : names) {
    auto it = table.find(name);
    if (it == table.end())
      return Failure{"unknown format \"" + name + "\" (expected qr, code128, pdf417, datamatrix, aztec)"};
    formats |= it->second;
  }
  if (formats == 0) return Failure{"expected at least one format"};
  return formats;
}

}  // namespace kiosk
