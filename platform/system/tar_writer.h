#pragma once
// A .tar.gz written with libarchive: readable with any laptop's archive tool.
// Each entry is a whole text given at once; the archive is complete only
// after close() returns ok (until then it is a ".part" file beside it).
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"

struct archive;

namespace kiosk::platform {

class TarWriter {
 public:
  static Expected<TarWriter> create(const std::string& path);
  TarWriter(TarWriter&&) noexcept;
  TarWriter& operator=(TarWriter&&) noexcept;
  ~TarWriter();

  Status add(const std::string& name, std::string_view text);
  Status close();

 private:
  struct Closer {
    void operator()(archive* a) const;
  };
  TarWriter(std::string path, archive* a);

  std::string path_;
  std::unique_ptr<archive, Closer> archive_;
};

}  // namespace kiosk::platform
