#include "platform/system/boot_slot.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::platform {
namespace {

constexpr std::string_view kSlotWord = "rauc.slot=";
constexpr std::size_t kMaxBootname = 32;
constexpr std::size_t kMaxCmdline = 64 * 1024;  // the kernel's own limit is far below

bool is_bootname(std::string_view name) {
  return !name.empty() && name.size() <= kMaxBootname && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

}  // namespace

std::string boot_slot_of(std::string_view cmdline) {
  std::string slot(kNoSlot);
  std::istringstream words{std::string(cmdline)};
  std::string word;
  // The kernel lets a later word win; so does this.
  while (words >> word)
    if (word.starts_with(kSlotWord)) {
      auto name = std::string_view(word).substr(kSlotWord.size());
      slot = is_bootname(name) ? std::string(name) : std::string(kNoSlot);
    }
  return slot;
}

std::string read_boot_slot(const std::string& cmdline_path) {
  std::ifstream in(cmdline_path, std::ios::binary);
  if (!in) return std::string(kNoSlot);
  std::string text(kMaxCmdline, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return boot_slot_of(text);
}

}  // namespace kiosk::platform
