// Ticket printing figures: encoding a ticket, drawing its preview, and a
// whole print session (open, status, job, status, close) against the printer
// simulator over TCP loopback and a pty. Prints figures, asserts nothing.
//
//   build/default/tests/bench/bench_printer [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "platform/preview/escpos_render.h"
#include "platform/printer/escpos_encoder.h"
#include "platform/printer/escpos_printer.h"
#include "platform/printer/printer_device.h"
#include "tests/platform/printer/printer_fixture.h"
#include "support/printer_sim.h"
#include "support/stopwatch.h"

using namespace kiosk;
using namespace std::chrono;

namespace {

// Median and 95th percentile of `runs` timings of `work`, in microseconds.
void measure(const char* what, int runs, const std::function<void()>& work) {
  std::vector<double> us;
  for (int i = 0; i < runs; ++i) {
    kiosk::test::Stopwatch watch;
    work();
    us.push_back(watch.elapsed_us());
  }
  std::sort(us.begin(), us.end());
  std::printf("%-44s median %9.1f us  p95 %9.1f us  (n=%d)\n", what, us[us.size() / 2],
              us[std::min(us.size() - 1, us.size() * 95 / 100)], runs);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  auto ticket = test::printer_ticket();
  for (const char* name : {"80mm", "58mm-raster"}) {
    auto profile = test::named_profile(name);
    std::string job;
    measure((std::string("encode ticket (") + name + ")").c_str(), runs,
            [&] { job = platform::encode_escpos(ticket, profile); });
    measure((std::string("render preview (") + name + ")").c_str(), std::max(1, runs / 10),
            [&] { (void)platform::render_escpos(job, profile.dots_per_line); });
  }
  for (auto link : {test::PrinterSim::Link::tcp, test::PrinterSim::Link::pty}) {
    test::PrinterSim sim(link);
    platform::EscposPrinter printer(*platform::parse_printer_device(sim.device()), test::named_profile("80mm"));
    int failed = 0;
    measure(link == test::PrinterSim::Link::tcp ? "print session, simulator over TCP loopback"
                                                : "print session, simulator over a pty",
            runs, [&] { failed += printer.print(ticket).printed ? 0 : 1; });
    if (failed) std::printf("  (%d sessions failed)\n", failed);
  }
  return 0;
}
