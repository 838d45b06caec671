#include "platform/audio/wav_file.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace kiosk::platform {
namespace {

// WAV is little-endian whatever the machine.
void put(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::string wav_bytes(const Pcm& pcm) {
  auto data_bytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
  auto rate = static_cast<std::uint32_t>(pcm.sample_rate);
  std::string out = "RIFF";
  put(out, 36 + data_bytes, 4);
  out += "WAVEfmt ";
  put(out, 16, 4);        // fmt chunk size
  put(out, 1, 2);         // PCM
  put(out, 1, 2);         // mono
  put(out, rate, 4);
  put(out, rate * 2, 4);  // bytes a second
  put(out, 2, 2);         // bytes a frame
  put(out, 16, 2);        // bits a sample
  out += "data";
  put(out, data_bytes, 4);
  for (auto sample : pcm.samples) put(out, static_cast<std::uint16_t>(sample), 2);
  return out;
}

}  // namespace

Status write_wav(const std::string& path, const Pcm& pcm) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Failure{path + ": " + std::strerror(errno)};
  auto bytes = wav_bytes(pcm);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Failure{path + ": write failed"};
  return ok_status();
}

}  // namespace kiosk::platform
