#include "kiosk/scan/decode_schedule.h"

#include <utility>

namespace kiosk {
namespace {

using B = DecodeAttempt::Binarizer;

// Every second frame is the cheap default, so the median frame costs what a
// plain read does; the others cycle through what rescues hard codes.
std::vector<DecodeAttempt> default_attempts() {
  return {
      {B::local_average, false, false, false},
      {B::local_average, true, true, false},
      {B::local_average, false, false, false},
      {B::global_histogram, true, false, false},
      {B::local_average, false, false, false},
      {B::local_average, true, false, true},
      {B::local_average, false, false, false},
      {B::fixed_threshold, true, true, false},
  };
}

}  // namespace

DecodeSchedule::DecodeSchedule() : DecodeSchedule(default_attempts()) {}

DecodeSchedule::DecodeSchedule(std::vector<DecodeAttempt> attempts) : attempts_(std::move(attempts)) {
  if (attempts_.empty()) attempts_ = default_attempts();
}

}  // namespace kiosk
