// What a verifier returns: one condition from the closed set, plus the detail a
// person needs to act on it. Plain data; building one never allocates.
#pragma once

#include <cstdint>

#include "reference/core/condition.h"

namespace tokcheck {

struct Verdict {
  Condition condition = Condition::kValid;
  Malformation malformation = Malformation::kNone;  // set when condition == kMalformed
  bool lenient_base64 = false;  // the token decoded only under lenient base64 rules
  // For kPrivilegeMissing / kPrivilegeExpired: the privilege id concerned.
  std::uint32_t privilege = 0;

  bool valid() const { return condition == Condition::kValid; }
  // Every field: two verdicts are the same answer only if they agree on all of them.
  friend bool operator==(const Verdict&, const Verdict&) = default;
  // This verdict (lenient_base64 kept) ending in `c`: how every verifier's
  // check sequence reports its first failing check.
  Verdict ending(Condition c, std::uint32_t privilege_id = 0,
                 Malformation m = Malformation::kNone) const {
    Verdict out = *this;
    out.condition = c;
    out.privilege = privilege_id;
    out.malformation = c == Condition::kMalformed ? m : Malformation::kNone;
    return out;
  }
  static Verdict malformed(Malformation m) { return {Condition::kMalformed, m, false, 0}; }
  static Verdict of(Condition c) { return {c, Malformation::kNone, false, 0}; }
};

}  // namespace tokcheck
