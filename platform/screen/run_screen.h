#pragma once
// The applicant's screen as a front end: an SDL window (fullscreen KMSDRM on
// the kiosk, a window on a desktop, the offscreen driver in tests) drawn at
// a steady frame rate on the calling thread. Between frames it waits only
// on the event queue, with the next frame as its deadline: never on the
// network, the camera, the printer or the store. Scans typed on the screen
// go to the shell's ScanInlet; speech and sounds to the Voice.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"
#include "kiosk/events/event_queue.h"
#include "kiosk/scan/preview_mailbox.h"
#include "kiosk/screens/screen_flow.h"
#include "kiosk/service/pin_gate.h"
#include "kiosk/service/service_desk.h"
#include "kiosk/update/applicant_activity.h"
#include "platform/config/kiosk_config.h"

namespace kiosk::platform {

struct ScreenRun {
  ScreenSettings settings;          // screen_settings() below, with the office's name and offset
  KioskConfig::Screen screen;       // orientation, physical size, fullscreen
  int frames_per_second = 30;
  // Called after each frame is presented, with the view it showed (tests
  // and the benchmark count frames and watch screens with it).
  std::function<void(std::uint64_t frame, const ViewModel& view)> on_frame;
  // The camera's newest frames, shown live in the camera area; null: the
  // placeholder. Taken without waiting (preview_mailbox.h).
  PreviewMailbox* preview = nullptr;
  // The technician's menu (kiosk/service/service_screen.h): its actions, and
  // the PIN's check. Null desk: no menu; null verifier: no PIN is set, so the
  // gesture is only logged.
  ServiceDesk* desk = nullptr;
  const PinVerifier* pin = nullptr;
  // Told every frame whether an applicant (or the technician) is at the
  // screen, for the reboot into an update (kiosk/update/reboot_gate.h); null: nobody asks.
  ApplicantActivity* activity = nullptr;
};

// The screen's settings from the config and the office (its name and UTC offset).
ScreenSettings screen_settings(const KioskConfig& config, std::string office_name, UtcOffset offset);

// Runs until `stop` is set, the window is closed or the queue is closed.
// A failure to open the display is returned at once (the caller runs
// headless then).
Status run_screen(EventQueue& events, ScanInlet& submitter, Voice& voice, const Clock& clock, const Logger& log,
                  const ScreenRun& run, const std::atomic<bool>& stop);

}  // namespace kiosk::platform
