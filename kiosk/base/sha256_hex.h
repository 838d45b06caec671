#pragma once
// SHA-256 (libsodium's crypto_hash_sha256) as 64 lower-case hex digits: the
// form every hash the kiosk stores or sends takes.
#include <string>
#include <string_view>

namespace kiosk {

std::string sha256_hex(std::string_view bytes);

}  // namespace kiosk
