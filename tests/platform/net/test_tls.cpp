// HTTPS with certificates made at test time by the openssl CLI: the CA file,
// public-key pins (primary and backup) and mutual TLS, each accepted when
// right and refused when wrong.
#include <catch2/catch.hpp>

#include "tests/platform/net/net_fixture.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace kiosk::test;
using Outcome = HttpResponse::Outcome;

namespace {

// An HTTPS server with the test server certificate; with `client_ca`, it
// demands a client certificate signed by it.
std::unique_ptr<TestServer> https_server(const char* client_ca = nullptr) {
  const auto& files = tls_files();
  auto ssl = std::make_unique<httplib::SSLServer>(files.server_cert.c_str(), files.server_key.c_str(), client_ca);
  REQUIRE(ssl->is_valid());
  auto server = std::make_unique<TestServer>(std::move(ssl));
  server->http().Get("/v1/ping", [](const httplib::Request&, httplib::Response& res) { reply(res, 200, "{}"); });
  server->start();
  return server;
}

HttpResponse ping(HttpSettings settings) {
  auto client = HttpClient::create(std::move(settings));
  REQUIRE(client.ok());
  HttpRequest request;
  request.path = "/v1/ping";
  return client->send(request);
}

HttpSettings trusting(const TestServer& server, const std::string& ca_file) {
  auto settings = test_settings(server.url());
  settings.ca_file = ca_file;
  return settings;
}

}  // namespace

TEST_CASE("tls: the right CA is accepted, by IP and by name") {
  auto server = https_server();
  auto answer = ping(trusting(*server, tls_files().ca_cert));
  CHECK(answer.outcome == Outcome::answered);
  CHECK(answer.status == 200);
  CHECK(server->last().header("Authorization") == "Bearer test-token-0123");

  auto by_name = trusting(*server, tls_files().ca_cert);
  by_name.base_url = "https://localhost:" + std::to_string(server->port());
  CHECK(ping(by_name).status == 200);
}

TEST_CASE("tls: a server the CA did not sign is refused") {
  auto server = https_server();
  auto answer = ping(trusting(*server, tls_files().other_ca_cert));
  CHECK(answer.outcome == Outcome::transport);
  CHECK(answer.status == 0);
  CHECK(server->seen().empty());
}

TEST_CASE("tls: public-key pins") {
  auto server = https_server();
  const auto& files = tls_files();

  auto pinned = trusting(*server, files.ca_cert);
  pinned.pinned_keys = {files.server_pin};
  CHECK(ping(pinned).status == 200);

  pinned.pinned_keys = {files.other_pin};
  auto mismatch = ping(pinned);
  CHECK(mismatch.outcome == Outcome::transport);
  CHECK_THAT(mismatch.error, Catch::Contains("public key"));

  // The primary is gone (a rotated key); the backup pin still matches.
  pinned.pinned_keys = {files.other_pin, files.server_pin};
  CHECK(ping(pinned).status == 200);
}

TEST_CASE("tls: a pin does not replace verification") {
  auto server = https_server();
  auto pinned = trusting(*server, tls_files().other_ca_cert);
  pinned.pinned_keys = {tls_files().server_pin};
  CHECK(ping(pinned).outcome == Outcome::transport);
}

TEST_CASE("tls: a server demanding a client certificate") {
  const auto& files = tls_files();
  auto server = https_server(files.client_ca_cert.c_str());

  auto without = ping(trusting(*server, files.ca_cert));
  CHECK(without.outcome == Outcome::transport);
  CHECK(server->seen().empty());

  auto with = trusting(*server, files.ca_cert);
  with.client_cert = files.client_cert;
  with.client_key = files.client_key;
  auto answer = ping(with);
  CHECK(answer.outcome == Outcome::answered);
  CHECK(answer.status == 200);

  // A certificate from a CA the server does not trust is no better than none.
  auto foreign = trusting(*server, files.ca_cert);
  foreign.client_cert = files.server_cert;
  foreign.client_key = files.server_key;
  CHECK(ping(foreign).outcome == Outcome::transport);
}
