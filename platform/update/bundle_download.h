#pragma once
// `kiosk update --bundle URL`: the bundle fetched into update.dir on the
// data partition, through the kiosk's own libcurl client with the config's
// TLS settings: its CA, pins and client certificate, as for the central
// service (https://, or http:// only to a loopback host). The space it may
// take is checked first (the declared Content-Length against what is free,
// less a reserve the store keeps), and a full disk, a broken or refused
// download leaves no partial file behind: it goes to <name>.part and is
// renamed only once whole.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/base/expected.h"
#include "platform/config/kiosk_config.h"
#include "platform/net/http_client.h"

namespace kiosk::platform {

// Left free on the data partition for the store: an update download must
// never be why a check-in cannot be written.
inline constexpr std::uint64_t kStoreReserveBytes = std::uint64_t{128} << 20;

struct BundleDownload {
  std::string url;
  std::string dir;    // update.dir
  HttpSettings http;  // bundle_http_settings()
  std::uint64_t reserve = kStoreReserveBytes;
  // Bytes free on dir's file system (host_facts.h's disk_free); tests give their own.
  std::function<std::optional<std::uint64_t>(const std::string&)> free_bytes;
  std::chrono::milliseconds timeout{std::chrono::hours{2}};  // the low-speed limit catches a stalled link sooner
};

// The config's TLS settings for `url`. The kiosk's token is sent only to the
// central service's own origin (scheme, host and port of api.base_url).
HttpSettings bundle_http_settings(const KioskConfig& config, const std::string& url);

// The file name a download is kept under: the URL's last segment when it is
// a plain name ending in .raucb, else "bundle.raucb".
std::string bundle_file_name(const std::string& url);

// Downloads; returns the bundle's path in dir. Every failure says what
// happened and leaves nothing in dir.
Expected<std::string> download_bundle(const BundleDownload& download);

}  // namespace kiosk::platform
