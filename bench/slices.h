// What the benchmarks that time two sides in alternating slices share
// (ratio_bench.cc: verify and floor; scaling_bench.cc: one thread and two).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace tokcheck::bench {

inline double median_of(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

// How many calls fill a slice of about `target` seconds, where `seconds_for(n)`
// times n calls: grows n by 4× until a slice takes at least half the target,
// then scales it to the target.
template <class SecondsFor>
std::size_t calls_for_slice(SecondsFor seconds_for, double target) {
  std::size_t calls = 16;
  for (;;) {
    const double s = seconds_for(calls);
    if (s >= target / 2) {
      return std::max<std::size_t>(
          1, static_cast<std::size_t>(static_cast<double>(calls) * target / s));
    }
    calls *= 4;
  }
}

// One pair: runs `a` and `b` once each, `a` first when `pair` is even and `b`
// first when it is odd, so a drift of the machine's speed does not always favour
// one side; returns {a's result, b's result}.
template <class A, class B>
auto in_turn(int pair, A a, B b) -> std::pair<decltype(a()), decltype(b())> {
  if (pair % 2 == 0) {
    auto first = a();
    return {first, b()};
  }
  auto first = b();
  return {a(), first};
}

}  // namespace tokcheck::bench
