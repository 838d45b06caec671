// A printer's answers to the four DLE EOT status queries, over a transport
// that answers with whatever the input says: fewer bytes than asked, bytes
// without the fixed bits, a write or a read that fails. The first byte
// scripts the transport; the rest are the printer's answers.
#include "platform/printer/printer_status.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace std::chrono;
using kiosk::PrinterStatus;
using kiosk::fuzz::require;

class ScriptedTransport final : public kiosk::platform::PrinterTransport {
 public:
  ScriptedTransport(unsigned char script, std::string_view answers) : script_(script), answers_(answers) {}

  kiosk::Status write(std::string_view, milliseconds) override {
    if (script_ & 1) return kiosk::Failure{"write failed"};
    return kiosk::ok_status();
  }
  kiosk::Expected<std::string> read(std::size_t count, milliseconds) override {
    if (script_ & 2) return kiosk::Failure{"read failed"};
    // Bits 2-3: at most 1 to 4 bytes per read, as a slow serial line gives them.
    std::size_t chunk = std::min<std::size_t>(count, ((script_ >> 2) & 3) + 1);
    auto taken = answers_.substr(0, std::min(chunk, answers_.size()));
    answers_.remove_prefix(taken.size());
    return std::string(taken);
  }

 private:
  unsigned char script_;
  std::string_view answers_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = kiosk::fuzz::text_of(data, size);
  auto status = kiosk::platform::interpret_status(input);
  if (input.size() < 4) require(status == PrinterStatus::offline, "fewer than four answers is offline");
  if (input.empty()) return 0;
  ScriptedTransport transport(static_cast<unsigned char>(input[0]), input.substr(1));
  kiosk::platform::status_or_offline(transport, milliseconds(1000));
  return 0;
}
