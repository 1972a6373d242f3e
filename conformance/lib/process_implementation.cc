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

namespace tokcheck::conformance {
namespace {

constexpr std::size_t kMaxLine = 4 * 1024 * 1024;

class ProcessImplementation final : public Implementation {
 public:
  ProcessImplementation(std::string command, std::chrono::milliseconds timeout)
      : command_(std::move(command)), timeout_(timeout) {
    signal(SIGPIPE, SIG_IGN);
  }
  ~ProcessImplementation() override { stop(); }

  std::string name() const override { return command_; }

  std::optional<Json> handle(const Json& request, std::string& failure) override {
    if (pid_ <= 0 && !start()) {
      failure = "CRASH: could not start: " + std::string(std::strerror(errno));
      return std::nullopt;
    }
    const std::string line = request.dump() + "\n";
    if (!write_all(line)) {
      failure = "CRASH: the implementation closed its input";
      stop();
      return std::nullopt;
    }
    std::string reply;
    const auto status = read_line(reply);
    if (status != ReadStatus::kLine) {
      failure = status == ReadStatus::kTimeout
                    ? "TIMEOUT: no answer within " + std::to_string(timeout_.count()) + " ms"
                    : "CRASH: the implementation exited";
      stop();
      return std::nullopt;
    }
    Json response = Json::parse(reply, nullptr, false);
    if (response.is_discarded() || !response.is_object()) {
      failure = "PROTOCOL_ERROR: not a JSON object: " + reply.substr(0, 200);
      return std::nullopt;
    }
    return response;
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

  void stop() {
    if (in_ >= 0) close(in_);
    if (out_ >= 0) close(out_);
    in_ = out_ = -1;
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
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
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    for (;;) {
      if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
        line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return ReadStatus::kLine;
      }
      if (buffer_.size() > kMaxLine) return ReadStatus::kClosed;
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
  std::chrono::milliseconds timeout_;
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<Implementation> make_process_implementation(std::string command,
                                                            std::chrono::milliseconds timeout) {
  return std::make_unique<ProcessImplementation>(std::move(command), timeout);
}

}  // namespace tokcheck::conformance
