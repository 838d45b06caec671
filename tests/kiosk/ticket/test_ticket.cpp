#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "kiosk/ticket/ticket.h"
#include "support/fakes.h"

using namespace kiosk;
using namespace kiosk::test;
using Size = TicketLine::Size;

namespace {

CheckinRecord record(std::string service = "N", std::string queue_number = "A-017") {
  CheckinRecord r;
  r.event_id = "00000000-0000-4000-8000-000000000001";
  r.kiosk_id = "JKT-SEL-K1";
  r.code = "7KQ2MZ";
  r.service = service;
  r.prefix = queue_number.substr(0, 1);
  r.number = 17;
  r.queue_number = queue_number;
  r.date = date("2017-08-17");
  r.scanned_at = at("2017-08-17T08:12:31+07:00");
  r.decided_at = at("2017-08-17T08:12:31+07:00");
  r.mode = DecisionMode::offline;
  r.slot_start = at("2017-08-17T09:00:00+07:00");
  return r;
}

bool has_line(const Ticket& ticket, std::string_view text) {
  return std::any_of(ticket.lines.begin(), ticket.lines.end(),
                     [&](const TicketLine& line) { return line.text.find(text) != std::string::npos; });
}

const TicketLine* find_line(const Ticket& ticket, std::string_view text) {
  for (const auto& line : ticket.lines)
    if (line.text == text) return &line;
  return nullptr;
}

}  // namespace

TEST_CASE("the queue number is the one huge line", "[ticket]") {
  auto ticket = make_ticket(record(), test_office());
  CHECK(ticket.queue_number == "A-017");
  const auto* number = find_line(ticket, "A-017");
  REQUIRE(number);
  CHECK(number->size == Size::huge);
  CHECK(number->bold);
  CHECK(std::count_if(ticket.lines.begin(), ticket.lines.end(),
                      [](const TicketLine& line) { return line.size == Size::huge; }) == 1);
}

TEST_CASE("the ticket names the service in Indonesian and English", "[ticket]") {
  auto passport = make_ticket(record("N"), test_office());
  CHECK(find_line(passport, "Paspor Baru"));
  CHECK(find_line(passport, "New passport"));
  auto renewal = make_ticket(record("R", "B-017"), test_office());
  CHECK(find_line(renewal, "Penggantian Paspor"));
  CHECK(find_line(renewal, "Passport renewal"));
  CHECK_FALSE(find_line(renewal, "Paspor Baru"));
}

TEST_CASE("a service missing from the office config is named by its code", "[ticket]") {
  auto ticket = make_ticket(record("X", "X-017"), test_office());
  CHECK(has_line(ticket, "Service X"));
}

TEST_CASE("a priority check-in says PRIORITAS / PRIORITY, large, right under the number", "[ticket][priority]") {
  auto plain = make_ticket(record(), test_office());
  CHECK_FALSE(has_line(plain, "PRIORITAS"));
  auto priority_record = record();
  priority_record.priority = true;
  auto priority = make_ticket(priority_record, test_office());
  const auto* mark = find_line(priority, "PRIORITAS / PRIORITY");
  REQUIRE(mark);
  CHECK(mark->size == Size::large);
  CHECK(mark->bold);
  auto number = std::find_if(priority.lines.begin(), priority.lines.end(),
                             [](const TicketLine& line) { return line.text == "A-017"; });
  REQUIRE(number + 1 != priority.lines.end());
  CHECK(number[1].text == "PRIORITAS / PRIORITY");
  CHECK(priority.lines.size() == plain.lines.size() + 1);
}

TEST_CASE("an offline check-in is marked OFFLINE", "[ticket]") {
  auto offline = make_ticket(record(), test_office());
  CHECK(offline.offline);
  CHECK(has_line(offline, "OFFLINE"));
  auto online_record = record();
  online_record.mode = DecisionMode::online;
  auto online = make_ticket(online_record, test_office());
  CHECK_FALSE(online.offline);
  CHECK_FALSE(has_line(online, "OFFLINE"));
}

TEST_CASE("a fallback number is marked as a reserve number", "[ticket]") {
  CHECK_FALSE(has_line(make_ticket(record(), test_office()), "RESERVE NUMBER"));
  auto reserve = record("N", "A-9001");
  reserve.fallback_number = true;
  CHECK(has_line(make_ticket(reserve, test_office()), "NOMOR CADANGAN / RESERVE NUMBER"));
}

TEST_CASE("a reprint is marked as one", "[ticket]") {
  auto first = make_ticket(record(), test_office());
  CHECK_FALSE(first.reprint);
  CHECK_FALSE(has_line(first, "REPRINT"));
  auto again = make_ticket(record(), test_office(), true);
  CHECK(again.reprint);
  CHECK(has_line(again, "CETAK ULANG / REPRINT"));
}

TEST_CASE("the QR payload is TKT1.<office>.<YYYYMMDD>.<number>.<code>", "[ticket]") {
  CHECK(ticket_qr_payload(record(), "JKT-SEL") == "TKT1.JKT-SEL.20170817.A-017.7KQ2MZ");
  CHECK(make_ticket(record(), test_office()).qr_payload == "TKT1.JKT-SEL.20170817.A-017.7KQ2MZ");
  auto january = record();
  january.date = date("2018-01-05");
  CHECK(ticket_qr_payload(january, "JYP") == "TKT1.JYP.20180105.A-017.7KQ2MZ");
}

TEST_CASE("slot and check-in times are printed in office local time", "[ticket]") {
  auto ticket = make_ticket(record(), test_office());
  CHECK(find_line(ticket, "Jadwal / Slot: 17-08-2017 09:00"));
  CHECK(find_line(ticket, "Check-in: 17-08-2017 08:12"));
  auto wit_record = record();
  wit_record.slot_start = at("2017-08-16T23:00:00Z");
  wit_record.decided_at = at("2017-08-16T22:05:00Z");
  auto wit = make_ticket(wit_record, test_office_at("JYP", "+09:00"));
  CHECK(find_line(wit, "Jadwal / Slot: 17-08-2017 08:00"));
  CHECK(find_line(wit, "Check-in: 17-08-2017 07:05"));
}

TEST_CASE("the ticket names the office", "[ticket]") {
  CHECK(find_line(make_ticket(record(), test_office()), "Kantor Imigrasi Kelas I Jakarta Selatan"));
}
