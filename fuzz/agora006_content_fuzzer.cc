// The binary layer of Agora 006 below base64 (agora006.h: parse_006_content), so
// length prefixes, CRCs and the privilege map are mutated directly. Invariants:
//  - accepted content is canonical: re-encoding the fields gives the input back
//    (sorted unique map keys, no trailing bytes, exact prefixes);
//  - wrapped as a token, it parses to the same fields through every layer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/common/agora_fields.h"
#include "fuzz/common/fuzz_check.h"
#include "reference/core/base64.h"
#include "reference/vendors/agora/agora006.h"

using tokcheck::Malformation;
namespace agora = tokcheck::agora;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tokcheck::Bytes content(data, size);
  const auto parsed = agora::parse_006_content(content);
  if (parsed.error != Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(parsed.token.signature.empty() && parsed.token.privileges.empty(),
                        "a failed parse returned fields");
    return 0;
  }
  const std::vector<std::uint8_t> again = tokcheck::fuzz::encode_006_content(parsed.token);
  TOKCHECK_FUZZ_CHECK(
      again.size() == size && std::equal(again.begin(), again.end(), content.begin()),
      "accepted content is not the canonical encoding of its fields");
  const std::string token = std::string(agora::kVersion006) + "970CA35de60c44645bbae8a215061b33" +
                            tokcheck::base64_encode(content);
  const auto whole = agora::parse_006(token);
  TOKCHECK_FUZZ_CHECK(whole.error == Malformation::kNone &&
                          tokcheck::fuzz::same_fields(whole.token, parsed.token, false),
                      "the token layer disagrees with the content layer");
  return 0;
}
