// The runner against a misbehaving implementation (conformance/testdata/
// misbehave.cc): every way an implementation can misbehave is a verdict for
// the case at hand, never a hang, a leak or a shifted answer.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "conformance/lib/implementation.h"
#include "conformance/lib/interrupt.h"
#include "conformance/lib/runner.h"

namespace tokcheck::conformance {
namespace {

using namespace std::chrono_literals;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

std::string fake(const std::string& args) { return std::string(TOKCHECK_MISBEHAVE) + " " + args; }

ProcessOptions options(std::chrono::milliseconds timeout = 5000ms) {
  return {timeout, 1 << 20, 4096};
}

Json request(const std::string& id, bool marked = false) {
  Json r = {{"id", id}, {"op", "parse"}, {"scheme", "agora-006"}, {"token", "x"}};
  if (marked) r["misbehave"] = true;
  return r;
}

std::unique_ptr<Implementation> greeted(const std::string& command, ProcessOptions o = options()) {
  auto impl = make_process_implementation(command, o);
  auto hello = impl->hello();
  if (const auto* f = std::get_if<Failure>(&hello)) ADD_FAILURE() << "hello: " << f->message;
  return impl;
}

// The answer's id, or "<STATUS>: message" when there is none.
std::string outcome(const Exchange& x) {
  if (const Failure* f = x.failure()) return std::string(to_string(f->status)) + ": " + f->message;
  return x.response()->value("id", std::string("(no id)"));
}

Status status(const Exchange& x) { return x.failure() ? x.failure()->status : Status::kPass; }

std::filesystem::path fresh_file(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("tokcheck-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove(path);
  return path;
}

std::vector<pid_t> pids_in(const std::filesystem::path& file) {
  std::vector<pid_t> pids;
  std::ifstream in(file);
  for (int pid; in >> pid;) pids.push_back(pid);
  return pids;
}

// Kills what a test found alive, so a failing run does not leave processes behind.
std::vector<pid_t> still_alive(const std::vector<pid_t>& pids) {
  std::vector<pid_t> alive;
  for (pid_t pid : pids) {
    if (kill(pid, 0) == 0 || errno != ESRCH) {
      alive.push_back(pid);
      kill(pid, SIGKILL);
    }
  }
  return alive;
}

TEST(ProcessImplementation, GarbageIsProtocolErrorAndTheRestartIsGreeted) {
  auto impl = greeted(fake("--mode garbage --only-marked"));
  const Exchange bad = impl->handle(request("r1", true));
  EXPECT_EQ(outcome(bad).rfind("PROTOCOL_ERROR: not a JSON object: this is not json", 0), 0u)
      << outcome(bad);
  // A fresh process, greeted with hello again (the fake exits 5 otherwise).
  EXPECT_EQ(outcome(impl->handle(request("r2"))), "r2");
}

TEST(ProcessImplementation, WrongIdIsProtocolError) {
  auto impl = greeted(fake("--mode wrong-id --only-marked"));
  const Exchange bad = impl->handle(request("r1", true));
  EXPECT_EQ(status(bad), Status::kProtocolError) << outcome(bad);
  EXPECT_NE(outcome(bad).find("is not the request's \"r1\""), std::string::npos) << outcome(bad);
  EXPECT_EQ(outcome(impl->handle(request("r2"))), "r2");
}

TEST(ProcessImplementation, DuplicateAnswersNeverShiftLaterAnswers) {
  auto impl = greeted(fake("--mode duplicate"));
  EXPECT_EQ(outcome(impl->handle(request("r1"))), "r1");
  // The second copy of r1's answer is not r2's answer...
  const Exchange second = impl->handle(request("r2"));
  EXPECT_EQ(status(second), Status::kProtocolError) << outcome(second);
  // ...and after the restart the answers are each request's own again.
  EXPECT_EQ(outcome(impl->handle(request("r3"))), "r3");
  EXPECT_EQ(status(impl->handle(request("r4"))), Status::kProtocolError);
}

TEST(ProcessImplementation, BannerLineFailsHello) {
  auto impl = make_process_implementation(fake("--mode banner"), options());
  const auto hello = impl->hello();
  ASSERT_TRUE(std::holds_alternative<Failure>(hello));
  EXPECT_EQ(std::get<Failure>(hello).status, Status::kProtocolError);
}

TEST(ProcessImplementation, NeverReadsABigRequestTimesOut) {
  auto impl = greeted(fake("--mode no-read"), options(500ms));
  Json big = request("big");
  big["token"] = std::string(256 << 10, 'a');  // far over a pipe's 64 KiB
  const auto started = std::chrono::steady_clock::now();
  const Exchange x = impl->handle(big);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(status(x), Status::kTimeout) << outcome(x);
  EXPECT_NE(outcome(x).find("did not read the request within 500 ms"), std::string::npos)
      << outcome(x);
  EXPECT_LT(took, 3s);
}

TEST(ProcessImplementation, NeverAnswersTimesOutAndIsKilled) {
  const auto pidfile = fresh_file("silent.pids");
  auto impl = greeted(fake("--mode silent --pidfile " + pidfile.string()), options(300ms));
  const auto started = std::chrono::steady_clock::now();
  const Exchange x = impl->handle(request("r1"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_EQ(outcome(x).rfind("TIMEOUT: no answer within 300 ms", 0), 0u) << outcome(x);
  // Killed by the group SIGTERM (it ignores its closed stdin while sleeping).
  EXPECT_NE(outcome(x).find("killed by signal 15"), std::string::npos) << outcome(x);
  EXPECT_EQ(pids_in(pidfile).size(), 1u);
  EXPECT_EQ(still_alive(pids_in(pidfile)), std::vector<pid_t>{});
}

TEST(ProcessImplementation, ExitsAtOnceSaysHowItEnded) {
  auto impl = make_process_implementation(fake("--mode exit-at-once"), options());
  const auto hello = impl->hello();
  ASSERT_TRUE(std::holds_alternative<Failure>(hello));
  const Failure& f = std::get<Failure>(hello);
  EXPECT_EQ(f.status, Status::kCrash);
  EXPECT_NE(f.message.find("exited with status 3"), std::string::npos) << f.message;
}

TEST(ProcessImplementation, CrashAfterNIsReportedWithItsSignalAndRestarted) {
  auto impl = greeted(fake("--mode crash --after 2"));
  EXPECT_EQ(outcome(impl->handle(request("r1"))), "r1");
  EXPECT_EQ(outcome(impl->handle(request("r2"))), "r2");
  const Exchange crash = impl->handle(request("r3"));
  EXPECT_EQ(status(crash), Status::kCrash);
  // Through /bin/sh (which may not exec the command) the signal arrives as status 128+9.
  EXPECT_NE(outcome(crash).find("killed by signal 9 (Killed)"), std::string::npos)
      << outcome(crash);
  EXPECT_NE(crash.stderr_excerpt.find("misbehave: request 3"), std::string::npos)
      << crash.stderr_excerpt;
  // Restarted and greeted again: the next two are answered.
  EXPECT_EQ(outcome(impl->handle(request("r4"))), "r4");
  EXPECT_EQ(outcome(impl->handle(request("r5"))), "r5");
  EXPECT_EQ(impl->stop(), "exited with status 0");
}

TEST(ProcessImplementation, HugeLineIsProtocolErrorNotCrash) {
  auto impl = greeted(fake("--mode huge-line --only-marked"));
  const Exchange x = impl->handle(request("r1", true));
  EXPECT_EQ(status(x), Status::kProtocolError) << outcome(x);
  EXPECT_NE(outcome(x).find("an answer line longer than 1048576 bytes"), std::string::npos)
      << outcome(x);
  EXPECT_EQ(outcome(impl->handle(request("r2"))), "r2");
}

TEST(ProcessImplementation, PartialLineThenExitIsCrashWithWhatArrived) {
  auto impl = greeted(fake("--mode partial-exit"));
  const Exchange x = impl->handle(request("r1"));
  EXPECT_EQ(status(x), Status::kCrash) << outcome(x);
  EXPECT_NE(outcome(x).find("partial line: {\"id\":\"r1\",\"resu"), std::string::npos)
      << outcome(x);
  EXPECT_NE(outcome(x).find("exited with status 4"), std::string::npos) << outcome(x);
}

long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST(ProcessImplementation, StderrFloodIsBoundedAndNeverBlocksTheChild) {
  // Reset the peak to the current RSS (Linux >= 4.0), so earlier tests in this
  // process do not count.
  std::ofstream("/proc/self/clear_refs") << "5";
  auto impl = greeted(fake("--mode stderr-flood --flood-mb 100 --only-marked"), options(60s));
  const Exchange x = impl->handle(request("r1", true));
  EXPECT_EQ(outcome(x), "r1");  // answered: 100 MB of stderr did not block it
  EXPECT_LE(x.stderr_excerpt.size(), 4096u + 64u);
  EXPECT_EQ(x.stderr_excerpt.rfind("misbehave: request 1\n", 0), 0u);
  // 100 MiB and the two short lines, less the 4096 bytes kept.
  EXPECT_NE(x.stderr_excerpt.find("\n[... 104853539 bytes dropped ...]\n"), std::string::npos)
      << x.stderr_excerpt.substr(0, 100);
  EXPECT_EQ(x.stderr_excerpt.substr(x.stderr_excerpt.size() - 14), "\nend of flood\n");
  // The next case has an excerpt of its own.
  EXPECT_EQ(impl->handle(request("r2")).stderr_excerpt, "misbehave: request 2\n");
  const long peak = peak_rss_kib();
  std::printf("runner peak RSS with a 100 MiB stderr flood: %ld KiB\n", peak);
  if (!kAsan) {
    EXPECT_GT(peak, 0);
    EXPECT_LT(peak, 32 << 10);
  }
}

TEST(ProcessImplementation, NothingOutlivesTheImplementation) {
  const auto pidfile = fresh_file("orphan.pids");
  // The reproducer: a background process of the wrapper shell, plus a
  // grandchild the implementation forks; both hold stdout open after it exits.
  auto impl = greeted("sleep 1000 & echo $! >> " + pidfile.string() + "; exec " +
                          fake("--mode orphan --pidfile " + pidfile.string()),
                      options(5000ms));
  const auto started = std::chrono::steady_clock::now();
  const Exchange x = impl->handle(request("r1"));
  // Its exit is noticed although its pipes are still open: not a 5 s timeout.
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_EQ(status(x), Status::kCrash) << outcome(x);
  EXPECT_NE(outcome(x).find("exited with status 7"), std::string::npos) << outcome(x);
  const auto pids = pids_in(pidfile);
  EXPECT_EQ(pids.size(), 3u);  // sleep, the implementation, its grandchild
  EXPECT_EQ(still_alive(pids), std::vector<pid_t>{});
}

TEST(ProcessImplementation, InterruptStopsTheWaitAtOnce) {
  auto impl = greeted(fake("--mode silent"), options(10s));
  std::thread interrupter([] {
    std::this_thread::sleep_for(200ms);
    set_interrupt_signal_for_testing(SIGINT);
  });
  const auto started = std::chrono::steady_clock::now();
  const Exchange x = impl->handle(request("r1"));
  interrupter.join();
  set_interrupt_signal_for_testing(0);
  EXPECT_EQ(status(x), Status::kNotRun) << outcome(x);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
}

VectorSet agora006_parse() {
  return load_vector_set(TOKCHECK_DEFAULT_VECTORS_DIR, {"agora-006"}, {"parse"});
}

TEST(ProcessImplementation, CrashLoopStopsTheRunFast) {
  auto impl = make_process_implementation(fake("--mode crash"), options());
  const VectorSet vectors = agora006_parse();
  RunOptions run;
  run.crash_loop_limit = 5;
  const auto started = std::chrono::steady_clock::now();
  const RunReport report = run_conformance(*impl, vectors, run);
  const auto took = std::chrono::steady_clock::now() - started;
  std::printf(
      "crash loop over %zu cases stopped after %lld ms\n", report.cases.size(),
      static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
  ASSERT_GT(report.cases.size(), 10u);
  for (std::size_t i = 0; i < report.cases.size(); ++i) {
    EXPECT_EQ(report.cases[i].status, i < 5 ? Status::kCrash : Status::kNotRun)
        << report.cases[i].id << ": " << report.cases[i].message;
  }
  EXPECT_EQ(report.executed, 5);
  EXPECT_NE(report.stop_reason.find("5 crashes or timeouts in a row"), std::string::npos);
  EXPECT_FALSE(report.ok());
  EXPECT_LT(took, 5s);
}

}  // namespace
}  // namespace tokcheck::conformance
