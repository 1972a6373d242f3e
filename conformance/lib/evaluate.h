// Judging one response against one vector case. Statuses follow JSONTestSuite
// (SHOULD_HAVE_FAILED / SHOULD_HAVE_PASSED) and Autobahn (NON_STRICT: right
// accept/reject, wrong reason; WRONG_CODE: right condition, wrong vendor code).
#pragma once

#include <string>
#include <string_view>

#include "conformance/lib/vector_file.h"

namespace tokcheck::conformance {

enum class Status {
  kPass,              // exactly the expected outcome
  kAcceptable,        // an `acceptable` case answered differently from the reference
  kNonStrict,         // accepted/rejected correctly, but for a different reason
  kWrongCode,         // right condition, different vendor codes
  kShouldHaveFailed,  // accepted what must be rejected
  kShouldHavePassed,  // rejected what must be accepted
  kWrongOutput,       // built different bytes / parsed different fields / other outputs
  kUnsupported,       // the implementation says it does not implement this
  kUsageError,        // the implementation could not read the request
  kCrash,
  kTimeout,
  kProtocolError,
};
std::string_view to_string(Status s);

struct Policy {
  bool strict = false;  // NON_STRICT and WRONG_CODE fail the gate too
  bool allow_unsupported = false;
};
// Whether a status fails the gate under `policy`.
bool is_failure(Status s, const Policy& policy);

struct CaseResult {
  Status status = Status::kPass;
  std::string message;  // what differed, for people
};

CaseResult evaluate(const VectorFile& file, const VectorCase& c, const Json& response);
// For a response that never arrived ("CRASH: ...", "TIMEOUT: ...").
CaseResult failed_response(const std::string& failure);

// The protocol request for a case: {"id", "op", "scheme", "input"}.
Json make_request(const VectorFile& file, const VectorCase& c);

}  // namespace tokcheck::conformance
