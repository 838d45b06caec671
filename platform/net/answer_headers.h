#pragma once
// The headers of a central service's answer that the kiosk reads: Date (the
// authoritative time), ETag (the manifest's version) and Retry-After. They
// come from the network, so every line is taken as it comes: any bytes, any
// length, a header given twice (the last wins), none at all.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/time.h"

namespace kiosk::platform {

// The raw values, trimmed; empty when the answer did not carry one.
struct AnswerHeaders {
  std::string date;
  std::string etag;
  std::string retry_after;
  std::string content_length;  // as declared, for a download's "too large" message
};

// One header line as libcurl hands it over ("Name: value\r\n"). A status
// line starts a new answer (after an interim 1xx): it forgets what the
// previous one said.
void read_header_line(AnswerHeaders& headers, std::string_view line);

// Parses an HTTP date (RFC 7231 IMF-fixdate, and the obsolete forms).
std::optional<Seconds> parse_http_date(const std::string& text);
// Retry-After: delay-seconds, or an HTTP date taken relative to the answer's
// Date (the service's clock) or, without one, to `now`. Never negative.
std::optional<std::chrono::seconds> parse_retry_after(const std::string& text, std::optional<Seconds> server_date,
                                                      Seconds now);

}  // namespace kiosk::platform
