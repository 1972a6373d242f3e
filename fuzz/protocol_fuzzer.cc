// The JSON-lines runner protocol (docs/PROTOCOL.md; conformance/lib/
// implementation.h, evaluate.h), both directions:
//  - server side: `tokcheck serve` answers any request line with
//    reference_response, which must never throw and always echo the request id;
//  - client side: the runner judges responses from untrusted implementations with
//    evaluate(), which must never throw, whatever the response holds.
// Input: one JSON object {"op", "scheme", "input", "expected", "result",
// "response"?}; seeds are every vector test (generated from vectors/).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"
#include "fuzz/common/fuzz_check.h"

namespace conformance = tokcheck::conformance;
using conformance::Json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Json line = Json::parse(text.begin(), text.end(), nullptr, false);
  if (line.is_discarded()) return 0;

  // Server side: the line itself as a request.
  const Json answer = conformance::reference_response(line);
  TOKCHECK_FUZZ_CHECK(answer.is_object() && answer.contains("id"), "a response without an id");
  if (!line.is_object()) return 0;

  // Client side: the line as a case, judged against the reference's answer and
  // against the response the line carries.
  conformance::VectorFile file;
  file.path = "fuzz/protocol.json";
  file.scheme = line.value("scheme", Json("")).is_string() ? line.value("scheme", "") : "";
  file.operation = line.value("op", Json("")).is_string() ? line.value("op", "") : "";
  conformance::VectorCase c;
  c.tc_id = 1;
  c.result = line.value("result", Json("")).is_string() ? line.value("result", "") : "";
  if (line.contains("input")) c.input = line["input"];
  if (line.contains("expected")) c.expected = line["expected"];
  const Json request = conformance::make_request(file, c);
  const Json reference = conformance::reference_response(request);
  TOKCHECK_FUZZ_CHECK(
      !conformance::to_string(conformance::evaluate(file, c, reference).status).empty(),
      "unnamed status");
  if (line.contains("response")) {
    (void)conformance::evaluate(file, c, line["response"]);
  }
  return 0;
}
