#pragma once
// Online check-ins the kiosk is about to send, or sent without learning the
// answer. An intent is committed before the request goes on the wire, so a
// kiosk that loses power mid-call still knows the event_id the service may
// hold (central-api.md: the same event_id sent again returns the first
// answer). Recording the check-in (Journal::commit, commit_acknowledged)
// clears the intent of its event_id in the same transaction.
//
// An intent whose offline fallback refused the scan stays as a refusal to
// upload ("mode": "offline", "refused": "<verdict>"), so the service can
// withdraw an online admission nobody holds a ticket for.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/base/time.h"

namespace kiosk {

struct OnlineIntent {
  std::string event_id;
  std::string kiosk_id;
  std::string code;
  Seconds scanned_at;
  bool priority = false;
  std::string refused;  // empty: unresolved; else the offline verdict to upload
};

class OnlineIntents {
 public:
  virtual ~OnlineIntents() = default;
  virtual Status record_intent(const OnlineIntent& intent) = 0;
  // The unresolved intent for a code, if any (the latest).
  virtual Expected<std::optional<OnlineIntent>> pending_intent(std::string_view code) = 0;
  // Every unresolved intent, oldest first.
  virtual Expected<std::vector<OnlineIntent>> pending_intents() = 0;
  // The service answered without admitting: nothing is left to resolve.
  virtual Status drop_intent(std::string_view event_id) = 0;
  // The offline fallback refused the scan: the intent becomes a refusal to upload.
  virtual Status refuse_intent(std::string_view event_id, std::string_view verdict) = 0;
  // Refusals not yet answered by the service, oldest first.
  virtual Expected<std::vector<OnlineIntent>> refusals_to_upload(std::size_t limit) = 0;
  // The service's answer to a refusal (200 withdrawn or noted): kept, and
  // the refusal leaves the upload queue.
  virtual Status refusal_answered(std::string_view event_id, int http_status, std::string_view body) = 0;
};

}  // namespace kiosk
