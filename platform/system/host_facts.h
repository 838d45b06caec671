#pragma once
// Facts about the machine that the service menu's Status page shows: the
// network address and link, and the disk space left for the data.
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::platform {

struct NetworkFacts {
  std::string address;  // "192.0.2.7 (eth0)"; empty with no IPv4 address but loopback
  std::string link;     // "eth0 up", "eth0 down", or "no network interface" (loopback only)
};

// `sys_class_net`: where the kernel lists interfaces (a folder in tests).
NetworkFacts network_facts(const std::string& sys_class_net = "/sys/class/net");

// Bytes an unprivileged writer may still use on the file system of `path`.
std::optional<std::uint64_t> disk_free(const std::string& path);

}  // namespace kiosk::platform
