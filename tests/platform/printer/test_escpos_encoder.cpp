// Structural checks on the ESC/POS job, independent of the golden files: raw
// byte checks for the commands that must be exact, and the test-side
// interpreter (support/escpos_reader.h) for what a person would see.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "platform/printer/escpos_encoder.h"
#include "tests/platform/printer/printer_fixture.h"
#include "support/escpos_reader.h"
#include "support/qr_decode.h"

using namespace kiosk;
using namespace kiosk::test;
using kiosk::platform::encode_escpos;
using kiosk::platform::PrinterProfile;
using Size = TicketLine::Size;
using Align = TicketLine::Align;

namespace {

const std::string qr_prefix = "\x1d(k";

// The scale a person should see for each size, written out rather than
// taken from the encoder.
int expected_scale(Size size, const PrinterProfile& profile) {
  if (size == Size::normal) return 1;
  if (size == Size::large) return 2;
  return profile.name == "80mm" ? 4 : 3;
}

PrinterProfile without_cutter(PrinterProfile profile) {
  profile.cutter = false;
  return profile;
}

Ticket ticket_with(std::vector<TicketLine> lines,
                   std::string payload = "TKT1.JKT-SEL.20240819.A-007.7KQ2MZ") {
  Ticket ticket;
  ticket.queue_number = "A-007";
  ticket.lines = std::move(lines);
  ticket.qr_payload = std::move(payload);
  return ticket;
}

// Where the QR store function (GS ( k pL pH 49 80 48 data) begins, or npos.
std::size_t find_qr_store(const std::string& bytes) {
  for (auto at = bytes.find(qr_prefix); at != std::string::npos; at = bytes.find(qr_prefix, at + 1))
    if (at + 7 < bytes.size() && bytes.compare(at + 5, 3, "1P0") == 0) return at;
  return std::string::npos;
}

void check_qr_store(const std::string& bytes, const std::string& payload) {
  auto at = find_qr_store(bytes);
  REQUIRE(at != std::string::npos);
  auto length = static_cast<unsigned char>(bytes[at + 3]) + 256u * static_cast<unsigned char>(bytes[at + 4]);
  CHECK(length == payload.size() + 3);
  CHECK(bytes.substr(at + 8, payload.size()) == payload);
  // Printed right after storing.
  CHECK(bytes.compare(at + 8 + payload.size(), 8, std::string("\x1d(k\x03\x00" "1Q0", 8)) == 0);
}

// Consumes the printed rows that make up `expected` (wrapped rows joined by
// single spaces) and checks each row's style against the ticket line.
void check_rows(const std::vector<EscposLine>& rows, std::size_t& next, const TicketLine& line,
                const PrinterProfile& profile) {
  INFO("ticket line: " << line.text);
  std::string seen;
  while (seen.size() < line.text.size() && next < rows.size()) {
    const auto& row = rows[next++];
    CHECK(row.width == expected_scale(line.size, profile));
    CHECK(row.height == expected_scale(line.size, profile));
    CHECK(row.bold == line.bold);
    CHECK(row.align == (line.align == Align::center ? 1 : 0));
    seen += (seen.empty() ? "" : " ") + pc437_to_utf8(row.text);
  }
  CHECK(seen == line.text);
}

}  // namespace

TEST_CASE("a job starts with ESC @ and selects PC437", "[printer][escpos]") {
  auto profile = named_profile(GENERATE(as<std::string>{}, "80mm", "58mm"));
  auto bytes = encode_escpos(printer_ticket(), profile);
  CHECK(bytes.rfind("\x1b@", 0) == 0);
  CHECK(bytes.find(std::string("\x1bt\x00", 3)) != std::string::npos);
  auto doc = read_escpos(bytes);
  CHECK(doc.problems.empty());
  CHECK(doc.initializations == 1);
  CHECK(doc.code_page == 0);
}

TEST_CASE("a person sees the ticket's lines, in their style, then its QR code", "[printer][escpos]") {
  auto profile = named_profile(GENERATE(as<std::string>{}, "80mm", "58mm"));
  INFO("profile " << profile.name);
  auto doc = read_escpos(encode_escpos(printer_ticket(), profile));
  REQUIRE(doc.problems.empty());
  auto expected = printer_ticket();
  // The fixture's en dash is the one character the printer spells differently.
  for (auto& line : expected.lines)
    if (auto dash = line.text.find("\u2013"); dash != std::string::npos) line.text.replace(dash, 3, "-");
  std::size_t next = 0;
  for (const auto& line : expected.lines) check_rows(doc.lines, next, line, profile);
  CHECK(next == doc.lines.size());
  REQUIRE(doc.qr_codes.size() == 1);
  CHECK(doc.qr_codes[0].payload == expected.qr_payload);
  CHECK(doc.qr_codes[0].model == 2);
  CHECK(doc.qr_codes[0].error_correction == 'M');
  CHECK(doc.qr_codes[0].module_size == (profile.name == "80mm" ? 6 : 4));
  CHECK(doc.qr_codes[0].lines_before == doc.lines.size());
}

TEST_CASE("the queue number is printed in the huge size", "[printer][escpos]") {
  auto profile = named_profile(GENERATE(as<std::string>{}, "80mm", "58mm"));
  auto bytes = encode_escpos(printer_ticket(), profile);
  unsigned char size = profile.name == "80mm" ? 0x33 : 0x22;  // 4x4 or 3x3
  CHECK(bytes.find("\x1d!" + std::string(1, static_cast<char>(size)) + "A-007\n") != std::string::npos);
  auto doc = read_escpos(bytes);
  auto number =
      std::find_if(doc.lines.begin(), doc.lines.end(), [](auto& line) { return line.text == "A-007"; });
  REQUIRE(number != doc.lines.end());
  CHECK(number->width == expected_scale(Size::huge, profile));
  CHECK(number->height == expected_scale(Size::huge, profile));
  CHECK(number->bold);
  CHECK(number->align == 1);
}

TEST_CASE("a queue number too long for the huge size shrinks instead of wrapping", "[printer][escpos]") {
  auto profile = named_profile("80mm");
  auto doc = read_escpos(encode_escpos(ticket_with({{"ANTRIAN-12345", Size::huge, true}}), profile));
  REQUIRE(doc.lines.size() == 1);
  CHECK(doc.lines[0].text == "ANTRIAN-12345");
  CHECK(doc.lines[0].width == 3);  // 13 x 4 > 48 columns, 13 x 3 fits
}

TEST_CASE("the QR store command carries exactly the payload", "[printer][escpos]") {
  auto profile = named_profile(GENERATE(as<std::string>{}, "80mm", "58mm"));
  auto ticket = printer_ticket();
  check_qr_store(encode_escpos(ticket, profile), ticket.qr_payload);
}

TEST_CASE("a payload over 252 bytes sets pH", "[printer][escpos]") {
  std::string payload(300, 'Q');
  auto bytes = encode_escpos(ticket_with({{"A-007"}}, payload), named_profile("80mm"));
  check_qr_store(bytes, payload);
  auto at = find_qr_store(bytes);
  CHECK(static_cast<unsigned char>(bytes[at + 3]) == 303 % 256);
  CHECK(static_cast<unsigned char>(bytes[at + 4]) == 1);
}

TEST_CASE("without native QR, a payload too long for any QR symbol is printed as text", "[printer][escpos]") {
  auto profile = named_profile("58mm-raster");
  auto ticket = printer_ticket();
  ticket.qr_payload = std::string(3000, 'x');  // version 40-M holds 2331 bytes
  auto doc = read_escpos(encode_escpos(ticket, profile));
  CHECK(doc.problems.empty());
  CHECK(doc.qr_codes.empty());
  CHECK(doc.rasters.empty());
  std::size_t printed = 0;
  for (const auto& line : doc.lines) printed += static_cast<std::size_t>(std::count(line.text.begin(), line.text.end(), 'x'));
  CHECK(printed == 3000);
}

TEST_CASE("a ticket without a payload has no QR code", "[printer][escpos]") {
  auto bytes = encode_escpos(ticket_with({{"A-007"}}, ""), named_profile("80mm"));
  CHECK(bytes.find(qr_prefix) == std::string::npos);
}

TEST_CASE("a cutter profile ends the job with a partial cut, others do not cut", "[printer][escpos]") {
  auto profile = named_profile(GENERATE(as<std::string>{}, "80mm", "58mm"));
  auto with_cut = encode_escpos(printer_ticket(), profile);
  CHECK(with_cut.substr(with_cut.size() - 6) == std::string("\x1b" "d\x04\x1dV\x01", 6));
  auto doc = read_escpos(with_cut);
  CHECK(doc.cuts == 1);
  CHECK(doc.partial_cut);
  CHECK(doc.feed_lines == 4);

  auto without = encode_escpos(printer_ticket(), without_cutter(profile));
  CHECK(without.find("\x1dV") == std::string::npos);
  CHECK(without.substr(without.size() - 3) == "\x1b" "d\x04");
  CHECK(read_escpos(without).cuts == 0);
}

TEST_CASE("text reaches the printer in PC437, never as UTF-8", "[printer][escpos]") {
  auto ticket = ticket_with({{"Caf\u00e9 \u201cRuang Tunggu\u201d \u2013 Lantai 2\u2026"},
                             {"S\u00e3o Paulo \u00d1and\u00fa", Size::normal, false, Align::left}});
  auto bytes = encode_escpos(ticket, named_profile("80mm"));
  auto doc = read_escpos(bytes);
  REQUIRE(doc.problems.empty());
  REQUIRE(doc.lines.size() == 2);
  CHECK(pc437_to_utf8(doc.lines[0].text) == "Caf\u00e9 \"Ruang Tunggu\" - Lantai 2...");
  CHECK(pc437_to_utf8(doc.lines[1].text) == "Sao Paulo \u00d1and\u00fa");
  // The only bytes >= 0x80 are é, Ñ and ú in PC437.
  std::string high;
  for (char c : bytes)
    if (static_cast<unsigned char>(c) >= 0x80) high += c;
  CHECK(high == "\x82\xA5\xA3");
}

TEST_CASE("control characters in ticket text cannot inject commands", "[printer][escpos]") {
  auto doc = read_escpos(encode_escpos(ticket_with({{"A\x1b@\x1dV\x01 B"}}), named_profile("80mm")));
  CHECK(doc.problems.empty());
  CHECK(doc.initializations == 1);
  CHECK(doc.cuts == 1);
  REQUIRE(doc.lines.size() == 1);
  CHECK(doc.lines[0].text == "A?@?V? B");
}

TEST_CASE("long lines are wrapped at the profile's columns", "[printer][escpos]") {
  auto profile = named_profile(GENERATE(as<std::string>{}, "80mm", "58mm"));
  INFO("profile " << profile.name);
  auto doc = read_escpos(encode_escpos(printer_ticket(), profile));
  for (const auto& line : doc.lines) {
    INFO("row: " << line.text);
    CHECK(static_cast<int>(line.text.size()) * line.width <= profile.columns);
  }
  // The 76-character documents line: two rows of 48 columns, three of 32.
  auto first = std::find_if(doc.lines.begin(), doc.lines.end(),
                            [](auto& line) { return line.text.rfind("Siapkan", 0) == 0; });
  REQUIRE(first != doc.lines.end());
  auto rows = profile.name == "80mm" ? 2 : 3;
  REQUIRE(doc.lines.end() - first > rows);
  CHECK((first + rows)->text.rfind("Have your", 0) == 0);
}

namespace {

// What a scanner at the counter reads from a GS v 0 image: ZXing's reader
// on the image as printed (with a white quiet zone around it, as on paper).
std::string decode_raster(const kiosk::test::EscposRaster& image) {
  const int margin = 16;
  int width = image.width + 2 * margin;
  int height = image.height + 2 * margin;
  std::vector<std::uint8_t> luma(static_cast<std::size_t>(width * height), 255);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      if (image.black(x, y)) luma[static_cast<std::size_t>((y + margin) * width + x + margin)] = 0;
  return kiosk::test::decode_qr(luma, width, height);
}

}  // namespace

TEST_CASE("a printer without native QR gets the same code as a raster image", "[printer][encoder]") {
  auto ticket = kiosk::test::printer_ticket();
  auto document = kiosk::test::read_escpos(kiosk::platform::encode_escpos(ticket, named_profile("58mm-raster")));
  CHECK(document.problems.empty());
  CHECK(document.qr_codes.empty());
  REQUIRE(document.rasters.size() == 1);
  const auto& image = document.rasters[0];
  CHECK(image.width <= 384);
  CHECK(image.height > 0);
  CHECK(decode_raster(image) == ticket.qr_payload);
  CHECK(document.cuts == 1);
}

TEST_CASE("the no-cut profile never sends a cut", "[printer][encoder]") {
  auto document =
      kiosk::test::read_escpos(kiosk::platform::encode_escpos(kiosk::test::printer_ticket(), named_profile("80mm-nocut")));
  CHECK(document.problems.empty());
  CHECK(document.cuts == 0);
  CHECK(document.qr_codes.size() == 1);
}
