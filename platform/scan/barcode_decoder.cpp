#include "platform/scan/barcode_decoder.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>

namespace kiosk::platform {
namespace {

ZXing::BarcodeFormats zxing_formats(unsigned formats) {
  static const std::pair<unsigned, ZXing::BarcodeFormat> table[] = {
      {kQrCode, ZXing::BarcodeFormat::QRCode},       {kCode128, ZXing::BarcodeFormat::Code128},
      {kPdf417, ZXing::BarcodeFormat::PDF417},       {kDataMatrix, ZXing::BarcodeFormat::DataMatrix},
      {kAztec, ZXing::BarcodeFormat::Aztec},
  };
  ZXing::BarcodeFormats out;
  for (auto [bit, format] : table)
    if (formats & bit) out |= format;
  return out;
}

ZXing::Binarizer zxing_binarizer(DecodeAttempt::Binarizer b) {
  switch (b) {
    case DecodeAttempt::Binarizer::global_histogram: return ZXing::Binarizer::GlobalHistogram;
    case DecodeAttempt::Binarizer::fixed_threshold: return ZXing::Binarizer::FixedThreshold;
    case DecodeAttempt::Binarizer::local_average: break;
  }
  return ZXing::Binarizer::LocalAverage;
}

ZXing::ImageView crop(const ZXing::ImageView& image, const std::optional<RegionOfInterest>& roi) {
  if (!roi) return image;
  auto w = image.width(), h = image.height();
  return image.cropped(static_cast<int>(roi->left * w), static_cast<int>(roi->top * h),
                       std::max(1, static_cast<int>(roi->width * w)), std::max(1, static_cast<int>(roi->height * h)));
}

// Light codes on dark screens: ZXing 1.4 has no inversion hint, so the
// frame is inverted into a reused buffer (the only copy the decoder makes).
ZXing::ImageView inverted(const LumaView& frame, std::vector<std::uint8_t>& buffer) {
  buffer.resize(static_cast<std::size_t>(frame.width) * frame.height);
  for (int y = 0; y < frame.height; ++y)
    for (int x = 0; x < frame.width; ++x) buffer[y * frame.width + x] = 255 - frame.at(x, y);
  return {buffer.data(), frame.width, frame.height, ZXing::ImageFormat::Lum};
}

ScanFeedback feedback_of(const ZXing::Result& result, const ZXing::ImageView& image, const LumaView& frame) {
  ScanFeedback feedback;
  feedback.state = result.isValid() ? ScanFeedback::State::decoded : ScanFeedback::State::hold_still;
  // Positions are relative to the (cropped) view; add the crop's offset back.
  auto offset = image.data(0, 0) - frame.data;
  int dx = static_cast<int>((offset % frame.row_stride) / frame.pixel_stride);
  int dy = static_cast<int>(offset / frame.row_stride);
  const auto& p = result.position();
  for (int i = 0; i < 4; ++i) feedback.corners[i] = {p[i].x + dx, p[i].y + dy};
  feedback.frame_width = frame.width;
  feedback.frame_height = frame.height;
  return feedback;
}

}  // namespace

BarcodeDecoder::BarcodeDecoder(unsigned formats, std::optional<RegionOfInterest> roi, DecodeSchedule schedule)
    : formats_(formats), roi_(roi), schedule_(std::move(schedule)) {}

DecodedFrame BarcodeDecoder::decode(const LumaView& frame, std::uint64_t frame_index) {
  return decode_with(frame, schedule_.attempt_for(frame_index));
}

DecodedFrame BarcodeDecoder::decode_with(const LumaView& frame, const DecodeAttempt& attempt) {
  DecodedFrame out;
  if (frame.empty()) return out;
  ZXing::DecodeHints hints;
  hints.setFormats(zxing_formats(formats_));
  hints.setTryHarder(attempt.try_harder);
  hints.setTryRotate(attempt.try_rotate);
  hints.setBinarizer(zxing_binarizer(attempt.binarizer));
  hints.setReturnErrors(true);  // a symbol seen but not read means "hold still"
  ZXing::ImageView whole(frame.data, frame.width, frame.height, ZXing::ImageFormat::Lum, frame.row_stride,
                         frame.pixel_stride);
  LumaView source = frame;
  if (attempt.invert) {
    whole = inverted(frame, inverted_);
    source = {inverted_.data(), frame.width, frame.height, frame.width, 1, frame.captured};
  }
  auto image = crop(whole, roi_);
  // One symbol per frame: an applicant shows one code. (ReadBarcodes, the
  // multi-symbol call, trips an assertion in Debian's ZXing 1.4 when a
  // linear code is found on several lines: Result::operator==, lineCount.)
  auto result = ZXing::ReadBarcode(image, hints);
  if (result.format() == ZXing::BarcodeFormat::None) return out;
  if (result.isValid()) out.texts.push_back(result.text());
  out.feedback = feedback_of(result, image, source);
  return out;
}

}  // namespace kiosk::platform
