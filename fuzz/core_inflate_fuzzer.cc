// The capped, reusable Inflater (reference/core/zlib_codec.h) against zlib's own
// one-shot uncompress2() as an oracle, with a small cap so the bomb path is hit:
//  - kNone exactly when one complete stream within the cap is the whole input,
//    with the oracle's bytes; kTrailingAfterZlib exactly when input follows it;
//  - a reused Inflater gives the same answer twice (reset is complete);
//  - what it inflates recompresses and inflates back to itself.
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz/common/fuzz_check.h"
#include "reference/core/zlib_codec.h"

using tokcheck::Malformation;

namespace {
constexpr std::size_t kCap = 16 * 1024;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tokcheck::Bytes in(data, size);
  tokcheck::Inflater inflater;
  std::vector<std::uint8_t> out, again;
  const Malformation m = inflater.inflate(in, out, kCap);
  const Malformation m2 = inflater.inflate(in, again, kCap);
  TOKCHECK_FUZZ_CHECK(m == m2 && (m != Malformation::kNone || out == again),
                      "a reused Inflater answered differently");
  TOKCHECK_FUZZ_CHECK(m == Malformation::kNone || m == Malformation::kBadZlib ||
                          m == Malformation::kZlibTooLarge || m == Malformation::kTrailingAfterZlib,
                      "unexpected malformation from inflate");

  std::vector<std::uint8_t> oracle(kCap + 1);
  uLongf oracle_len = static_cast<uLongf>(oracle.size());
  uLong consumed = static_cast<uLong>(size);
  const int rc =
      uncompress2(oracle.data(), &oracle_len, data == nullptr ? oracle.data() : data, &consumed);
  const bool oracle_ok = rc == Z_OK && oracle_len <= kCap;
  if (m == Malformation::kNone || m == Malformation::kTrailingAfterZlib) {
    TOKCHECK_FUZZ_CHECK(oracle_ok, "inflated a stream zlib's uncompress2 rejects");
    TOKCHECK_FUZZ_CHECK(
        out.size() == oracle_len && std::equal(out.begin(), out.end(), oracle.begin()),
        "inflated bytes differ from zlib's uncompress2");
    TOKCHECK_FUZZ_CHECK((m == Malformation::kTrailingAfterZlib) == (consumed < size),
                        "trailing-data verdict disagrees with the bytes zlib consumed");
  } else {
    TOKCHECK_FUZZ_CHECK(!oracle_ok, "rejected a stream zlib's uncompress2 accepts within the cap");
  }
  if (m == Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(out.size() <= kCap, "inflated past the cap");
    const std::vector<std::uint8_t> packed = tokcheck::zlib_compress(out);
    TOKCHECK_FUZZ_CHECK(
        inflater.inflate(packed, again, kCap) == Malformation::kNone && again == out,
        "recompressed output does not inflate back to itself");
  }
  return 0;
}
