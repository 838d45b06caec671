// The ticket as a person sees it: the ESC/POS job rendered onto paper-sized
// bitmaps, the QR code read back with ZXing's reader as the counter's
// scanner would, and the queue number read from the job.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "platform/preview/escpos_render.h"
#include "platform/printer/escpos_encoder.h"
#include "platform/printer/escpos_printer.h"
#include "platform/printer/printer_device.h"
#include "tests/platform/printer/printer_fixture.h"
#include "support/escpos_reader.h"
#include "support/printer_sim.h"
#include "support/qr_decode.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

std::string qr_on(const platform::Bitmap& paper) { return decode_qr(paper.luma, paper.width, paper.height); }

// The biggest printed text line: what the applicant reads as their number.
std::string biggest_line(const std::string& job) {
  EscposLine biggest;
  for (const auto& line : read_escpos(job).lines)
    if (line.width * line.height > biggest.width * biggest.height) biggest = line;
  return biggest.text;
}

// Rows that hold any black dot: the preview really printed something there.
int inked_rows(const platform::Bitmap& paper) {
  int rows = 0;
  for (int y = 0; y < paper.height; ++y)
    for (int x = 0; x < paper.width; ++x)
      if (paper.black(x, y)) {
        ++rows;
        break;
      }
  return rows;
}

}  // namespace

TEST_CASE("every profile's ticket renders at its paper width with a readable QR code", "[printer][preview]") {
  auto name = GENERATE(as<std::string>{}, "80mm", "58mm", "58mm-raster", "80mm-nocut");
  INFO(name);
  auto profile = named_profile(name);
  auto ticket = printer_ticket();
  auto job = platform::encode_escpos(ticket, profile);
  auto paper = platform::render_escpos(job, profile.dots_per_line);
  REQUIRE(paper);
  CHECK(paper->width == profile.dots_per_line);
  CHECK(paper->height > 400);
  CHECK(inked_rows(*paper) > 200);
  CHECK(qr_on(*paper) == ticket.qr_payload);
  CHECK(biggest_line(job) == "A-007");
}

TEST_CASE("a job the preview does not understand is refused by name", "[printer][preview]") {
  auto unknown = platform::render_escpos("\x1b@\x1bZ\x01", 576);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().find("unknown command ESC 0x5A") != std::string::npos);
  auto cut_short = platform::render_escpos("\x1d(k\x05", 576);
  REQUIRE_FALSE(cut_short);
  CHECK(cut_short.error().find("ends in the middle") != std::string::npos);
  CHECK_FALSE(platform::render_escpos("x\n", 0));
}

TEST_CASE("what the simulated printer received is a ticket the counter can scan", "[printer][preview][sim]") {
  auto link = GENERATE(PrinterSim::Link::tcp, PrinterSim::Link::pty);
  PrinterSim sim(link);
  INFO(sim.device());
  auto profile = named_profile(link == PrinterSim::Link::tcp ? "80mm" : "58mm-raster");
  platform::EscposPrinter printer(*platform::parse_printer_device(sim.device()), profile,
                                  platform::PrinterTimeouts{500ms, 300ms, 2000ms});
  auto ticket = make_ticket(printer_record(), printer_office(), true);
  REQUIRE(printer.print(ticket).printed);
  REQUIRE(sim.printed().size() == 1);
  auto received = sim.printed()[0];  // a copy: printed() returns by value
  auto paper = platform::render_escpos(received, profile.dots_per_line);
  REQUIRE(paper);
  CHECK(qr_on(*paper) == ticket.qr_payload);
  CHECK(biggest_line(received) == "A-007");
  bool marked = false;
  for (const auto& line : read_escpos(received).lines) marked = marked || line.text == "CETAK ULANG / REPRINT";
  CHECK(marked);
}
