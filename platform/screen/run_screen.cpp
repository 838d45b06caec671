#include "platform/screen/run_screen.h"

#include <optional>
#include <variant>

#include "platform/screen/camera_preview.h"
#include "platform/screen/frame_history.h"
#include "platform/screen/layout.h"
#include "platform/screen/painter.h"
#include "platform/screen/screen_window.h"
#include "platform/screen/strings_json.h"

namespace kiosk::platform {
namespace {

// The applicant's input since the last frame, handed to the screens.
// False when the window was closed.
bool take_input(ScreenWindow& window, const Layout& layout, ScreenFlow& flow) {
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    switch (e.type) {
      case SDL_QUIT: return false;
      case SDL_FINGERDOWN: {
        // Finger positions are fractions of the window.
        auto [w, h] = window.window_size();
        auto [x, y] = window.to_display(static_cast<int>(e.tfinger.x * static_cast<float>(w)),
                                        static_cast<int>(e.tfinger.y * static_cast<float>(h)));
        if (auto b = button_at(layout, x, y)) flow.tap(*b);
        break;
      }
      case SDL_MOUSEBUTTONDOWN:
        if (e.button.which != SDL_TOUCH_MOUSEID) {  // a touch also arrives as a finger
          auto [x, y] = window.to_display(e.button.x, e.button.y);
          if (auto b = button_at(layout, x, y)) flow.tap(*b);
        }
        break;
      case SDL_TEXTINPUT: flow.text(e.text.text); break;
      case SDL_KEYDOWN:
        if (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER) flow.key(Key::enter);
        else if (e.key.keysym.sym == SDLK_BACKSPACE) flow.key(Key::backspace);
        else if (e.key.keysym.sym == SDLK_ESCAPE) flow.key(Key::escape);
        break;
      default: break;
    }
  }
  return true;
}

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
  LivePreview(PreviewMailbox* mailbox, const Logger& log) : mailbox_(mailbox), log_(log) {}

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
    auto picture = preview_.picture();
    if (picture && !had)
      log_.info("screen: camera picture in the preview (" + std::to_string(picture->width) + "x" +
                std::to_string(picture->height) + ", mirrored)");
    return picture;
  }

 private:
  PreviewMailbox* mailbox_;
  const Logger& log_;
  CameraPreview preview_;
  bool warned_ = false;
};

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
  const auto period = std::chrono::microseconds(1000000 / std::max(1, run.frames_per_second));
  auto next_frame = clock.monotonic();
  Layout layout;
  LivePreview preview(run.preview, log);
  std::string shown;
  FrameHistory frames;
  std::optional<MonoTime> decided;  // when the scan was read whose decision the next frame shows
  for (std::uint64_t frame = 0; !stop.load(); ++frame) {
    if (!take_input(**window, layout, flow)) break;
    flow.tick();
    auto view = flow.view();
    layout = lay_out(view, display, **fonts);
    auto* renderer = (*window)->begin_frame();
    auto picture = preview.refresh(renderer, view);
    paint(renderer, layout, **fonts, picture ? &*picture : nullptr);
    (*window)->present();
    auto presented = clock.monotonic();
    frames.presented(presented);
    if (decided || view.name != shown) log_shown(log, view.name, decided, presented, frames);
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
    }
    if (events.closed()) break;
  }
  return ok_status();
}

}  // namespace kiosk::platform
