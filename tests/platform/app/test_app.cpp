// The kiosk program's pieces that need no process: command line, headless
// input lines and output lines.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "platform/app/cli.h"
#include "platform/app/decision_json.h"
#include "platform/app/embedded_assets.h"
#include "platform/app/headless.h"
#include "platform/audio/speech_words.h"
#include "platform/screen/embedded_strings.h"

using namespace kiosk;
using namespace kiosk::platform;
using Command = CommandLine::Command;

TEST_CASE("command lines") {
  CHECK(parse_command_line({})->command == Command::run);
  CHECK_FALSE(parse_command_line({})->config_path);
  auto headless = parse_command_line({"--config", "k.json", "--headless"});
  REQUIRE(headless.ok());
  CHECK(headless->command == Command::headless);
  CHECK(*headless->config_path == "k.json");
  auto import = parse_command_line({"import", "--config", "k.json", "--manifest", "m.json"});
  REQUIRE(import.ok());
  CHECK(import->command == Command::import);
  CHECK(*import->manifest_path == "m.json");
  CHECK(parse_command_line({"--version"})->command == Command::version);
  CHECK(parse_command_line({"--config"}).error() == "--config needs a file (try: kiosk --help)");
  CHECK(parse_command_line({"import", "--manifest", "m.json"}).error() ==
        "kiosk import needs --config FILE (try: kiosk --help)");
  CHECK(parse_command_line({"import", "--config", "k.json"}).error() ==
        "kiosk import needs --office-config, --manifest or --queue-blocks (try: kiosk --help)");
  CHECK(parse_command_line({"--manifest", "m.json"}).error() ==
        "--office-config, --manifest and --queue-blocks belong to kiosk import (try: kiosk --help)");
  CHECK(parse_command_line({"check-config", "--config", "k.json"})->command == Command::check_config);
  CHECK(parse_command_line({"check-config"}).error() == "kiosk check-config needs --config FILE (try: kiosk --help)");
  CHECK(parse_command_line({"--bogus"}).error() == "unknown argument '--bogus' (try: kiosk --help)");
}

TEST_CASE("headless input: CODE or CODE DDMMYYYY") {
  CHECK_FALSE(parse_headless_line(""));
  CHECK_FALSE(parse_headless_line(" \t\r"));
  auto plain = parse_headless_line("7KQ2MZ\r");
  REQUIRE(plain);
  CHECK(plain->text == "7KQ2MZ");
  CHECK(plain->birth_date.empty());
  auto with_date = parse_headless_line("  7KQ2MZ   02012001 ");
  REQUIRE(with_date);
  CHECK(with_date->text == "7KQ2MZ");
  CHECK(with_date->birth_date == "02012001");
  auto odd = parse_headless_line("hello world");
  REQUIRE(odd);
  CHECK(odd->text == "hello world");
  CHECK(odd->birth_date.empty());
}

TEST_CASE("headless output: one JSON object, times in office time") {
  Decision decision;
  decision.code = "7KQ2MZ";
  decision.verdict = Verdict::admitted;
  decision.queue_number = "A-017";
  decision.printed = true;
  decision.service = "N";
  decision.elapsed = std::chrono::microseconds(1234);
  decision.checked_in_at = Seconds{std::chrono::seconds{1502932351}};  // 2017-08-17T01:12:31Z
  auto line = decision_json_line(decision, UtcOffset{std::chrono::hours{7}});
  CHECK(line.find('\n') == std::string::npos);
  auto parsed = nlohmann::json::parse(line);
  CHECK(parsed["code"] == "7KQ2MZ");
  CHECK(parsed["verdict"] == "admitted");
  CHECK(parsed["queue_number"] == "A-017");
  CHECK(parsed["mode"] == "offline");
  CHECK(parsed["printed"] == true);
  CHECK(parsed["ms"] == 1.23);
  CHECK(parsed["checked_in_at"] == "2017-08-17T08:12:31+07:00");
  CHECK(parsed["come_back_at"].is_null());
  CHECK_FALSE(parsed.contains("priority"));
  decision.priority = true;
  CHECK(nlohmann::json::parse(decision_json_line(decision, UtcOffset{}))["priority"] == true);
}

TEST_CASE("headless output: an admission that did not print tells what to do, Indonesian first, from the string tables") {
  Decision decision;
  decision.code = "7KQ2MZ";
  decision.verdict = Verdict::admitted;
  decision.queue_number = "A-501";
  decision.printed = true;
  CHECK(nlohmann::json::parse(decision_json_line(decision, UtcOffset{}))["notice"].is_null());
  decision.printed = false;
  auto notice = nlohmann::json::parse(decision_json_line(decision, UtcOffset{}))["notice"].get<std::string>();
  auto indonesian = notice.find("Tunjukkan nomor A-501 ini di meja informasi");
  auto english = notice.find("Show this number A-501 at the information counter");
  CHECK(indonesian != std::string::npos);
  CHECK(english != std::string::npos);
  CHECK(indonesian < english);
}

TEST_CASE("headless output survives bytes that are not UTF-8") {
  Decision decision;
  decision.code = std::string("\xff\xfe garbage");
  decision.verdict = Verdict::invalid_code;
  auto parsed = nlohmann::json::parse(decision_json_line(decision, UtcOffset{}));
  CHECK(parsed["verdict"] == "invalid_code");
}

TEST_CASE("the embedded speech words spell a queue number in both languages") {
  auto words = kiosk::platform::parse_speech_words(kiosk::platform::k_strings_speech_json);
  INFO((words ? "" : words.error()));
  REQUIRE(words);
  CHECK(spell_queue_number("A-043", words->digits(Language::id)) == "A, nol, empat, tiga");
  CHECK(spell_queue_number("A-043", words->digits(Language::en)) == "A, zero, four, three");
}

TEST_CASE("headless output into a log gives the code masked, the rest as ever", "[privacy]") {
  Decision decision;
  decision.code = "7KQ2MZ";
  decision.verdict = Verdict::admitted;
  decision.queue_number = "A-017";
  auto parsed = nlohmann::json::parse(decision_json_line(decision, UtcOffset{}, {}, "stdin", CodeShown::masked));
  CHECK(parsed["code"] == "7K****");
  CHECK(parsed["queue_number"] == "A-017");
  CHECK(nlohmann::json::parse(decision_json_line(decision, UtcOffset{}))["code"] == "7KQ2MZ");
}
