#pragma once
// An ESC/POS job cut into its commands: the one place that knows how long
// each command the kiosk's encoder sends is (escpos_encoder.h) and what its
// arguments mean, for everything that reads a job back: the ticket preview
// (platform/preview) and the tests' reader and dump. It names what it does
// not know instead of guessing, and never reads past the end of the job.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::platform {

enum class EscposCommand {
  text,            // bytes up to the next ESC, GS or LF, in `data` (other control bytes too)
  line_feed,       // LF: prints the line
  initialize,      // ESC @
  character_set,   // ESC R n
  code_page,       // ESC t n
  align,           // ESC a n
  bold,            // ESC E n
  feed_lines,      // ESC d n
  character_size,  // GS ! n
  cut,             // GS V m, or GS V m n for m 65 and 66 (feed n, then cut)
  qr,              // GS ( k pL pH '1' fn params: `function` is fn, `data` the params
  raster,          // GS v 0 m xL xH yL yH d...: `argument` is m, `data` the image
  unknown,         // a command it does not know; `problem` names it
  truncated,       // the job ends inside a command; `problem` names it
};

struct EscposToken {
  EscposCommand command = EscposCommand::text;
  std::size_t offset = 0;       // of its first byte in the job
  std::string_view bytes;       // the whole command as sent
  unsigned char argument = 0;   // n of ESC R, t, a, E, d and GS !; m of GS V and GS v 0
  unsigned char cut_feed = 0;   // n of GS V 65 n and GS V 66 n
  unsigned char function = 0;   // fn of a QR Code function
  std::string_view data;        // text, QR params or raster image, as above
  int raster_width = 0;         // dots across, 8 to a byte
  int raster_height = 0;        // rows
  std::string problem;          // unknown and truncated only

  // What the arguments mean, for every reader alike.
  int alignment() const { return argument >= '0' ? argument - '0' : argument; }  // 0 left, 1 centre, 2 right
  bool bold_on() const { return (argument & 1) != 0; }
  int char_width() const { return ((argument >> 4) & 7) + 1; }  // GS !: scale across, 1..8
  int char_height() const { return (argument & 7) + 1; }        // and down
  bool partial_cut() const { return argument == 1 || argument == 49 || argument == 66; }
};

class EscposTokenizer {
 public:
  explicit EscposTokenizer(std::string_view job) : job_(job) {}

  // The next command, or nothing at the end of the job. After an unknown
  // command it goes on with the byte after the command's name (or after
  // the whole of it, where its length is known); after a truncated one
  // there is nothing more.
  std::optional<EscposToken> next();

 private:
  EscposToken esc();
  EscposToken gs();
  EscposToken cut();
  EscposToken extended();
  EscposToken raster();

  EscposToken take(EscposCommand command, std::size_t length);
  EscposToken unknown(std::size_t length, std::string problem);
  EscposToken truncated(const std::string& what);
  bool have(std::size_t count) const { return job_.size() - pos_ >= count; }
  unsigned char at(std::size_t index) const { return static_cast<unsigned char>(job_[pos_ + index]); }

  std::string_view job_;
  std::size_t pos_ = 0;
};

// "0x1B": how the readers name a byte in a problem.
std::string escpos_hex(unsigned char byte);

}  // namespace kiosk::platform
