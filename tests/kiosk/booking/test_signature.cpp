#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "checkin/checkin_fixture.h"
#include "kiosk/booking/payload.h"
#include "kiosk/booking/signature.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::vector<SigningKey> vector_keys{{"k1", std::string(kVectorPublicKey)}};

std::string alphabet_class(char c) {
  if (c >= 'A' && c <= 'Z') return "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (c >= 'a' && c <= 'z') return "abcdefghijklmnopqrstuvwxyz";
  if (c >= '0' && c <= '9') return "0123456789";
  if (c == '-' || c == '_') return "-_";
  // A separator has no class of its own: try every other payload character.
  return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

// Every payload that differs from `original` in exactly one character.
std::vector<std::string> single_substitutions(std::string_view original) {
  std::vector<std::string> variants;
  for (size_t i = 0; i < original.size(); ++i) {
    for (char replacement : alphabet_class(original[i])) {
      if (replacement == original[i]) continue;
      std::string variant(original);
      variant[i] = replacement;
      variants.push_back(variant);
    }
  }
  return variants;
}

bool verifies(std::string_view text, const std::vector<SigningKey>& keys) {
  auto payload = parse_payload(text);
  return payload.signed_booking && signature_valid(*payload.signed_booking, keys);
}

}  // namespace

TEST_CASE("the test seed gives the test vector's public key and signature", "[signature]") {
  CHECK(signed_code("JKT-SEL", "7KQ2MZ", "201708170900") == kVectorPayload);
}

TEST_CASE("the test vector verifies against its key", "[signature]") {
  CHECK(verifies(kVectorPayload, vector_keys));
}

TEST_CASE("no single-character substitution of the test vector verifies", "[signature]") {
  auto variants = single_substitutions(kVectorPayload);
  REQUIRE(variants.size() > 2000);
  int verified = 0;
  for (const auto& variant : variants)
    if (verifies(variant, vector_keys)) {
      UNSCOPED_INFO(variant);
      ++verified;
    }
  CHECK(verified == 0);
}

TEST_CASE("no single-character substitution of the test vector is admitted", "[signature]") {
  {
    CheckinFixture genuine;  // 08:00 WIB on the booked date: the vector itself is admitted
    REQUIRE(genuine.scan(kVectorPayload).verdict == Verdict::admitted);
  }
  CheckinFixture kiosk;
  int admitted = 0;
  for (const auto& variant : single_substitutions(kVectorPayload)) {
    auto verdict = kiosk.scan(variant).verdict;
    bool refused = verdict == Verdict::invalid_code || verdict == Verdict::bad_signature ||
                   verdict == Verdict::wrong_office;
    if (!refused) {
      UNSCOPED_INFO(variant << " -> " << to_string(verdict));
      ++admitted;
    }
  }
  CHECK(admitted == 0);
  CHECK(kiosk.printer.tickets().empty());
  CHECK(kiosk.journal.records().empty());
}

TEST_CASE("an unknown kid does not verify", "[signature]") {
  auto payload = parse_payload(signed_code("JKT-SEL", "7KQ2MZ", "201708170900", "N", "k2"));
  REQUIRE(payload.signed_booking);
  CHECK_FALSE(signature_valid(*payload.signed_booking, vector_keys));
  CHECK_FALSE(signature_valid(*payload.signed_booking, {}));
}

TEST_CASE("a signature checked against the wrong key does not verify", "[signature]") {
  auto payload = parse_payload(kVectorPayload);
  REQUIRE(payload.signed_booking);
  // Another valid Ed25519 public key (RFC 8032 test 1) under the same kid.
  std::vector<SigningKey> other{{"k1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}};
  CHECK_FALSE(signature_valid(*payload.signed_booking, other));
  std::vector<SigningKey> malformed{{"k1", "not-a-key"}};
  CHECK_FALSE(signature_valid(*payload.signed_booking, malformed));
}

TEST_CASE("the key is chosen by kid among several", "[signature]") {
  auto payload = parse_payload(signed_code("JKT-SEL", "7KQ2MZ", "201708170900", "N", "k2"));
  REQUIRE(payload.signed_booking);
  std::vector<SigningKey> keys{{"k1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
                               {"k2", std::string(kVectorPublicKey)}};
  CHECK(signature_valid(*payload.signed_booking, keys));
}

TEST_CASE("codes signed with the test seed verify for other slots and codes", "[signature]") {
  for (auto text : {signed_code("JKT-SEL", "ABC123", "201708171330", "R"),
                    signed_code("JKT-SEL", "ZZZZZZZZZZ", "201712312359"),
                    signed_code("DPS", "7KQ2MZ", "201801020800")}) {
    INFO(text);
    CHECK(verifies(text, vector_keys));
  }
}

TEST_CASE("a signature moved to another payload does not verify", "[signature]") {
  auto genuine = signed_code("JKT-SEL", "ABC123", "201708171330");
  auto signature = genuine.substr(genuine.rfind('.'));
  CHECK_FALSE(verifies("BKG1.JKT-SEL.ABC123.201708171400.N.k1" + signature, vector_keys));
  CHECK_FALSE(verifies("BKG1.JKT-SEL.ABC124.201708171330.N.k1" + signature, vector_keys));
}
