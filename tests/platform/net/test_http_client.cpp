// HttpClient against a real cpp-httplib server on 127.0.0.1: settings checks,
// headers, captured response headers, size limits and every way a call can
// fail to get an answer. A deadline shows as curl's own timeout in the
// error, never as a duration measured here: timing is least reliable under
// qemu-user.
#include <atomic>
#include <catch2/catch.hpp>

#include "tests/platform/net/net_fixture.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace kiosk::test;
using namespace std::chrono;
using Outcome = HttpResponse::Outcome;

namespace {

HttpClient client_of(const std::string& url) {
  auto client = HttpClient::create(test_settings(url));
  REQUIRE(client.ok());
  return std::move(*client);
}

HttpRequest get(const std::string& path) {
  HttpRequest request;
  request.path = path;
  return request;
}

std::string refusal(HttpSettings settings) {
  auto client = HttpClient::create(std::move(settings));
  REQUIRE_FALSE(client.ok());
  return client.error();
}

}  // namespace

TEST_CASE("plain http is only for loopback hosts") {
  for (auto url : {"http://127.0.0.1:8080", "http://127.9.9.9", "http://localhost:1/api/", "http://LOCALHOST",
                   "http://[::1]:8080", "http://127.1", "https://central.example", "HTTPS://Central.Example",
                   "https://10.1.2.3:8443/api"})
    CHECK(HttpClient::create(test_settings(url)).ok());

  CHECK_THAT(refusal(test_settings("http://central.example")),
             Catch::Contains("plain http:// is refused for \"central.example\"") && Catch::Contains("https://"));
  CHECK_THAT(refusal(test_settings("http://10.0.0.127")), Catch::Contains("plain http:// is refused"));
  CHECK_THAT(refusal(test_settings("http://localhost.evil.example")), Catch::Contains("plain http:// is refused"));
  CHECK_THAT(refusal(test_settings("ftp://127.0.0.1")), Catch::Contains("scheme must be https"));
  CHECK_THAT(refusal(test_settings("https://user:pw@central.example")), Catch::Contains("credentials"));
  CHECK_THAT(refusal(test_settings("")), Catch::Contains("api.base_url: empty"));
}

TEST_CASE("bad settings are refused at construction, naming the setting") {
  auto settings = test_settings("https://central.example");
  auto with = [&](auto change) {
    auto changed = settings;
    change(changed);
    return refusal(changed);
  };
  CHECK_THAT(with([](auto& s) { s.token.clear(); }), Catch::Contains("api.token"));
  CHECK_THAT(with([](auto& s) { s.token = "a\r\nX-Evil: 1"; }), Catch::Contains("api.token"));
  CHECK_THAT(with([](auto& s) { s.ca_file = "/nonexistent/ca.pem"; }), Catch::Contains("api.ca_file"));
  CHECK_THAT(with([](auto& s) { s.client_cert = "/etc/hostname"; }), Catch::Contains("api.client_key"));
  CHECK_THAT(with([](auto& s) { s.pinned_keys = {"sha256//tooshort"}; }), Catch::Contains("api.pinned_keys"));
  CHECK_THAT(with([](auto& s) { s.pinned_keys = {"/etc/ssl/pin.pem"}; }), Catch::Contains("api.pinned_keys"));
}

TEST_CASE("every call carries the token and kiosk id; If-None-Match when given") {
  TestServer server;
  server.http().Get("/v1/ping", [](const httplib::Request&, httplib::Response& res) { reply(res, 200, "{}"); });
  server.http().Post("/v1/echo", [](const httplib::Request& req, httplib::Response& res) {
    reply(res, 201, req.body);
  });
  server.http().Put("/v1/echo", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.start();
  auto client = client_of(server.url() + "/");  // a trailing slash is not doubled

  auto request = get("/v1/ping");
  request.if_none_match = "\"m-42\"";
  auto response = client.send(request);
  CHECK(response.outcome == Outcome::answered);
  CHECK(response.status == 200);
  auto seen = server.last();
  CHECK(seen.method == "GET");
  CHECK(seen.target == "/v1/ping");
  CHECK(seen.header("Authorization") == "Bearer test-token-0123");
  CHECK(seen.header("X-Kiosk-Id") == "JKT-SEL-K1");
  CHECK(seen.header("If-None-Match") == "\"m-42\"");

  HttpRequest post;
  post.method = HttpRequest::Method::post;
  post.path = "/v1/echo";
  post.body = R"({"a": 1})";
  response = client.send(post);
  CHECK(response.status == 201);
  CHECK(response.body == R"({"a": 1})");
  seen = server.last();
  CHECK(seen.method == "POST");
  CHECK(seen.header("Content-Type") == "application/json");
  CHECK(seen.header("Authorization") == "Bearer test-token-0123");
  CHECK(seen.header("If-None-Match").empty());

  post.method = HttpRequest::Method::put;
  CHECK(client.send(post).status == 204);
  CHECK(server.last().method == "PUT");
  CHECK(server.last().body == R"({"a": 1})");
}

TEST_CASE("the connection is kept between calls") {
  TestServer server;
  server.http().Get("/v1/ping", [](const httplib::Request&, httplib::Response& res) { reply(res, 200, "{}"); });
  server.start();
  auto client = client_of(server.url());
  REQUIRE(client.send(get("/v1/ping")).status == 200);
  REQUIRE(client.send(get("/v1/ping")).status == 200);
  auto seen = server.seen();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].remote_port == seen[1].remote_port);
}

TEST_CASE("Date, ETag and Retry-After are captured") {
  TestServer server;
  server.http().Get("/v1/busy", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Date", "Thu, 17 Aug 2017 01:00:00 GMT");
    res.set_header("ETag", "W/\"m-7\"");
    res.set_header("Retry-After", "30");
    reply(res, 503, R"({"error": "busy", "message": "try later"})");
  });
  server.http().Get("/v1/until", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Date", "Thu, 17 Aug 2017 01:00:00 GMT");
    res.set_header("Retry-After", "Thu, 17 Aug 2017 01:05:00 GMT");
    reply(res, 429, "{}");
  });
  server.start();
  auto client = client_of(server.url());

  auto busy = client.send(get("/v1/busy"));
  CHECK(busy.outcome == Outcome::answered);
  CHECK(busy.status == 503);
  REQUIRE(busy.date);
  CHECK(*busy.date == parse_rfc3339("2017-08-17T08:00:00+07:00")->utc);
  CHECK(busy.etag == "W/\"m-7\"");
  CHECK(busy.retry_after == seconds(30));

  auto until = client.send(get("/v1/until"));
  CHECK(until.retry_after == seconds(300));
  CHECK(until.etag.empty());
}

TEST_CASE("an answer over the size limit is abandoned") {
  TestServer server;
  std::string big(kMaxAnswerBytes + 1, 'x');
  server.http().Get("/v1/declared", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big, "application/octet-stream");
  });
  server.http().Get("/v1/chunked", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream", [&](size_t, httplib::DataSink& sink) {
      for (size_t sent = 0; sent < big.size(); sent += 65536) sink.write(big.data() + sent, std::min<size_t>(65536, big.size() - sent));
      sink.done();
      return true;
    });
  });
  server.http().Get("/v1/fits", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big.substr(1), "application/octet-stream");
  });
  server.start();
  auto client = client_of(server.url());

  auto declared = client.send(get("/v1/declared"));
  CHECK(declared.outcome == Outcome::too_large);
  CHECK_THAT(declared.error, Catch::Contains("larger than 1048576 bytes"));
  CHECK(client.send(get("/v1/chunked")).outcome == Outcome::too_large);
  auto fits = client.send(get("/v1/fits"));
  CHECK(fits.outcome == Outcome::answered);
  CHECK(fits.body.size() == kMaxAnswerBytes);

  auto larger_limit = get("/v1/declared");
  larger_limit.max_body = kMaxManifestBytes;
  CHECK(client.send(larger_limit).outcome == Outcome::answered);
}

TEST_CASE("compression only when asked for; the limit counts decompressed bytes") {
  TestServer server;
  std::string json = "[" + std::string(kMaxAnswerBytes, ' ') + "]";
  // cpp-httplib compresses JSON when the client offers an encoding.
  server.http().Get("/v1/big-json", [&](const httplib::Request&, httplib::Response& res) { reply(res, 200, json); });
  server.http().Get("/v1/small-json", [&](const httplib::Request&, httplib::Response& res) {
    reply(res, 200, json.substr(0, 1000) + "]");
  });
  server.start();
  auto client = client_of(server.url());

  auto plain = client.send(get("/v1/small-json"));
  CHECK(plain.body.size() == 1001);
  CHECK(server.last().header("Accept-Encoding").empty());

  auto request = get("/v1/small-json");
  request.compressed = true;
  auto decoded = client.send(request);
  CHECK_FALSE(server.last().header("Accept-Encoding").empty());
  CHECK(decoded.body == plain.body);

  // A few kilobytes on the wire, over the limit once decoded.
  request.path = "/v1/big-json";
  auto bomb = client.send(request);
  CHECK(bomb.outcome == Outcome::too_large);
}

TEST_CASE("a refused connection is a transport failure") {
  RefusingPort port;
  auto client = client_of("http://127.0.0.1:" + std::to_string(port.port()));
  auto response = client.send(get("/v1/ping"));
  CHECK(response.outcome == Outcome::transport);
  CHECK(response.status == 0);
  CHECK_THAT(response.error, Catch::Contains("connect"));
  // Refused at once, not waited out.
  CHECK_THAT(response.error, !Catch::Contains("imeout") && !Catch::Contains("timed out"));
}

TEST_CASE("a server that never answers is a transport failure within the deadline") {
  TestServer server;
  server.http().Get("/v1/slow", [&](const httplib::Request&, httplib::Response& res) {
    server.hold();
    reply(res, 200, "{}");
  });
  server.start();
  auto client = client_of(server.url());
  auto request = get("/v1/slow");
  request.timeout = milliseconds(400);
  auto response = client.send(request);
  CHECK(response.outcome == Outcome::transport);
  CHECK_THAT(response.error, Catch::Contains("imeout") || Catch::Contains("timed out"));
}

// The stop sequence's lever (HttpSettings::abandon): a call whose own
// timeout is minutes away ends when the flag is set, and later calls do not
// start. The handler sets it itself once the request is in, then holds.
TEST_CASE("an abandoned client ends the call in flight and starts no other") {
  TestServer server;
  auto abandon = std::make_shared<std::atomic<bool>>(false);
  std::atomic<int> calls{0};
  server.http().Get("/v1/slow", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    abandon->store(true);
    server.hold();
    reply(res, 200, "{}");
  });
  server.start();
  auto settings = test_settings(server.url());
  settings.abandon = abandon;
  auto client = HttpClient::create(settings);
  REQUIRE(client.ok());
  auto request = get("/v1/slow");
  request.timeout = std::chrono::minutes(5);
  auto response = client->send(request);
  CHECK(response.outcome == Outcome::transport);
  CHECK(response.error == "abandoned: the kiosk is stopping");
  auto later = client->send(request);
  CHECK(later.error == "abandoned: the kiosk is stopping");
  CHECK(calls == 1);
}

TEST_CASE("a black-holed service (handshake never completes) fails within the deadline") {
  BlackHole hole;
  REQUIRE(hole.full());
  auto client = client_of("http://127.0.0.1:" + std::to_string(hole.port()));
  auto request = get("/v1/ping");
  request.timeout = milliseconds(600);
  auto response = client.send(request);
  CHECK(response.outcome == Outcome::transport);
  CHECK_THAT(response.error, Catch::Contains("imeout") || Catch::Contains("timed out"));
}

TEST_CASE("this libcurl bounds name resolution by the call's timeout") {
  INFO(curl_build_summary());
  CHECK(curl_resolver_can_time_out());
  CHECK_THAT(curl_build_summary(), Catch::StartsWith("libcurl/"));
}
