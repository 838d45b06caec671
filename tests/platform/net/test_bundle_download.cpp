// An update bundle fetched by `kiosk update --bundle URL`
// (platform/update/bundle_download.h) from in-process servers: over HTTPS
// with the config's CA and pins, the free space checked against the
// declared length before a byte is written, the token kept for the central
// service's own origin, and nothing left behind by a failure.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "platform/update/bundle_download.h"
#include "support/file_text.h"
#include "tests/platform/net/net_fixture.h"
#include "tests/platform/store/store_fixtures.h"

using namespace kiosk;
using namespace kiosk::platform;
using namespace kiosk::test;

namespace {


std::string bundle_bytes(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 13 % 256);
  return bytes;
}

// A server with /kiosk-2.0.0.raucb (256 KiB).
std::unique_ptr<TestServer> bundle_server(std::unique_ptr<TestServer> server, const std::string& bytes) {
  server->http().Get("/kiosk-2.0.0.raucb", [bytes](const httplib::Request&, httplib::Response& res) {
    res.set_content(bytes, "application/octet-stream");
  });
  server->start();
  return server;
}

std::unique_ptr<TestServer> https_bundle_server(const std::string& bytes) {
  const auto& files = tls_files();
  auto ssl = std::make_unique<httplib::SSLServer>(files.server_cert.c_str(), files.server_key.c_str());
  REQUIRE(ssl->is_valid());
  return bundle_server(std::make_unique<TestServer>(std::move(ssl)), bytes);
}

KioskConfig config_for(const std::string& api_url) {
  KioskConfig config;
  config.kiosk_id = "TST-K1";
  config.api.base_url = api_url;
  config.api.token = "test-token-0123";
  config.api.ca_file = tls_files().ca_cert;
  return config;
}

struct Download {
  kiosk::testing::TempDir dir;
  std::uint64_t free = std::uint64_t{1} << 30;
  BundleDownload download(const KioskConfig& config, const std::string& url) {
    BundleDownload d;
    d.url = url;
    d.dir = dir.path().string();
    d.http = bundle_http_settings(config, url);
    d.free_bytes = [this](const std::string&) { return std::optional<std::uint64_t>(free); };
    return d;
  }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) names.push_back(entry.path().filename());
    return names;
  }
};

}  // namespace

TEST_CASE("bundle download: over HTTPS with the config's CA and pin, whole, under the URL's file name", "[update]") {
  auto bytes = bundle_bytes(256 * 1024);
  auto server = https_bundle_server(bytes);
  Download d;
  auto config = config_for(server->url());
  config.api.pinned_keys = {tls_files().server_pin};
  auto path = download_bundle(d.download(config, server->url() + "/kiosk-2.0.0.raucb"));
  INFO((path ? "" : path.error()));
  REQUIRE(path.ok());
  CHECK(*path == d.dir.file("kiosk-2.0.0.raucb"));
  CHECK(file_text(*path) == bytes);
  CHECK(d.files() == std::vector<std::string>{"kiosk-2.0.0.raucb"});
  CHECK(server->last().header("Authorization") == "Bearer test-token-0123");  // the central service's own origin

  config.api.pinned_keys = {tls_files().other_pin};  // the central service's pin, and not this server's key
  auto refused = download_bundle(d.download(config, server->url() + "/kiosk-2.0.0.raucb"));
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error(), Catch::Contains("public key"));
}

TEST_CASE("bundle download: a server the config's CA did not sign is refused, and no token goes elsewhere", "[update]") {
  auto bytes = bundle_bytes(1024);
  auto server = https_bundle_server(bytes);
  Download d;
  auto config = config_for("https://central.example");
  config.api.ca_file = tls_files().other_ca_cert;
  auto refused = download_bundle(d.download(config, server->url() + "/kiosk-2.0.0.raucb"));
  REQUIRE_FALSE(refused.ok());
  CHECK(d.files().empty());
  CHECK(server->seen().empty());

  config.api.ca_file = tls_files().ca_cert;
  REQUIRE(download_bundle(d.download(config, server->url() + "/kiosk-2.0.0.raucb")).ok());
  CHECK(server->last().header("Authorization").empty());  // another origin than api.base_url
}

TEST_CASE("bundle download: a bundle larger than the room left beside the store is refused before a byte is written",
          "[update]") {
  auto server = bundle_server(std::make_unique<TestServer>(), bundle_bytes(256 * 1024));
  Download d;
  auto config = config_for(server->url());
  SECTION("the declared length is more than is free, less the store's reserve") {
    d.free = kStoreReserveBytes + 100 * 1024;
    auto refused = download_bundle(d.download(config, server->url() + "/kiosk-2.0.0.raucb"));
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error(), Catch::Contains("disk full: the bundle is 262144 bytes, and only 102400 bytes may be "
                                                "used on " + d.dir.path().string() + " (128 MiB is kept for the store)"));
  }
  SECTION("less is free than the store's reserve") {
    d.free = kStoreReserveBytes - 1;
    auto refused = download_bundle(d.download(config, server->url() + "/kiosk-2.0.0.raucb"));
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error(), Catch::Contains("disk full: 127 MiB free on") &&
                                    Catch::Contains("nothing was downloaded"));
    CHECK(server->seen().empty());
  }
  CHECK(d.files().empty());
}

TEST_CASE("bundle download: the file name is the URL's when it is a plain .raucb name", "[update]") {
  CHECK(bundle_file_name("https://c.example/bundles/kiosk-2.0.0+rpi.raucb") == "kiosk-2.0.0+rpi.raucb");
  CHECK(bundle_file_name("https://c.example/bundles/latest") == "bundle.raucb");
  CHECK(bundle_file_name("https://c.example/.raucb") == "bundle.raucb");
  CHECK(bundle_file_name("https://c.example/..%2F..%2Fetc%2Fx.raucb") == "bundle.raucb");
  CHECK(bundle_file_name("https://c.example/a b.raucb") == "bundle.raucb");
}
