// An implementation under test, spoken to with the JSON-lines protocol of
// docs/PROTOCOL.md. Version 1 starts with a `hello` exchange in which the
// implementation names itself and declares the (scheme, operation) pairs it
// supports; version 0 (deprecated) has no hello.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "conformance/lib/json_schema.h"
#include "conformance/lib/status.h"

namespace tokcheck::conformance {

inline constexpr int kProtocolVersion = 1;

// What the implementation said about itself.
struct Hello {
  int protocol = 0;  // 1, or 0 for a legacy implementation that does not know hello
  std::string name;
  std::string version;
  std::set<std::pair<std::string, std::string>> supports;  // (scheme id, operation name)
  Json raw;             // the hello response as received, for reports (null under v0)
  std::string warning;  // e.g. that protocol v0 is deprecated; shown in every report

  // Under v0 every pair counts as declared (the pre-v1 rules apply).
  bool declares(const std::string& scheme, const std::string& operation) const {
    return protocol == 0 || supports.count({scheme, operation}) > 0;
  }
};

// Why an exchange produced no usable response.
struct Failure {
  Status status = Status::kCrash;  // kCrash, kTimeout, kProtocolError or kNotRun
  std::string message;             // for people: what happened, with exit status or signal
};

// One request's outcome.
struct Exchange {
  std::variant<Json, Failure> answer;  // the response object, or why there is none
  std::string stderr_excerpt;  // what the implementation wrote to stderr meanwhile (bounded)
  std::chrono::microseconds duration{0};

  const Json* response() const { return std::get_if<Json>(&answer); }
  const Failure* failure() const { return std::get_if<Failure>(&answer); }
};

class Implementation {
 public:
  virtual ~Implementation() = default;
  // The command (or "tokcheck-reference"): how the run names it before hello.
  virtual std::string name() const = 0;
  // Starts the implementation if needed and performs the hello exchange (v1),
  // falling back to v0 when the implementation does not know hello. A failure
  // means it could not be started or answered hello with garbage.
  virtual std::variant<Hello, Failure> hello() = 0;
  // Sends one request, waits for its answer (deadline covers write and read).
  // The response's `id` has already been checked against the request's.
  virtual Exchange handle(const Json& request) = 0;
  // Stops the implementation (its whole process group) and reaps it. Returns
  // how it ended ("exited with status 0", "killed by signal 9"), or "" in-process.
  virtual std::string stop() { return ""; }
};

// tokcheck's own reference, in process.
std::unique_ptr<Implementation> make_reference_implementation();

struct ProcessOptions {
  std::chrono::milliseconds timeout{10000};  // per request: write + read
  std::size_t max_line = 1 << 20;            // longer answer lines are PROTOCOL_ERROR
  std::size_t max_stderr = 64 << 10;         // stderr kept per case
};

// Another program: `command` is run with /bin/sh -c in its own process group,
// fed requests on stdin and read on stdout. A crashed or misbehaving process is
// killed as a group, reaped and restarted for the next request.
std::unique_ptr<Implementation> make_process_implementation(std::string command,
                                                            ProcessOptions options);

// The response the reference gives to one request (also what `tokcheck serve`
// prints), hello included: the protocol's contract in executable form.
Json reference_response(const Json& request);

// The hello response of the reference: every (scheme, operation) it answers.
Json reference_hello();

}  // namespace tokcheck::conformance
