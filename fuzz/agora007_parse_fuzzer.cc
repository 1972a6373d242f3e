// Agora 007 token strings (reference/vendors/agora/agora007.h: parse_007): base64, zlib
// and the signing info together. Invariants:
//  - strict and lenient parsing agree wherever strict succeeds;
//  - the payload layer parsed on its own gives the same claims;
//  - zlib_canonical is true exactly when recompressing gives the token's bytes,
//    and a token rebuilt from the claims is canonical and parses to them again.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz/common/agora_fields.h"
#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/core/base64.h"
#include "reference/core/zlib_codec.h"
#include "reference/vendors/agora/agora007.h"

using tokcheck::Base64Mode;
using tokcheck::Malformation;
namespace agora = tokcheck::agora;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  const auto strict = agora::parse_007(token, Base64Mode::kStrict);
  const auto lenient = agora::parse_007(token, Base64Mode::kLenient);
  if (lenient.error == Malformation::kNone && !lenient.lenient_base64) {
    TOKCHECK_FUZZ_CHECK(strict.error == Malformation::kNone,
                        "lenient decoded strictly but strict parsing failed");
  }
  if (strict.error != Malformation::kNone) return 0;
  TOKCHECK_FUZZ_CHECK(lenient.error == Malformation::kNone && !lenient.lenient_base64 &&
                          tokcheck::fuzz::same_fields(strict.token, lenient.token) &&
                          strict.token.signature == lenient.token.signature,
                      "lenient parse disagrees with strict on a canonical token");

  std::vector<std::uint8_t> compressed, plain;
  TOKCHECK_FUZZ_CHECK(
      tokcheck::base64_decode(token.substr(3), Base64Mode::kStrict, compressed).error ==
          Malformation::kNone,
      "parsed token's base64 does not decode");
  tokcheck::Inflater inflater;
  TOKCHECK_FUZZ_CHECK(inflater.inflate(compressed, plain) == Malformation::kNone,
                      "parsed token does not inflate");
  const auto layer = agora::parse_007_payload(plain);
  TOKCHECK_FUZZ_CHECK(layer.error == Malformation::kNone &&
                          tokcheck::fuzz::same_fields(strict.token, layer.token) &&
                          layer.token.signature == strict.token.signature,
                      "the payload layer parses differently from the token");
  TOKCHECK_FUZZ_CHECK(strict.token.zlib_canonical == (tokcheck::zlib_compress(plain) == compressed),
                      "zlib_canonical is wrong");

  const auto rebuilt = agora::build_007(
      tokcheck::fuzz::to_build_input(strict.token, tokcheck::fuzz::kAgoraCertificate));
  if (rebuilt.error == agora::Build007Error::kNone) {
    const auto again = agora::parse_007(rebuilt.token);
    TOKCHECK_FUZZ_CHECK(again.error == Malformation::kNone && again.token.zlib_canonical &&
                            tokcheck::fuzz::same_fields(strict.token, again.token, true),
                        "a token rebuilt from parsed claims does not parse back to them");
  }
  return 0;
}
