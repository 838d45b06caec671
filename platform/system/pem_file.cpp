#include "platform/system/pem_file.h"

#include <sodium.h>

#include <string_view>
#include <vector>

#include "platform/system/data_dir.h"

namespace kiosk::platform {
namespace {

constexpr size_t kMaxPemBytes = 1 << 20;

bool label_fits(std::string_view label, PemKind kind) {
  if (kind == PemKind::certificate) return label == "CERTIFICATE";
  return label == "PRIVATE KEY" || label == "EC PRIVATE KEY" || label == "RSA PRIVATE KEY";
}

// The base64 body of one block decodes to DER: a SEQUENCE (0x30).
bool der_sequence(std::string_view body) {
  std::vector<unsigned char> der(body.size());
  size_t length = 0;
  if (sodium_base642bin(der.data(), der.size(), body.data(), body.size(), " \t\r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  return length > 2 && der[0] == 0x30;
}

}  // namespace

Expected<std::string> check_pem_file(const std::string& path, PemKind kind) {
  auto text = read_text_file(path, kMaxPemBytes);
  if (!text) return Failure{text.error()};
  const std::string begin = "-----BEGIN ";
  int blocks = 0;
  for (size_t at = text->find(begin); at != std::string::npos; at = text->find(begin, at + 1)) {
    size_t label_end = text->find("-----", at + begin.size());
    if (label_end == std::string::npos) return Failure{path + ": a BEGIN line is not closed"};
    std::string label = text->substr(at + begin.size(), label_end - at - begin.size());
    std::string end = "-----END " + label + "-----";
    size_t end_at = text->find(end, label_end);
    if (end_at == std::string::npos) return Failure{path + ": '" + label + "' has no END line (truncated copy?)"};
    if (!label_fits(label, kind)) continue;
    std::string_view body(text->data() + label_end + 5, end_at - label_end - 5);
    if (!der_sequence(body)) return Failure{path + ": the '" + label + "' block is not valid base64 DER"};
    ++blocks;
  }
  const char* wanted = kind == PemKind::certificate ? "CERTIFICATE" : "PRIVATE KEY";
  if (blocks == 0) return Failure{path + ": no PEM " + std::string(wanted) + " block"};
  return std::to_string(blocks) + (kind == PemKind::certificate ? " certificate(s)" : " private key");
}

}  // namespace kiosk::platform
