#include "platform/system/stderr_log_sink.h"

#include <cstdio>
#include <string>

namespace kiosk::platform {
namespace {

const char* syslog_priority(LogLevel level) {
  switch (level) {
    case LogLevel::debug: return "<7>";
    case LogLevel::info: return "<6>";
    case LogLevel::warn: return "<4>";
    case LogLevel::error: return "<3>";
  }
  return "<6>";
}

}  // namespace

void StderrLogSink::write(LogLevel level, std::string_view component, std::string_view message) {
  std::string line = syslog_prefix_ ? syslog_priority(level) : "";
  line += to_string(level);
  line += ' ';
  line += component;
  line += ": ";
  line += message;
  line += '\n';
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace kiosk::platform
