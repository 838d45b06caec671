#pragma once
// The applicant's screen as the shell's front end (kiosk without
// --headless): platform/screen's run_screen on the main thread, speech and
// cues through platform/audio. With no display to open (no X or Wayland
// session, no KMSDRM device) it says so once and runs headless, as the
// kiosk did before it had a screen.
#include <iosfwd>
#include <memory>

#include "kiosk/base/log.h"
#include "kiosk/base/waiter.h"
#include "kiosk/events/front_end.h"
#include "platform/app/decision_json.h"
#include "platform/app/runtime.h"
#include "platform/screen/run_screen.h"

namespace kiosk::platform {

// The screen's settings from the config and the office as the kiosk knows it
// at start (a kiosk not yet provisioned shows no office name); a sync refresh
// that changes the office reaches the screen later as OfficeChanged.
ScreenRun screen_run(Runtime& rt);

class ScreenFrontEnd final : public FrontEnd {
 public:
  // `codes`: how the headless lines it may fall back to give booking codes.
  ScreenFrontEnd(ScreenRun run, Waiter& waiter, Logger log, std::istream& in, std::ostream& out,
                 CodeShown codes = CodeShown::whole);
  // Every decision reaches the screen, or the headless lines it falls back to.
  bool lossless() const override { return true; }
  void run(FrontEndPorts ports) override;
  // The camera's frames for the live preview (run_screen's camera area).
  PreviewMailbox* camera_preview() override { return &preview_; }

 private:
  ScreenRun run_;
  Waiter& waiter_;
  Logger log_;
  std::istream& in_;
  std::ostream& out_;
  CodeShown codes_;
  PreviewMailbox preview_;
};

}  // namespace kiosk::platform
