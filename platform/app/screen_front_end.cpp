#include "platform/app/screen_front_end.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>

#include "platform/app/headless.h"
#include "platform/app/menu_defaults.h"
#include "platform/audio/make_voice.h"

namespace kiosk::platform {

ScreenRun screen_run(Runtime& rt) {
  OfficeConfig office;
  if (auto known = rt.office->office_config(); known && *known) office = **known;
  ScreenRun run;
  run.settings = screen_settings(rt.config, office.name, office.utc_offset);
  run.settings.services = office.services;
  // What the service menu set last time beats the provisioned config.
  auto defaults = read_menu_defaults(rt.config.data_dir);
  if (!defaults) rt.logger("screen").warn(defaults.error() + "; the config's language and volume apply");
  if (defaults && *defaults) {
    run.settings.language = (*defaults)->language;
    run.settings.volume = (*defaults)->volume;
  }
  run.screen = rt.config.screen;
  run.activity = &rt.activity;
  return run;
}

ScreenFrontEnd::ScreenFrontEnd(ScreenRun run, Waiter& waiter, Logger log, std::istream& in, std::ostream& out,
                               CodeShown codes)
    : run_(std::move(run)), waiter_(waiter), log_(std::move(log)), in_(in), out_(out), codes_(codes) {}

void ScreenFrontEnd::run(FrontEndPorts ports) {
  auto voice = make_voice(waiter_, log_);
  ScreenRun run = run_;
  run.preview = &preview_;
  run.desk = ports.desk;
  // A frame presented is the front end's proof of progress for the watchdog.
  run.on_frame = [&ports, inner = run_.on_frame](std::uint64_t frame, const ViewModel& view) {
    ports.alive.beat(ports.clock.monotonic());
    if (inner) inner(frame, view);
  };
  std::atomic<bool> stop{false};
  auto shown = run_screen(ports.events, *ports.scans, *voice, ports.clock, log_, run, stop);
  if (!shown) {
    log_.warn("screen: " + shown.error() + "; running headless, scans on stdin");
    HeadlessFrontEnd(in_, out_, log_.child("stdin"), codes_).run(std::move(ports));
    return;
  }
  // The window was closed (a desktop) or the kiosk is stopping. A closed
  // window asks for the same orderly stop as systemd's SIGTERM (the shell's
  // stop-signal watcher takes it); then what is left is drained.
  if (!ports.events.closed()) {
    log_.info("screen: window closed; stopping");
    ::kill(::getpid(), SIGTERM);
  }
  ports.scans->finished();
  while (!ports.events.drained()) {
    ports.events.next(ports.clock.monotonic() + std::chrono::milliseconds(500));
    ports.alive.beat(ports.clock.monotonic());
  }
}

}  // namespace kiosk::platform
