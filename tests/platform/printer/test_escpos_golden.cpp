// Golden byte streams: golden/ticket-<profile>.bin holds the fixed ticket of
// printer_fixture.h encoded for each named profile, compared byte for byte.
// After an intended change to the encoder or the fixture, regenerate them:
//
//   KIOSK_UPDATE_GOLDEN=1 build/default/tests/platform/printer/test_printer '[golden]'
//
// then review the change (git diff --text, or xxd) before committing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "platform/printer/escpos_encoder.h"
#include "tests/platform/printer/printer_fixture.h"
#include "support/escpos_reader.h"

using namespace kiosk::test;

namespace {

std::string golden_path(const std::string& profile) {
  return std::string(KIOSK_PRINTER_GOLDEN_DIR) + "/ticket-" + profile + ".bin";
}

bool updating_golden() {
  const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
  return update && std::string(update) == "1";
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

std::size_t first_difference(const std::string& a, const std::string& b) {
  auto [in_a, in_b] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return static_cast<std::size_t>(in_a - a.begin());
}

// Where the dump of a mismatch starts: at the start of the printed line
// holding the first difference (both streams agree up to there).
std::size_t window_start(const std::string& bytes, std::size_t at) {
  auto lf = at == 0 ? std::string::npos : bytes.rfind('\n', at - 1);
  auto start = lf == std::string::npos ? 0 : lf + 1;
  return at - start > 200 ? at - 40 : start;
}

// A readable window around the first differing byte of both streams.
std::string describe_mismatch(const std::string& expected, const std::string& actual) {
  auto at = first_difference(expected, actual);
  auto from = window_start(expected, at);
  std::ostringstream out;
  out << "first difference at byte " << at << " (golden " << expected.size() << " bytes, encoder "
      << actual.size() << " bytes)\n--- golden from byte " << from << ":\n"
      << escpos_dump(expected.substr(std::min(from, expected.size()), 160)) << "\n--- encoder from byte "
      << from << ":\n"
      << escpos_dump(actual.substr(std::min(from, actual.size()), 160))
      << "\n(if the change is intended: KIOSK_UPDATE_GOLDEN=1 test_printer '[golden]')";
  return out.str();
}

// Compares `actual` with golden/ticket-<name>.bin (or rewrites it).
void check_golden(const std::string& name, const std::string& actual) {
  auto path = golden_path(name);
  if (updating_golden()) {
    write_bytes(path, actual);
    WARN("rewrote " << path);
    return;
  }
  auto expected = read_bytes(path);
  if (expected.empty()) FAIL(path << " is missing or empty; generate it with KIOSK_UPDATE_GOLDEN=1");
  bool matches = expected == actual;
  INFO((matches ? std::string() : path + ": " + describe_mismatch(expected, actual)));
  CHECK(matches);
}

}  // namespace

TEST_CASE("the fixed ticket matches its golden byte stream", "[printer][golden]") {
  auto profile = GENERATE(as<std::string>{}, "80mm", "58mm", "58mm-raster", "80mm-nocut");
  check_golden(profile, kiosk::platform::encode_escpos(printer_ticket(), named_profile(profile)));
}

// The non-priority goldens above stay as they were; this one adds the mark.
TEST_CASE("a priority ticket matches its golden and prints PRIORITAS / PRIORITY", "[printer][golden][priority]") {
  auto actual = kiosk::platform::encode_escpos(priority_printer_ticket(), named_profile("80mm"));
  check_golden("80mm-priority", actual);
  auto doc = read_escpos(actual);
  CHECK(doc.problems.empty());
  auto mark = std::find_if(doc.lines.begin(), doc.lines.end(),
                           [](const EscposLine& line) { return line.text == "PRIORITAS / PRIORITY"; });
  REQUIRE(mark != doc.lines.end());
  CHECK(mark->bold);
  CHECK(mark->height > 1);
}
