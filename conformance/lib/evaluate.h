// Judging one response against one vector case. Statuses follow JSONTestSuite
// (SHOULD_HAVE_FAILED / SHOULD_HAVE_PASSED) and Autobahn (NON_STRICT: right
// accept/reject, wrong reason; WRONG_CODE: right condition, wrong vendor code).
#pragma once

#include <string>
#include <string_view>

#include "conformance/lib/status.h"
#include "conformance/lib/vector_file.h"

namespace tokcheck::conformance {

struct CaseResult {
  Status status = Status::kPass;
  std::string message;  // what differed, for people
};

// Judges a response. `declared` is whether the implementation declared the
// case's (scheme, operation): a declared pair answered `unsupported` fails.
CaseResult evaluate(const VectorFile& file, const VectorCase& c, const Json& response,
                    const Policy& policy);

// JSON equality by content: objects compare as sets of members, whatever their
// order (the protocol promises "same names, types and values"); arrays in order.
bool same_content(const Json& a, const Json& b);

// The protocol request for a case: {"id", "op", "scheme", "input"}.
Json make_request(const VectorFile& file, const VectorCase& c);

}  // namespace tokcheck::conformance
