#include "platform/camera/mjpeg_decoder.h"

#include <csetjmp>
#include <cstdio>
// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

namespace kiosk::platform {
namespace {

// libjpeg reports fatal errors through a callback that must not return;
// longjmp back to decode(), which turns it into a Failure.
struct ErrorTrap {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* trap = reinterpret_cast<ErrorTrap*>(info->err);
  (*info->err->format_message)(info, trap->message);
  std::longjmp(trap->jump, 1);
}

void on_warning(j_common_ptr, int) {}  // corrupt-data warnings: the frame is still used

}  // namespace

Expected<LumaView> MjpegDecoder::decode(const std::uint8_t* data, std::size_t size) {
  jpeg_decompress_struct info{};
  ErrorTrap trap{};
  info.err = jpeg_std_error(&trap.manager);
  trap.manager.error_exit = on_error;
  trap.manager.emit_message = on_warning;
  // Nothing with a destructor lives between setjmp and a longjmp to it.
  if (setjmp(trap.jump)) {
    jpeg_destroy_decompress(&info);
    return Failure{std::string("MJPEG frame: ") + trap.message};
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, static_cast<unsigned long>(size));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = JCS_GRAYSCALE;
  info.dct_method = JDCT_IFAST;
  jpeg_start_decompress(&info);
  auto width = static_cast<int>(info.output_width), height = static_cast<int>(info.output_height);
  pixels_.resize(static_cast<std::size_t>(width) * height);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = pixels_.data() + static_cast<std::size_t>(info.output_scanline) * width;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return LumaView{pixels_.data(), width, height, width, 1, {}};
}

}  // namespace kiosk::platform
