#!/bin/sh
# Tests never sleep or read real time: they advance a FakeClock. Only
# tests/support (the fake clock and waiter, the benchmarks' stopwatch, the
# e2e tests' system_time.h and poll.h, and this file) may name the calls below.
# Usage: no_real_time.sh GIT SOURCE_DIR; exits 0 when no test does.
# git grep exits 1 when it finds nothing: that, and only that, is the pass.
"$1" -C "$2" grep -nE 'sleep_for|usleep[(]|steady_clock::now|system_clock::now' -- tests ':!tests/support'
test $? -eq 1
