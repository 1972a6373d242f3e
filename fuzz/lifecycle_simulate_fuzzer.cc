// The token lifecycle engine (reference/lifecycle/simulate.h: simulate_json) fed
// fuzzed scenarios: profiles, tokens and event sequences as JSON text (seeds are
// the scenario vectors). Invariants (docs/SEMANTICS.md, issue 4):
//  - an invalid scenario is a schemes::UsageError, never another exception or a
//    crash;
//  - the engine is deterministic: the same scenario gives the same outputs;
//  - every output starts {"at": <time>, "kind": <string>} and outputs come out
//    in time order, never before the scenario's start;
//  - running the events one at a time through Simulator gives the same outputs.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/scheme.h"

namespace lifecycle = tokcheck::lifecycle;
using Json = tokcheck::schemes::Json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Json scenario = Json::parse(text.begin(), text.end(), nullptr, false);
  if (scenario.is_discarded()) return 0;
  Json outputs;
  try {
    outputs = lifecycle::simulate_json(scenario);
  } catch (const tokcheck::schemes::UsageError&) {
    return 0;  // a bad scenario, reported as such
  }
  TOKCHECK_FUZZ_CHECK(lifecycle::simulate_json(scenario) == outputs,
                      "the same scenario gave different outputs");
  TOKCHECK_FUZZ_CHECK(
      outputs.is_object() && outputs.contains("outputs") && outputs["outputs"].is_array(),
      "simulate_json did not return {\"outputs\": [...]}");
  const std::int64_t start = scenario.at("start").get<std::int64_t>();
  std::int64_t previous = start;
  for (const Json& o : outputs["outputs"]) {
    TOKCHECK_FUZZ_CHECK(o.is_object() && o.contains("at") && o["at"].is_number_integer() &&
                            o.contains("kind") && o["kind"].is_string(),
                        "an output lacks its \"at\" time or \"kind\"");
    const std::int64_t at = o["at"].get<std::int64_t>();
    TOKCHECK_FUZZ_CHECK(at >= previous, "outputs are not in time order");
    previous = at;
  }
  lifecycle::Simulator sim(scenario);
  Json stepped = Json::array();
  int index = 0;
  for (const Json& event : scenario["events"]) {
    for (Json& o : sim.apply(event, index++)) stepped.push_back(std::move(o));
  }
  TOKCHECK_FUZZ_CHECK(stepped == outputs["outputs"], "step-wise run differs from simulate_json");
  return 0;
}
