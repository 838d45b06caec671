#include "platform/app/headless.h"

#include <atomic>
#include <istream>
#include <limits>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <utility>

#include "kiosk/booking/booking_code.h"
#include "kiosk/scan/scan_line.h"
#include "platform/app/decision_json.h"

namespace kiosk::platform {

std::optional<ScanRequest> parse_headless_line(std::string_view line) {
  auto text = trim(line);
  if (text.empty()) return std::nullopt;
  auto space = text.find_last_of(" \t");
  if (space == std::string_view::npos) return ScanRequest{std::string(text), {}};
  // "CODE DDMMYYYY": the birth date is the last word. Anything else with a
  // space is handed over whole and comes back invalid_code.
  auto last = text.substr(space + 1);
  if (last.size() != 8 || last.find_first_not_of("0123456789") != std::string_view::npos)
    return ScanRequest{std::string(text), {}};
  return ScanRequest{std::string(trim(text.substr(0, space))), std::string(last)};
}

bool read_scan_line(std::istream& in, std::string& line, std::size_t& discarded) {
  discarded = 0;
  line.resize(kMaxScanLine + 1);
  in.getline(line.data(), static_cast<std::streamsize>(line.size()));
  auto count = static_cast<std::size_t>(in.gcount());
  if (count == 0 && in.fail()) {
    line.clear();
    return false;
  }
  // Neither flag: the '\n' was taken (and counted, not stored). failbit
  // alone: kMaxScanLine bytes stored and the line goes on.
  bool delimited = !in.fail() && !in.eof();
  bool cut = in.fail() && !in.eof();
  line.resize(count - (delimited ? 1 : 0));
  if (cut) {
    in.clear();
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    discarded = static_cast<std::size_t>(in.gcount()) - (in.eof() ? 0 : 1);
  }
  return true;
}

namespace {

// Reads stdin on its own thread, so the front end keeps draining events while
// no line comes. A stop signal leaves it blocked on a terminal that never
// ends, so it is let go rather than joined: everything it uses is its own
// (the stream outlives the program's main).
class LineReader {
 public:
  LineReader(std::istream& in, std::shared_ptr<ScanInlet> scans, Logger log)
      : done_(std::make_shared<std::atomic<bool>>(false)), thread_([&in, scans, log, done = done_] {
          std::string line;
          std::size_t discarded = 0;
          while (read_scan_line(in, line, discarded)) {
            if (discarded > 0) log.warn(cut_scan_line_note("stdin", discarded));
            auto scan = parse_headless_line(line);
            if (!scan) continue;
            scan->source = "stdin";
            if (!scans->submit(std::move(*scan))) break;  // stopping
          }
          scans->finished();
          *done = true;
        }) {}
  ~LineReader() {
    if (*done_) thread_.join();
    else thread_.detach();
  }

 private:
  std::shared_ptr<std::atomic<bool>> done_;
  std::thread thread_;
};

void write_line(std::ostream& out, const KioskEvent& event, CodeShown codes) {
  if (auto* decided = std::get_if<DecisionEvent>(&event))
    out << decision_json_line(decided->decision, decided->office_offset, decided->state, decided->scan.source, codes)
        << '\n' << std::flush;
  else if (auto* asked = std::get_if<BirthDateNeeded>(&event))
    out << decision_json_line(asked->decision, asked->office_offset, asked->state, asked->scan.source, codes)
        << '\n' << std::flush;
}

}  // namespace

void HeadlessFrontEnd::run(FrontEndPorts ports) {
  // std::cin is tied to std::cout: every read would flush `out` from the
  // reader's thread while this one writes to it.
  in_.tie(nullptr);
  LineReader reader(in_, ports.scans, log_);
  // Half the heartbeat's one-second promise, so a late wake-up still keeps it.
  constexpr std::chrono::milliseconds kBeat{500};
  bool told = false;
  while (!ports.events.drained()) {
    if (auto event = ports.events.next(ports.clock.monotonic() + kBeat)) write_line(out_, *event, codes_);
    // A closed stdout (SIGPIPE is ignored: main.cpp) loses only the lines;
    // every scan is still decided and recorded.
    if (!out_ && !std::exchange(told, true))
      log_.warn("stdout is closed: decisions are no longer written there (each is still decided and recorded)");
    ports.alive.beat(ports.clock.monotonic());
  }
}

}  // namespace kiosk::platform
