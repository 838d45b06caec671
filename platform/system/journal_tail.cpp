#include "platform/system/journal_tail.h"

#include <systemd/sd-journal.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>

namespace kiosk::platform {
namespace {

struct JournalCloser {
  void operator()(sd_journal* j) const { sd_journal_close(j); }
};

std::string field(sd_journal* j, const char* name) {
  const void* data = nullptr;
  size_t length = 0;
  if (sd_journal_get_data(j, name, &data, &length) < 0) return {};
  std::string text(static_cast<const char*>(data), length);
  auto eq = text.find('=');
  return eq == std::string::npos ? text : text.substr(eq + 1);
}

std::string stamp(sd_journal* j) {
  uint64_t usec = 0;
  if (sd_journal_get_realtime_usec(j, &usec) < 0) return "?";
  std::time_t seconds = static_cast<std::time_t>(usec / 1000000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

Expected<std::vector<std::string>> journal_tail(const std::string& unit, int lines) {
  sd_journal* raw = nullptr;
  if (int error = sd_journal_open(&raw, SD_JOURNAL_LOCAL_ONLY); error < 0)
    return Failure{std::string("cannot open the journal: ") + std::strerror(-error)};
  std::unique_ptr<sd_journal, JournalCloser> journal(raw);
  auto match = "_SYSTEMD_UNIT=" + unit;
  if (int error = sd_journal_add_match(raw, match.c_str(), 0); error < 0)
    return Failure{std::string("journal match: ") + std::strerror(-error)};
  if (int error = sd_journal_seek_tail(raw); error < 0)
    return Failure{std::string("journal seek: ") + std::strerror(-error)};
  std::vector<std::string> out;
  for (int i = 0; i < lines && sd_journal_previous(raw) > 0; ++i)
    out.push_back(stamp(raw) + " " + field(raw, "MESSAGE"));
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace kiosk::platform
