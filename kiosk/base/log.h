#pragma once
// Logging through one replaceable sink. Components get a Logger naming them;
// main decides where lines go (stderr, journald). Booking codes are redacted
// with redact_code() before they reach a message; names and birth dates never
// do. Every message goes through log_safe() (log_text.h) on its way to the
// sink: no raw control byte or half a UTF-8 character reaches the journal.
#include <string>
#include <string_view>

namespace kiosk {

enum class LogLevel { debug, info, warn, error };

std::string_view to_string(LogLevel level);

class LogSink {
 public:
  virtual ~LogSink() = default;
  virtual void write(LogLevel level, std::string_view component, std::string_view message) = 0;
};

// Drops everything; the default where nobody asked for logs.
LogSink& null_log_sink();

class Logger {
 public:
  Logger(LogSink& sink, std::string component, LogLevel threshold = LogLevel::info)
      : sink_(&sink), component_(std::move(component)), threshold_(threshold) {}

  void debug(std::string_view message) const { emit(LogLevel::debug, message); }
  void info(std::string_view message) const { emit(LogLevel::info, message); }
  void warn(std::string_view message) const { emit(LogLevel::warn, message); }
  void error(std::string_view message) const { emit(LogLevel::error, message); }

  Logger child(std::string component) const { return Logger(*sink_, std::move(component), threshold_); }

 private:
  void emit(LogLevel level, std::string_view message) const {
    if (level >= threshold_) write_safe(level, message);
  }
  void write_safe(LogLevel level, std::string_view message) const;
  LogSink* sink_;
  std::string component_;
  LogLevel threshold_;
};

}  // namespace kiosk
