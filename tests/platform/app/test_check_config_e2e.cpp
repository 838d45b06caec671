// `kiosk check-config`, the real binary: what provisioning runs before it
// installs a config. It must judge the files alone, touching nothing.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/subprocess.h"

using kiosk::test::run_command;

namespace {

struct Dir {
  Dir() {
    char tmpl[] = "/tmp/kiosk-check-config-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~Dir() { std::filesystem::remove_all(path); }
  // 0640, as provisioning installs them (a config open to others fails).
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path + "/" + name) << text;
    using std::filesystem::perms;
    std::filesystem::permissions(path + "/" + name, perms::owner_read | perms::owner_write | perms::group_read);
    return path + "/" + name;
  }
  std::string path;
};

std::string config_with(const Dir& dir, const std::string& api) {
  return R"({"office_id": "DEMO", "kiosk_id": "DEMO-K1", "data_dir": ")" + dir.path +
         R"(/data", "printer": {"device": "file:/nonexistent/tickets"}, "api": )" + api + "}";
}

}  // namespace

TEST_CASE("check-config passes a valid config without opening its data dir or devices") {
  Dir dir;
  auto config = dir.write("kiosk.json", config_with(dir, "{}"));
  auto run = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(run.exit_code == 0);
  CHECK(run.out == "OK   config: " + config + " valid (office DEMO, kiosk DEMO-K1)\ncheck-config: OK\n");
  CHECK_FALSE(std::filesystem::exists(dir.path + "/data"));
}

TEST_CASE("check-config names a certificate file that is not one") {
  Dir dir;
  auto not_a_cert = dir.write("ca.crt", "this is the key, not the certificate\n");
  auto config = dir.write("kiosk.json", config_with(dir, R"({"base_url": "https://central.example", "token": "t", "ca_file": ")" +
                                                             not_a_cert + R"("})"));
  auto run = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("FAIL api.ca_file: " + not_a_cert + ": no PEM CERTIFICATE block\n") != std::string::npos);
  CHECK(run.out.ends_with("check-config: FAIL\n"));
}

TEST_CASE("check-config reports a bad config as a FAIL line and exit 2") {
  Dir dir;
  auto config = dir.write("kiosk.json", R"({"office_id": "DEMO"})");
  auto run = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(run.exit_code == 2);
  CHECK(run.out == "FAIL config: " + config + ": kiosk_id: missing\n");
}

namespace {

struct BadConfig {
  std::string printer_and_api;  // JSON members after data_dir
  std::string error;            // after "<file>: "
};

}  // namespace

TEST_CASE("check-config and a start refuse the same configs, exit 2, naming the key") {
  const BadConfig cases[] = {
      {R"("printer": {"device": "file:/tmp/t", "profile": "99mm"})",
       "printer.profile: unknown profile '99mm' (80mm, 58mm, 58mm-raster, 80mm-nocut)"},
      {R"("printer": {"device": "lpt:xyz"})",
       "printer.device: printer device 'lpt:xyz' has an unknown scheme; use file:PATH, usb:/dev/usb/lp0, "
       "serial:/dev/ttyUSB0:19200 or tcp:HOST:9100"},
      {R"("printer": {"profile": "80mm"})", "printer.device: missing"},
      {R"("printer": {"device": "file:/tmp/t"}, "api": {"base_url": "http://central.example", "token": "t"})",
       "api.base_url: plain http:// is refused for \"central.example\"; use https:// (http is allowed only for "
       "127.0.0.0/8, ::1 and localhost)"},
      {R"("printer": {"device": "file:/tmp/t"}, "api": {"base_url": "http://127.0.0.1.evil.example", "token": "t"})",
       "api.base_url: plain http:// is refused for \"127.0.0.1.evil.example\"; use https:// (http is allowed only "
       "for 127.0.0.0/8, ::1 and localhost)"},
      {R"("printer": {"device": "file:/tmp/t"}, "api": {"base_url": "http://", "token": "t"})",
       "api.base_url: not a URL: \"http://\""},
      // No key turns certificate verification off: one that tries is a typo.
      {R"("printer": {"device": "file:/tmp/t"}, "api": {"base_url": "https://c.example", "token": "t", "verify_peer": false})",
       "api.verify_peer: unknown key"},
      {R"("printer": {"device": "file:/tmp/t"}, "api": {"base_url": "https://central.example"})",
       "api.token: empty or not a header value"},
      {R"("printer": {"device": "file:/tmp/a", "device": "file:/tmp/b"})", "printer.device: given twice"},
  };
  for (const auto& bad : cases) {
    Dir dir;
    INFO(bad.printer_and_api);
    auto config = dir.write("kiosk.json", R"({"office_id": "DEMO", "kiosk_id": "DEMO-K1", "data_dir": ")" + dir.path +
                                              R"(/data", )" + bad.printer_and_api + "}");
    auto check = run_command({KIOSK_BINARY, "check-config", "--config", config});
    CHECK(check.exit_code == 2);
    CHECK(check.out == "FAIL config: " + config + ": " + bad.error + "\n");
    auto start = run_command({KIOSK_BINARY, "--config", config, "--headless"});
    CHECK(start.exit_code == 2);
    CHECK(start.err == "kiosk: config error: " + config + ": " + bad.error + "\n");
    CHECK_FALSE(std::filesystem::exists(dir.path + "/data"));  // refused before anything was opened
  }
}

TEST_CASE("a blank data_dir is a config error, not a directory named \" \"") {
  Dir dir;
  auto config = dir.write("kiosk.json", R"({"office_id": "DEMO", "kiosk_id": "DEMO-K1", "data_dir": " "})");
  auto check = run_command({KIOSK_BINARY, "check-config", "--config", config});
  CHECK(check.exit_code == 2);
  CHECK(check.out == "FAIL config: " + config + ": data_dir: blank\n");
  auto start = run_command({KIOSK_BINARY, "--config", config, "--headless"});
  CHECK(start.exit_code == 2);
  CHECK(start.err == "kiosk: config error: " + config + ": data_dir: blank\n");
}

TEST_CASE("a config or client key open to others: the start refuses, check-config fails, naming file, mode and fix") {
  Dir dir;
  auto key = dir.write("client.key", "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n");
  auto cert = dir.write("client.crt", "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n");
  auto config = dir.write("kiosk.json", config_with(dir, R"({"base_url": "https://central.example", "token": "t", )"
                                                         R"("client_cert": ")" + cert + R"(", "client_key": ")" + key +
                                                         R"("})"));
  using std::filesystem::perms;
  auto open_to = [](const std::string& path, perms mode) { std::filesystem::permissions(path, mode); };
  auto refusal = [&](const std::string& expected) {
    auto start = run_command({KIOSK_BINARY, "--config", config, "--headless"});
    CHECK(start.exit_code == 2);
    CHECK(start.err == "kiosk: config error: " + expected + "\n");
    auto check = run_command({KIOSK_BINARY, "check-config", "--config", config});
    CHECK(check.exit_code == 2);
    CHECK(check.out.starts_with("FAIL config: " + expected + "\n"));
    CHECK(check.out.ends_with("check-config: FAIL\n"));
    CHECK_FALSE(std::filesystem::exists(dir.path + "/data"));  // refused before anything was opened
  };

  open_to(config, perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
  refusal("config file " + config + " is readable by others (mode 0644) and holds secrets; run: chmod 640 " + config);
  open_to(config, perms::owner_read | perms::owner_write | perms::others_write);
  refusal("config file " + config + " is writable by others (mode 0602) and holds secrets; run: chmod 640 " + config);

  open_to(config, perms::owner_read | perms::owner_write | perms::group_read);
  open_to(key, perms::owner_all | perms::group_all | perms::others_all);
  refusal("api.client_key: " + key + " is readable and writable by others (mode 0777) and holds secrets; run: chmod 640 " +
          key);

  open_to(key, perms::owner_read | perms::group_read);
  auto passes = run_command({KIOSK_BINARY, "check-config", "--config", config});
  INFO(passes.out);
  CHECK(passes.exit_code == 0);
}
