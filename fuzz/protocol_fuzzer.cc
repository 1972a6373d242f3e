// The JSON-lines runner protocol (docs/PROTOCOL.md; conformance/lib/
// implementation.h, evaluate.h), both directions:
//  - server side: `tokcheck serve` answers any request line with
//    reference_response, which must never throw and always echo the request id;
//  - client side: the runner judges responses of untrusted implementations with
//    evaluate(), which must never throw, whatever the response holds.
// Input: one JSON object {"op", "scheme", "input", "expected", "result",
// "response"?}; seeds are every vector test (generated from vectors/). The case
// side is trusted by the runner only after the vector loader has validated it,
// so the line's case is wrapped into a one-test vector file and loaded first;
// only a case the loader accepts is judged (the reference's answer and the
// line's own "response").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"
#include "conformance/lib/vector_file.h"
#include "fuzz/common/embedded_schema.h"
#include "fuzz/common/fuzz_check.h"
#include "reference/schemes/json_output.h"

namespace conformance = tokcheck::conformance;
using conformance::Json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Json line = Json::parse(text.begin(), text.end(), nullptr, false);
  if (line.is_discarded()) return 0;

  // Server side: the line itself as a request.
  const Json answer = conformance::reference_response(line);
  TOKCHECK_FUZZ_CHECK(answer.is_object() && answer.contains("id"), "a response without an id");
  // What `serve` writes for it: one line of JSON, whatever bytes the request held.
  TOKCHECK_FUZZ_CHECK(
      !Json::parse(tokcheck::schemes::safe_dump(answer), nullptr, false).is_discarded(),
      "the response is not writable as JSON");
  if (!line.is_object()) return 0;

  // Client side: the line's case as a one-test vector file, loaded as the runner would.
  Json test = {
      {"tcId", 1}, {"comment", "protocol fuzz"}, {"flags", Json::array()}, {"source", "fuzz"}};
  for (const char* key : {"result", "input", "expected"}) {
    if (line.contains(key)) test[key] = line.at(key);
  }
  Json doc = {{"schema", "tokcheck_vectors_v1.schema.json"},
              {"scheme", line.contains("scheme") ? line.at("scheme") : Json("")},
              {"operation", line.contains("op") ? line.at("op") : Json("")},
              {"generator", "fuzz"},
              {"numberOfTests", 1},
              {"header", Json::array({"protocol fuzz"})},
              {"notes", Json::object()},
              {"tests", Json::array({test})}};
  // Built once and never modified (no state carries from one input to the next).
  static const conformance::JsonSchema schema(
      Json::parse(tokcheck::fuzz::embedded_vector_schema()));
  conformance::VectorFile file;
  if (!conformance::load_vector_file(doc.dump(-1, ' ', false, Json::error_handler_t::replace),
                                     schema, file)
           .empty()) {
    return 0;
  }
  const conformance::VectorCase& c = file.tests.at(0);
  const Json reference = conformance::reference_response(conformance::make_request(file, c));
  TOKCHECK_FUZZ_CHECK(
      !conformance::to_string(conformance::evaluate(file, c, reference, {}).status).empty(),
      "unnamed status");
  if (line.contains("response")) (void)conformance::evaluate(file, c, line.at("response"), {});
  return 0;
}
