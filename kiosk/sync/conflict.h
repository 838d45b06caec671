#pragma once
// A check-in the central service holds otherwise than this kiosk printed it
// (central-api.md, "Check-in"): another device checked the code in first
// (409), or scanned it earlier and was uploaded later (the service's manifest
// then names that device's number), or the service refused the upload. The
// applicant may hold a ticket from each kiosk; the earlier check-in stands at
// the service, and this kiosk keeps its own row, marked, never deleted.
#include <string>
#include <vector>

namespace kiosk {

struct Conflict {
  // What the service said: "already_checked_in", "superseded" (its manifest
  // holds another number), "admitted" (under another number),
  // "rejected (late)", "not_found", ...
  std::string answer;
  std::string held_number;  // the number the service holds for the code; empty when it named none
};

// A conflict as the status report and the service menu show it: the code
// masked (7K****), so no personal data leaves with it.
struct ConflictSeen {
  std::string masked_code;
  std::string printed_number;  // the number on this kiosk's ticket
  Conflict conflict;
};

struct ConflictSummary {
  long long count = 0;
  std::vector<ConflictSeen> recent;  // newest first, a few at most
};

// "printed as A-551: the service answered already_checked_in A-501": the log
// line's and the page's words for one conflict.
std::string describe(const ConflictSeen& seen);

}  // namespace kiosk
