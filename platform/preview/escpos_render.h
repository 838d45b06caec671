#pragma once
// An ESC/POS interpreter that prints onto a Bitmap instead of paper: the
// technician's ticket preview, the pictures in the docs, and the tests'
// view of what the simulated printer printed. It knows the commands the
// kiosk's encoder sends (see escpos_encoder.h) at 203 dpi with Font A
// (12x24 dots), and refuses anything else by name rather than guess.
#include <string>
#include <string_view>

#include "kiosk/base/expected.h"
#include "platform/preview/bitmap.h"

namespace kiosk::platform {

// `dots_per_line`: 384 for 58 mm paper, 576 for 80 mm. Text is drawn with
// DejaVu Sans Mono (fonts-dejavu-core) stretched to the printer's cells;
// QR codes with ZXing's encoder at the requested module size; a cut as a
// dashed line.
kiosk::Expected<Bitmap> render_escpos(std::string_view job, int dots_per_line);

// Writes the bitmap as a grey-scale PNG.
kiosk::Status save_png(const Bitmap& bitmap, const std::string& path);

}  // namespace kiosk::platform
