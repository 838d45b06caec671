#pragma once
// What every fuzz target uses: the input as text, and a check of what a
// parser promises beyond not crashing. A broken promise aborts, which
// libFuzzer reports as a crash and keeps as an artifact, like any other.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kiosk::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void require(bool promise, const char* what) {
  if (promise) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
  std::abort();
}

}  // namespace kiosk::fuzz
