// An implementation under test, spoken to with the JSON-lines protocol of
// docs/PROTOCOL.md: one request object per line in, one response per line out.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "conformance/lib/json_schema.h"

namespace tokcheck::conformance {

class Implementation {
 public:
  virtual ~Implementation() = default;
  virtual std::string name() const = 0;
  // Returns the response, or nullopt when the implementation crashed, timed
  // out or wrote something that is not a JSON object (`failure` says which).
  virtual std::optional<Json> handle(const Json& request, std::string& failure) = 0;
};

// tokcheck's own reference, in process.
std::unique_ptr<Implementation> make_reference_implementation();

// Another program: `command` is run with /bin/sh -c, fed requests on stdin and
// read on stdout; each request has `timeout` to be answered. A crashed process
// is restarted for the next request.
std::unique_ptr<Implementation> make_process_implementation(std::string command,
                                                            std::chrono::milliseconds timeout);

// The response the reference gives to one request (also what `tokcheck serve`
// would print): the protocol's contract in executable form.
Json reference_response(const Json& request);

}  // namespace tokcheck::conformance
