#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "checkin/checkin_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

const char* const kSlot = "2017-08-17T09:00:00+07:00";

// A fixture whose manifest holds 7KQ2MZ, service N, at 09:00 WIB.
struct BookedKiosk : CheckinFixture {
  BookedKiosk() { directory.add(booking("7KQ2MZ", kSlot)); }
};

Booking with_dob(Booking entry) {
  entry.dob_sha256 = std::string(kVectorDobSha256);
  return entry;
}

void check_nothing_recorded_or_printed(const CheckinFixture& kiosk) {
  CHECK(kiosk.journal.records().empty());
  CHECK(kiosk.printer.tickets().empty());
}

}  // namespace

TEST_CASE("an admitted scan is recorded, then printed with its number", "[service]") {
  BookedKiosk kiosk;
  auto decision = kiosk.scan(" 7kq2mz\r\n");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.code == "7KQ2MZ");
  CHECK(decision.queue_number == "A-501");
  CHECK(decision.service == "N");
  CHECK(decision.mode == DecisionMode::offline);
  CHECK_FALSE(decision.fallback_number);
  CHECK(decision.printed);
  CHECK(decision.slot_start == at(kSlot));
  CHECK(decision.checked_in_at == at("2017-08-17T08:00:00+07:00"));

  auto records = kiosk.journal.records();
  REQUIRE(records.size() == 1);
  const auto& record = records.front();
  CHECK(record.code == "7KQ2MZ");
  CHECK(record.queue_number == "A-501");
  CHECK(record.number == 501);
  CHECK(record.prefix == "A");
  CHECK(record.kiosk_id == "JKT-SEL-K1");
  CHECK(record.event_id == "00000000-0000-4000-8000-000000000001");
  CHECK(record.date == date("2017-08-17"));
  CHECK(record.scanned_at == at("2017-08-17T08:00:00+07:00"));
  CHECK(record.slot_start == at(kSlot));
  CHECK(kiosk.journal.printed(record.event_id));

  auto tickets = kiosk.printer.tickets();
  REQUIRE(tickets.size() == 1);
  CHECK(tickets.front().queue_number == "A-501");
  CHECK(tickets.front().qr_payload == "TKT1.JKT-SEL.20170817.A-501.7KQ2MZ");
}

TEST_CASE("each admission takes the next number of its service", "[service]") {
  BookedKiosk kiosk;
  kiosk.directory.add(booking("ABC123", kSlot));
  kiosk.directory.add(booking("RENEW1", kSlot, "R"));
  CHECK(kiosk.scan("7KQ2MZ").queue_number == "A-501");
  CHECK(kiosk.scan("ABC123").queue_number == "A-502");
  CHECK(kiosk.scan("RENEW1").queue_number == "B-501");
}

TEST_CASE("a signed code missing from the manifest is admitted on its signature", "[service]") {
  CheckinFixture kiosk;
  auto decision = kiosk.scan(kVectorPayload);
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.code == "7KQ2MZ");
  CHECK(decision.queue_number == "A-501");
  CHECK(decision.slot_start == at(kSlot));
  CHECK(decision.printed);
  REQUIRE(kiosk.journal.records().size() == 1);
  CHECK(kiosk.journal.records().front().service == "N");
}

TEST_CASE("a signed code present in the manifest follows the manifest", "[service]") {
  CheckinFixture kiosk;
  kiosk.directory.add(booking("7KQ2MZ", kSlot, "N", BookingStatus::cancelled));
  CHECK(kiosk.scan(kVectorPayload).verdict == Verdict::cancelled);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("too early: come back when the window opens", "[service]") {
  BookedKiosk kiosk;
  kiosk.clock.set("2017-08-17T04:00:00+07:00");
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::too_early);
  CHECK(decision.come_back_at == at("2017-08-17T05:00:00+07:00"));
  CHECK(decision.queue_number.empty());
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("late: the booking is void", "[service]") {
  BookedKiosk kiosk;
  kiosk.clock.set("2017-08-17T08:31:00+07:00");
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::late);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("wrong date: the booking is for another day", "[service]") {
  BookedKiosk kiosk;
  kiosk.clock.set("2017-08-16T08:00:00+07:00");
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::wrong_date);
  CHECK(kiosk.scan(signed_code("JKT-SEL", "ABC123", "201708180900")).verdict == Verdict::wrong_date);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("wrong office: a signed code for another office", "[service]") {
  CheckinFixture kiosk;
  CHECK(kiosk.scan(signed_code("JKT-UTA", "7KQ2MZ", "201708170900")).verdict == Verdict::wrong_office);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("cancelled, expired and not-for-queue bookings are refused", "[service]") {
  CheckinFixture kiosk;
  kiosk.directory.add(booking("CANCEL1", kSlot, "N", BookingStatus::cancelled));
  kiosk.directory.add(booking("EXPIRE1", kSlot, "N", BookingStatus::expired));
  kiosk.directory.add(booking("LOST001", kSlot, "N", BookingStatus::not_for_queue));
  CHECK(kiosk.scan("CANCEL1").verdict == Verdict::cancelled);
  CHECK(kiosk.scan("EXPIRE1").verdict == Verdict::expired);
  CHECK(kiosk.scan("LOST001").verdict == Verdict::not_for_queue);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("not found: a plain code the manifest does not know", "[service]") {
  BookedKiosk kiosk;
  auto decision = kiosk.scan("ZZZ999");
  CHECK(decision.verdict == Verdict::not_found);
  CHECK(decision.code == "ZZZ999");
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("a second scan gets the first number and time, and prints nothing", "[service]") {
  BookedKiosk kiosk;
  auto first = kiosk.scan("7KQ2MZ");
  REQUIRE(first.verdict == Verdict::admitted);
  kiosk.clock.advance(5min);
  auto second = kiosk.scan("7kq2mz");
  CHECK(second.verdict == Verdict::already_checked_in);
  CHECK(second.queue_number == first.queue_number);
  CHECK(second.checked_in_at == first.checked_in_at);
  CHECK(second.service == "N");
  CHECK_FALSE(second.printed);
  // The signed form of the same booking is the same booking.
  CHECK(kiosk.scan(kVectorPayload).verdict == Verdict::already_checked_in);
  CHECK(kiosk.printer.tickets().size() == 1);
  CHECK(kiosk.journal.records().size() == 1);
}

TEST_CASE("a booking the manifest shows as checked in reports its number and time", "[service]") {
  CheckinFixture kiosk;
  auto entry = booking("7KQ2MZ", kSlot, "N", BookingStatus::checked_in);
  entry.queue_number = "A-009";
  entry.checked_in_at = at("2017-08-17T07:40:00+07:00");
  kiosk.directory.add(entry);
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::already_checked_in);
  CHECK(decision.queue_number == "A-009");
  CHECK(decision.checked_in_at == at("2017-08-17T07:40:00+07:00"));
  CHECK_FALSE(decision.printed);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("invalid code: not a booking code at all", "[service]") {
  BookedKiosk kiosk;
  kiosk.directory.set_office(std::nullopt);  // judged before any lookup
  auto decision = kiosk.scan("7KQ-2MZ\n");
  CHECK(decision.verdict == Verdict::invalid_code);
  CHECK(decision.code == "7KQ-2MZ");
  CHECK(kiosk.directory.lookups() == 0);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("bad signature: a signed code that does not verify", "[service]") {
  CheckinFixture kiosk;
  std::string tampered(kVectorPayload);
  tampered.replace(tampered.find("0900"), 4, "0800");
  CHECK(kiosk.scan(tampered).verdict == Verdict::bad_signature);
  CHECK(kiosk.scan(signed_code("JKT-SEL", "7KQ2MZ", "201708170900", "N", "k9")).verdict ==
        Verdict::bad_signature);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("a required birth date is asked for, checked, and then admits", "[service]") {
  CheckinFixture kiosk;
  kiosk.policy.require_birth_date = true;
  kiosk.directory.add(with_dob(booking("7KQ2MZ", kSlot)));

  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::birth_date_required);
  CHECK(kiosk.scan("7KQ2MZ", "01022001").verdict == Verdict::birth_date_mismatch);
  CHECK(kiosk.scan("7KQ2MZ", "31022001").verdict == Verdict::birth_date_mismatch);
  CHECK(kiosk.scan("7KQ2MZ", "0201200").verdict == Verdict::birth_date_mismatch);
  check_nothing_recorded_or_printed(kiosk);

  auto decision = kiosk.scan("7KQ2MZ", kVectorBirthDate);
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.printed);
}

TEST_CASE("the birth date is asked only of someone who would be admitted", "[service]") {
  CheckinFixture kiosk;
  kiosk.policy.require_birth_date = true;
  kiosk.directory.add(with_dob(booking("7KQ2MZ", kSlot)));
  kiosk.clock.set("2017-08-17T08:31:00+07:00");
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::late);
}

TEST_CASE("no birth date prompt when the manifest has no hash", "[service]") {
  BookedKiosk kiosk;  // its booking has no dob_sha256
  kiosk.policy.require_birth_date = true;
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::admitted);
  CheckinFixture unsigned_manifest;
  unsigned_manifest.policy.require_birth_date = true;
  CHECK(unsigned_manifest.scan(kVectorPayload).verdict == Verdict::admitted);  // not in the manifest
}

TEST_CASE("the birth date is not asked when the office does not require it", "[service]") {
  CheckinFixture kiosk;
  kiosk.directory.add(with_dob(booking("7KQ2MZ", kSlot)));
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::admitted);
}

TEST_CASE("kiosk error when no office config is loaded", "[service]") {
  BookedKiosk kiosk;
  kiosk.directory.set_office(std::nullopt);
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::kiosk_error);
  CHECK_THAT(decision.detail, Catch::Contains("no office config"));
  CHECK_FALSE(decision.printed);
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("kiosk error when the manifest or the journal cannot be read", "[service]") {
  BookedKiosk kiosk;
  kiosk.directory.fail_with("manifest corrupt");
  CHECK(kiosk.scan("7KQ2MZ").verdict == Verdict::kiosk_error);
  kiosk.directory.fail_with(std::nullopt);
  kiosk.journal.fail_reads("I/O error");
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::kiosk_error);
  CHECK_THAT(decision.detail, Catch::Contains("I/O error"));
  check_nothing_recorded_or_printed(kiosk);
}

TEST_CASE("when the check-in cannot be recorded nothing is printed", "[service]") {
  BookedKiosk kiosk;
  kiosk.journal.fail_next_commit("database or disk is full");
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::kiosk_error);
  CHECK(decision.queue_number.empty());
  CHECK_FALSE(decision.printed);
  CHECK_THAT(decision.detail, Catch::Contains("disk is full"));
  check_nothing_recorded_or_printed(kiosk);

  // Once the disk has room the same applicant is admitted normally.
  auto retry = kiosk.scan("7KQ2MZ");
  CHECK(retry.verdict == Verdict::admitted);
  CHECK(retry.queue_number == "A-501");
  CHECK(kiosk.printer.tickets().size() == 1);
}

TEST_CASE("the fallback range numbers a day without leased blocks, marked", "[service]") {
  CheckinFixture kiosk;  // blocks are leased for the 17th only
  kiosk.directory.add(booking("7KQ2MZ", "2017-08-18T09:00:00+07:00"));
  kiosk.clock.set("2017-08-18T08:00:00+07:00");
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.queue_number == "A-9001");
  CHECK(decision.fallback_number);
  REQUIRE(kiosk.printer.tickets().size() == 1);
  CHECK(kiosk.journal.records().front().fallback_number);
}

TEST_CASE("kiosk error when no queue numbers are left", "[service]") {
  CheckinFixture kiosk;
  kiosk.policy.fallback = {9001, 9001};
  kiosk.directory.add(booking("FIRST1", "2017-08-18T09:00:00+07:00"));
  kiosk.directory.add(booking("SECOND", "2017-08-18T09:00:00+07:00"));
  kiosk.clock.set("2017-08-18T08:00:00+07:00");
  REQUIRE(kiosk.scan("FIRST1").queue_number == "A-9001");
  auto decision = kiosk.scan("SECOND");
  CHECK(decision.verdict == Verdict::kiosk_error);
  CHECK_THAT(decision.detail, Catch::Contains("no offline queue numbers left"));
  CHECK(kiosk.printer.tickets().size() == 1);
  CHECK(kiosk.journal.records().size() == 1);
}

TEST_CASE("a printer failure keeps the check-in and reports printed=false", "[service]") {
  BookedKiosk kiosk;
  kiosk.printer.fail_with("paper out");
  auto decision = kiosk.scan("7KQ2MZ");
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.queue_number == "A-501");
  CHECK_FALSE(decision.printed);
  auto records = kiosk.journal.records();
  REQUIRE(records.size() == 1);
  CHECK_FALSE(kiosk.journal.printed(records.front().event_id));
  CHECK(kiosk.log.contains("paper out"));
}

TEST_CASE("the date on the record is the office's, not UTC's", "[service][timezone]") {
  CheckinFixture kiosk;
  kiosk.directory.set_office(test_office_at("JYP", "+09:00"));
  kiosk.clock.set("2017-08-16T22:00:00Z");  // 07:00 WIT on the 17th
  auto decision = kiosk.scan(signed_code("JYP", "7KQ2MZ", "201708170800"));
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.slot_start == at("2017-08-16T23:00:00Z"));
  REQUIRE(kiosk.journal.records().size() == 1);
  CHECK(kiosk.journal.records().front().date == date("2017-08-17"));
  CHECK(kiosk.printer.tickets().front().qr_payload == "TKT1.JYP.20170817.A-501.7KQ2MZ");
}

TEST_CASE("logs never hold a full booking code", "[service][log]") {
  CheckinFixture kiosk;
  kiosk.policy.require_birth_date = true;
  kiosk.directory.add(with_dob(booking("7KQ2MZ", kSlot)));
  kiosk.directory.add(booking("LATE123", "2017-08-17T07:00:00+07:00"));
  std::vector<std::string> scans{"7KQ2MZ", "LATE123", "NOPE999", "7KQ2MZ!", std::string(kVectorPayload),
                                 signed_code("JKT-UTA", "OTHER12", "201708170900")};
  for (const auto& text : scans) (void)kiosk.scan(text);
  (void)kiosk.scan("7KQ2MZ", kVectorBirthDate);
  (void)kiosk.scan("7KQ2MZ", kVectorBirthDate);
  kiosk.directory.set_office(std::nullopt);
  (void)kiosk.scan("LATE123");

  auto lines = kiosk.log.lines();
  REQUIRE(lines.size() >= scans.size());
  for (const auto& line : lines) {
    INFO(line);
    for (const auto* code : {"7KQ2MZ", "LATE123", "NOPE999", "OTHER12", "02012001"})
      CHECK(line.find(code) == std::string::npos);
  }
  CHECK(kiosk.log.contains("7K****"));
}

TEST_CASE("a scan the scan loop already parsed is decided from that parse, not parsed again") {
  BookedKiosk kiosk;
  ScanRequest scan{" 7kq2mz ", {}, "camera"};
  scan.payload = parse_payload(scan.text);
  auto decision = kiosk.service().check_in(scan);
  CHECK(decision.verdict == Verdict::admitted);
  CHECK(decision.code == "7KQ2MZ");
  // The parse wins over the text: proof that the text was not read again.
  ScanRequest odd{"not a code", {}, "camera"};
  odd.payload = parse_payload("7KQ2MZ");
  CHECK(kiosk.service().check_in(odd).verdict == Verdict::already_checked_in);
}
