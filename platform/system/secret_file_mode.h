#pragma once
// Files that hold the kiosk's secrets (the config, with api.token and the
// PIN hash; api.client_key) must be closed to "other": a kiosk's other
// accounts (a technician's login, a compromised service) must not read the
// token or key, nor write into them. The provisioned files are root:kiosk
// 0640 (cross/package/provision), which passes.
#include <string>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

// Fails when `path` (its target, through symlinks) is readable, writable or
// executable by other (mode & 0007) or cannot be looked at; the error names
// the file, its mode and the fix ("chmod 640 PATH").
Status check_secret_file_mode(const std::string& path);

}  // namespace kiosk::platform
