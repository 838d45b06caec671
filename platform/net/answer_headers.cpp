#include "platform/net/answer_headers.h"

#include <curl/curl.h>

#include <algorithm>

#include "kiosk/booking/booking_code.h"

namespace kiosk::platform {
namespace {

using namespace std::chrono;

std::string_view trim_space(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  return text;
}

// Header names are case-insensitive (RFC 9110).
void keep_header(AnswerHeaders& headers, std::string_view name, std::string_view value) {
  auto lower = to_lower_ascii(name);
  if (lower == "date") headers.date = value;
  else if (lower == "etag") headers.etag = value;
  else if (lower == "retry-after") headers.retry_after = value;
  else if (lower == "content-length") headers.content_length = value;
}

// The latest Date taken as a date: 9999-12-31T23:59:59Z, the last second a
// four-digit year names. curl_getdate reads years of any length, and a Date
// of year 414219998 overflowed the kiosk's clock skew in milliseconds (found
// by tests/fuzz/fuzz_headers).
constexpr Seconds kLatestDate = sys_days{year{9999} / 12 / 31} + days{1} - seconds{1};

}  // namespace

void read_header_line(AnswerHeaders& headers, std::string_view line) {
  if (line.starts_with("HTTP/")) headers = {};
  auto colon = line.find(':');
  if (colon != std::string_view::npos)
    keep_header(headers, trim_space(line.substr(0, colon)), trim_space(line.substr(colon + 1)));
}

std::optional<Seconds> parse_http_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  time_t parsed = curl_getdate(text.c_str(), nullptr);
  if (parsed < 0 || Seconds(seconds(parsed)) > kLatestDate) return std::nullopt;
  return Seconds(seconds(parsed));
}

std::optional<seconds> parse_retry_after(const std::string& text, std::optional<Seconds> server_date, Seconds now) {
  std::string_view value = trim_space(text);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::nullopt;  // nonsense, and would overflow
    return seconds(std::stoll(std::string(value)));
  }
  auto at = parse_http_date(std::string(value));
  if (!at) return std::nullopt;
  return std::max(seconds(0), *at - server_date.value_or(now));
}

}  // namespace kiosk::platform
