// BM_<Scheme>_TwoThreadScaling: verify throughput on two threads over one thread
// (issue 13 asks ≥ 1.9×), each thread with its own Verifier, the two counts taken
// in alternating slices of ~10 ms inside one benchmark. Counters: `scaling` (the
// median of the per-pair ratios), `scaling_min`, `scaling_max`, `control_scaling`,
// `scaling_vs_control` (below), `pairs`, `calls_per_slice`; scripts/bench.sh's
// 2-thread column reads `scaling` and `control_scaling`.
//
// Why alternate: this replaced BM_<Scheme>_VerifyThreads/threads:1 and :2, two
// Google Benchmark runs that the interleaved run placed anywhere in a repetition
// of ~50 benchmarks (~15 s). On the shared project host, whose speed moves over
// seconds, the two halves of a ratio then met different machines: the same code's
// scaling read 1.44–2.53× across runs, and above 2× (impossible on two cores)
// when the one-thread half ran in a slow moment. Here a one-thread slice and a
// two-thread slice are never more than ~10 ms apart, and each pair alternates
// which goes first.
//
// Both slices run on the same two worker threads (the one-thread slice on worker
// 0 while worker 1 waits), started once; the main thread only starts and waits.
//
// Alternating cannot give back a core the host took, or make a shared physical
// core whole: the two vCPUs of the project host may land on one core's two
// hardware threads, or share a core with another tenant, and then two threads
// run slower than one. So every pair of verify slices has a pair of control
// slices beside it, the same alternation of code that shares nothing and is not
// tokcheck's: zlib's CRC-32 of a 256-byte buffer of each thread's own (table
// lookups and integer work, which competes for a shared core the way verify's
// parsing does). `control_scaling` is the machine's own 2-thread scaling at the
// same moments, and `scaling_vs_control` the median per-pair ratio of the two:
// near 1 when verify scales as well as code that shares nothing can.
//
// (A first control, three SHA-256 blocks per call, read 1.91–2.03× in 53 of the
// 54 repetitions of a run where verify fell to 1.03–1.84× in 22 of them; our
// explanation: SHA-NI's rounds are a chain of dependent instructions, which two
// hardware threads of one core can interleave without slowing each other, so it
// could not see a shared core. This one fell with verify: UserSig 1.61× beside 1.64×,
// 1.80× beside 1.68×, 2026-12-07.)
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstddef>
#include <thread>
#include <vector>

#include "bench/slices.h"
#include "bench/verify_ops.h"

namespace tokcheck::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kPairs = 12;
constexpr double kSliceSeconds = 0.010;

template <class Ops>
class TwoWorkers {
 public:
  TwoWorkers() {
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this, i] { work(i); });
  }
  ~TwoWorkers() {
    quit_ = true;
    start_.arrive_and_wait();
    for (std::thread& t : threads_) t.join();
  }
  TwoWorkers(const TwoWorkers&) = delete;
  TwoWorkers& operator=(const TwoWorkers&) = delete;

  enum class Work { kVerify, kControl };

  // Runs `calls` verifies (or control calls) on each of the first `threads`
  // workers; returns the wall seconds from the start signal until the last of
  // them is done.
  double slice(Work work, int threads, std::size_t calls) {
    work_ = work;  // published to the workers by the barrier
    active_ = threads;
    calls_ = calls;
    const auto t0 = Clock::now();
    start_.arrive_and_wait();
    done_.arrive_and_wait();
    return std::chrono::duration<double>(Clock::now() - t0).count();
  }
  bool every_answer_valid() const { return invalid_.load() == 0; }

 private:
  void work(int index) {
    auto verifier = Ops::make();
    const auto binding = Ops::binding();
    Bytef own[256] = {static_cast<Bytef>(index)};  // the control's data, this thread's own
    for (;;) {
      start_.arrive_and_wait();
      if (quit_) return;
      if (index < active_) {
        const std::size_t calls = calls_;
        if (work_ == Work::kVerify) {
          long invalid = 0;
          for (std::size_t i = 0; i < calls; ++i) {
            if (!Ops::verify(verifier, binding).valid()) ++invalid;
          }
          if (invalid != 0) invalid_.fetch_add(invalid);
        } else {
          for (std::size_t i = 0; i < calls; ++i) {
            benchmark::DoNotOptimize(crc32(0, own, sizeof own));
          }
        }
      }
      done_.arrive_and_wait();
    }
  }

  std::barrier<> start_{3};  // the main thread and both workers
  std::barrier<> done_{3};
  bool quit_ = false;  // written before a start phase, read after it
  Work work_ = Work::kVerify;
  int active_ = 0;
  std::size_t calls_ = 0;
  std::atomic<long> invalid_{0};
  std::vector<std::thread> threads_;
};

// One pair: a one-thread and a two-thread slice of `work`, in the order `pair`
// says; returns the throughput ratio (2 × calls in the two-thread slice's wall
// time against calls in the one-thread slice's).
template <class Ops>
double scaling_pair(TwoWorkers<Ops>& workers, typename TwoWorkers<Ops>::Work work,
                    std::size_t calls, int pair, double& seconds) {
  const auto [one, two] = in_turn(
      pair, [&] { return workers.slice(work, 1, calls); },
      [&] { return workers.slice(work, 2, calls); });
  seconds += one + two;
  return 2.0 * one / two;
}

template <class Ops>
void two_thread_scaling(benchmark::State& state) {
  using Work = typename TwoWorkers<Ops>::Work;
  // The fixture is built on first use (bench/fixtures.h); built by a worker, its
  // token's bytes came from that worker's heap, next to the scratch buffer the
  // worker's Verifier writes on every call, and the other worker's reads of the
  // token then shared a cache line with those writes: Volcengine "scaled" 1.22×
  // (both threads on CPU, each slower) when this benchmark ran first in the
  // process, 2.00× with the token copied per thread. So the main thread builds it.
  {
    auto verifier = Ops::make();
    if (!Ops::verify(verifier, Ops::binding()).valid()) {
      state.SkipWithError("token not valid");
      return;
    }
  }
  TwoWorkers<Ops> workers;
  // Calls per thread for a one-thread slice of about kSliceSeconds.
  const std::size_t verify_calls = calls_for_slice(
      [&](std::size_t n) { return workers.slice(Work::kVerify, 1, n); }, kSliceSeconds);
  const std::size_t control_calls = calls_for_slice(
      [&](std::size_t n) { return workers.slice(Work::kControl, 1, n); }, kSliceSeconds);
  std::vector<double> scaling, control, relative;
  for (auto _ : state) {
    double seconds = 0;
    for (int pair = 0; pair < kPairs; ++pair) {
      // Verify's pair and the control's, the control first in every other pair.
      const auto [v, c] = in_turn(
          pair, [&] { return scaling_pair(workers, Work::kVerify, verify_calls, pair, seconds); },
          [&] { return scaling_pair(workers, Work::kControl, control_calls, pair, seconds); });
      scaling.push_back(v);
      control.push_back(c);
      relative.push_back(v / c);
    }
    state.SetIterationTime(seconds);
  }
  if (!workers.every_answer_valid()) {
    state.SkipWithError("a verify did not answer valid");
    return;
  }
  state.counters["scaling"] = median_of(scaling);
  state.counters["scaling_min"] = *std::min_element(scaling.begin(), scaling.end());
  state.counters["scaling_max"] = *std::max_element(scaling.begin(), scaling.end());
  state.counters["control_scaling"] = median_of(control);
  state.counters["scaling_vs_control"] = median_of(relative);
  state.counters["pairs"] = static_cast<double>(scaling.size());
  state.counters["calls_per_slice"] = static_cast<double>(verify_calls);
}

#define TOKCHECK_TWO_THREAD_SCALING(Name, Ops)                                                   \
  void BM_##Name##_TwoThreadScaling(benchmark::State& state) { two_thread_scaling<Ops>(state); } \
  BENCHMARK(BM_##Name##_TwoThreadScaling)                                                        \
      ->Iterations(1)                                                                            \
      ->UseManualTime()                                                                          \
      ->Unit(benchmark::kMillisecond);

TOKCHECK_BENCH_EACH_SCHEME(TOKCHECK_TWO_THREAD_SCALING)

}  // namespace
}  // namespace tokcheck::bench
