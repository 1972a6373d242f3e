// The binary envelope of ZEGO token03/token04 below base64 (zego_common.h:
// read_envelope): i64be expire, u16be IV length + IV, u16be ciphertext length +
// ciphertext, optional mode byte. Invariants: an accepted envelope is exactly
// write_envelope of its fields (one encoding per token); a token03 reading
// (no mode byte allowed) accepts a subset of what token04 accepts, and CBC only.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz/common/fuzz_check.h"
#include "reference/vendors/zego/zego_common.h"

using tokcheck::Malformation;
namespace zego = tokcheck::zego;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tokcheck::Bytes body(data, size);
  zego::EnvelopeView v04, v03;
  const Malformation m04 = zego::read_envelope(body, true, v04);
  const Malformation m03 = zego::read_envelope(body, false, v03);
  if (m03 == Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(v03.mode == zego::CipherMode::kCbc, "token03 envelope read as GCM");
    TOKCHECK_FUZZ_CHECK(m04 == Malformation::kNone && v04.mode == zego::CipherMode::kCbc &&
                            v04.expire == v03.expire,
                        "token04 rejects an envelope token03 accepts");
  }
  if (m04 != Malformation::kNone) return 0;
  const auto again = zego::write_envelope(v04.expire, v04.iv, v04.ciphertext, v04.mode);
  TOKCHECK_FUZZ_CHECK(again.size() == size && std::equal(again.begin(), again.end(), data),
                      "an accepted envelope is not the encoding of its fields");
  TOKCHECK_FUZZ_CHECK(v04.iv.size() == (v04.mode == zego::CipherMode::kGcm ? zego::kGcmNonceSize
                                                                           : zego::kCbcIvSize),
                      "accepted an IV of the wrong size for its mode");
  return 0;
}
