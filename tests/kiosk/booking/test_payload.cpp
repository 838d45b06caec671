#include <catch2/catch.hpp>

#include <string>

#include "kiosk/booking/payload.h"
#include "support/fakes.h"

using namespace kiosk;
using Kind = ScannedPayload::Kind;
using kiosk::test::kVectorPayload;

namespace {

// The test vector with one of its dot-separated parts replaced.
std::string vector_with_part(size_t index, std::string_view replacement) {
  std::string text(kVectorPayload);
  size_t start = 0;
  for (size_t i = 0; i < index; ++i) start = text.find('.', start) + 1;
  size_t end = text.find('.', start);
  if (end == std::string::npos) end = text.size();
  return text.replace(start, end - start, replacement);
}

}  // namespace

TEST_CASE("plain codes are trimmed and upper-cased", "[payload]") {
  auto payload = parse_payload(" 7kq2mz\r\n");
  CHECK(payload.kind == Kind::plain);
  CHECK(payload.code == "7KQ2MZ");
  CHECK_FALSE(payload.signed_booking);
  CHECK(parse_payload("\t7KQ2MZ ").code == "7KQ2MZ");
}

TEST_CASE("plain codes are 6 to 10 characters", "[payload]") {
  CHECK(parse_payload("ABC123").kind == Kind::plain);
  CHECK(parse_payload("ABCDE12345").kind == Kind::plain);
  CHECK(parse_payload("ABC12").kind == Kind::invalid);
  CHECK(parse_payload("ABCDE123456").kind == Kind::invalid);
  CHECK(parse_payload("").kind == Kind::invalid);
  CHECK(parse_payload(" \r\n").kind == Kind::invalid);
}

TEST_CASE("plain codes with punctuation or inner spaces are invalid", "[payload]") {
  for (std::string text : {"7KQ-2MZ", "7KQ2MZ!", "7KQ 2MZ", "7KQ.2MZ", "7KQ2MZ;", "ÄKQ2MZ"}) {
    INFO(text);
    CHECK(parse_payload(text).kind == Kind::invalid);
  }
}

TEST_CASE("an invalid payload keeps the trimmed raw text as its code", "[payload]") {
  CHECK(parse_payload("  abc-12 \n").code == "abc-12");
}

TEST_CASE("the signed test vector is parsed into its fields", "[payload]") {
  auto payload = parse_payload(kVectorPayload);
  REQUIRE(payload.kind == Kind::signed_booking);
  REQUIRE(payload.signed_booking);
  const auto& booking = *payload.signed_booking;
  CHECK(payload.code == "7KQ2MZ");
  CHECK(booking.office_id == "JKT-SEL");
  CHECK(booking.code == "7KQ2MZ");
  CHECK(booking.slot.wall == test::at("2017-08-17T09:00:00Z"));  // wall-clock digits 09:00
  CHECK(booking.service == "N");
  CHECK(booking.kid == "k1");
  CHECK(booking.signature ==
        "Lx2cmaWDj1_kSbjP1WVbYugVEDClWUwFjhsGGahe05RNcQ4XJoLONANtnrsrktFlrYlOgugB97K8zhZe4ES_Cg");
  CHECK(booking.signed_text == "BKG1.JKT-SEL.7KQ2MZ.201708170900.N.k1");
}

TEST_CASE("a signed payload is trimmed but not case-folded", "[payload]") {
  auto payload = parse_payload(" " + std::string(kVectorPayload) + "\r\n");
  REQUIRE(payload.kind == Kind::signed_booking);
  CHECK(payload.signed_booking->signature.ends_with("ES_Cg"));
}

TEST_CASE("signed payloads with the wrong number of parts are invalid", "[payload]") {
  std::string text(kVectorPayload);
  auto without_last_part = text.substr(0, text.rfind('.'));
  CHECK(parse_payload(without_last_part).kind == Kind::invalid);
  CHECK(parse_payload(text + ".extra").kind == Kind::invalid);
  CHECK(parse_payload(text + ".").kind == Kind::invalid);
  CHECK(parse_payload("BKG1.").kind == Kind::invalid);
  CHECK(parse_payload("BKG1").kind == Kind::invalid);
}

TEST_CASE("signed payloads with a bad slot are invalid", "[payload]") {
  for (std::string slot : {"201702300900", "201713010900", "201708172400", "201708170960", "20170817090",
                           "2017081709000", "2017-8170900", ""}) {
    INFO(slot);
    CHECK(parse_payload(vector_with_part(3, slot)).kind == Kind::invalid);
  }
}

TEST_CASE("signed payloads with a bad signature length or alphabet are invalid", "[payload]") {
  auto signature = std::string(kVectorPayload.substr(kVectorPayload.rfind('.') + 1));
  REQUIRE(signature.size() == 86);
  CHECK(parse_payload(vector_with_part(6, signature.substr(0, 85))).kind == Kind::invalid);
  CHECK(parse_payload(vector_with_part(6, signature + "A")).kind == Kind::invalid);
  CHECK(parse_payload(vector_with_part(6, signature + "==")).kind == Kind::invalid);
  CHECK(parse_payload(vector_with_part(6, "")).kind == Kind::invalid);
  auto with_plus = signature;
  with_plus[10] = '+';
  CHECK(parse_payload(vector_with_part(6, with_plus)).kind == Kind::invalid);
}

TEST_CASE("signed payloads with a bad field are invalid", "[payload]") {
  CHECK(parse_payload(vector_with_part(1, "")).kind == Kind::invalid);         // office
  CHECK(parse_payload(vector_with_part(1, "jkt-sel")).kind == Kind::invalid);  // office
  CHECK(parse_payload(vector_with_part(2, "7kq2mz")).kind == Kind::invalid);   // code
  CHECK(parse_payload(vector_with_part(2, "7KQ2M")).kind == Kind::invalid);    // code
  CHECK(parse_payload(vector_with_part(4, "")).kind == Kind::invalid);         // service
  CHECK(parse_payload(vector_with_part(5, "")).kind == Kind::invalid);         // kid
}

TEST_CASE("a lower-case signed prefix is not a signed payload", "[payload]") {
  std::string text(kVectorPayload);
  text.replace(0, 4, "bkg1");
  CHECK(parse_payload(text).kind == Kind::invalid);
}
