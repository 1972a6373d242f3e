// Drives another implementation as a child process over JSON lines. The child
// is untrusted: it may crash, hang, print garbage or flood; each of those is a
// verdict for that request (CRASH / TIMEOUT / PROTOCOL_ERROR), never a crash of
// the runner.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "conformance/lib/implementation.h"
#include "conformance/lib/protocol.h"

namespace tokcheck::conformance {
namespace {

class ProcessImplementation final : public Implementation {
 public:
  ProcessImplementation(std::string command, ProcessOptions options)
      : command_(std::move(command)), options_(options) {
    signal(SIGPIPE, SIG_IGN);
  }
  ~ProcessImplementation() override { stop(); }

  std::string name() const override { return command_; }

  std::variant<Hello, Failure> hello() override {
    const Json request = make_hello_request();
    Exchange x = exchange(request, /*protocol=*/0);
    if (const Failure* f = x.failure()) return *f;
    std::string warning;
    auto hello = read_hello(*x.response(), warning);
    if (auto* h = std::get_if<Hello>(&hello)) protocol_ = h->protocol;
    return hello;
  }

  Exchange handle(const Json& request) override { return exchange(request, protocol_); }

  std::string stop() override {
    if (in_ >= 0) close(in_);
    if (out_ >= 0) close(out_);
    in_ = out_ = -1;
    std::string how;
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
      how = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                : "exited with status " + std::to_string(WEXITSTATUS(status));
    }
    pid_ = -1;
    return how;
  }

 private:
  enum class ReadStatus { kLine, kTimeout, kClosed };

  bool start() {
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0) return false;
    if (pipe(from_child) != 0) {
      close(to_child[0]);
      close(to_child[1]);
      return false;
    }
    pid_ = fork();
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      dup2(to_child[0], STDIN_FILENO);
      dup2(from_child[1], STDOUT_FILENO);
      close(to_child[0]);
      close(to_child[1]);
      close(from_child[0]);
      close(from_child[1]);
      execl("/bin/sh", "sh", "-c", command_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
    buffer_.clear();
    return true;
  }

  Exchange exchange(const Json& request, int protocol) {
    const auto started = std::chrono::steady_clock::now();
    Exchange x;
    x.answer = roundtrip(request, protocol);
    x.duration = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    if (x.failure()) stop();  // restarted for the next request, whatever went wrong
    return x;
  }

  std::variant<Json, Failure> roundtrip(const Json& request, int protocol) {
    if (pid_ <= 0 && !start())
      return Failure{Status::kCrash, "could not start: " + std::string(std::strerror(errno))};
    if (!write_all(request.dump() + "\n"))
      return Failure{Status::kCrash, "the implementation closed its input"};
    std::string reply;
    const auto status = read_line(reply);
    if (status == ReadStatus::kTimeout)
      return Failure{Status::kTimeout,
                     "no answer within " + std::to_string(options_.timeout.count()) + " ms"};
    if (status != ReadStatus::kLine) return Failure{Status::kCrash, "the implementation exited"};
    return read_answer(request, reply, protocol);
  }

  bool write_all(const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = write(in_, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  ReadStatus read_line(std::string& line) {
    const auto deadline = std::chrono::steady_clock::now() + options_.timeout;
    for (;;) {
      if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
        line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return ReadStatus::kLine;
      }
      if (buffer_.size() > options_.max_line) return ReadStatus::kClosed;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return ReadStatus::kTimeout;
      pollfd p{out_, POLLIN, 0};
      const int rc = poll(&p, 1, static_cast<int>(left.count()));
      if (rc == 0) return ReadStatus::kTimeout;
      if (rc < 0) {
        if (errno == EINTR) continue;
        return ReadStatus::kClosed;
      }
      char chunk[65536];
      const ssize_t n = read(out_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ReadStatus::kClosed;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  std::string command_;
  ProcessOptions options_;
  int protocol_ = 0;
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<Implementation> make_process_implementation(std::string command,
                                                            ProcessOptions options) {
  return std::make_unique<ProcessImplementation>(std::move(command), options);
}

}  // namespace tokcheck::conformance
