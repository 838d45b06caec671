// The selftest's certificate lines at chosen moments around the expiry of a
// certificate made at test time with fixed dates (valid in January 2020):
// the level turns from OK to WARN 30 days before, and to FAIL at expiry.
// The moments are arguments, as the selftest's clock gives them: no clock
// is read or faked.
#include <catch2/catch.hpp>

#include "platform/app/selftest_certificates.h"
#include "support/test_certificates.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono;

namespace {

const Seconds kExpiry{sys_days(2020y / February / 1)};

}  // namespace

TEST_CASE("selftest certificates: OK, then WARN within 30 days, then FAIL once expired") {
  test::CertificateMaker certs;
  certs.make_ca("ca", 400);
  certs.make_expired_leaf("client", "ca", "TST-K1", "client");
  auto path = certs.path("client.crt");

  auto ok = certificate_line("api.client_cert", path, kExpiry - days{31});
  CHECK(selftest_line_text(ok) == "OK   api.client_cert: " + path + ": valid until 2020-02-01, 31 days (CN = TST-K1)");

  auto warn = certificate_line("api.client_cert", path, kExpiry - days{30});
  CHECK(selftest_line_text(warn) == "WARN api.client_cert: " + path +
                                        ": expires 2020-02-01, in 30 days (CN = TST-K1); provision a new one before "
                                        "then");
  CHECK(warn.ok);  // a WARN does not fail the selftest
  CHECK(selftest_line_text(certificate_line("api.client_cert", path, kExpiry - hours{1}))
            .find("in less than a day") != std::string::npos);

  auto expired = certificate_line("api.client_cert", path, kExpiry);
  CHECK_FALSE(expired.ok);
  CHECK(selftest_line_text(expired) == "FAIL api.client_cert: " + path +
                                           ": expired 2020-02-01, less than a day ago (CN = TST-K1); the kiosk "
                                           "cannot reach the service with it: provision a new one");
  CHECK(selftest_line_text(certificate_line("api.client_cert", path, kExpiry + days{400})).find("400 days ago") !=
        std::string::npos);
}

TEST_CASE("selftest certificates: a CA file's first certificate to expire is the one reported") {
  test::CertificateMaker certs;
  certs.make_ca("ca", 400);
  certs.make_expired_leaf("old", "ca", "old", "client");
  KioskConfig config;
  config.api.ca_file = certs.path("ca.crt");
  config.api.client_cert = certs.path("old.crt");
  auto lines = certificate_lines(config, kExpiry - days{100});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].name == "api.ca_file");
  CHECK(lines[0].ok);
  CHECK_FALSE(lines[0].warn);
  CHECK(lines[1].name == "api.client_cert");
  CHECK(lines[1].ok);

  auto missing = certificate_line("api.ca_file", certs.path("none.crt"), kExpiry);
  CHECK(selftest_line_text(missing) == "FAIL api.ca_file: " + certs.path("none.crt") + ": cannot read");
  CHECK(certificate_lines(KioskConfig{}, kExpiry).empty());
}
