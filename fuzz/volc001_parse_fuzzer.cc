// Volcengine / ByteDance "001" token strings (reference/vendors/volc/volc001.h:
// parse_001) in both check modes and both base64 modes. Invariants:
//  - strict acceptance implies official acceptance of the same fields with
//    nothing tolerated; official acceptance with nothing tolerated implies strict;
//  - a strictly parsed token is exactly the canonical encoding of its fields.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/volc_fields.h"
#include "reference/vendors/volc/volc001.h"

using tokcheck::Base64Mode;
namespace volc = tokcheck::volc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  for (Base64Mode b64 : {Base64Mode::kStrict, Base64Mode::kLenient}) {
    const auto strict = volc::parse_001(token, b64, volc::CheckMode::kStrict);
    const auto official = volc::parse_001(token, b64, volc::CheckMode::kOfficial);
    if (tokcheck::fuzz::check_strict_and_official_agree(strict, official)) {
      TOKCHECK_FUZZ_CHECK(!strict.token.trailing_after_signature &&
                              !strict.token.trailing_in_message &&
                              !strict.token.privileges_not_canonical,
                          "strict parse reports tolerated defects");
      if (!strict.lenient_base64) {
        TOKCHECK_FUZZ_CHECK(tokcheck::fuzz::encode_001_token(strict.token) == token,
                            "a strictly parsed token does not re-encode to itself");
      }
    }
  }
  return 0;
}
