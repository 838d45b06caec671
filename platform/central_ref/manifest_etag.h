#pragma once
// The manifest's ETag: a strong validator made from a hash of the exact bytes
// sent, so it changes exactly when the manifest does. If-None-Match is
// compared as RFC 9110 says (weak comparison, a list, or "*").
#include <string>
#include <string_view>

namespace kiosk::central_ref {

// "\"<32 hex digits of sha256(body)>\"", quotes included.
std::string strong_etag(std::string_view body);

// Whether an If-None-Match header value matches `etag`.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace kiosk::central_ref
