#pragma once
// The optional birth-date check: the applicant types DDMMYYYY and the kiosk
// compares sha256("<code>:<DDMMYYYY>") with the manifest's dob_sha256.
#include <string>
#include <string_view>

namespace kiosk {

// DDMMYYYY naming a real calendar date.
bool is_birth_date(std::string_view ddmmyyyy);

// Lower-case hex sha256 of "<code>:<DDMMYYYY>".
std::string birth_date_hash(std::string_view code, std::string_view ddmmyyyy);

// Constant-time comparison against the manifest's hash (hex, any case).
bool birth_date_matches(std::string_view code, std::string_view ddmmyyyy, std::string_view dob_sha256);

}  // namespace kiosk
