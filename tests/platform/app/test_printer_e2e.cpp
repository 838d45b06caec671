// The kiosk binary with a network printer (the simulator on 127.0.0.1): a
// paper-out costs the applicant nothing but a walk to the counter, and the
// next start prints the owed ticket, once, marked as a reprint.
#include <catch2/catch.hpp>

#include <string>

#include "tests/platform/app/e2e_fixture.h"
#include "support/escpos_reader.h"
#include "support/printer_sim.h"

using namespace kiosk;
using namespace kiosk::test;
using nlohmann::json;

namespace {

// Whole tickets (one QR code, cut) for `queue_number`, and how many of them
// carry the reprint mark.
std::pair<int, int> tickets_for(const PrinterSim& sim, const std::string& queue_number) {
  int whole = 0;
  int reprints = 0;
  for (const auto& job : sim.printed()) {
    auto document = read_escpos(job);
    if (!document.problems.empty() || document.cuts != 1 || document.qr_codes.size() != 1) continue;
    if (document.qr_codes[0].payload.find("." + queue_number + ".") == std::string::npos) continue;
    ++whole;
    for (const auto& line : document.lines) reprints += line.text == "CETAK ULANG / REPRINT" ? 1 : 0;
  }
  return {whole, reprints};
}

}  // namespace

TEST_CASE("a paper-out is told to the applicant and the ticket is reprinted at the next start") {
  PrinterSim sim(PrinterSim::Link::tcp);
  KioskFixture kiosk(json{{"printer", {{"device", sim.device()}, {"profile", "58mm"}}}});
  kiosk.import_office();
  kiosk.import_manifest({{"AAA111"}});
  sim.set_status(PrinterStatus::paper_out);

  auto selftest = kiosk.kiosk({"selftest", "--config", kiosk.config_path()});
  CHECK(selftest.out.find("paper_out") != std::string::npos);

  auto first = json_lines(kiosk.headless("AAA111\n").out);
  REQUIRE(first.size() == 1);
  CHECK(first[0]["verdict"] == "admitted");
  CHECK(first[0]["printed"] == false);
  CHECK(first[0]["reprint_queued"] == true);
  auto number = first[0]["queue_number"].get<std::string>();
  auto notice = first[0]["notice"].get<std::string>();
  CHECK(notice.find("Tunjukkan nomor " + number + " ini di meja informasi") != std::string::npos);
  CHECK(notice.find("Show this number " + number + " at the information counter") != std::string::npos);
  CHECK(sim.printed().empty());

  sim.set_status(PrinterStatus::ok);
  auto second = kiosk.headless("");  // a restart with nobody scanning
  CHECK(second.exit_code == 0);
  CHECK(tickets_for(sim, number) == std::pair{1, 1});
  kiosk.headless("");  // and again: nothing is owed any more
  CHECK(tickets_for(sim, number) == std::pair{1, 1});

  auto again = json_lines(kiosk.headless("AAA111\n").out);  // the applicant scans again
  REQUIRE(again.size() == 1);
  CHECK(again[0]["verdict"] == "already_checked_in");
  CHECK(again[0]["queue_number"] == number);
}
