#pragma once
#include <mutex>

#include "kiosk/base/log.h"

namespace kiosk::platform {

// One line per message on stderr: "<level> <component>: <message>". Under
// systemd stderr goes to the journal, which adds the time; the level is also
// given as a syslog prefix (<3> .. <7>) when `syslog_prefix` is set.
class StderrLogSink final : public LogSink {
 public:
  explicit StderrLogSink(bool syslog_prefix = false) : syslog_prefix_(syslog_prefix) {}
  void write(LogLevel level, std::string_view component, std::string_view message) override;

 private:
  bool syslog_prefix_;
  std::mutex mutex_;
};

}  // namespace kiosk::platform
