// The binary PrivateMapKey userbuf (reference/vendors/tencent/private_map_key.h:
// parse_userbuf), big-endian per suite-anchors.md §7. Invariants: accepted bytes
// are exactly pack_userbuf of what was parsed (strict layout, nothing trailing);
// rejected bytes leave no claim behind that would pack to them.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz/common/fuzz_check.h"
#include "reference/vendors/tencent/private_map_key.h"

using tokcheck::Malformation;
namespace tencent = tokcheck::tencent;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tencent::PrivateMapKey key;
  const Malformation m = tencent::parse_userbuf(tokcheck::Bytes(data, size), key);
  if (m != Malformation::kNone) return 0;
  TOKCHECK_FUZZ_CHECK(key.version <= 1, "accepted a userbuf version other than 0/1");
  const auto packed = tencent::pack_userbuf(key);
  TOKCHECK_FUZZ_CHECK(packed.has_value() && packed->size() == size &&
                          std::equal(packed->begin(), packed->end(), data),
                      "an accepted userbuf does not re-pack to the same bytes");
  tencent::PrivateMapKey again;
  TOKCHECK_FUZZ_CHECK(tencent::parse_userbuf(*packed, again) == Malformation::kNone && again == key,
                      "a packed userbuf does not parse back to its fields");
  return 0;
}
