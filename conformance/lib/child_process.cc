#include "conformance/lib/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "conformance/lib/interrupt.h"

namespace tokcheck::conformance {
namespace {

using std::chrono::milliseconds;

// Polls are cut into slices this long so that the exit of the first process
// is noticed even when a grandchild still holds its pipes open.
constexpr milliseconds kSlice{20};
// stop(): how long a child gets to exit after its stdin closes (at the end of a
// run, not after a failure), and after SIGTERM.
constexpr milliseconds kCloseGrace{1000};
constexpr milliseconds kTermGrace{200};
// SIGKILL cannot be ignored; this only bounds a process stuck in the kernel.
constexpr milliseconds kKillWait{2000};
constexpr std::size_t kChunk = 64 << 10;

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

bool set_nonblocking(int fd) {
  const int flags = fcntl(fd, F_GETFL);
  return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

// Orphans of the implementation (`sh -c 'sleep 1000 & exec impl'` once impl
// exits) are re-parented to the runner instead of init, so stop() can reap
// them and nothing of the implementation is left when it returns.
void become_subreaper() {
  static const bool done = [] {
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    // A closed pipe must be an error from write(), not a signal that kills the runner.
    std::signal(SIGPIPE, SIG_IGN);
    return true;
  }();
  (void)done;
}

std::string describe(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
  const int code = WEXITSTATUS(status);
  std::string how = "exited with status " + std::to_string(code);
  // The /bin/sh wrapper may not exec the command; a shell reports a command
  // killed by signal N as status 128+N.
  if (code > 128 && code < 128 + NSIG) {
    how += ", a shell's way to say killed by signal " + std::to_string(code - 128) + " (" +
           strsignal(code - 128) + ")";
  }
  return how;
}

}  // namespace

ChildProcess::ChildProcess(std::size_t max_line, std::size_t max_stderr)
    : max_line_(max_line), stderr_(max_stderr) {}

ChildProcess::~ChildProcess() { stop(); }

std::string ChildProcess::start(const std::string& command) {
  become_subreaper();
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0) return std::strerror(errno);
  if (pipe2(out, O_CLOEXEC) != 0) {
    const int e = errno;
    close(in[0]), close(in[1]);
    return std::strerror(e);
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    const int e = errno;
    close(in[0]), close(in[1]), close(out[0]), close(out[1]);
    return std::strerror(e);
  }
  // Prepared before fork(): the child may only make async-signal-safe calls.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigset_t none;
  sigemptyset(&none);
  const char* cmd = command.c_str();
  const pid_t pid = fork();
  if (pid < 0) {
    const int e = errno;
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    return std::strerror(e);
  }
  if (pid == 0) {
    setpgid(0, 0);
    // Ignored signals stay ignored across exec; the runner ignores SIGPIPE.
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGQUIT}) sigaction(sig, &dfl, nullptr);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    dup2(in[0], STDIN_FILENO);  // dup2 clears O_CLOEXEC on the copies
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    execl("/bin/sh", "sh", "-c", cmd, static_cast<char*>(nullptr));
    _exit(127);
  }
  // Also in the parent, so the group exists before any kill(-pid) below.
  setpgid(pid, pid);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
  for (int fd : {in_, out_, err_}) set_nonblocking(fd);
  pid_ = pid;
  leader_reaped_ = false;
  leader_status_ = 0;
  out_buffer_.clear();
  return "";
}

bool ChildProcess::alive() {
  if (pid_ <= 0) return false;
  check_leader();
  return !leader_reaped_;
}

void ChildProcess::check_leader() {
  if (pid_ <= 0 || leader_reaped_) return;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    leader_reaped_ = true;
    leader_status_ = status;
  }
}

void ChildProcess::drain_stderr() {
  char chunk[kChunk];
  // Bounded per call so stdout and the deadline still get their turn.
  for (int i = 0; i < 16 && err_ >= 0; ++i) {
    const ssize_t n = read(err_, chunk, sizeof chunk);
    if (n > 0) {
      stderr_.append({chunk, static_cast<std::size_t>(n)});
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) close_fd(err_);
    return;
  }
}

bool ChildProcess::read_stdout() {
  char chunk[kChunk];
  for (;;) {
    const ssize_t n = read(out_, chunk, sizeof chunk);
    if (n > 0) {
      out_buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

ChildProcess::Result ChildProcess::transact(std::string_view request, Clock::time_point deadline) {
  Result r;
  bool writing = !request.empty() && in_ >= 0;
  bool out_open = out_ >= 0;
  for (;;) {
    if (const auto nl = out_buffer_.find('\n'); nl != std::string::npos && nl <= max_line_) {
      r.outcome = Outcome::kLine;
      r.text = out_buffer_.substr(0, nl);
      out_buffer_.erase(0, nl + 1);
      return r;
    }
    if (out_buffer_.size() > max_line_) {
      r.outcome = Outcome::kLineTooLong;
      r.text = out_buffer_.substr(0, 200);
      out_buffer_.clear();
      return r;
    }
    if (interrupt_signal() != 0) {
      r.outcome = Outcome::kInterrupted;
      return r;
    }
    check_leader();
    // Nobody is left to take the rest of the request once the first process exited.
    if (leader_reaped_) writing = false;
    const auto now = Clock::now();
    if (!out_open || leader_reaped_) {
      // After the first process exited only what is already in the pipe counts.
      pollfd p{out_, POLLIN, 0};
      if (out_open && poll(&p, 1, 0) > 0 && read_stdout()) continue;
      drain_stderr();
      r.outcome = Outcome::kExited;
      r.text = out_buffer_;
      out_buffer_.clear();
      return r;
    }
    if (now >= deadline) {
      r.outcome = Outcome::kTimeout;
      return r;
    }
    pollfd fds[3] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}, {writing ? in_ : -1, POLLOUT, 0}};
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - now) + milliseconds(1);
    const int rc = poll(fds, 3, static_cast<int>(std::min(left, kSlice).count()));
    if (rc < 0) {
      if (errno == EINTR) continue;  // the interrupt check above decides
      r.outcome = Outcome::kExited;
      return r;
    }
    if (fds[1].revents != 0) drain_stderr();
    if (fds[0].revents != 0 && !read_stdout()) out_open = false;
    if (writing && fds[2].revents != 0) {
      const ssize_t n = write(in_, request.data() + r.written, request.size() - r.written);
      if (n > 0) {
        r.written += static_cast<std::size_t>(n);
        writing = r.written < request.size();
      } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        writing = false;  // EPIPE: it closed stdin; what it wrote (or its exit) decides
      }
    }
  }
}

std::string ChildProcess::take_stray() {
  if (out_ >= 0) {
    while (out_buffer_.size() <= max_line_) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 0) <= 0 || !read_stdout() || (p.revents & POLLIN) == 0) break;
    }
  }
  drain_stderr();
  std::string stray;
  stray.swap(out_buffer_);
  return stray;
}

bool ChildProcess::wait_group_gone(milliseconds grace) {
  const auto until = Clock::now() + grace;
  for (;;) {
    // Reap every member that is ours: the first process, and orphans
    // re-parented to this subreaper.
    int status = 0;
    pid_t reaped;
    while ((reaped = waitpid(-pid_, &status, WNOHANG)) > 0) {
      if (reaped == pid_ && !leader_reaped_) {
        leader_reaped_ = true;
        leader_status_ = status;
      }
    }
    if (kill(-pid_, 0) != 0 && errno == ESRCH) return true;
    if (Clock::now() >= until) return false;
    drain_stderr();  // a last word on stderr ends up in the case's excerpt
    std::this_thread::sleep_for(milliseconds(2));
  }
}

std::string ChildProcess::stop(Stop how) {
  if (pid_ <= 0) return "";
  // EOF on stdin is how a well-behaved implementation learns to exit.
  close_fd(in_);
  if (!wait_group_gone(how == Stop::kPolite ? kCloseGrace : milliseconds(0))) {
    kill(-pid_, SIGTERM);
    if (!wait_group_gone(kTermGrace)) {
      kill(-pid_, SIGKILL);
      wait_group_gone(kKillWait);
    }
  }
  drain_stderr();
  close_fd(out_);
  close_fd(err_);
  check_leader();
  pid_ = -1;
  out_buffer_.clear();
  // Only a process stuck in the kernel survives SIGKILL for seconds; waiting
  // for it could hang the run.
  return leader_reaped_ ? describe(leader_status_) : "did not exit after SIGKILL";
}

}  // namespace tokcheck::conformance
