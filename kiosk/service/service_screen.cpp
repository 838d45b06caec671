#include "kiosk/service/service_screen.h"

#include "kiosk/booking/booking_code.h"
#include "kiosk/screens/volume_steps.h"

namespace kiosk {
namespace {

// The Status and Devices pages are gathered again this often while shown.
constexpr std::chrono::seconds kStatusEvery{2};
// Restart, reboot and an update (which reboots): the second tap must come within this.
constexpr std::chrono::seconds kArmedFor{5};

bool needs_second_tap(ServiceAction action) {
  return action == ServiceAction::restart || action == ServiceAction::reboot ||
         action == ServiceAction::install_update;
}

}  // namespace

ServiceScreen::ServiceScreen(ServiceMenu& menu, ServiceDesk& desk, const StringTable& strings, const Clock& clock,
                             ScreenDefaults defaults, std::function<void(const ScreenDefaults&)> on_defaults)
    : menu_(menu),
      desk_(desk),
      strings_(strings),
      clock_(clock),
      defaults_(defaults),
      on_defaults_(std::move(on_defaults)) {}

void ServiceScreen::touch_down(double x, double y) { menu_.touch_down(x, y); }

void ServiceScreen::touch_up(double x, double y, bool mid_checkin) {
  bool was_closed = !active();
  menu_.touch_up(x, y, mid_checkin);
  if (was_closed && active()) {
    pin_outcome_.reset();
    page_ = ServicePage::status;
    report_.reset();
    armed_.reset();
  }
}

void ServiceScreen::tap(const ViewButton& button) {
  if (!button.enabled) return;  // greyed while an action runs
  switch (button.action) {
    case Action::key:
      pin_outcome_.reset();
      return menu_.key(button.key);
    case Action::erase: return menu_.erase();
    case Action::submit: return enter();
    case Action::service_close: return menu_.leave();
    case Action::service_page:
      page_ = static_cast<ServicePage>(button.target);
      armed_.reset();
      return ask_status();
    case Action::service_run: return run(static_cast<ServiceAction>(button.target));
    case Action::language:
      defaults_.language = defaults_.language == Language::id ? Language::en : Language::id;
      return run(ServiceAction::save_defaults);
    case Action::volume:
      defaults_.volume = next_volume(defaults_.volume);
      return run(ServiceAction::save_defaults);
    default: return;
  }
}

void ServiceScreen::text(std::string_view typed) {
  for (char c : typed) {
    pin_outcome_.reset();
    menu_.key(c);
  }
}

void ServiceScreen::enter() {
  if (auto outcome = menu_.submit()) {
    pin_outcome_ = outcome;
    if (*outcome == PinGate::Outcome::accepted) ask_status();
  }
}

void ServiceScreen::backspace() { menu_.erase(); }

void ServiceScreen::escape() { menu_.leave(); }

void ServiceScreen::read_by(const std::string& source, const std::string& text) {
  if (source == "camera") camera_read_ = redact_code(text);
  if (source == "wedge") scanner_read_ = redact_code(text);
}

void ServiceScreen::run(ServiceAction action) {
  auto now = clock_.monotonic();
  if (needs_second_tap(action) && !(armed_ == action && now - armed_at_ <= kArmedFor)) {
    armed_ = action;
    armed_at_ = now;
    return;
  }
  armed_.reset();
  if (!desk_.request(action, defaults_)) return;  // another action is running: its button is greyed
  running_ = action;
  report_.reset();
  report_page_ = page_;
  if (action == ServiceAction::save_defaults && on_defaults_) on_defaults_(defaults_);
}

void ServiceScreen::ask_status() {
  if (running_) return;
  status_asked_ = clock_.monotonic();
  if (desk_.request(ServiceAction::status)) running_ = ServiceAction::status;
}

void ServiceScreen::refresh_status_if_due(MonoTime now) {
  if (now - status_asked_ >= kStatusEvery) ask_status();
}

void ServiceScreen::tick() {
  menu_.tick();
  if (auto status = desk_.status()) status_ = std::move(status);
  if (auto report = desk_.take_report()) {
    running_.reset();
    if (report->action != ServiceAction::status) report_ = std::move(report);
  }
  if (!active()) return;
  auto now = clock_.monotonic();
  if (armed_ && now - armed_at_ > kArmedFor) armed_.reset();
  if (menu_.step() == ServiceMenu::Step::open && page_ != ServicePage::actions) refresh_status_if_due(now);
}

ViewModel ServiceScreen::view(Language language) const {
  ServicePageState state;
  state.step = menu_.step();
  state.pin_length = menu_.pin_length();
  state.lockout_seconds = menu_.lockout_seconds();
  state.pin_outcome = pin_outcome_;
  state.page = page_;
  state.now = clock_.now();
  state.status = status_ ? &*status_ : nullptr;
  state.running = running_ == ServiceAction::status ? std::nullopt : running_;
  state.report = report_ && report_page_ == page_ ? &*report_ : nullptr;
  state.armed = armed_;
  state.defaults = defaults_;
  state.camera_fps = camera_fps_;
  state.scan = scan_;
  state.camera_read = camera_read_;
  state.scanner_read = scanner_read_;
  return service_view(state, strings_, language);
}

}  // namespace kiosk
