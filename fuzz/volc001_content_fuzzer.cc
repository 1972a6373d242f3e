// The binary layer of Volcengine "001" below base64: the fuzz input is the
// content (u16 len ‖ MSG ‖ u16 len ‖ SIG) itself, wrapped here as
// "001" + app id + base64(input) (a bijection, so every byte mutation reaches
// the field parser). Invariants as volc001_parse_fuzzer, plus: strictly accepted
// content is the canonical encoding of its fields, byte for byte.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/volc_fields.h"
#include "reference/core/base64.h"
#include "reference/vendors/volc/volc001.h"

using tokcheck::Base64Mode;
using tokcheck::Malformation;
namespace volc = tokcheck::volc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string token = std::string(volc::kVersion001) + "123456781234567812345678" +
                            tokcheck::base64_encode(tokcheck::Bytes(data, size));
  const auto strict = volc::parse_001(token, Base64Mode::kStrict, volc::CheckMode::kStrict);
  const auto official = volc::parse_001(token, Base64Mode::kStrict, volc::CheckMode::kOfficial);
  const auto& o = official.token;
  if (tokcheck::fuzz::check_strict_and_official_agree(strict, official)) {
    TOKCHECK_FUZZ_CHECK(tokcheck::fuzz::encode_001_token(strict.token) == token,
                        "strictly accepted content is not canonical");
  }
  if (official.error == Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(std::adjacent_find(o.privileges.begin(), o.privileges.end(),
                                           [](const auto& a, const auto& b) {
                                             return a.first >= b.first;
                                           }) == o.privileges.end(),
                        "official privileges are not strictly ascending");
  }
  return 0;
}
