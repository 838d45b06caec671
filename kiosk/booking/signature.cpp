#include "kiosk/booking/signature.h"

#include <sodium.h>

#include <array>
#include <optional>
#include <stdexcept>

namespace kiosk {
namespace {

void require_sodium() {
  // sodium_init is idempotent and thread-safe; it fails only if the system
  // has no usable random source, which is not recoverable.
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

template <size_t N>
std::optional<std::array<unsigned char, N>> decode_exact(std::string_view b64) {
  std::array<unsigned char, N> out{};
  size_t len = 0;
  // libsodium rejects non-zero trailing bits, so every character matters.
  if (sodium_base642bin(out.data(), out.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      len != N)
    return std::nullopt;
  return out;
}

}  // namespace

bool signature_valid(const SignedBooking& booking, const std::vector<SigningKey>& keys) {
  require_sodium();
  auto signature = decode_exact<crypto_sign_BYTES>(booking.signature);
  if (!signature) return false;
  for (const auto& key : keys) {
    if (key.kid != booking.kid) continue;
    auto public_key = decode_exact<crypto_sign_PUBLICKEYBYTES>(key.ed25519);
    if (!public_key) return false;
    const auto* message = reinterpret_cast<const unsigned char*>(booking.signed_text.data());
    return crypto_sign_verify_detached(signature->data(), message, booking.signed_text.size(),
                                       public_key->data()) == 0;
  }
  return false;
}

std::string sign_for_test(std::string_view text, const unsigned char (&seed)[32]) {
  require_sodium();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, seed);
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(), sk);
  char b64[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(b64, sizeof b64, sig, sizeof sig, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(sk, sizeof sk);
  return b64;
}

}  // namespace kiosk
