#include "platform/central_ref/faults.h"

namespace kiosk::central_ref {
namespace {

// Uses up one request of a counted fault; true when it applies to this one.
template <typename Spec>
bool consume(Spec& spec, bool armed) {
  if (!armed) return false;
  if (spec.count && --*spec.count <= 0) spec = Spec{};
  return true;
}

}  // namespace

void FaultInjector::set(FaultSpec fault) {
  std::lock_guard lock(mutex_);
  fault_ = fault;
  ++generation_;
  changed_.notify_all();
}

void FaultInjector::set_latency(LatencySpec latency) {
  std::lock_guard lock(mutex_);
  latency_ = latency;
}

void FaultInjector::clear() {
  std::lock_guard lock(mutex_);
  fault_ = FaultSpec{};
  latency_ = LatencySpec{};
  ++generation_;
  changed_.notify_all();
}

FaultPlan FaultInjector::next(std::string_view path) {
  std::lock_guard lock(mutex_);
  FaultPlan plan;
  auto delay = latency_.delay;
  if (consume(latency_, delay.count() > 0)) plan.delay = delay;
  auto fault = fault_;
  bool applies = fault.kind != FaultKind::none && path.find(fault.path_contains) != std::string_view::npos;
  if (consume(fault_, applies)) plan.fault = fault;
  return plan;
}

bool FaultInjector::delay(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  waiter_.wait_until(lock, changed_, clock_.monotonic() + delay, [&] { return shutting_down_; });
  return !shutting_down_;
}

bool FaultInjector::hold() {
  std::unique_lock lock(mutex_);
  ++held_;
  changed_.notify_all();
  auto generation = generation_;
  waiter_.wait_until(lock, changed_, clock_.monotonic() + hang_cap_,
                     [&] { return generation_ != generation || shutting_down_; });
  --held_;
  changed_.notify_all();
  return !shutting_down_;
}

void FaultInjector::shut_down() {
  std::lock_guard lock(mutex_);
  shutting_down_ = true;
  changed_.notify_all();
}

FaultInjector::Snapshot FaultInjector::snapshot() const {
  std::lock_guard lock(mutex_);
  return {latency_, fault_, held_};
}

bool FaultInjector::wait_until_held(int count, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return held_ >= count; });
}

}  // namespace kiosk::central_ref
