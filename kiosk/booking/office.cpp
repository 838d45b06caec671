#include "kiosk/booking/office.h"

namespace kiosk {

const Service* OfficeConfig::find_service(std::string_view code) const {
  for (const auto& service : services)
    if (service.code == code) return &service;
  return nullptr;
}

}  // namespace kiosk
