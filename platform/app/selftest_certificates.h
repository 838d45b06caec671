#pragma once
// `kiosk selftest`'s line for each certificate file the config names
// (api.ca_file, api.client_cert): when its first certificate expires, by the
// selftest's clock. An expired one FAILs (the service refuses the kiosk, or
// the kiosk the service); one expiring within kCertificateWarning is a WARN,
// time enough to provision a new one; OK otherwise.
#include <chrono>
#include <string>
#include <vector>

#include "kiosk/base/time.h"
#include "platform/app/selftest_command.h"
#include "platform/config/kiosk_config.h"

namespace kiosk::platform {

constexpr std::chrono::days kCertificateWarning{30};

std::vector<SelftestLine> certificate_lines(const KioskConfig& config, Seconds now);

// One file's line: `key` names it ("api.ca_file").
SelftestLine certificate_line(const std::string& key, const std::string& path, Seconds now);

}  // namespace kiosk::platform
