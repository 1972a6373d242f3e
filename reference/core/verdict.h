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
  static Verdict malformed(Malformation m) { return {Condition::kMalformed, m, false, 0}; }
  static Verdict of(Condition c) { return {c, Malformation::kNone, false, 0}; }
};

}  // namespace tokcheck
