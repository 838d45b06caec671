#include "platform/printer/text_wrap.h"

#include <algorithm>
#include <utility>

namespace kiosk::platform {
namespace {

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    auto start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    text.remove_prefix(start);
    auto end = std::min(text.find(' '), text.size());
    words.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return words;
}

class RowBuilder {
 public:
  explicit RowBuilder(std::size_t width) : width_(std::max<std::size_t>(width, 1)) {}

  void add(std::string_view word) {
    // A word that cannot fit any row starts on a fresh one and is cut there.
    while (word.size() > width_) {
      flush();
      rows_.emplace_back(word.substr(0, width_));
      word.remove_prefix(width_);
    }
    if (word.empty()) return;
    if (!row_.empty() && row_.size() + 1 + word.size() > width_) flush();
    if (!row_.empty()) row_ += ' ';
    row_ += word;
  }

  std::vector<std::string> finish() {
    if (!row_.empty() || rows_.empty()) rows_.push_back(row_);
    return std::move(rows_);
  }

 private:
  void flush() {
    if (!row_.empty()) rows_.push_back(std::move(row_));
    row_.clear();
  }

  std::size_t width_;
  std::string row_;
  std::vector<std::string> rows_;
};

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  RowBuilder rows(width);
  for (auto word : split_words(text)) rows.add(word);
  return rows.finish();
}

}  // namespace kiosk::platform
