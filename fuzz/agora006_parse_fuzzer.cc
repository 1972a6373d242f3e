// Agora 006 token strings (reference/vendors/agora/agora006.h: parse_006). Invariants:
//  - strict and lenient parsing agree wherever strict succeeds, and lenient
//    succeeds without lenience only where strict does;
//  - a strictly parsed token is exactly "006" + appId + base64(canonical content),
//    i.e. parse ∘ encode is the identity (no second spelling of one token);
//  - the content layer parsed on its own gives the same fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/common/agora_fields.h"
#include "fuzz/common/fuzz_check.h"
#include "reference/core/base64.h"
#include "reference/vendors/agora/agora006.h"

using tokcheck::Base64Mode;
using tokcheck::Malformation;
namespace agora = tokcheck::agora;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  const auto strict = agora::parse_006(token, Base64Mode::kStrict);
  const auto lenient = agora::parse_006(token, Base64Mode::kLenient);
  if (lenient.error == Malformation::kNone && !lenient.lenient_base64) {
    TOKCHECK_FUZZ_CHECK(strict.error == Malformation::kNone,
                        "lenient decoded strictly but strict parsing failed");
  }
  if (strict.error != Malformation::kNone) return 0;

  TOKCHECK_FUZZ_CHECK(!strict.lenient_base64, "strict parse reports lenient base64");
  TOKCHECK_FUZZ_CHECK(lenient.error == Malformation::kNone && !lenient.lenient_base64 &&
                          tokcheck::fuzz::same_fields(strict.token, lenient.token),
                      "lenient parse disagrees with strict on a canonical token");
  const std::vector<std::uint8_t> content = tokcheck::fuzz::encode_006_content(strict.token);
  const std::string reencoded =
      std::string(agora::kVersion006) + strict.token.app_id + tokcheck::base64_encode(content);
  TOKCHECK_FUZZ_CHECK(reencoded == token, "a strictly parsed token does not re-encode to itself");
  const auto layer = agora::parse_006_content(content);
  TOKCHECK_FUZZ_CHECK(layer.error == Malformation::kNone &&
                          tokcheck::fuzz::same_fields(strict.token, layer.token, false),
                      "the content layer parses differently from the token");
  return 0;
}
