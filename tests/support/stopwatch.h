#pragma once
// Real elapsed time, for the benchmark programs only: they print figures and
// assert nothing. Tests never time anything; they advance a FakeClock.
#include <chrono>

namespace kiosk::test {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  void restart() { start_ = std::chrono::steady_clock::now(); }
  double elapsed_ms() const { return elapsed<std::milli>(); }
  double elapsed_us() const { return elapsed<std::micro>(); }
  double elapsed_s() const { return elapsed<std::ratio<1>>(); }

 private:
  template <class Unit>
  double elapsed() const {
    return std::chrono::duration<double, Unit>(std::chrono::steady_clock::now() - start_).count();
  }
  std::chrono::steady_clock::time_point start_;
};

}  // namespace kiosk::test
