#include "kiosk/base/log.h"

#include "kiosk/base/enum_names.h"
#include "kiosk/base/log_text.h"

namespace kiosk {
namespace {

constexpr EnumNames<LogLevel, 4> kNames{{{
    {LogLevel::debug, "debug"},
    {LogLevel::info, "info"},
    {LogLevel::warn, "warn"},
    {LogLevel::error, "error"},
}}};

class NullSink final : public LogSink {
 public:
  void write(LogLevel, std::string_view, std::string_view) override {}
};

}  // namespace

std::string_view to_string(LogLevel level) { return kNames.name(level); }

void Logger::write_safe(LogLevel level, std::string_view message) const {
  sink_->write(level, component_, log_safe(message));
}

LogSink& null_log_sink() {
  static NullSink sink;
  return sink;
}

}  // namespace kiosk
