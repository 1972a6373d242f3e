// One untrusted child process spoken to in lines: spawned with /bin/sh -c in a
// process group of its own, driven with non-blocking pipes and poll() so that
// one deadline covers writing a request and reading its answer, and killed as
// a group and reaped so that nothing it started outlives it. Knows nothing of
// JSON: process_implementation.cc puts the protocol on top.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "conformance/lib/stderr_capture.h"

namespace tokcheck::conformance {

class ChildProcess {
 public:
  using Clock = std::chrono::steady_clock;

  enum class Outcome {
    kLine,         // a complete line arrived (in `text`, without the newline)
    kTimeout,      // the deadline passed first
    kLineTooLong,  // more than max_line bytes without a newline (`text`: the first bytes)
    kExited,       // stdout closed or the process exited (`text`: a partial line, if any)
    kInterrupted,  // SIGINT/SIGTERM reached the runner (interrupt.h)
  };
  struct Result {
    Outcome outcome = Outcome::kTimeout;
    std::string text;
    std::size_t written = 0;  // bytes of the request the child had taken
  };

  ChildProcess(std::size_t max_line, std::size_t max_stderr);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Starts `command`; returns "" or why it could not be started.
  std::string start(const std::string& command);
  // Started and its first process has not exited.
  bool alive();
  // Writes `request` and reads one line, both before `deadline`; stderr is
  // drained into stderr() all along, so a flood never blocks the child.
  Result transact(std::string_view request, Clock::time_point deadline);
  // Whatever the child wrote to stdout that nobody asked for (a duplicate
  // answer, a banner), read without waiting; "" when there is none.
  std::string take_stray();
  // Ends the process group: closes stdin, (kPolite: a grace to exit on its
  // own,) SIGTERM to the group, a short grace, SIGKILL to the group, then
  // reaps every member. Returns how the first process ended ("exited with
  // status 3", "killed by signal 9 (Killed)"), or "" when none was running.
  enum class Stop { kPolite, kNow };
  std::string stop(Stop how = Stop::kPolite);

  StderrCapture& stderr_capture() { return stderr_; }

 private:
  void drain_stderr();
  bool read_stdout();  // false at end of file
  void check_leader();
  bool wait_group_gone(std::chrono::milliseconds grace);

  std::size_t max_line_;
  StderrCapture stderr_;
  pid_t pid_ = -1;  // the first process; its id is also the group's id
  bool leader_reaped_ = false;
  int leader_status_ = 0;
  int in_ = -1;
  int out_ = -1;
  int err_ = -1;
  std::string out_buffer_;
};

}  // namespace tokcheck::conformance
