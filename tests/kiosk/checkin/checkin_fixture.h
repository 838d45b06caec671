#pragma once
// A CheckinService wired to fakes: office JKT-SEL (+07:00), clock at
// 2017-08-17 08:00 WIB, a block A-501..A-550 for service N and B-501..B-550
// for R on that day, fallback numbers 9001..9010.
#include <string>
#include <string_view>

#include "kiosk/checkin/checkin_service.h"
#include "support/fakes.h"

namespace kiosk::test {

struct CheckinFixture {
  FakeClock clock{"2017-08-17T08:00:00+07:00"};
  FakeDirectory directory{test_office()};
  MemoryJournal journal;
  RecordingPrinter printer;
  SequentialIds ids;
  RecordingLogSink log;
  CheckinPolicy policy{"JKT-SEL-K1", false, FallbackRange{9001, 9010}};

  CheckinFixture() {
    journal.add_block({"N", "A", 501, 550, date("2017-08-17")});
    journal.add_block({"R", "B", 501, 550, date("2017-08-17")});
  }

  CheckinService service() {
    return CheckinService(policy, CheckinPorts{clock, directory, journal, printer, ids},
                          Logger(log, "checkin"));
  }

  Decision scan(std::string_view text, std::string_view birth_date = "") {
    return service().check_in(ScanRequest{std::string(text), std::string(birth_date)});
  }
};

}  // namespace kiosk::test
