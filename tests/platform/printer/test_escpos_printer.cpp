// The ESC/POS printer against the simulator over a real TCP socket and a real
// pseudo-terminal: the bytes that reach the paper, the status before and
// after each ticket, and every fault a printer shows at a kiosk.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "platform/printer/escpos_encoder.h"
#include "platform/printer/escpos_printer.h"
#include "platform/printer/printer_device.h"
#include "platform/printer/printer_factory.h"
#include "platform/printer/printer_status.h"
#include "tests/platform/printer/printer_fixture.h"
#include "support/escpos_reader.h"
#include "support/printer_sim.h"

using namespace kiosk;
using namespace kiosk::test;
using kiosk::platform::EscposPrinter;
using kiosk::platform::PrinterTimeouts;
using namespace std::chrono_literals;

namespace {

// Short, so the offline cases end quickly; a loopback answer takes microseconds.
PrinterTimeouts test_timeouts() { return {500ms, 300ms, 2000ms}; }

EscposPrinter printer_for(const PrinterSim& sim) {
  auto device = platform::parse_printer_device(sim.device());
  REQUIRE(device);
  return EscposPrinter(*device, named_profile("80mm"), test_timeouts());
}

Ticket ticket() { return make_ticket(printer_record(), printer_office()); }

// A job a person would take from the printer: read without problems, one QR
// code with the ticket's payload, and cut off.
bool is_good_ticket(const std::string& job) {
  auto document = read_escpos(job);
  return document.problems.empty() && document.qr_codes.size() == 1 &&
         document.qr_codes[0].payload == ticket().qr_payload && document.cuts == 1;
}

int good_tickets(const PrinterSim& sim) {
  int good = 0;
  for (const auto& job : sim.printed()) good += is_good_ticket(job) ? 1 : 0;
  return good;
}

}  // namespace

TEST_CASE("status bytes map to the status report's names", "[printer][status]") {
  auto s = [](std::initializer_list<int> bytes) {
    std::string answers;
    for (int b : bytes) answers += static_cast<char>(b);
    return platform::interpret_status(answers);
  };
  CHECK(s({0x12, 0x12, 0x12, 0x12}) == PrinterStatus::ok);
  CHECK(s({0x16, 0x12, 0x12, 0x12}) == PrinterStatus::ok);  // bit 2: drawer pin, not a fault
  CHECK(s({0x12, 0x12, 0x12, 0x1E}) == PrinterStatus::paper_low);
  CHECK(s({0x1A, 0x32, 0x12, 0x7E}) == PrinterStatus::paper_out);
  CHECK(s({0x1A, 0x16, 0x12, 0x12}) == PrinterStatus::cover_open);
  CHECK(s({0x1A, 0x52, 0x1A, 0x12}) == PrinterStatus::offline);  // cutter error
  CHECK(s({0x12, 0x12, 0x12}) == PrinterStatus::offline);        // no full answer in time
  CHECK(s({0x00, 0x12, 0x12, 0x12}) == PrinterStatus::offline);  // not a status byte
  CHECK(platform::status_queries() == std::string("\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04", 12));
}

TEST_CASE("device strings are parsed or refused with the reason", "[printer][device]") {
  using Kind = platform::PrinterDevice::Kind;
  auto tcp = platform::parse_printer_device("tcp:192.168.1.50:9100");
  REQUIRE(tcp);
  CHECK((tcp->kind == Kind::tcp && tcp->path == "192.168.1.50" && tcp->number == 9100));
  auto serial = platform::parse_printer_device("serial:/dev/ttyUSB0:19200");
  REQUIRE(serial);
  CHECK((serial->kind == Kind::serial && serial->path == "/dev/ttyUSB0" && serial->number == 19200));
  CHECK(platform::parse_printer_device("/dev/usb/lp0")->kind == Kind::usb);
  CHECK(platform::parse_printer_device("usb:/dev/usb/lp0")->path == "/dev/usb/lp0");
  CHECK(platform::parse_printer_device("file:/tmp/t")->kind == Kind::file);
  for (const char* bad : {"", "tcp:host", "tcp:1.2.3.4:0", "tcp:1.2.3.4:70000", "serial:/dev/ttyS0",
                          "serial:/dev/ttyS0:12345", "lpt:1", "file:", "usb:"}) {
    auto parsed = platform::parse_printer_device(bad);
    INFO(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find("printer device '" + std::string(bad) + "'") != std::string::npos);
  }
}

// A hang here would end at ctest's timeout; what is asserted is the outcome.
TEST_CASE("a missing printer is offline with a reason, never a hang", "[printer][device]") {
  for (const char* device : {"usb:/nonexistent/lp0", "serial:/nonexistent/ttyUSB0:19200", "tcp:127.0.0.1:1"}) {
    INFO(device);
    EscposPrinter printer(*platform::parse_printer_device(device), named_profile("58mm"), test_timeouts());
    auto result = printer.print(ticket());
    CHECK_FALSE(result.printed);
    CHECK(result.status == PrinterStatus::offline);
    CHECK_FALSE(result.error.empty());
    CHECK(printer.status() == PrinterStatus::offline);
  }
}

TEST_CASE("a ticket prints over TCP and over a pty with status before and after", "[printer][sim]") {
  {
    PrinterSim sim(GENERATE(PrinterSim::Link::tcp, PrinterSim::Link::pty));
    INFO(sim.device());
    auto printer = printer_for(sim);
    auto result = printer.print(ticket());
    CHECK(result.printed);
    CHECK(result.error.empty());
    CHECK(sim.status_queries() == 8);  // four before, four after
    REQUIRE(sim.printed().size() == 1);
    CHECK(sim.printed()[0] == platform::encode_escpos(ticket(), named_profile("80mm")));
    CHECK(good_tickets(sim) == 1);
    sim.set_status(PrinterStatus::paper_low);
    CHECK(printer.status() == PrinterStatus::paper_low);
    CHECK(printer.print(ticket()).printed);  // paper low still prints
    CHECK(good_tickets(sim) == 2);
  }
}

TEST_CASE("a printer fault is reported and nothing half-printed counts as printed", "[printer][sim]") {
  {
    // GENERATE, not a loop: Catch runs each SECTION once per generated value.
    auto link = GENERATE(PrinterSim::Link::tcp, PrinterSim::Link::pty);
    PrinterSim sim(link);
    INFO(sim.device());
    auto printer = printer_for(sim);
    SECTION("paper out before the ticket: nothing is sent") {
      sim.set_status(PrinterStatus::paper_out);
      auto result = printer.print(ticket());
      CHECK_FALSE(result.printed);
      CHECK_FALSE(result.uncertain);
      CHECK(result.status == PrinterStatus::paper_out);
      CHECK(result.error.find("paper_out") != std::string::npos);
      CHECK(sim.printed().empty());
    }
    SECTION("cover open before the ticket") {
      sim.set_status(PrinterStatus::cover_open);
      auto result = printer.print(ticket());
      CHECK_FALSE(result.printed);
      CHECK(result.status == PrinterStatus::cover_open);
      CHECK(sim.printed().empty());
    }
    SECTION("paper runs out in the middle of the ticket") {
      sim.paper_out_after(40);
      auto result = printer.print(ticket());
      CHECK_FALSE(result.printed);
      CHECK(result.status == PrinterStatus::paper_out);
      REQUIRE(sim.printed().size() == 1);
      CHECK(sim.printed()[0].size() == 40);
      CHECK(good_tickets(sim) == 0);
    }
    SECTION("the printer goes away in the middle of the ticket") {
      sim.disconnect_after(40);
      auto result = printer.print(ticket());
      CHECK_FALSE(result.printed);
      CHECK(result.status == PrinterStatus::offline);
      if (link == PrinterSim::Link::tcp) {
        // The connection is gone: the ticket is owed.
        CHECK_FALSE(result.uncertain);
        CHECK(good_tickets(sim) == 0);
      } else {
        // A pty cannot hang up; the printer took the whole job and fell
        // silent. It most likely printed, so it must not be resent.
        CHECK(result.uncertain);
        CHECK(good_tickets(sim) == 1);
      }
    }
    SECTION("the printer does not answer") {
      sim.set_status(PrinterStatus::offline);
      auto result = printer.print(ticket());
      CHECK_FALSE(result.printed);
      CHECK(result.status == PrinterStatus::offline);
      CHECK(sim.printed().empty());
    }
    // Fixed, the next ticket prints in full.
    sim.set_status(PrinterStatus::ok);
    sim.paper_out_after(SIZE_MAX);
    sim.disconnect_after(SIZE_MAX);
    auto before = good_tickets(sim);
    CHECK(printer.print(ticket()).printed);
    CHECK(good_tickets(sim) == before + 1);
  }
}

TEST_CASE("the factory makes a status-talking printer for tcp: and probes it", "[printer][sim]") {
  PrinterSim sim(PrinterSim::Link::tcp);
  auto printer = platform::make_printer(sim.device(), named_profile("58mm"));
  REQUIRE(printer);
  CHECK((*printer)->status() == PrinterStatus::ok);
  auto probed = platform::probe_printer(sim.device());
  REQUIRE(probed);
  CHECK(*probed == "ok");
  sim.set_status(PrinterStatus::cover_open);
  auto refused = platform::probe_printer(sim.device());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().find("cover_open") != std::string::npos);
}

TEST_CASE("a usb: device node is driven like the others", "[printer][sim]") {
  // A USB printer-class node (/dev/usb/lp0) is a character device opened
  // read-write with no line settings; the simulator's pty stands in for it.
  PrinterSim sim(PrinterSim::Link::pty);
  auto serial = platform::parse_printer_device(sim.device());
  REQUIRE(serial);
  EscposPrinter printer(*platform::parse_printer_device("usb:" + serial->path), named_profile("80mm"),
                        test_timeouts());
  CHECK(printer.print(ticket()).printed);
  CHECK(good_tickets(sim) == 1);
  sim.set_status(PrinterStatus::cover_open);
  CHECK(printer.status() == PrinterStatus::cover_open);
}
