// The kiosk binary against central-ref over HTTPS, as production runs it:
// mutual TLS (a client certificate from the directorate's client CA), the
// service's certificate checked against api.ca_file and its key against
// api.pinned_keys. Then each of those wrong in turn: the kiosk refuses the
// service (or is refused by it), its log says why, it decides offline, and
// the check-in reaches the service once the config is right: nothing lost.
// Certificates are made at test time (support/test_certificates.h).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/test_certificates.h"
#include "tests/platform/app/central_process.h"
#include "tests/platform/app/e2e_fixture.h"

using namespace kiosk::test;
using nlohmann::json;

namespace {

const std::vector<TestBooking> kBookings{{"AAA111"}, {"AAA222"}};

// central-ref with `cert`, asking for a client certificate from the client
// CA; the test's own calls trust `cert`'s CA and present the client's.
CentralTls mutual_tls(const std::string& cert, const std::string& key, const std::string& ca) {
  const auto& files = tls_files();
  return {cert, key, files.client_ca_cert, ca, files.client_cert, files.client_key};
}

CentralTls real_service() {
  const auto& files = tls_files();
  return mutual_tls(files.server_cert, files.server_key, files.ca_cert);
}

// A production kiosk's api keys: the test CA, the service's key pinned, the
// client certificate presented. The online deadline is generous: a TLS
// handshake on a loaded CI machine must not turn a pass into "offline".
json production_api(const CentralProcess& central) {
  const auto& files = tls_files();
  json api = central.kiosk_api_config();
  api["online_deadline_ms"] = 5000;
  api["request_timeout_ms"] = 5000;
  api["ca_file"] = files.ca_cert;
  api["pinned_keys"] = {files.server_pin};
  api["client_cert"] = files.client_cert;
  api["client_key"] = files.client_key;
  return api;
}

void use_api(KioskFixture& kiosk, const json& api) {
  kiosk.configure({{"api", api}, {"sync", {{"drain_seconds", 0}}}});
}

void set_up(KioskFixture& kiosk, const json& api) {
  use_api(kiosk, api);
  kiosk.import_office();
  kiosk.import_manifest(kBookings);
}

std::string sync_output(KioskFixture& kiosk) {
  auto result = kiosk.kiosk({"sync", "--config", kiosk.config_path()});
  INFO(result.err);
  return result.out;
}

json only_decision(const RunResult& result) {
  auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

// The kiosk, configured with `wrong_api`, meets AAA111: it refuses the
// service (or is refused), logs `cause`, admits offline and prints. Once
// given `right`'s production config, one sync uploads the check-in there.
void refused_then_recovered(KioskFixture& kiosk, const json& wrong_api, CentralProcess& right,
                            const std::string& cause) {
  use_api(kiosk, wrong_api);
  auto result = kiosk.headless("AAA111\n");
  INFO(result.err);
  auto decision = only_decision(result);
  CHECK(decision["verdict"] == "admitted");
  CHECK(decision["mode"] == "offline");
  CHECK(decision["printed"] == true);
  CHECK(result.err.find(cause) != std::string::npos);
  CHECK(kiosk.tickets().count("AAA111") == 1);
  CHECK(right.checkins().empty());

  use_api(kiosk, production_api(right));
  auto synced = sync_output(kiosk);
  INFO(synced);
  CHECK(synced.find("outbox: 0 waiting") != std::string::npos);
  auto events = right.checkins();
  REQUIRE(events.size() == 1);
  CHECK(events[0]["code"] == "AAA111");
  CHECK(events[0]["mode"] == "offline");
  CHECK(events[0]["received"] == 1);
}

}  // namespace

TEST_CASE("tls e2e: mutual TLS with a pinned key: checked in online, and the sync gets through") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings, real_service());
  set_up(kiosk, production_api(central));
  auto result = kiosk.headless("AAA111\n");
  INFO(result.err);
  auto decision = only_decision(result);
  CHECK(decision["verdict"] == "admitted");
  CHECK(decision["mode"] == "online");
  CHECK(decision["connectivity"] == "online");
  CHECK(result.err.find("TLS refused") == std::string::npos);
  auto events = central.checkins();
  REQUIRE(events.size() == 1);
  CHECK(events[0]["code"] == "AAA111");
  CHECK(events[0]["mode"] == "online");

  auto synced = sync_output(kiosk);
  INFO(synced);
  CHECK(synced.find("outbox: 0 waiting") != std::string::npos);
  CHECK(synced.find("TLS refused") == std::string::npos);
}

TEST_CASE("tls e2e: a service key that matches no pin is refused; the check-in waits for the right one") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings, real_service());
  auto api = production_api(central);
  set_up(kiosk, api);
  api["pinned_keys"] = {tls_files().other_pin};
  refused_then_recovered(kiosk, api, central,
                         "TLS refused: the service's public key matches none of api.pinned_keys");
}

TEST_CASE("tls e2e: a service certificate from another CA is refused, whatever the pin") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings, real_service());
  const auto& files = tls_files();
  CentralProcess impostor(kiosk, kBookings, mutual_tls(files.impostor_cert, files.impostor_key, files.other_ca_cert));
  set_up(kiosk, production_api(central));
  auto api = production_api(impostor);
  refused_then_recovered(kiosk, api, central, "TLS refused: the service's certificate is not trusted by api.ca_file");
  CHECK(impostor.checkins().empty());
  // The impostor saw the kiosk walk away in the handshake.
  CHECK(impostor.await_log("received alert 'unknown CA'"));
}

TEST_CASE("tls e2e: without a client certificate the service refuses the kiosk in the handshake") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings, real_service());
  auto api = production_api(central);
  set_up(kiosk, api);
  api.erase("client_cert");
  api.erase("client_key");
  refused_then_recovered(kiosk, api, central,
                         "TLS: the service ended the connection unanswered; if it requires a client certificate, "
                         "api.client_cert is not set");
  CHECK(central.await_log("sent alert 'certificate required'"));
}

TEST_CASE("tls e2e: the environment neither adds trust, nor weakens the ciphers, nor gets the session keys") {
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings, real_service());
  const auto& files = tls_files();
  auto api = production_api(central);
  set_up(kiosk, api);

  // No api.ca_file: the system's CAs alone, whatever curl's or OpenSSL's
  // variables name (libcurl has a built-in bundle and reads none of them).
  api.erase("ca_file");
  use_api(kiosk, api);
  auto trust = run_command({"/usr/bin/env", "CURL_CA_BUNDLE=" + files.ca_cert, "SSL_CERT_FILE=" + files.ca_cert,
                            "SSL_CERT_DIR=" + files.dir, KIOSK_BINARY, "--config", kiosk.config_path(), "--headless"},
                           "AAA111\n");
  INFO(trust.err);
  CHECK(only_decision(trust)["mode"] == "offline");
  CHECK(trust.err.find("TLS refused: the service's certificate is not trusted") != std::string::npos);

  // A key log file would hold every session's secrets, and an OpenSSL
  // config can change the ciphers (this one, security level 5, refuses the
  // service's P-256 key: libcurl honours both). The kiosk clears both.
  use_api(kiosk, production_api(central));
  auto key_log = kiosk.path("tls-keys.log");
  auto openssl_conf = kiosk.path("openssl.cnf");
  std::ofstream(openssl_conf) << "openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = tls\n"
                                 "[tls]\nCipherString = DEFAULT@SECLEVEL=5\n";
  auto keys = run_command({"/usr/bin/env", "SSLKEYLOGFILE=" + key_log, "OPENSSL_CONF=" + openssl_conf, KIOSK_BINARY,
                           "--config", kiosk.config_path(), "--headless"},
                          "AAA222\n");
  INFO(keys.err);
  CHECK(only_decision(keys)["mode"] == "online");
  CHECK_FALSE(std::filesystem::exists(key_log));
}

TEST_CASE("tls e2e: selftest gives each certificate's expiry: OK, WARN within 30 days, FAIL once expired") {
  CertificateMaker certs;
  certs.make_ca("ca", 400);
  certs.make_leaf("server", "ca", "127.0.0.1", "server", 400);
  certs.make_ca("client-ca", 400);
  certs.make_leaf("soon", "client-ca", "TST-K1", "client", 10);
  certs.make_expired_leaf("old", "client-ca", "TST-K1", "client");
  KioskFixture kiosk;
  CentralProcess central(kiosk, kBookings,
                         CentralTls{certs.path("server.crt"), certs.path("server.key"), certs.path("client-ca.crt"),
                                    certs.path("ca.crt"), certs.path("soon.crt"), certs.path("soon.key")});
  json api = central.kiosk_api_config();
  api["ca_file"] = certs.path("ca.crt");
  auto present = [&](const std::string& name) {
    api["client_cert"] = certs.path(name + ".crt");
    api["client_key"] = certs.path(name + ".key");
  };
  present("soon");
  set_up(kiosk, api);

  // Due within 30 days: a WARN, and the selftest still passes.
  auto soon = kiosk.kiosk({"selftest", "--config", kiosk.config_path()});
  INFO(soon.out << soon.err);
  CHECK(soon.exit_code == 0);
  CHECK(soon.out.find("OK   api.ca_file: " + certs.path("ca.crt") + ": valid until ") != std::string::npos);
  // Made moments ago for 400 and 10 days: whole days left, rounded down, are
  // one fewer unless the selftest ran within the same second.
  auto has_either = [&](const std::string& a, const std::string& b) {
    return soon.out.find(a) != std::string::npos || soon.out.find(b) != std::string::npos;
  };
  CHECK(has_either(", 399 days (CN = kiosk test ca)\n", ", 400 days (CN = kiosk test ca)\n"));
  CHECK(soon.out.find("WARN api.client_cert: " + certs.path("soon.crt") + ": expires ") != std::string::npos);
  CHECK(has_either(", in 9 days (CN = TST-K1); provision a new one before then\n",
                   ", in 10 days (CN = TST-K1); provision a new one before then\n"));
  CHECK(soon.out.find("OK   reachability: ") != std::string::npos);
  CHECK(soon.out.ends_with("selftest: OK\n"));

  // Expired: a FAIL, and the service refuses the kiosk for it.
  present("old");
  use_api(kiosk, api);
  auto expired = kiosk.kiosk({"selftest", "--config", kiosk.config_path()});
  INFO(expired.out << expired.err);
  CHECK(expired.exit_code == 1);
  CHECK(expired.out.find("FAIL api.client_cert: " + certs.path("old.crt") + ": expired 2020-02-01, ") !=
        std::string::npos);
  CHECK(expired.out.find("FAIL reachability: ") != std::string::npos);
  CHECK(expired.out.find("TLS: the service ended the connection unanswered; at once after the handshake, that is "
                         "a refusal of api.client_cert (expired, or from a CA it does not trust)") !=
        std::string::npos);
  CHECK(central.await_log("sent alert 'certificate expired'"));
}
