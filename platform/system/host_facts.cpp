#include "platform/system/host_facts.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/statvfs.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace kiosk::platform {
namespace {

// The kernel's word for the interface: up, down, dormant, unknown...
std::string operstate(const std::string& sys_class_net, const std::string& name) {
  std::ifstream in(sys_class_net + "/" + name + "/operstate");
  std::string state;
  if (!(in >> state)) return "state unknown";
  return state;
}

// The first interface that is not loopback, for a kiosk with no address:
// its link state says whether the cable is the problem.
std::string first_interface(const std::string& sys_class_net) {
  std::error_code ec;
  std::string first;
  for (const auto& entry : std::filesystem::directory_iterator(sys_class_net, ec)) {
    auto name = entry.path().filename().string();
    if (name != "lo" && (first.empty() || name < first)) first = name;
  }
  return first;
}

}  // namespace

NetworkFacts network_facts(const std::string& sys_class_net) {
  NetworkFacts facts;
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) == 0) {
    std::unique_ptr<ifaddrs, decltype(&::freeifaddrs)> owned(list, &::freeifaddrs);
    for (auto* a = list; a; a = a->ifa_next) {
      if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || (a->ifa_flags & IFF_LOOPBACK)) continue;
      char text[INET_ADDRSTRLEN] = {};
      ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
      facts.address = std::string(text) + " (" + a->ifa_name + ")";
      facts.link = std::string(a->ifa_name) + " " + operstate(sys_class_net, a->ifa_name);
      return facts;
    }
  }
  auto name = first_interface(sys_class_net);
  facts.link = name.empty() ? "no network interface" : name + " " + operstate(sys_class_net, name);
  return facts;
}

std::optional<std::uint64_t> disk_free(const std::string& path) {
  struct statvfs fs {};
  if (::statvfs(path.c_str(), &fs) != 0) return std::nullopt;
  return static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
}

}  // namespace kiosk::platform
