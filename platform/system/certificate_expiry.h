#pragma once
// When the certificates in a PEM file stop being valid, read with OpenSSL's
// X509 API: for `kiosk selftest`, which warns a technician before a CA or
// client certificate expires and the kiosk can no longer reach the service.
#include <string>

#include "kiosk/base/expected.h"
#include "kiosk/base/time.h"

namespace kiosk::platform {

struct CertificateExpiry {
  int certificates = 0;     // in the file
  Seconds not_after;        // of the one that expires first
  std::string subject;      // its subject, "CN=..., O=..."
};

// The certificate in `path` that expires first (a CA file may hold several);
// an error when the file cannot be read or holds no certificate.
Expected<CertificateExpiry> read_certificate_expiry(const std::string& path);

}  // namespace kiosk::platform
