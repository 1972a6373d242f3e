// The auto-detecting inspect path (reference/schemes/registry.h): detect the
// scheme of an arbitrary string, parse it through the scheme's JSON adapter in
// both base64 modes, render the outcome and the timeline as `tokcheck inspect
// --json` does. Invariants: nothing throws on any token (a hostile token is a
// verdict, never an exception); detection is deterministic and consistent with
// the scheme's own detect(); a successful parse has fields and a timeline.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/schemes/json_output.h"
#include "reference/schemes/registry.h"

namespace schemes = tokcheck::schemes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string token(reinterpret_cast<const char*>(data), size);
  const schemes::Scheme* scheme = schemes::detect_scheme(token);
  if (scheme == nullptr) {
    for (const schemes::Scheme* s : schemes::all_schemes()) {
      TOKCHECK_FUZZ_CHECK(!s->detect(token), "detect_scheme missed a scheme that detects it");
    }
    return 0;
  }
  TOKCHECK_FUZZ_CHECK(scheme->detect(token), "detect_scheme chose a scheme that rejects it");
  TOKCHECK_FUZZ_CHECK(schemes::find_scheme(scheme->id()) == scheme, "scheme id is not unique");
  for (const char* mode : {"strict", "lenient"}) {
    schemes::Json request = {{"token", token}, {"base64", mode}};
    // ZEGO tokens are AES-encrypted: inspecting one needs the secret (the test
    // one, which the ZEGO targets' mutators encrypt with).
    if (scheme->id().starts_with("zego")) request["secret"] = tokcheck::fuzz::kZegoSecret;
    const schemes::ParseOutcome outcome = scheme->parse(request);
    const schemes::Json rendered = schemes::parse_to_json(*scheme, outcome);
    // What `inspect --json` prints, through the CLI's one JSON writer: invalid
    // UTF-8 from a token must neither throw nor produce unparseable output.
    const std::string printed = schemes::safe_dump(rendered, 2);
    TOKCHECK_FUZZ_CHECK(!schemes::Json::parse(printed, nullptr, false).is_discarded(),
                        "safe_dump wrote text that is not JSON");
    const bool ok = rendered.at("ok").get<bool>();
    TOKCHECK_FUZZ_CHECK(ok == (outcome.error == tokcheck::Malformation::kNone &&
                               outcome.condition == tokcheck::Condition::kValid),
                        "rendered ok flag disagrees with the outcome");
    if (ok) {
      TOKCHECK_FUZZ_CHECK(outcome.fields.is_object(), "a parsed token has no fields");
      for (const schemes::TimeFact& fact : scheme->timeline(outcome.fields)) {
        TOKCHECK_FUZZ_CHECK(!fact.label.empty(), "a timeline entry has no label");
      }
    }
  }
  return 0;
}
