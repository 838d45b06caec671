#include "platform/system/certificate_expiry.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>
#include <memory>
#include <optional>

namespace kiosk::platform {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

std::string subject_of(const X509& certificate) {
  Bio out(BIO_new(BIO_s_mem()), &BIO_free);
  if (!out) return "?";
  X509_NAME_print_ex(out.get(), X509_get_subject_name(&certificate), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  long size = BIO_get_mem_data(out.get(), &data);
  return size > 0 ? std::string(data, static_cast<size_t>(size)) : "?";
}

std::optional<Seconds> not_after(const X509& certificate) {
  std::tm when{};
  if (ASN1_TIME_to_tm(X509_get0_notAfter(&certificate), &when) != 1) return std::nullopt;
  return Seconds(std::chrono::seconds(timegm(&when)));
}

}  // namespace

Expected<CertificateExpiry> read_certificate_expiry(const std::string& path) {
  Bio file(BIO_new_file(path.c_str(), "r"), &BIO_free);
  if (!file) {
    ERR_clear_error();
    return Failure{path + ": cannot read"};
  }
  CertificateExpiry first;
  for (;;) {
    Certificate certificate(PEM_read_bio_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!certificate) break;
    auto expires = not_after(*certificate);
    if (!expires) return Failure{path + ": a certificate's notAfter date cannot be read"};
    if (first.certificates++ == 0 || *expires < first.not_after) {
      first.not_after = *expires;
      first.subject = subject_of(*certificate);
    }
  }
  ERR_clear_error();  // the end of the file reads as an error
  if (first.certificates == 0) return Failure{path + ": no PEM certificate"};
  return first;
}

}  // namespace kiosk::platform
