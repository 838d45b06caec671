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

ZXing::DecodeHints hints_for(unsigned formats, const DecodeAttempt& attempt) {
  ZXing::DecodeHints hints;
  hints.setFormats(zxing_formats(formats));
  hints.setTryHarder(attempt.try_harder);
  hints.setTryRotate(attempt.try_rotate);
  hints.setBinarizer(zxing_binarizer(attempt.binarizer));
  hints.setReturnErrors(true);  // a symbol seen but not read means "hold still"
  return hints;
}

// What ZXing reads in a contiguous view (a derived image), all of it.
std::vector<std::string> zxing_texts(const LumaView& view, unsigned formats, const DecodeAttempt& attempt) {
  if (view.empty()) return {};
  ZXing::ImageView image(view.data, view.width, view.height, ZXing::ImageFormat::Lum, view.row_stride,
                         view.pixel_stride);
  auto result = ZXing::ReadBarcode(image, hints_for(formats, attempt));
  if (!result.isValid()) return {};
  return {result.text()};
}

// The region of interest as a view of the same pixels.
LumaView region_of(const LumaView& frame, const std::optional<RegionOfInterest>& roi) {
  if (!roi) return frame;
  int left = static_cast<int>(roi->left * frame.width), top = static_cast<int>(roi->top * frame.height);
  LumaView view = frame;
  view.data = frame.data + top * frame.row_stride + left * frame.pixel_stride;
  view.width = std::max(1, static_cast<int>(roi->width * frame.width));
  view.height = std::max(1, static_cast<int>(roi->height * frame.height));
  return view;
}

ScanFeedback box_feedback(ScanFeedback::State state, const PixelBox& box, const LumaView& region,
                          const LumaView& frame) {
  ScanFeedback feedback;
  feedback.state = state;
  auto offset = region.data - frame.data;
  int dx = static_cast<int>((offset % frame.row_stride) / frame.pixel_stride);
  int dy = static_cast<int>(offset / frame.row_stride);
  feedback.corners = {ScanPoint{box.left + dx, box.top + dy}, ScanPoint{box.right + dx, box.top + dy},
                      ScanPoint{box.right + dx, box.bottom + dy}, ScanPoint{box.left + dx, box.bottom + dy}};
  feedback.frame_width = frame.width;
  feedback.frame_height = frame.height;
  return feedback;
}

void add_reads(std::vector<std::string>& reads, const std::vector<std::string>& more) {
  reads.insert(reads.end(), more.begin(), more.end());
}

}  // namespace

BarcodeDecoder::BarcodeDecoder(unsigned formats, std::optional<RegionOfInterest> roi, DecodeSchedule schedule)
    : formats_(formats), roi_(roi), schedule_(std::move(schedule)), zbar_(formats) {}

// ZXing first, with the schedule's attempt for this frame. When it reads
// nothing, a second look (zbar, and for glare the frame with its contrast
// normalised and at half size) on the frames where it can help: a symbol
// seen but not read, glare over a candidate symbol, or once per cycle.
DecodedFrame BarcodeDecoder::decode(const LumaView& frame, std::uint64_t frame_index) {
  const auto& attempt = schedule_.attempt_for(frame_index);
  auto first = decode_with(frame, attempt);
  // An inverted attempt that read nothing was a guess at a dark-mode screen;
  // the second look reads the frame as it is, which the next frames do anyway.
  if (!first.texts.empty() || frame.empty() || attempt.invert) return first;
  auto glare = find_glare(region_of(frame, roi_));
  bool seen = first.feedback.state == ScanFeedback::State::hold_still;
  if (!glare && !seen && frame_index % kSecondLookEvery != 0) return first;
  return second_look(frame, glare, std::move(first));
}

// Zero wrong reads: the texts of every look must agree. Two decoders that
// read the same frame differently mean one of them is wrong, and nobody can
// tell which: the frame is no read.
DecodedFrame BarcodeDecoder::second_look(const LumaView& frame, const std::optional<PixelBox>& glare,
                                         DecodedFrame first) {
  auto region = region_of(frame, roi_);
  std::vector<std::string> reads = zbar_.read(region);
  if (glare) read_glare_region(region, *glare, reads);
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  if (reads.size() == 1) {
    first.texts = reads;
    if (glare) first.feedback = box_feedback(ScanFeedback::State::decoded, *glare, region, frame);
    else first.feedback.state = ScanFeedback::State::decoded;
    first.feedback.frame_width = frame.width;
    first.feedback.frame_height = frame.height;
    return first;
  }
  // Glare over a symbol that nothing read: "hold still" on the screen, and
  // the camera's exposure steps down (exposure_policy.h).
  if (glare && first.feedback.state == ScanFeedback::State::nothing)
    first.feedback = box_feedback(ScanFeedback::State::hold_still, *glare, region, frame);
  return first;
}

void BarcodeDecoder::read_glare_region(const LumaView& region, const PixelBox& glare, std::vector<std::string>& reads) {
  auto flat = normalise_contrast(region, std::max(8, std::min(region.width, region.height) / 24), flat_);
  DecodeAttempt local;  // the local-average binariser, cheap hints
  add_reads(reads, zxing_texts(flat, formats_, local));
  add_reads(reads, zbar_.read(flat));
  if (glare.width() >= 64 && glare.height() >= 64)
    add_reads(reads, zxing_texts(half_scale(flat, glare, half_), formats_, local));
}

DecodedFrame BarcodeDecoder::decode_with(const LumaView& frame, const DecodeAttempt& attempt) {
  DecodedFrame out;
  if (frame.empty()) return out;
  auto hints = hints_for(formats_, attempt);
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
