#pragma once
// Outcomes are values: an operation that can fail for reasons outside the
// program (disk full, corrupt file, bad input) returns Expected<T>, and the
// caller decides what the failure means. Exceptions stay for programming errors.
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Failure {
  std::string message;
};

template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(Failure failure) : state_(std::move(failure)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const std::string& error() const { return std::get<1>(state_).message; }

 private:
  std::variant<T, Failure> state_;
};

// For operations that return nothing but can fail.
struct Done {};
using Status = Expected<Done>;
inline Status ok_status() { return Done{}; }

}  // namespace kiosk
