#include "platform/system/tar_writer.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

namespace kiosk::platform {
namespace {

std::string part_of(const std::string& path) { return path + ".part"; }

Failure archive_failure(archive* a, const std::string& what) {
  const char* why = archive_error_string(a);
  return Failure{what + ": " + (why ? why : "libarchive failed")};
}

}  // namespace

void TarWriter::Closer::operator()(archive* a) const { archive_write_free(a); }

TarWriter::TarWriter(std::string path, archive* a) : path_(std::move(path)), archive_(a) {}
TarWriter::TarWriter(TarWriter&&) noexcept = default;
TarWriter& TarWriter::operator=(TarWriter&&) noexcept = default;

TarWriter::~TarWriter() {
  // Not closed: an incomplete archive must not look like a bundle.
  if (archive_) {
    archive_.reset();
    ::unlink(part_of(path_).c_str());
  }
}

Expected<TarWriter> TarWriter::create(const std::string& path) {
  archive* a = archive_write_new();
  if (!a) return Failure{path + ": libarchive could not start"};
  TarWriter writer(path, a);
  if (archive_write_set_format_pax_restricted(a) != ARCHIVE_OK || archive_write_add_filter_gzip(a) != ARCHIVE_OK)
    return archive_failure(a, path);
  if (archive_write_open_filename(a, part_of(path).c_str()) != ARCHIVE_OK) return archive_failure(a, part_of(path));
  return writer;
}

Status TarWriter::add(const std::string& name, std::string_view text) {
  auto* a = archive_.get();
  std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
  archive_entry_set_pathname(entry.get(), name.c_str());
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(text.size()));
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_mtime(entry.get(), std::time(nullptr), 0);
  if (archive_write_header(a, entry.get()) != ARCHIVE_OK) return archive_failure(a, name);
  if (archive_write_data(a, text.data(), text.size()) != static_cast<la_ssize_t>(text.size()))
    return archive_failure(a, name);
  return ok_status();
}

Status TarWriter::close() {
  auto* a = archive_.get();
  if (archive_write_close(a) != ARCHIVE_OK) return archive_failure(a, part_of(path_));
  archive_.reset();
  if (std::rename(part_of(path_).c_str(), path_.c_str()) != 0) return Failure{path_ + ": cannot rename the finished archive"};
  return ok_status();
}

}  // namespace kiosk::platform
