#pragma once
// The technician's menu on the screen (issue 14): the way in (ServiceMenu:
// gesture, PIN, idle exit), then three pages (Status, Devices, Actions) as
// ViewModels the applicant's renderer draws, and the actions handed to the
// ServiceDesk port. The front end (platform/screen/run_screen) gives every
// touch to this first; while active() it shows view() instead of the
// applicant's screen. Pure: no SDL, no devices; never waits.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/base/log.h"
#include "kiosk/base/waiter.h"
#include "kiosk/scan/scan_feedback.h"
#include "kiosk/screens/string_table.h"
#include "kiosk/screens/view_model.h"
#include "kiosk/service/service_desk.h"
#include "kiosk/service/service_menu.h"
#include "kiosk/service/service_pages.h"

namespace kiosk {

class ServiceScreen {
 public:
  // `on_defaults`: the menu changed the office's default language or
  // volume (the applicant's screen starts the next applicant from them).
  ServiceScreen(ServiceMenu& menu, ServiceDesk& desk, const StringTable& strings, const Clock& clock,
                ScreenDefaults defaults, std::function<void(const ScreenDefaults&)> on_defaults = {});

  bool active() const { return menu_.step() != ServiceMenu::Step::closed; }

  // Screen fractions (0..1). `mid_checkin`: an applicant is being served.
  void touch_down(double x, double y);
  void touch_up(double x, double y, bool mid_checkin);
  void tap(const ViewButton& button);
  void text(std::string_view typed);  // a USB keyboard: the PIN's digits
  void enter();
  void backspace();
  void escape();
  void tick();  // timers and the desk's answers: call every frame

  // What the devices did, for the Devices page: the camera's frames per
  // second as the screen receives them, and each read (shown masked).
  void camera_fps(double fps) { camera_fps_ = fps; }
  void scan_feedback(const ScanFeedback& feedback) { scan_ = feedback; }
  void read_by(const std::string& source, const std::string& text);

  ViewModel view(Language language) const;
  ServicePage page() const { return page_; }

 private:
  void run(ServiceAction action);
  void ask_status();                   // now, unless an action is running
  void refresh_status_if_due(MonoTime now);

  ServiceMenu& menu_;
  ServiceDesk& desk_;
  const StringTable& strings_;
  const Clock& clock_;
  ScreenDefaults defaults_;
  std::function<void(const ScreenDefaults&)> on_defaults_;
  ServicePage page_ = ServicePage::status;
  std::optional<PinGate::Outcome> pin_outcome_;  // the last PIN's, until the next digit
  std::optional<ServiceStatus> status_;
  std::optional<ServiceAction> running_;
  std::optional<ServiceReport> report_;
  std::optional<ServicePage> report_page_;
  // Restart and reboot take a second tap within a few seconds.
  std::optional<ServiceAction> armed_;
  MonoTime armed_at_{};
  MonoTime status_asked_{};
  double camera_fps_ = 0;
  ScanFeedback scan_;
  std::string camera_read_, scanner_read_;  // masked
};

}  // namespace kiosk
