#pragma once
// A whole file's bytes as a string, for tests that look at what a program
// wrote (a ticket, a download, a word list). A missing file reads as empty:
// the test's own assertion then says what was expected.
#include <fstream>
#include <iterator>
#include <string>

namespace kiosk::test {

inline std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace kiosk::test
