#pragma once
// The technician's pages as ViewModels (issue 14): the PIN entry, Status,
// Devices and Actions, in the technician's chosen language, dense (read from
// arm's length by someone who came to read them). Built from a snapshot of
// the menu's state; pure.
#include <optional>
#include <string>

#include "kiosk/base/time.h"
#include "kiosk/scan/scan_feedback.h"
#include "kiosk/screens/string_table.h"
#include "kiosk/screens/view_model.h"
#include "kiosk/service/service_desk.h"
#include "kiosk/service/service_menu.h"

namespace kiosk {

enum class ServicePage { status, devices, actions };

struct ServicePageState {
  ServiceMenu::Step step = ServiceMenu::Step::pin;
  std::size_t pin_length = 0;
  long lockout_seconds = 0;
  std::optional<PinGate::Outcome> pin_outcome;
  ServicePage page{};
  Instant now{};
  const ServiceStatus* status = nullptr;  // none gathered yet
  std::optional<ServiceAction> running;
  const ServiceReport* report = nullptr;  // the last action's, on the page it was asked from
  std::optional<ServiceAction> armed;     // waiting for its second tap
  ScreenDefaults defaults;
  double camera_fps = 0;
  ScanFeedback scan;
  std::string camera_read, scanner_read;  // masked
};

ViewModel service_view(const ServicePageState& state, const StringTable& strings, Language language);

// "45 s", "3 min", "2 h 5 min": an age in units both languages read.
std::string age_text(std::chrono::seconds age);

}  // namespace kiosk
