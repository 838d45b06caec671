#include "platform/screen/run_screen.h"

#include <optional>
#include <variant>

#include "platform/screen/camera_preview.h"
#include "platform/screen/frame_history.h"
#include "platform/screen/layout.h"
#include "platform/screen/painter.h"
#include "platform/screen/screen_window.h"
#include "platform/screen/strings_json.h"
#include "kiosk/service/service_screen.h"

namespace kiosk::platform {
namespace {

// Who takes the input: the technician's menu sees every press and release
// first (its hidden gesture), and takes the taps and keys while it is open;
// otherwise they are the applicant's, as before.
class InputRouter {
 public:
  InputRouter(ScreenWindow& window, ScreenFlow& flow, ServiceScreen* service, bool kiosk_mode, const Logger& log)
      : window_(window), flow_(flow), service_(service), kiosk_mode_(kiosk_mode), log_(log) {}

  // The input since the last frame; false when the window was closed.
  bool take(const Layout& layout) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
      if (e.type == SDL_QUIT && !keep_open()) return false;
      route(e, layout);
    }
    return true;
  }

 private:
  // Fullscreen is the kiosk in a public hall: a window manager's Alt+F4 (or
  // any close request) must not end it; only a stop signal does. A window
  // on a desktop closes as windows do.
  bool keep_open() {
    if (!kiosk_mode_) return false;
    if (!close_refused_)
      log_.warn("screen: a request to close the window was ignored (fullscreen kiosk: only a stop ends it)");
    close_refused_ = true;
    return true;
  }

  bool menu_open() const { return service_ && service_->active(); }

  void route(const SDL_Event& e, const Layout& layout) {
    switch (e.type) {
      case SDL_FINGERDOWN:
      case SDL_FINGERUP: {
        // Finger positions are fractions of the window.
        auto [w, h] = window_.window_size();
        auto [x, y] = window_.to_display(static_cast<int>(e.tfinger.x * static_cast<float>(w)),
                                         static_cast<int>(e.tfinger.y * static_cast<float>(h)));
        return e.type == SDL_FINGERDOWN ? press(x, y, layout) : release(x, y);
      }
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP: {
        if (e.button.which == SDL_TOUCH_MOUSEID) return;  // a touch also arrives as a finger
        auto [x, y] = window_.to_display(e.button.x, e.button.y);
        return e.type == SDL_MOUSEBUTTONDOWN ? press(x, y, layout) : release(x, y);
      }
      case SDL_TEXTINPUT: return menu_open() ? service_->text(e.text.text) : flow_.text(e.text.text);
      case SDL_KEYDOWN: return key(e.key.keysym.sym);
      default: return;
    }
  }

  std::pair<double, double> fraction(int x, int y) const {
    const auto& d = window_.display();
    return {static_cast<double>(x) / std::max(1, d.width), static_cast<double>(y) / std::max(1, d.height)};
  }

  void press(int x, int y, const Layout& layout) {
    bool menu = menu_open();
    if (service_) {
      auto [fx, fy] = fraction(x, y);
      service_->touch_down(fx, fy);
    }
    auto b = button_at(layout, x, y);
    if (!b) return;
    if (menu) service_->tap(*b);
    else flow_.tap(*b);
  }

  void release(int x, int y) {
    if (!service_) return;
    auto [fx, fy] = fraction(x, y);
    service_->touch_up(fx, fy, flow_.state().step != FlowState::Step::welcome);
  }

  void key(SDL_Keycode sym) {
    bool enter = sym == SDLK_RETURN || sym == SDLK_KP_ENTER;
    if (menu_open()) {
      if (enter) service_->enter();
      else if (sym == SDLK_BACKSPACE) service_->backspace();
      else if (sym == SDLK_ESCAPE) service_->escape();
      return;
    }
    if (enter) flow_.key(Key::enter);
    else if (sym == SDLK_BACKSPACE) flow_.key(Key::backspace);
    else if (sym == SDLK_ESCAPE) flow_.key(Key::escape);
  }

  ScreenWindow& window_;
  ScreenFlow& flow_;
  ServiceScreen* service_;
  bool kiosk_mode_;
  const Logger& log_;
  bool close_refused_ = false;
};

long long milliseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

// One line per screen change and per decision, once it is on the glass, for
// a technician reading the journal (and the end-to-end test, the bench):
// what the applicant saw and, for a decision, how long after the scan was
// read, and how the screen kept moving meanwhile.
void log_shown(const Logger& log, const std::string& name, std::optional<MonoTime> read_at, MonoTime presented,
               const FrameHistory& frames) {
  std::string line = "screen: shows " + name;
  if (read_at && *read_at != MonoTime{}) {
    auto meanwhile = frames.since(*read_at);
    line += ", " + std::to_string(milliseconds(presented - *read_at)) + " ms after its scan was read (" +
            std::to_string(meanwhile.frames) + " frames presented meanwhile, longest frame " +
            std::to_string(milliseconds(meanwhile.longest)) + " ms)";
  }
  log.info(line);
}

// The camera's newest picture into the texture, before each frame is
// drawn; with the camera offline (no camera area) the placeholder comes back.
// One log line when a picture shows, for a technician aiming the camera
// (and the end-to-end test), and one if SDL cannot take it.
class LivePreview {
 public:
  LivePreview(PreviewMailbox* mailbox, const Logger& log, const Clock& clock)
      : mailbox_(mailbox), log_(log), clock_(clock) {}

  std::optional<PreviewPicture> refresh(SDL_Renderer* renderer, const ViewModel& view) {
    if (!mailbox_) return std::nullopt;
    if (!view.camera) {
      preview_.forget();
      return std::nullopt;
    }
    bool had = preview_.picture().has_value();
    if (!preview_.refresh(renderer, *mailbox_) && !warned_) {
      warned_ = true;
      log_.warn(std::string("screen: cannot show the camera picture: ") + SDL_GetError());
    }
    count_frames();
    auto picture = preview_.picture();
    if (picture && !had)
      log_.info("screen: camera picture in the preview (" + std::to_string(picture->width) + "x" +
                std::to_string(picture->height) + ", mirrored)");
    return picture;
  }

 // Camera frames per second over the last whole second (the service menu's
  // Devices page): frames that reached the screen, not the camera's claim.
  double fps() const { return fps_; }

 private:
  void count_frames() {
    auto now = clock_.monotonic();
    if (now - window_start_ < std::chrono::seconds(1)) return;
    auto seconds = std::chrono::duration<double>(now - window_start_).count();
    fps_ = static_cast<double>(preview_.frames() - window_frames_) / seconds;
    window_start_ = now;
    window_frames_ = preview_.frames();
  }

  PreviewMailbox* mailbox_;
  const Logger& log_;
  const Clock& clock_;
  CameraPreview preview_;
  bool warned_ = false;
  MonoTime window_start_{};
  std::uint64_t window_frames_ = 0;
  double fps_ = 0;
};

// Where each button of a new screen is, at debug level: a technician
// checking a touch panel's calibration, and the end-to-end tests, which tap
// there through a real window.
// The labels of a layout's buttons, to tell when one changed ("Tap again").
std::string button_labels(const Layout& layout) {
  std::string labels;
  for (const auto& e : layout.elements)
    if (e.button && e.kind != Element::Kind::text) labels += e.button->label + "\n";
  return labels;
}

void log_buttons(const Logger& log, const Layout& layout) {
  for (const auto& e : layout.elements)
    if (e.button && e.kind != Element::Kind::text)
      log.debug("screen: button \"" + e.button->label + "\" at " + std::to_string(e.rect.x + e.rect.w / 2) + "," +
                std::to_string(e.rect.y + e.rect.h / 2));
}

}  // namespace

ScreenSettings screen_settings(const KioskConfig& config, std::string office_name, UtcOffset offset) {
  ScreenSettings s;
  s.office_name = std::move(office_name);
  s.offset = offset;
  s.language = language_from(config.language).value_or(Language::id);
  s.whatsapp_number = config.screen.whatsapp_number;
  s.idle_timeout = std::chrono::seconds(config.screen.idle_timeout_seconds);
  s.volume = config.screen.volume;
  return s;
}

namespace {

// The technician's menu, when the shell gave it a desk: its way in and its
// pages, wired to the applicant's screens for the office's defaults.
struct ServiceParts {
  ServiceParts(const ScreenRun& run, ScreenFlow& flow, const StringTable& strings, const Clock& clock,
               const Logger& log)
      : menu(run.pin, clock, log.child("service")),
        screen(menu, *run.desk, strings, clock, ScreenDefaults{flow.settings().language, flow.settings().volume},
               [&flow](const ScreenDefaults& d) { flow.set_defaults(d.language, d.volume); }) {}
  ServiceMenu menu;
  ServiceScreen screen;
};

// Away from welcome, or in the technician's menu, someone is at the kiosk.
void note_activity(ApplicantActivity* activity, const ScreenFlow& flow, const ServiceScreen* service,
                   const Clock& clock) {
  if (!activity) return;
  bool menu = service && service->active();
  activity->set_mid_checkin(menu || flow.state().step != FlowState::Step::welcome);
  activity->touched(menu ? clock.monotonic() : flow.state().last_touch);
}

// What a domain event means to the menu's Devices page.
void tell_menu(ServiceScreen* service, const KioskEvent& event) {
  if (!service) return;
  if (const auto* d = std::get_if<DecisionEvent>(&event)) service->read_by(d->scan.source, d->scan.text);
  if (const auto* seen = std::get_if<ScanSeen>(&event)) service->scan_feedback(seen->feedback);
  if (const auto* held = std::get_if<ScanHeld>(&event)) service->read_by(held->source, held->text);
}

}  // namespace

Status run_screen(EventQueue& events, ScanInlet& submitter, Voice& voice, const Clock& clock, const Logger& log,
                  const ScreenRun& run, const std::atomic<bool>& stop) {
  auto strings = embedded_string_tables();
  if (!strings) return Failure{strings.error()};
  auto fonts = FontSet::open();
  if (!fonts) return Failure{fonts.error()};
  auto window = ScreenWindow::open(run.screen);
  if (!window) return Failure{window.error()};
  const auto& display = (*window)->display();
  log.info("screen: " + std::to_string(display.width) + "x" + std::to_string(display.height) + " px, " +
           std::to_string(static_cast<int>(display.width_mm)) + "x" +
           std::to_string(static_cast<int>(display.height_mm)) + " mm, video driver " + (*window)->driver() +
               ", renderer " + (*window)->renderer_name());

  ScreenFlow flow(*strings, run.settings, clock, submitter, voice);
  std::optional<ServiceParts> menu;
  if (run.desk) menu.emplace(run, flow, *strings, clock, log);
  ServiceScreen* service = menu ? &menu->screen : nullptr;
  bool menu_was_open = false;
  InputRouter input(**window, flow, service, run.screen.fullscreen, log);
  const auto period = std::chrono::microseconds(1000000 / std::max(1, run.frames_per_second));
  auto next_frame = clock.monotonic();
  Layout layout;
  LivePreview preview(run.preview, log, clock);
  std::string shown;
  std::string buttons;  // their labels, as last logged
  FrameHistory frames;
  std::optional<MonoTime> decided;  // when the scan was read whose decision the next frame shows
  for (std::uint64_t frame = 0; !stop.load(); ++frame) {
    if (!input.take(layout)) break;
    flow.tick();
    if (service) {
      service->tick();
      service->camera_fps(preview.fps());
      // Device reads while the menu is open are the technician's tests.
      if (service->active() != menu_was_open) {
        menu_was_open = service->active();
        submitter.hold_device_scans(menu_was_open);
      }
    }
    note_activity(run.activity, flow, service, clock);
    auto view = service && service->active() ? service->view(flow.settings().language) : flow.view();
    layout = lay_out(view, display, **fonts);
    auto* renderer = (*window)->begin_frame();
    auto picture = preview.refresh(renderer, view);
    paint(renderer, layout, **fonts, picture ? &*picture : nullptr);
    (*window)->present();
    auto presented = clock.monotonic();
    frames.presented(presented);
    if (decided || view.name != shown) log_shown(log, view.name, decided, presented, frames);
    if (auto labels = button_labels(layout); labels != buttons) {
      log_buttons(log, layout);
      buttons = std::move(labels);
    }
    shown = view.name;
    decided.reset();
    if (run.on_frame) run.on_frame(frame, view);
    // Until the next frame is due, wait for the domain's events, and only
    // for them. Behind by more than a frame (a slow draw): count again from
    // now rather than hurry to catch up.
    next_frame += period;
    if (clock.monotonic() > next_frame + period) next_frame = clock.monotonic();
    while (auto event = events.next(next_frame)) {
      if (auto* d = std::get_if<DecisionEvent>(&*event)) decided = d->scan.read_at;
      flow.on_event(*event);
      tell_menu(service, *event);
    }
    if (events.closed()) break;
  }
  return ok_status();
}

}  // namespace kiosk::platform
