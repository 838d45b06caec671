// kiosk say: the technician's check of the voice, written to a WAV file.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "platform/audio/say_command.h"
#include "support/fakes.h"

using namespace kiosk;

namespace {

struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-say-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
};

struct Said {
  int status;
  std::string out;
  std::string err;
};

Said say(const std::vector<std::string>& args) {
  test::FakeClock clock;
  std::ostringstream out;
  std::ostringstream err;
  int status = platform::run_say(args, clock, clock, out, err);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("kiosk say --out writes the speech as a WAV file", "[audio][say]") {
  ScratchDir dir;
  auto wav = (dir.path / "say.wav").string();
  auto said = say({"--lang", "id", "--text", "Nomor antrean Anda A, nol, empat, tiga", "--out", wav});
  INFO(said.err);
  REQUIRE(said.status == 0);
  CHECK_THAT(said.out, Catch::Contains("s of speech (id)") && Catch::Contains("wrote " + wav));
  std::ifstream in(wav, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  REQUIRE(bytes.size() > 44 + 22050);  // the header and well over half a second of 16-bit samples
  CHECK(bytes.substr(0, 4) == "RIFF");
  CHECK(bytes.substr(8, 8) == "WAVEfmt ");
  CHECK(bytes.substr(36, 4) == "data");
  CHECK((bytes.size() - 44) % 2 == 0);
}

TEST_CASE("kiosk say refuses a bad command line with the reason", "[audio][say]") {
  CHECK_THAT(say({"--lang", "fr", "--text", "x"}).err, Catch::Contains("--lang must be id or en"));
  CHECK(say({"--lang", "fr", "--text", "x"}).status == 2);
  CHECK_THAT(say({"--lang", "en"}).err, Catch::Contains("--text is required"));
  CHECK_THAT(say({"--text"}).err, Catch::Contains("needs a value"));
  CHECK_THAT(say({"--loud", "yes"}).err, Catch::Contains("unknown option '--loud'"));
  ScratchDir dir;
  auto nowhere = (dir.path / "missing" / "say.wav").string();
  auto failed = say({"--lang", "en", "--text", "zero", "--out", nowhere});
  CHECK(failed.status == 1);
  CHECK_THAT(failed.err, Catch::Contains(nowhere));
}
