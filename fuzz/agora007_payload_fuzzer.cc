// The binary layer of Agora 007 below base64 and zlib (agora007.h:
// parse_007_payload): signature, signing info, services, RTM2 permission lists.
// Invariants:
//  - a failed parse returns no claims;
//  - accepted claims rebuild (build_007 with the test key) into a token that
//    parses back to the same claims; a build refusal is only ever "no services"
//    or an unknown service, never a field the parser accepted.
#include <cstddef>
#include <cstdint>

#include "fuzz/common/agora_fields.h"
#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/vendors/agora/agora007.h"

using tokcheck::Malformation;
namespace agora = tokcheck::agora;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = agora::parse_007_payload(tokcheck::Bytes(data, size));
  if (parsed.error != Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(parsed.token.services.empty() && parsed.token.app_id.empty(),
                        "a failed parse returned claims");
    return 0;
  }
  TOKCHECK_FUZZ_CHECK(parsed.token.services.size() <= parsed.token.declared_services,
                      "more services than declared");
  const auto rebuilt = agora::build_007(
      tokcheck::fuzz::to_build_input(parsed.token, tokcheck::fuzz::kAgoraCertificate));
  if (rebuilt.error != agora::Build007Error::kNone) {
    TOKCHECK_FUZZ_CHECK(
        rebuilt.error == agora::Build007Error::kNoServices && parsed.token.services.empty(),
        "the builder refuses claims the parser accepted");
    return 0;
  }
  const auto again = agora::parse_007(rebuilt.token);
  TOKCHECK_FUZZ_CHECK(again.error == Malformation::kNone &&
                          tokcheck::fuzz::same_fields(parsed.token, again.token, true),
                      "claims do not survive build → parse");
  return 0;
}
