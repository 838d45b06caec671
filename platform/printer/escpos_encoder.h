#pragma once
// A Ticket as the bytes of one ESC/POS print job. Encoding only: where the
// bytes go (a file, USB, serial, TCP) is a transport's business.
#include <string>

#include "kiosk/ticket/ticket.h"
#include "platform/printer/printer_profile.h"

namespace kiosk::platform {

// The job: ESC @ and code page PC437; per ticket line its alignment, bold and
// character size, the text in PC437 wrapped to the columns at that size; the
// QR payload as a native QR code (model 2, error correction M); a feed; and a
// partial cut when the profile has a cutter.
//
// Without native QR support the symbol is drawn by ZXing's encoder and sent
// as a raster image (GS v 0), same module size, same error correction. For
// a payload too long for any QR symbol, the payload is printed as text.
std::string encode_escpos(const kiosk::Ticket& ticket, const PrinterProfile& profile);

// The character scale (1..8, same across and down) of a line of `length`
// characters at `size`: normal 1, large 2, huge the biggest the paper takes
// (4 on 80 mm, 3 on 58 mm), smaller if the text would not fit on one row.
int character_scale(kiosk::TicketLine::Size size, std::size_t length, const PrinterProfile& profile);

}  // namespace kiosk::platform
