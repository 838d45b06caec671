#pragma once
// Certificates made at test time with the openssl CLI (KIOSK_OPENSSL, the
// program CMake found), in a temporary directory removed with its maker.
// Nothing is checked in: keys never live in the repository, and validity is
// always relative to the real "now" of the run, so no clock is faked. An
// expired certificate is made with fixed dates in the past (openssl ca
// -startdate/-enddate), which needs no clock either.
#include <string>

namespace kiosk::test {

class CertificateMaker {
 public:
  CertificateMaker();  // a temporary directory holding the openssl config
  ~CertificateMaker();
  CertificateMaker(const CertificateMaker&) = delete;
  CertificateMaker& operator=(const CertificateMaker&) = delete;

  const std::string& dir() const { return dir_; }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

  // NAME.crt and NAME.key: a self-signed CA valid for `days` from now.
  void make_ca(const std::string& name, int days = 2);
  // NAME.crt and NAME.key signed by CA `ca`. `extensions`: "server" (for
  // 127.0.0.1 and localhost) or "client" (mutual TLS).
  void make_leaf(const std::string& name, const std::string& ca, const std::string& cn,
                 const std::string& extensions, int days = 2);
  // As make_leaf, valid only in January 2020: expired.
  void make_expired_leaf(const std::string& name, const std::string& ca, const std::string& cn,
                         const std::string& extensions);
  // curl's pin of key file NAME: "sha256//" and the base64 SHA-256 of the
  // DER public key.
  std::string pin_of(const std::string& key_name) const;

 private:
  std::string make_request(const std::string& name, const std::string& cn);

  std::string dir_;
  int serial_ = 1;
};

// One set made once per test program (removed at exit): a CA with a server
// certificate for 127.0.0.1 and localhost, an unrelated CA with one for the
// same names (an impostor's), and a client CA with a client certificate.
struct TlsFiles {
  std::string dir;
  std::string ca_cert;
  std::string server_cert, server_key;
  std::string other_ca_cert;
  std::string impostor_cert, impostor_key;
  std::string client_ca_cert;
  std::string client_cert, client_key;
  std::string server_pin;  // "sha256//..." of the server's public key
  std::string other_pin;   // a well-formed pin of another key
};
const TlsFiles& tls_files();

}  // namespace kiosk::test
