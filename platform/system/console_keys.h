#pragma once
// On the kiosk, tty1 is the kiosk's (kiosk.service: TTYPath=/dev/tty1,
// StandardInput=tty-force), and its keyboard is whoever plugs one in. The
// terminal would turn Ctrl-C, Ctrl-\ and Ctrl-Z into signals to the kiosk
// (stop it, kill it with a core, freeze it until the watchdog). On a
// virtual console those keys are made plain input instead, for as long as
// the guard lives. A technician's terminal (a pty: ssh, a desktop) keeps
// them: there Ctrl-C is how a run is stopped (stop_signals.h).
#include <termios.h>

#include <optional>
#include <string>

namespace kiosk::platform {

// Whether `fd` is a Linux virtual console (/dev/ttyN), not a pty or a pipe.
bool is_virtual_console(int fd);

class SignalKeysAsText {
 public:
  // Turns off the signal keys of the terminal on `fd` (ISIG), and Ctrl-S/
  // Ctrl-Q flow control (IXON) and Ctrl-V/Ctrl-O (IEXTEN) with them;
  // restores the settings when destroyed. `error()` says why not, if not.
  explicit SignalKeysAsText(int fd);
  ~SignalKeysAsText();
  SignalKeysAsText(const SignalKeysAsText&) = delete;
  SignalKeysAsText& operator=(const SignalKeysAsText&) = delete;

  const std::string& error() const { return error_; }

 private:
  int fd_;
  std::optional<termios> saved_;
  std::string error_;
};

}  // namespace kiosk::platform
