#pragma once
// A provisioning-time check that a certificate or key file is what its
// config key says: readable, PEM, with a block of the expected kind whose
// base64 body decodes to a DER SEQUENCE. It does not verify the chain (that
// is libcurl's job when the kiosk connects); it catches the wrong file, a
// truncated copy or a Windows editor's damage before the kiosk starts.
#include <string>

#include "kiosk/base/expected.h"

namespace kiosk::platform {

enum class PemKind { certificate, private_key };

// Ok with a short description ("2 certificates"), or what is wrong.
Expected<std::string> check_pem_file(const std::string& path, PemKind kind);

}  // namespace kiosk::platform
