// The closed list of per-case statuses and the gate's rule over them. Names
// follow JSONTestSuite (SHOULD_HAVE_FAILED / SHOULD_HAVE_PASSED) and Autobahn
// (NON_STRICT: right accept/reject, another reason). Defined once here; the
// judge, the runner, every report format and docs/PROTOCOL.md use these names.
#pragma once

#include <optional>
#include <string_view>

namespace tokcheck::conformance {

#define TOKCHECK_STATUSES(X)                                                                 \
  X(kPass, "PASS", "exactly the expected outcome")                                           \
  X(kAcceptable, "ACCEPTABLE", "an acceptable case answered differently from the reference") \
  X(kNonStrict, "NON_STRICT",                                                                \
    "right accept/reject, another condition or malformation with the same vendor codes")     \
  X(kWrongCode, "WRONG_CODE",                                                                \
    "right accept/reject, but the end user would see different vendor error codes")          \
  X(kShouldHaveFailed, "SHOULD_HAVE_FAILED", "accepted what must be rejected")               \
  X(kShouldHavePassed, "SHOULD_HAVE_PASSED", "rejected what must be accepted")               \
  X(kWrongOutput, "WRONG_OUTPUT", "different token bytes, parse fields or scenario outputs") \
  X(kUnsupported, "UNSUPPORTED", "answered unsupported for a (scheme, op) it declared")      \
  X(kNotDeclared, "NOT_DECLARED", "not sent: the implementation did not declare this pair")  \
  X(kUsageError, "USAGE_ERROR", "the implementation could not read a valid request")         \
  X(kProtocolError, "PROTOCOL_ERROR", "an answer that breaks the protocol (id, JSON, size)") \
  X(kCrash, "CRASH", "the implementation exited or could not be started")                    \
  X(kTimeout, "TIMEOUT", "no complete answer within the deadline")                           \
  X(kNotRun, "NOT_RUN", "not run: the run stopped first (interrupt, --max-time, crash loop)")

enum class Status {
#define TOKCHECK_STATUS_ENUM(id, name, description) id,
  TOKCHECK_STATUSES(TOKCHECK_STATUS_ENUM)
#undef TOKCHECK_STATUS_ENUM
};

std::string_view to_string(Status s);
std::string_view describe(Status s);
std::optional<Status> status_from_string(std::string_view name);

// How strictly the gate judges. Defaults are the CI gate's: anything the end
// user would notice (a different vendor code included) fails.
struct Policy {
  bool strict = false;             // NON_STRICT fails too
  bool lenient = false;            // WRONG_CODE does not fail (the pre-v1 rule)
  bool strict_acceptable = false;  // acceptable cases are judged like valid/invalid ones
  bool allow_unsupported = false;  // protocol v0 only: UNSUPPORTED is skipped, not failed
};

// Whether a status fails the gate under `policy`. NOT_DECLARED never does (the
// zero-cases rule in the runner stops a run that tested nothing); NOT_RUN always does.
bool is_failure(Status s, const Policy& policy);
// Statuses that count as "skipped" rather than passed in the summary.
bool is_skip(Status s, const Policy& policy);

}  // namespace tokcheck::conformance
