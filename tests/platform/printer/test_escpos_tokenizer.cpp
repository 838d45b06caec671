// The one place the ESC/POS stream is cut into commands (the preview and the
// tests' reader both stand on it): known streams give the right commands,
// and any stream at all, cut short or garbage, is covered byte for byte by
// the tokens, never read past its end, and what it cannot parse is named.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "platform/printer/escpos_tokenizer.h"

using kiosk::platform::EscposCommand;
using kiosk::platform::EscposToken;
using kiosk::platform::EscposTokenizer;

namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int value : values) out += static_cast<char>(value);
  return out;
}

// The tokens view `job`: keep it alive while they are used.
std::vector<EscposToken> tokens_of(const std::string& job) {
  std::vector<EscposToken> tokens;
  EscposTokenizer tokenizer(job);
  // Each token takes at least one byte, so a job has at most as many tokens.
  for (std::size_t i = 0; i <= job.size(); ++i) {
    auto token = tokenizer.next();
    if (!token) return tokens;
    tokens.push_back(*token);
  }
  FAIL("the tokenizer does not come to an end");
  return tokens;
}

// The tokens lie inside the job, one after another with no gap, and cover
// all of it; a problem is named exactly where there is one, and nothing
// follows a truncated command.
void check_covers(const std::string& job) {
  auto tokens = tokens_of(job);
  std::size_t at = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& token = tokens[i];
    INFO("token " << i << " at offset " << token.offset);
    REQUIRE(token.offset == at);
    REQUIRE_FALSE(token.bytes.empty());
    REQUIRE(token.bytes.data() == job.data() + at);
    REQUIRE(token.bytes.size() <= job.size() - at);
    if (!token.data.empty()) {
      REQUIRE(token.data.data() >= token.bytes.data());
      REQUIRE(token.data.data() + token.data.size() <= token.bytes.data() + token.bytes.size());
    }
    bool bad = token.command == EscposCommand::unknown || token.command == EscposCommand::truncated;
    CHECK(token.problem.empty() != bad);
    if (token.command == EscposCommand::truncated) CHECK(i + 1 == tokens.size());
    at += token.bytes.size();
  }
  CHECK(at == job.size());
}

std::string golden(const std::string& name) {
  std::ifstream in(std::string(KIOSK_PRINTER_GOLDEN_DIR) + "/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("the tokenizer cuts a job into the commands the encoder sends", "[printer][tokenizer]") {
  auto job = bytes({0x1B, '@', 0x1B, 't', 0, 0x1B, 'a', '1', 0x1D, '!', 0x21}) + "A-007\n" +
             bytes({0x1D, '(', 'k', 4, 0, '1', 'P', '0', 'x', 0x1D, 'v', '0', 0, 1, 0, 2, 0, 0x80, 0x01,
                    0x1B, 'd', 3, 0x1D, 'V', 66, 5});
  auto tokens = tokens_of(job);
  std::vector<EscposCommand> commands;
  for (const auto& token : tokens) commands.push_back(token.command);
  CHECK(commands == std::vector<EscposCommand>{EscposCommand::initialize, EscposCommand::code_page,
                                               EscposCommand::align, EscposCommand::character_size,
                                               EscposCommand::text, EscposCommand::line_feed, EscposCommand::qr,
                                               EscposCommand::raster, EscposCommand::feed_lines,
                                               EscposCommand::cut});
  REQUIRE(tokens.size() == 10);
  CHECK(tokens[2].alignment() == 1);
  CHECK(tokens[3].char_width() == 3);
  CHECK(tokens[3].char_height() == 2);
  CHECK(tokens[4].data == "A-007");
  CHECK(tokens[4].offset == 11);
  CHECK(tokens[6].function == 'P');
  CHECK(tokens[6].data == "0x");
  CHECK(tokens[7].raster_width == 8);
  CHECK(tokens[7].raster_height == 2);
  CHECK(tokens[7].data == bytes({0x80, 0x01}));
  CHECK(tokens[8].argument == 3);
  CHECK(tokens[9].partial_cut());
  CHECK(tokens[9].cut_feed == 5);
  check_covers(job);
}

TEST_CASE("the tokenizer names what it does not know and goes on after it", "[printer][tokenizer]") {
  auto unknown_job = bytes({0x1B, 'Z', 'x', '\n'});
  auto unknown = tokens_of(unknown_job);
  REQUIRE(unknown.size() == 3);
  CHECK(unknown[0].command == EscposCommand::unknown);
  CHECK(unknown[0].problem == "unknown command ESC 0x5A");
  CHECK(unknown[1].data == "x");  // its argument, if it had one, is not guessed at

  // GS ( carries its length, so an unknown function is skipped whole.
  auto other_job = bytes({0x1D, '(', 'A', 2, 0, 1, 2}) + "ok";
  auto other_function = tokens_of(other_job);
  REQUIRE(other_function.size() == 2);
  CHECK(other_function[0].problem == "unknown command GS ( 0x41");
  CHECK(other_function[1].data == "ok");

  CHECK(tokens_of(bytes({0x1D, '(', 'k', 3, 0, '2', 'A', 0}))[0].problem == "GS ( k that is not a QR Code function");
  CHECK(tokens_of(bytes({0x1D, 'V', 7}))[0].problem == "unknown cut GS V 0x07");
}

TEST_CASE("a job cut short ends in a truncated command that says where", "[printer][tokenizer]") {
  auto qr_job = bytes({'h', 'i', 0x1D, '(', 'k', 9, 0, '1'});
  auto qr = tokens_of(qr_job);
  REQUIRE(qr.size() == 2);
  CHECK(qr[1].command == EscposCommand::truncated);
  CHECK(qr[1].offset == 2);
  CHECK(qr[1].problem == "the job ends in the middle of GS ( k");
  CHECK(tokens_of(bytes({0x1D, 'v', '0', 0, 200, 0, 200, 0, 1}))[0].problem ==
        "the job ends in the middle of GS v 0 image");
  CHECK(tokens_of(bytes({0x1B}))[0].problem == "the job ends in the middle of ESC");
  CHECK(tokens_of(bytes({0x1B, 'a'}))[0].problem == "the job ends in the middle of ESC a");
}

TEST_CASE("every golden job, cut short at any byte, is covered and never read past its end", "[printer][tokenizer]") {
  for (auto name : {"ticket-80mm.bin", "ticket-58mm.bin", "ticket-80mm-nocut.bin", "ticket-58mm-raster.bin"}) {
    INFO(name);
    auto job = golden(name);
    REQUIRE(job.size() > 100);
    for (std::size_t length = 0; length <= job.size(); ++length) {
      // A copy of exactly that length: a read past its end is a read outside it.
      std::string prefix = job.substr(0, length);
      check_covers(prefix);
    }
    for (const auto& token : tokens_of(job)) CHECK(token.problem.empty());
  }
}

TEST_CASE("garbage is covered the same way, with its problems named", "[printer][tokenizer]") {
  std::uint32_t state = 12345;  // a fixed xorshift: the same garbage on every run
  auto random_byte = [&] {
    state ^= state << 13, state ^= state >> 17, state ^= state << 5;
    // Mostly command bytes and small numbers, so commands start and end often.
    static constexpr unsigned char kLikely[] = {0x1B, 0x1D, 0x0A, '(', 'k', 'v', '0', 'V', '!', 'a', '1', 0, 1, 2, 66};
    return (state & 3) != 0 ? kLikely[(state >> 8) % sizeof kLikely] : static_cast<unsigned char>(state >> 16);
  };
  int problems = 0;
  for (int round = 0; round < 300; ++round) {
    std::string job(1 + round % 64, '\0');
    for (auto& byte : job) byte = static_cast<char>(random_byte());
    INFO("round " << round);
    check_covers(job);
    for (const auto& token : tokens_of(job)) problems += !token.problem.empty();
  }
  CHECK(problems > 100);
}
