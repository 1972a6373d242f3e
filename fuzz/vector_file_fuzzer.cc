// Vector files are untrusted input to a runner (conformance/lib/vector_file.h:
// load_vector_file). The fuzz input is a vector file's text; seeds are slices of
// every vectors/*/*.json. Invariants:
//  - loading never throws or crashes, whatever the text;
//  - a file that loads cleanly honours the rules the loader promises: tcIds
//    unique, numberOfTests equal to the tests, results valid/invalid/acceptable,
//    every acceptable test flagged;
//  - every case of a clean file runs through the reference (reference_response)
//    and is judged (evaluate) without throwing;
//  - reading the file a case at a time (read_vector_file, Delivery::kAsRead, what
//    `tokcheck conformance` does) gives the same errors, hands cases on only
//    between one begin_file and one end_file, and says the file loaded exactly
//    when there are no errors, with every case handed on, in order.
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"
#include "conformance/lib/vector_file.h"
#include "conformance/lib/vector_file_reader.h"
#include "fuzz/common/embedded_schema.h"
#include "fuzz/common/fuzz_check.h"

namespace conformance = tokcheck::conformance;

namespace {

// Checks the order of what the streaming reader tells its sink.
class OrderCheck : public conformance::VectorCaseSink {
 public:
  void begin_file(const conformance::VectorFile&) override {
    TOKCHECK_FUZZ_CHECK(!begun && !ended, "begin_file twice, or after end_file");
    begun = true;
  }
  void take_case(const conformance::VectorFile&, conformance::VectorCase& c) override {
    TOKCHECK_FUZZ_CHECK(begun && !ended, "a case outside begin_file/end_file");
    ids.push_back(c.tc_id);
  }
  void end_file(const conformance::VectorFile&, bool was_loaded) override {
    TOKCHECK_FUZZ_CHECK(begun && !ended, "end_file without begin_file, or twice");
    ended = true;
    loaded = was_loaded;
  }
  bool begun = false;
  bool ended = false;
  bool loaded = false;
  std::vector<int> ids;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Built once and never modified (no state carries from one input to the next).
  static const conformance::JsonSchema schema(
      conformance::Json::parse(tokcheck::fuzz::embedded_vector_schema()));
  const std::string text(reinterpret_cast<const char*>(data), size);
  conformance::VectorFile file;
  const auto errors = conformance::load_vector_file(text, schema, file);
  std::stringbuf streamed_text(text);
  OrderCheck sink;
  const auto streamed_errors = conformance::read_vector_file(streamed_text, "f", schema, sink,
                                                             conformance::Delivery::kAsRead);
  TOKCHECK_FUZZ_CHECK(streamed_errors == errors, "reading a case at a time changed the errors");
  TOKCHECK_FUZZ_CHECK(sink.begun == sink.ended, "a begun file was not ended");
  TOKCHECK_FUZZ_CHECK(errors.empty() == sink.loaded, "end_file's loaded disagrees with the errors");
  if (!errors.empty()) return 0;
  TOKCHECK_FUZZ_CHECK(sink.ids.size() == file.tests.size(), "a case was not handed on");
  for (std::size_t i = 0; i < sink.ids.size(); ++i) {
    TOKCHECK_FUZZ_CHECK(sink.ids[i] == file.tests[i].tc_id, "cases handed on out of order");
  }
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
