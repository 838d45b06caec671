#include <catch2/catch.hpp>

#include "platform/config/kiosk_config.h"

using namespace kiosk;
using namespace kiosk::platform;

namespace {

std::string config_with(const std::string& extra) {
  return R"({"office_id": "JKT-SEL", "kiosk_id": "JKT-SEL-K2", "data_dir": "/var/lib/kiosk")" +
         (extra.empty() ? "" : ", " + extra) + "}";
}

}  // namespace

TEST_CASE("a minimal config gets the documented defaults") {
  auto config = parse_kiosk_config(config_with(""));
  REQUIRE(config.ok());
  CHECK(config->language == "id");
  CHECK(config->api.online_deadline_ms == 1500);
  CHECK(config->printer.profile == "80mm");
  CHECK(config->sync.drain_seconds == 10);
  CHECK_FALSE(config->checkin.require_birth_date);
  CHECK(config->queue.fallback.first == 2900);
  CHECK(config->queue.fallback.last == 2999);
}

TEST_CASE("every documented key is read") {
  auto config = parse_kiosk_config(config_with(R"(
    "language": "en", "log_level": "debug",
    "api": {"base_url": "https://api.example", "token": "t", "ca_file": "/ca.pem", "client_cert": "/c.pem",
            "client_key": "/k.pem", "pinned_keys": ["sha256//AAA=", "sha256//BBB="],
            "connect_timeout_ms": 2000, "request_timeout_ms": 5000, "online_deadline_ms": 900},
    "printer": {"device": "file:/tmp/p", "profile": "58mm"},
    "camera": {"device": "/dev/video0"},
    "checkin": {"require_birth_date": true},
    "queue": {"fallback_first": 700, "fallback_last": 799},
    "sync": {"drain_seconds": 3})"));
  REQUIRE(config.ok());
  CHECK(config->language == "en");
  CHECK(config->log_level == LogLevel::debug);
  CHECK(config->api.base_url == "https://api.example");
  CHECK(config->api.pinned_keys.size() == 2);
  CHECK(config->api.online_deadline_ms == 900);
  CHECK(config->printer.device == "file:/tmp/p");
  CHECK(config->camera.device == "/dev/video0");
  CHECK(config->checkin.require_birth_date);
  CHECK(config->queue.fallback.first == 700);
  CHECK(config->sync.drain_seconds == 3);
}

TEST_CASE("config errors name the key") {
  CHECK(parse_kiosk_config(config_with(R"("api": {"tokn": "x"})")).error() == "api.tokn: unknown key");
  CHECK(parse_kiosk_config(config_with(R"("colour": "red")")).error() == "colour: unknown key");
  CHECK(parse_kiosk_config(config_with(R"("api": {"online_deadline_ms": "fast"})")).error() ==
        "api.online_deadline_ms: expected a whole number from 100 to 30000");
  // A stop must fit in kiosk.service's TimeoutStopSec (60 s).
  CHECK(parse_kiosk_config(config_with(R"("sync": {"drain_seconds": 3600})")).error() ==
        "sync.drain_seconds: expected a whole number from 0 to 30");
  CHECK(parse_kiosk_config(config_with(R"("api": "https://x")")).error() == "api: expected an object");
  CHECK(parse_kiosk_config(config_with(R"("language": "fr")")).error() == "language: expected \"id\" or \"en\"");
  CHECK(parse_kiosk_config(config_with(R"("api": {"pinned_keys": ["abc"]})")).error() ==
        "api.pinned_keys: expected an array of \"sha256//...\" strings");
  CHECK(parse_kiosk_config(R"({"office_id": "X", "kiosk_id": "X-K1"})").error() == "data_dir: missing");
  CHECK(parse_kiosk_config("{\"office_id\": ").error() == "not valid JSON (truncated or malformed)");
}

TEST_CASE("the reserve range comes from the kiosk number, or must be given") {
  CHECK(fallback_range_for("JKT-SEL-K1")->first == 1900);
  CHECK(fallback_range_for("JKT-SEL-K12")->last == 12999);
  CHECK_FALSE(fallback_range_for("JKT-SEL-KX"));
  auto config = parse_kiosk_config(R"({"office_id": "X", "kiosk_id": "lobby", "data_dir": "/d"})");
  CHECK(config.error() == "queue.fallback_first: required, because kiosk_id does not end in a kiosk number");
  CHECK(parse_kiosk_config(config_with(R"("queue": {"fallback_first": 700})")).error() ==
        "queue.fallback_first: give both fallback_first and fallback_last, or neither");
}

TEST_CASE("a key given twice is an error naming it") {
  CHECK(parse_kiosk_config(config_with(R"("data_dir": "/tmp/other")")).error() == "data_dir: given twice");
  CHECK(parse_kiosk_config(config_with(R"("printer": {"device": "file:/a", "device": "file:/b"})")).error() ==
        "printer.device: given twice");
  CHECK(parse_kiosk_config(config_with(R"("api": {"token": "x"}, "api": {"base_url": ""})")).error() ==
        "api: given twice");
  // The same name in two different objects is two keys.
  CHECK(parse_kiosk_config(config_with(R"("camera": {"device": ""}, "scanner": {"device": ""})")).ok());
}

TEST_CASE("a config nested deeper than any the kiosk reads is refused before it is parsed") {
  auto deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(parse_kiosk_config(config_with(R"("camera": )" + deep)).error() == "nested deeper than 32 levels");
}

TEST_CASE("a blank name or path is an error naming it") {
  CHECK(parse_kiosk_config(R"({"office_id": "X", "kiosk_id": "X-K1", "data_dir": " "})").error() == "data_dir: blank");
  CHECK(parse_kiosk_config(R"({"office_id": "X", "kiosk_id": "X-K1", "data_dir": "\t"})").error() == "data_dir: blank");
  CHECK(parse_kiosk_config(R"({"office_id": "X", "kiosk_id": "X-K1", "data_dir": " /var/lib/kiosk"})").error() ==
        "data_dir: has spaces at its start or end");
  CHECK(parse_kiosk_config(R"({"office_id": "  ", "kiosk_id": "X-K1", "data_dir": "/d"})").error() ==
        "office_id: blank");
  CHECK(parse_kiosk_config(config_with(R"("api": {"ca_file": " "})")).error() == "api.ca_file: blank");
  CHECK(parse_kiosk_config(config_with(R"("printer": {"device": " "})")).error() == "printer.device: blank");
}

TEST_CASE("clock: confirmed by timesyncd by default; every clock key is read and checked", "[clock]") {
  auto defaults = parse_kiosk_config(config_with(""));
  REQUIRE(defaults.ok());
  CHECK(defaults->clock.confirmed_by == "timesync");
  CHECK(defaults->clock.timesync_flag == "/run/systemd/timesync/synchronized");
  CHECK(defaults->clock.boot_id_file == "/proc/sys/kernel/random/boot_id");
  CHECK(defaults->clock.max_skew_seconds == 120);
  auto given = parse_kiosk_config(config_with(
      R"("clock": {"confirmed_by": "system", "timesync_flag": "/tmp/f", "boot_id_file": "/tmp/b", "max_skew_seconds": 30})"));
  REQUIRE(given.ok());
  CHECK(given->clock.confirmed_by == "system");
  CHECK(given->clock.timesync_flag == "/tmp/f");
  CHECK(given->clock.boot_id_file == "/tmp/b");
  CHECK(given->clock.max_skew_seconds == 30);
  CHECK(parse_kiosk_config(config_with(R"("clock": {"confirmed_by": "ntp"})")).error() ==
        "clock.confirmed_by: expected \"timesync\" or \"system\"");
  CHECK(parse_kiosk_config(config_with(R"("clock": {"timesync_flag": " "})")).error() == "clock.timesync_flag: blank");
  CHECK(parse_kiosk_config(config_with(R"("clock": {"max_skew_seconds": 1})")).error() ==
        "clock.max_skew_seconds: expected a whole number from 2 to 31536000");
}

TEST_CASE("store.retention_days: 7 by default, 1 to 366 days", "[privacy]") {
  CHECK(parse_kiosk_config(config_with(""))->store.retention_days == 7);
  CHECK(parse_kiosk_config(config_with(R"("store": {"retention_days": 30})"))->store.retention_days == 30);
  CHECK(parse_kiosk_config(config_with(R"("store": {"retention_days": 0})")).error() ==
        "store.retention_days: expected a whole number from 1 to 366");
  CHECK(parse_kiosk_config(config_with(R"("store": {"retention_days": 367})")).error() ==
        "store.retention_days: expected a whole number from 1 to 366");
}
