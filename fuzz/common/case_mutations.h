// The verifier-context mutations every re-signing mutator makes (verify_target.h
// is the frame, each *_verify_fuzzer.cc's resign() picks among its own cases and
// these): the lenient-base64 switch, the required-privilege list, a binding field
// erased or changed, and the rebuilt token written back with its clock. One place,
// so the six verify targets keep only what is specific to their format.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/common/mutate_util.h"
#include "fuzz/common/verify_case.h"
#include "reference/core/base64.h"

namespace tokcheck::fuzz {

// The case's base64 mode: "base64=lenient" or strict.
Base64Mode case_base64(const VerifyCase& c);

// The case's now (0 when absent), clamped to the range the JSON adapters accept
// (±2^62), so the codec and its adapter are asked about the same instant.
std::int64_t case_now(const VerifyCase& c);

// base64=lenient on when off, off when on.
void toggle_lenient_base64(VerifyCase& c);

// privileges=… with one entry added, removed or changed, favouring `likely`.
void mutate_required_privileges(VerifyCase& c, MutationRng& rng,
                                std::initializer_list<std::uint16_t> likely);

// One of `keys` erased (one time in three) or given a new string: a byte mutation
// of its current value or one of `pool` (so a binding can be made to match).
void mutate_binding(VerifyCase& c, MutationRng& rng, std::initializer_list<std::string_view> keys,
                    const std::vector<std::string>& pool);

// After a rebuild: the case carries the re-signed token and the mutated clock.
// Returns true, the resign() answer for "mutated".
bool resigned(VerifyCase& c, std::string token, std::int64_t now);

}  // namespace tokcheck::fuzz
