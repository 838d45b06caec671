#pragma once
// central-ref's command line.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/expected.h"
#include "kiosk/base/log.h"

namespace kiosk::central_ref {

struct Options {
  bool help = false;
  std::string listen = "127.0.0.1";
  int port = 8080;
  std::optional<std::string> port_file;
  std::string db = ":memory:";
  std::optional<std::string> office_path;
  std::vector<std::string> bookings_paths;
  bool demo = false;
  std::string token;
  std::string control_token;
  // HTTPS when both are given; with client_ca, mutual TLS (tls_server.h).
  std::string tls_cert;
  std::string tls_key;
  std::string client_ca;
  int hang_cap_s = 120;
  LogLevel log_level = LogLevel::info;
};

Expected<Options> parse_options(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace kiosk::central_ref
