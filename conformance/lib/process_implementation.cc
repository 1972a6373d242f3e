// Drives another implementation as a child process over JSON lines. The child
// is untrusted: it may crash, hang, print garbage or flood; each of those is a
// verdict for that request (CRASH / TIMEOUT / PROTOCOL_ERROR), never a crash or
// a hang of the runner. After any failure the process group is killed and the
// next request starts a fresh process, greeted with hello again, so that
// nothing left over from one case can be taken for the answer of another.
#include <cstring>

#include "conformance/lib/child_process.h"
#include "conformance/lib/implementation.h"
#include "conformance/lib/protocol.h"
#include "conformance/lib/stderr_capture.h"

namespace tokcheck::conformance {
namespace {

std::string shown(std::string_view bytes) {
  constexpr std::size_t kShown = 200;
  std::string out = escape_control_bytes(bytes.substr(0, kShown));
  if (bytes.size() > kShown) out += "... (" + std::to_string(bytes.size()) + " bytes)";
  return out;
}

class ProcessImplementation final : public Implementation {
 public:
  ProcessImplementation(std::string command, ProcessOptions options)
      : command_(std::move(command)),
        options_(options),
        child_(options.max_line, options.max_stderr) {}
  ~ProcessImplementation() override { child_.stop(); }

  std::string name() const override { return command_; }

  std::variant<Hello, Failure> hello() override {
    auto greeting = start_and_greet();
    child_.stderr_capture().take();  // hello's stderr belongs to no case
    if (const Failure* f = std::get_if<Failure>(&greeting)) {
      Failure failure = *f;
      append_exit(failure, child_.stop(ChildProcess::Stop::kNow));
      return failure;
    }
    protocol_ = std::get<Hello>(greeting).protocol;
    return greeting;
  }

  Exchange handle(const Json& request) override {
    const auto started = std::chrono::steady_clock::now();
    Exchange x;
    x.answer = roundtrip(request);
    if (Failure* f = std::get_if<Failure>(&x.answer)) {
      // Restarted for the next request, whatever went wrong: a process that
      // misbehaved once may have more stray output queued.
      append_exit(*f, child_.stop(ChildProcess::Stop::kNow));
    }
    x.stderr_excerpt = child_.stderr_capture().take();
    x.duration = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    return x;
  }

  std::string stop() override { return child_.stop(); }

 private:
  static void append_exit(Failure& f, const std::string& how) {
    if (!how.empty() && f.status != Status::kNotRun)
      f.message += " (the implementation " + how + ")";
  }

  // Starts the process and performs the hello exchange (protocol 0 rules for
  // the id, since the protocol is not known yet).
  std::variant<Hello, Failure> start_and_greet() {
    if (const std::string error = child_.start(command_); !error.empty())
      return Failure{Status::kCrash, "could not start: " + error};
    const Json request = make_hello_request();
    auto answer = send(request, /*protocol=*/0);
    if (const Failure* f = std::get_if<Failure>(&answer)) return *f;
    std::string warning;
    return read_hello(std::get<Json>(answer), warning);
  }

  // A fresh process after a failure or an exit: hello again (v1), so that it is
  // in the same protocol state as the one the run started with.
  std::optional<Failure> restart() {
    child_.stop(ChildProcess::Stop::kNow);
    if (protocol_ == 0) {
      if (const std::string error = child_.start(command_); !error.empty())
        return Failure{Status::kCrash, "could not restart: " + error};
      return std::nullopt;
    }
    auto greeting = start_and_greet();
    if (const Failure* f = std::get_if<Failure>(&greeting))
      return Failure{f->status, "after a restart, the hello failed: " + f->message};
    if (std::get<Hello>(greeting).protocol != protocol_)
      return Failure{Status::kProtocolError, "after a restart, the hello changed protocol"};
    return std::nullopt;
  }

  std::variant<Json, Failure> roundtrip(const Json& request) {
    if (!child_.alive()) {
      if (auto failure = restart()) return *failure;
    }
    // Output that arrived before the request was sent answers nothing: taking
    // it for this case's answer would shift every later answer.
    if (const std::string stray = child_.take_stray(); !stray.empty()) {
      return Failure{Status::kProtocolError,
                     "the implementation wrote output nobody asked for before this request "
                     "(a stray or duplicate line): " +
                         shown(stray)};
    }
    return send(request, protocol_);
  }

  std::variant<Json, Failure> send(const Json& request, int protocol) {
    const std::string line = request.dump() + "\n";
    const auto deadline = std::chrono::steady_clock::now() + options_.timeout;
    const ChildProcess::Result r = child_.transact(line, deadline);
    switch (r.outcome) {
      case ChildProcess::Outcome::kLine:
        return read_answer(request, r.text, protocol);
      case ChildProcess::Outcome::kTimeout:
        if (r.written < line.size()) {
          return Failure{Status::kTimeout, "the implementation did not read the request within " +
                                               std::to_string(options_.timeout.count()) + " ms (" +
                                               std::to_string(r.written) + " of " +
                                               std::to_string(line.size()) + " bytes taken)"};
        }
        return Failure{Status::kTimeout,
                       "no answer within " + std::to_string(options_.timeout.count()) + " ms"};
      case ChildProcess::Outcome::kLineTooLong:
        return Failure{Status::kProtocolError,
                       "an answer line longer than " + std::to_string(options_.max_line) +
                           " bytes (the protocol's limit): " + shown(r.text)};
      case ChildProcess::Outcome::kExited:
        if (!r.text.empty()) {
          return Failure{Status::kCrash,
                         "the implementation exited after a partial line: " + shown(r.text)};
        }
        return Failure{Status::kCrash, "the implementation exited without answering"};
      case ChildProcess::Outcome::kInterrupted:
        return Failure{Status::kNotRun, "interrupted while waiting for the implementation"};
    }
    return Failure{Status::kCrash, "unreachable"};
  }

  std::string command_;
  ProcessOptions options_;
  int protocol_ = 0;
  ChildProcess child_;
};

}  // namespace

std::unique_ptr<Implementation> make_process_implementation(std::string command,
                                                            ProcessOptions options) {
  return std::make_unique<ProcessImplementation>(std::move(command), options);
}

}  // namespace tokcheck::conformance
