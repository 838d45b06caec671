#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "platform/printer/escpos_encoder.h"
#include "platform/printer/file_printer.h"
#include "platform/printer/printer_factory.h"
#include "tests/platform/printer/printer_fixture.h"

using namespace kiosk;
using namespace kiosk::test;
using kiosk::platform::FilePrinter;

namespace {

// A fresh directory under $TMPDIR, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    auto pattern = (std::filesystem::temp_directory_path() / "kiosk-printer-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Ticket reprint_ticket() { return make_ticket(printer_record(), printer_office(), true); }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a file printer appends each ticket's job", "[printer][file]") {
  TempDir dir;
  auto path = dir.file("tickets.bin");
  auto profile = named_profile("80mm");
  FilePrinter printer(path, profile);
  auto first = printer.print(printer_ticket());
  auto second = printer.print(reprint_ticket());
  CHECK(first.printed);
  CHECK(first.error.empty());
  CHECK(second.printed);
  CHECK(read_bytes(path) == platform::encode_escpos(printer_ticket(), profile) +
                                platform::encode_escpos(reprint_ticket(), profile));
}

TEST_CASE("a file printer appends to what the file already holds", "[printer][file]") {
  TempDir dir;
  auto path = dir.file("tickets.bin");
  std::ofstream(path) << "earlier";
  FilePrinter printer(path, named_profile("58mm"));
  REQUIRE(printer.print(printer_ticket()).printed);
  CHECK(read_bytes(path) == "earlier" + platform::encode_escpos(printer_ticket(), named_profile("58mm")));
}

TEST_CASE("a new ticket file is created 0640", "[printer][file]") {
  TempDir dir;
  auto path = dir.file("tickets.bin");
  auto old_mask = ::umask(022);
  auto result = FilePrinter(path, named_profile("80mm")).print(printer_ticket());
  ::umask(old_mask);
  REQUIRE(result.printed);
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("a missing directory is a failed print naming the path", "[printer][file]") {
  TempDir dir;
  auto path = dir.file("missing/tickets.bin");
  auto result = FilePrinter(path, named_profile("80mm")).print(printer_ticket());
  CHECK_FALSE(result.printed);
  CHECK(contains(result.error, path));
  CHECK(contains(result.error, "No such file or directory"));
}

TEST_CASE("a directory in place of the file is a failed print", "[printer][file]") {
  TempDir dir;
  auto path = dir.file("");
  auto result = FilePrinter(path, named_profile("80mm")).print(printer_ticket());
  CHECK_FALSE(result.printed);
  CHECK(contains(result.error, path));
  CHECK(contains(result.error, "Is a directory"));
}

TEST_CASE("a file the kiosk may not write is a failed print", "[printer][file]") {
  if (::geteuid() == 0) {
    WARN("running as root, which may write anywhere; permission case not checked");
    return;
  }
  TempDir dir;
  auto path = dir.file("tickets.bin");
  std::ofstream(path) << "";
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  auto result = FilePrinter(path, named_profile("80mm")).print(printer_ticket());
  CHECK_FALSE(result.printed);
  CHECK(contains(result.error, path));
  CHECK(contains(result.error, "Permission denied"));
}

TEST_CASE("a full disk is a failed print", "[printer][file]") {
  // /dev/full accepts open and fails every write with ENOSPC.
  if (::access("/dev/full", W_OK) != 0) {
    WARN("no writable /dev/full here; disk-full case not checked");
    return;
  }
  auto result = FilePrinter("/dev/full", named_profile("80mm")).print(printer_ticket());
  CHECK_FALSE(result.printed);
  CHECK(contains(result.error, "/dev/full"));
  CHECK(contains(result.error, "No space left on device"));
}

TEST_CASE("a device node that cannot be synced still prints", "[printer][file]") {
  // fsync on /dev/null fails with EINVAL, like a printer's /dev/usb/lp0:
  // for a device the accepted write is as far as durability goes.
  if (::access("/dev/null", W_OK) != 0) {
    WARN("no writable /dev/null here; device case not checked");
    return;
  }
  auto result = FilePrinter("/dev/null", named_profile("58mm")).print(printer_ticket());
  CHECK(result.printed);
  CHECK(result.error.empty());
}

TEST_CASE("make_printer builds a file printer from file:PATH", "[printer][factory]") {
  TempDir dir;
  auto path = dir.file("tickets.bin");
  auto printer = platform::make_printer("file:" + path, named_profile("58mm"));
  REQUIRE(printer.ok());
  REQUIRE(printer.value() != nullptr);
  CHECK(printer.value()->print(printer_ticket()).printed);
  CHECK(read_bytes(path) == platform::encode_escpos(printer_ticket(), named_profile("58mm")));
}

TEST_CASE("make_printer takes every device form and refuses malformed ones", "[printer][factory]") {
  auto profile = named_profile("80mm");
  // Real printers are made without touching the device: an absent printer
  // is offline at print time, not a kiosk that cannot start.
  CHECK(platform::make_printer("usb:/dev/usb/lp0", profile).ok());
  CHECK(platform::make_printer("/dev/usb/lp0", profile).ok());
  CHECK(platform::make_printer("tcp:10.0.0.5:9100", profile).ok());
  CHECK(platform::make_printer("serial:/dev/ttyUSB0:19200", profile).ok());
  auto unknown = platform::make_printer("lpt:1", profile);
  REQUIRE_FALSE(unknown.ok());
  CHECK(contains(unknown.error(), "unknown scheme"));
  auto empty_path = platform::make_printer("file:", profile);
  REQUIRE_FALSE(empty_path.ok());
  CHECK(contains(empty_path.error(), "file:PATH"));
  auto nothing = platform::make_printer("", profile);
  REQUIRE_FALSE(nothing.ok());
  CHECK(contains(nothing.error(), "is empty"));
}

TEST_CASE("the named profiles", "[printer][profile]") {
  auto wide = platform::printer_profile("80mm");
  REQUIRE(wide);
  CHECK(wide->name == "80mm");
  CHECK(wide->dots_per_line == 576);
  CHECK(wide->columns == 48);
  CHECK(wide->native_qr);
  CHECK(wide->cutter);
  auto narrow = platform::printer_profile("58mm");
  REQUIRE(narrow);
  CHECK(narrow->dots_per_line == 384);
  CHECK(narrow->columns == 32);
  CHECK_FALSE(platform::printer_profile("76mm"));
  CHECK_FALSE(platform::printer_profile(""));
}
