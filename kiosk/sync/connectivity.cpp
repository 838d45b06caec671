#include "kiosk/sync/connectivity.h"

namespace kiosk {

bool Connectivity::use_online() const {
  std::lock_guard lock(mutex_);
  return state_ == State::online;
}

void Connectivity::record_success(MonoTime now) {
  std::lock_guard lock(mutex_);
  last_attempt_ = now;
  if (state_ == State::online) return;
  state_ = State::online;
  since_ = now;
}

void Connectivity::record_failure(MonoTime now, std::string_view why) {
  std::lock_guard lock(mutex_);
  last_attempt_ = now;
  last_error_ = why;
  if (state_ == State::offline) return;
  state_ = State::offline;
  since_ = now;
}

bool Connectivity::probe_due(MonoTime now) const {
  std::lock_guard lock(mutex_);
  return state_ == State::offline && now >= last_attempt_ + probe_interval_;
}

MonoTime Connectivity::next_probe() const {
  std::lock_guard lock(mutex_);
  return last_attempt_ + probe_interval_;
}

Connectivity::State Connectivity::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

MonoTime Connectivity::since() const {
  std::lock_guard lock(mutex_);
  return since_;
}

std::string Connectivity::last_error() const {
  std::lock_guard lock(mutex_);
  return last_error_;
}

std::string_view to_string(Connectivity::State state) {
  return state == Connectivity::State::online ? "online" : "offline";
}

}  // namespace kiosk
