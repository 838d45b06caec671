#pragma once
// What the applicant's screen shows, as plain data: every text already in
// the applicant's language with its placeholders filled, every button with
// the action it stands for. The screens (screen_flow.h) build it; a renderer
// (platform/screen) only lays it out and draws it, and never decides what
// to say.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/scan/scan_feedback.h"
#include "kiosk/screens/language.h"

namespace kiosk {

enum class ScreenId { welcome, registration, registration_text, typing, birth_date, verifying, admitted, verdict, busy,
                      service };  // service: the technician's menu (kiosk/service/service_screen.h)

// Drawn beside the title, so colour is never the only cue.
// tilt_phone: a picture (a phone tilted out of a light's reflection), not a glyph.
enum class Icon { none, camera, check, cross, clock, calendar, info, printer, keyboard, phone, tilt_phone };
enum class Tone { neutral, success, problem };

enum class Action {
  type_code,
  language,
  priority,
  registration,   // how to register by WhatsApp
  registration_text,
  speak,
  stop_speaking,
  volume,         // the next step of the volume
  done,           // back to welcome
  back,
  extend,         // "I am still here": the timeout starts again
  key,            // one keypad key (ViewButton::key)
  erase,
  submit,
  // The technician's menu (kiosk/service/service_screen.h); the button's
  // `target` says which page or which ServiceAction.
  service_page,
  service_run,
  service_close,
};

struct ViewButton {
  Action action = Action::done;
  std::string label;
  std::string short_label;  // for a small display, when the label does not fit; empty: none
  char key = 0;          // Action::key: the character it types
  bool primary = false;  // the one thing to do next
  bool on = false;       // a toggle that is on (priority); the label says so too
  bool enabled = true;
  int target = 0;        // Action::service_page / service_run: which one
};

struct ViewModel {
  ScreenId screen = ScreenId::welcome;
  std::string name;  // "welcome", "late", ...: for logs, tests and screenshots
  Language language = Language::id;
  Tone tone = Tone::neutral;
  Icon icon = Icon::none;

  std::string office;  // welcome header
  std::string clock;   // "17-08-2017 09:00", office time
  std::string offline; // a calm word when the central service is unreachable; empty online

  std::string title;
  std::vector<std::string> lines;
  std::string queue_number;  // the largest thing on the screen when present
  std::string entry;         // typed so far, a dot (U+00B7) for each character still to come
  std::string qr_payload;    // drawn as a QR code

  // A technician's page: smaller text and buttons, read from arm's length
  // by someone who came to read it, not the applicant's sizes.
  bool dense = false;

  bool camera = false;  // the live camera preview area with its aiming frame
  ScanFeedback scan;    // where a symbol is, in camera frame pixels

  std::vector<ViewButton> keypad;
  std::vector<ViewButton> buttons;

  struct Warning {
    std::string text;
    ViewButton extend;
  };
  std::optional<Warning> warning;  // the idle timeout is near
};

}  // namespace kiosk
