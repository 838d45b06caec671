#include "kiosk/base/log.h"

#include "kiosk/base/enum_names.h"

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

LogSink& null_log_sink() {
  static NullSink sink;
  return sink;
}

}  // namespace kiosk
