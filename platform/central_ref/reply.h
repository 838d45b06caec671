#pragma once
// One answer of the service, before HTTP: the status, the JSON body and any
// extra headers. The HTTP layer adds Date and Content-Type and applies faults.
#include <string>
#include <utility>
#include <vector>

namespace kiosk::central_ref {

struct Reply {
  int status = 200;
  std::string body;  // JSON; empty for 204 and 304
  std::vector<std::pair<std::string, std::string>> headers;
  std::string note;  // for the log line only, never sent (booking codes redacted)
};

}  // namespace kiosk::central_ref
