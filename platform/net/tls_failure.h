#pragma once
// What a failed TLS connection points at, in words a technician can act on:
// libcurl says "SSL peer certificate or SSH remote key was not OK"; the log
// should say which config key to look at. The kiosk's every refusal of the
// service is logged through this (central: ... transport: ...).
#include <string>
#include <string_view>

namespace kiosk::platform {

// The cause of libcurl's `curl_code`, with its error buffer `detail`, on an
// https:// transfer of a kiosk with or without `client_cert`, naming the
// setting involved; empty when the failure is not one of TLS's.
std::string tls_failure_cause(int curl_code, std::string_view detail, bool client_cert);

}  // namespace kiosk::platform
