// Vector files are untrusted input to a runner (conformance/lib/vector_file.h:
// load_vector_file). The fuzz input is a vector file's text; seeds are slices of
// every vectors/*/*.json. Invariants:
//  - loading never throws or crashes, whatever the text;
//  - a file that loads cleanly honours the rules the loader promises: tcIds
//    unique, numberOfTests equal to the tests, results valid/invalid/acceptable,
//    every acceptable test flagged;
//  - every case of a clean file runs through the reference (reference_response)
//    and is judged (evaluate) without throwing.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"
#include "conformance/lib/vector_file.h"
#include "fuzz/common/embedded_schema.h"
#include "fuzz/common/fuzz_check.h"

namespace conformance = tokcheck::conformance;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Built once and never modified (no state carries from one input to the next).
  static const conformance::JsonSchema schema(
      conformance::Json::parse(tokcheck::fuzz::embedded_vector_schema()));
  const std::string text(reinterpret_cast<const char*>(data), size);
  conformance::VectorFile file;
  const auto errors = conformance::load_vector_file(text, schema, file);
  if (!errors.empty()) return 0;
  const conformance::Json doc = conformance::Json::parse(text);
  TOKCHECK_FUZZ_CHECK(doc.at("numberOfTests").get<std::size_t>() == file.tests.size(),
                      "numberOfTests differs from the tests loaded");
  std::set<int> ids;
  for (const conformance::VectorCase& c : file.tests) {
    TOKCHECK_FUZZ_CHECK(ids.insert(c.tc_id).second, "a tcId is repeated");
    TOKCHECK_FUZZ_CHECK(c.result == "valid" || c.result == "invalid" || c.result == "acceptable",
                        "a result outside valid/invalid/acceptable");
    TOKCHECK_FUZZ_CHECK(c.result != "acceptable" || !c.flags.empty(),
                        "an acceptable test without a flag");
    const conformance::Json response =
        conformance::reference_response(conformance::make_request(file, c));
    const conformance::CaseResult judged = conformance::evaluate(file, c, response, {});
    TOKCHECK_FUZZ_CHECK(!conformance::to_string(judged.status).empty(), "unnamed status");
  }
  return 0;
}
