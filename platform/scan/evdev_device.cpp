#include "platform/scan/evdev_device.h"

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace kiosk::platform {
namespace {

constexpr std::string_view kByName = "name:";

Expected<FileDescriptor> open_input(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd) return Failure{path + ": " + std::strerror(errno)};
  return fd;
}

Expected<std::string> name_of(int fd, const std::string& path) {
  char name[256] = {};
  if (::ioctl(fd, EVIOCGNAME(sizeof name - 1), name) < 0)
    return Failure{path + ": not an input device (" + std::strerror(errno) + ")"};
  return std::string(name);
}

}  // namespace

Expected<std::string> evdev_name(const std::string& path) {
  auto fd = open_input(path);
  if (!fd) return Failure{fd.error()};
  return name_of(fd->get(), path);
}

std::optional<std::string> find_evdev_by_name(const std::string& name, const std::string& dir) {
  std::vector<std::string> nodes;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().filename().string().starts_with("event")) nodes.push_back(entry.path().string());
  std::sort(nodes.begin(), nodes.end());
  for (const auto& node : nodes)
    if (auto found = evdev_name(node); found && *found == name) return node;
  return std::nullopt;
}

Expected<std::string> resolve_wedge_path(const std::string& spec) {
  if (!spec.starts_with(kByName)) return spec;
  auto found = find_evdev_by_name(spec.substr(kByName.size()));
  if (!found) return Failure{"no input device named \"" + spec.substr(kByName.size()) + "\" under /dev/input"};
  return *found;
}

Expected<OpenedWedge> open_wedge(const std::string& spec) {
  auto resolved = resolve_wedge_path(spec);
  if (!resolved) return Failure{resolved.error()};
  const auto& path = *resolved;
  auto fd = open_input(path);
  if (!fd) return Failure{fd.error()};
  auto name = name_of(fd->get(), path);
  if (!name) return Failure{name.error()};
  if (::ioctl(fd->get(), EVIOCGRAB, 1) < 0)
    return Failure{path + ": cannot take the device for the kiosk alone (EVIOCGRAB: " + std::strerror(errno) + ")"};
  return OpenedWedge{std::move(*fd), path, *name};
}

}  // namespace kiosk::platform
