#include "platform/central_ref/manifest_etag.h"

#include <sodium.h>

#include "kiosk/booking/booking_code.h"

namespace kiosk::central_ref {
namespace {

// W/"x" and "x" are the same tag for If-None-Match (weak comparison).
std::string_view opaque_tag(std::string_view tag) {
  tag = trim(tag);
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string strong_etag(std::string_view body) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return "\"" + std::string(hex, 32) + "\"";
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  while (!if_none_match.empty()) {
    auto comma = if_none_match.find(',');
    if (opaque_tag(if_none_match.substr(0, comma)) == opaque_tag(etag)) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace kiosk::central_ref
