#include "platform/update/bundle_download.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "platform/net/central_client.h"
#include "platform/system/file_descriptor.h"
#include "platform/system/host_facts.h"

namespace kiosk::platform {
namespace {

constexpr std::string_view kBundleSuffix = ".raucb";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "https://central.example:8443" of "https://central.example:8443/api/...".
std::string origin_of(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {};
  auto path_start = url.find('/', scheme_end + 3);
  return lower(url.substr(0, path_start));
}

bool plain_name(std::string_view name) {
  return !name.empty() && name.front() != '.' && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == '+';
  });
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The bytes the download may take: what is free less the store's reserve.
Expected<std::uint64_t> room_for(const BundleDownload& d) {
  auto free = d.free_bytes ? d.free_bytes(d.dir) : disk_free(d.dir);
  if (!free) return Failure{"cannot tell the free space on " + d.dir};
  if (*free <= d.reserve)
    return Failure{"disk full: " + mib(*free) + " free on " + d.dir + ", and " + mib(d.reserve) +
                   " is kept for the store; nothing was downloaded"};
  return *free - d.reserve;
}

// The body, written as it comes; the first write error is kept.
class PartFile {
 public:
  explicit PartFile(std::string path)
      : path_(std::move(path)),
        fd_(::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600)) {
    if (!fd_) error_ = std::strerror(errno);
  }
  ~PartFile() {
    if (!kept_) ::unlink(path_.c_str());
  }
  PartFile(const PartFile&) = delete;
  PartFile& operator=(const PartFile&) = delete;

  bool opened() const { return fd_.valid(); }
  const std::string& error() const { return error_; }
  bool write(std::string_view bytes) {
    while (!bytes.empty()) {
      auto written = ::write(fd_.get(), bytes.data(), bytes.size());
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) {
        error_ = errno == ENOSPC || errno == EFBIG ? "disk full (" + std::string(std::strerror(errno)) + ")"
                                                   : std::string(std::strerror(errno));
        return false;
      }
      bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
  }
  // Synced and renamed to `final_path`: whole, or not there.
  Status keep_as(const std::string& final_path) {
    if (::fsync(fd_.get()) != 0) return Failure{path_ + ": " + std::strerror(errno)};
    fd_.reset();
    if (::rename(path_.c_str(), final_path.c_str()) != 0) return Failure{final_path + ": " + std::strerror(errno)};
    kept_ = true;
    return ok_status();
  }

 private:
  std::string path_;
  FileDescriptor fd_;
  std::string error_;
  bool kept_ = false;
};

std::string failure_text(const HttpResponse& response, const PartFile& part, std::uint64_t room,
                         const BundleDownload& d) {
  if (response.outcome == HttpResponse::Outcome::too_large) {
    auto size = response.content_length >= 0 ? std::to_string(response.content_length) + " bytes"
                                              : "more than " + std::to_string(room) + " bytes";
    return "disk full: the bundle is " + size + ", and only " + std::to_string(room) + " bytes may be used on " +
           d.dir + " (" + mib(d.reserve) + " is kept for the store)";
  }
  if (!part.error().empty()) return "writing " + d.dir + ": " + part.error();
  if (response.outcome == HttpResponse::Outcome::transport) return response.error;
  return "the server answered HTTP " + std::to_string(response.status);
}

}  // namespace

HttpSettings bundle_http_settings(const KioskConfig& config, const std::string& url) {
  auto http = central_settings_from(config).http;
  http.base_url = url;
  http.url_setting = "--bundle";
  http.needs_token = false;
  if (config.api.base_url.empty() || origin_of(url) != origin_of(config.api.base_url)) http.token.clear();
  return http;
}

std::string bundle_file_name(const std::string& url) {
  auto slash = url.rfind('/');
  auto name = slash == std::string::npos ? std::string() : url.substr(slash + 1);
  if (plain_name(name) && name.size() > kBundleSuffix.size() && name.ends_with(kBundleSuffix)) return name;
  return "bundle.raucb";
}

Expected<std::string> download_bundle(const BundleDownload& d) {
  auto cannot = [&](const std::string& why) { return Failure{"cannot download " + d.url + ": " + why}; };
  auto client = HttpClient::create(d.http);
  if (!client) return cannot(client.error());
  auto room = room_for(d);
  if (!room) return cannot(room.error());
  auto final_path = d.dir + "/" + bundle_file_name(d.url);
  PartFile part(final_path + ".part");
  if (!part.opened()) return cannot(final_path + ".part: " + part.error());
  HttpRequest request;
  request.timeout = d.timeout;
  request.max_body = static_cast<std::size_t>(std::min<std::uint64_t>(*room, SIZE_MAX));
  request.sink = [&part](std::string_view bytes) { return part.write(bytes); };
  auto response = client->send(request);
  bool whole = response.outcome == HttpResponse::Outcome::answered && response.status == 200;
  if (!whole) return cannot(failure_text(response, part, *room, d));
  if (auto kept = part.keep_as(final_path); !kept) return cannot(kept.error());
  return final_path;
}

}  // namespace kiosk::platform
