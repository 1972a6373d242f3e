// Base64 (reference/core/base64.h), both alphabets, both modes. Invariants:
//  - strict accepts exactly the canonical encoding of the bytes it returns;
//  - strict says "non-canonical" exactly when lenient accepts;
//  - whatever lenient accepts re-encodes to a string strict accepts, same bytes;
//  - the SSSE3 strict decoder and the scalar one agree bit for bit (when the
//    CPU has SSSE3; base64_internal.h).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz/common/fuzz_check.h"
#include "reference/core/base64.h"
#include "reference/core/base64_internal.h"

using tokcheck::Base64Alphabet;
using tokcheck::Base64Mode;
using tokcheck::Malformation;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::uint8_t> strict, lenient, again;
  for (Base64Alphabet alphabet : {Base64Alphabet::kStandard, Base64Alphabet::kTencent}) {
    const auto s = tokcheck::base64_decode(in, Base64Mode::kStrict, strict, alphabet);
    const auto l = tokcheck::base64_decode(in, Base64Mode::kLenient, lenient, alphabet);
    TOKCHECK_FUZZ_CHECK(!s.lenient_used, "strict mode reported a lenient decode");
    if (s.error == Malformation::kNone) {
      TOKCHECK_FUZZ_CHECK(tokcheck::base64_encode(strict, alphabet) == in,
                          "strict accepted a string that is not the canonical encoding");
      TOKCHECK_FUZZ_CHECK(l.error == Malformation::kNone && !l.lenient_used && lenient == strict,
                          "lenient disagrees with strict on a canonical string");
    } else {
      TOKCHECK_FUZZ_CHECK(
          s.error == Malformation::kBadBase64 || s.error == Malformation::kNonCanonicalBase64,
          "unexpected malformation from base64");
      TOKCHECK_FUZZ_CHECK((s.error == Malformation::kNonCanonicalBase64) ==
                              (l.error == Malformation::kNone && l.lenient_used),
                          "strict's non-canonical verdict and lenient acceptance disagree");
      TOKCHECK_FUZZ_CHECK(strict.empty(), "a failed strict decode left output behind");
    }
    {
      // Every vector level the CPU runs (SSSE3 alone, and AVX2 with its SSSE3
      // step) against the scalar decoder.
      using tokcheck::base64_detail::SimdLevel;
      std::vector<std::uint8_t> scalar, simd;
      const bool a = tokcheck::base64_detail::decode_strict_scalar(in, scalar, alphabet);
      TOKCHECK_FUZZ_CHECK(a == (s.error == Malformation::kNone),
                          "strict decode and base64_decode disagree");
      for (SimdLevel level : {SimdLevel::kSsse3, SimdLevel::kAvx2}) {
        if (level > tokcheck::base64_detail::simd_level()) break;
        const bool b = tokcheck::base64_detail::decode_strict_simd(in, simd, alphabet, level);
        TOKCHECK_FUZZ_CHECK(a == b && (!a || scalar == simd),
                            "a SIMD and the scalar strict decoder disagree");
      }
    }
    if (l.error == Malformation::kNone) {
      const std::string canonical = tokcheck::base64_encode(lenient, alphabet);
      const auto r = tokcheck::base64_decode(canonical, Base64Mode::kStrict, again, alphabet);
      TOKCHECK_FUZZ_CHECK(r.error == Malformation::kNone && again == lenient,
                          "the re-encoded lenient result does not decode strictly to itself");
    }
  }
  return 0;
}
