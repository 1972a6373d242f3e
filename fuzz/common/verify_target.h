// The two halves every verify target shares, so each target file says only what
// is particular to its format.
//
// check_verify_invariants() runs the invariants in one order:
//   1. a reused verifier answers the same verdict twice (keyed contexts are reused
//      state, and reuse must not leak one token into the next);
//   2. independently_valid(): "valid" re-derived from the token's bytes, not from
//      the verifier, agrees with the verdict;
//   3. a kMalformed verdict names the malformation the parser names;
//   4. check_valid(): for a valid verdict, what the format's own checks require;
//   5. a valid token is not valid under a second key;
//   6. the JSON adapter (the format's *_scheme.cc) gives the codec's verdict.
// A target describes itself with a struct: verify(KeyChoice) is required, the
// hooks for steps 2, 3, 4 and 6 are optional (a step whose hook the struct lacks
// is skipped, decided at compile time).
//
// resigning_mutation() is the frame of every re-signing custom mutator: one call
// in 16 (every call under TOKCHECK_FUZZ_PLAIN_MUTATOR=1, to measure a target
// without it) is the engine's byte mutation; otherwise the case is parsed, the
// target's `resign` mutates it and signs it again with the test key, and the
// result is written back, falling back to the byte mutation when `resign` cannot
// re-sign (false) or the result does not fit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/mutate_util.h"
#include "fuzz/common/verify_case.h"
#include "reference/core/verdict.h"

namespace tokcheck::fuzz {

enum class KeyChoice {
  kTest,   // the fixed test key (test_keys.h), which the mutators sign with
  kOther,  // a second key, under which no token may be valid
};

template <class Target>
Verdict check_verify_invariants(Target& target, const VerifyCase& c) {
  const Verdict first = target.verify(KeyChoice::kTest);
  TOKCHECK_FUZZ_CHECK(first == target.verify(KeyChoice::kTest),
                      "a reused verifier changed its verdict");
  if constexpr (requires { target.independently_valid(); }) {
    TOKCHECK_FUZZ_CHECK(first.valid() == target.independently_valid(),
                        "verdict disagrees with the independently derived validity");
  }
  if constexpr (requires { target.parse_malformation(); }) {
    if (first.condition == Condition::kMalformed) {
      TOKCHECK_FUZZ_CHECK(target.parse_malformation() == first.malformation,
                          "verify and parse name different malformations");
    }
  }
  if (first.valid()) {
    if constexpr (requires { target.check_valid(); }) target.check_valid();
    TOKCHECK_FUZZ_CHECK(!target.verify(KeyChoice::kOther).valid(),
                        "a token is valid under two keys");
  }
  if constexpr (requires { target.adapter_verdict(); }) {
    if (!c.token.empty()) {
      // A target whose cases can fall outside what the adapter accepts (a range,
      // a closed list) answers std::nullopt for those: they are the codec's alone.
      const std::optional<Verdict> adapter = target.adapter_verdict();
      TOKCHECK_FUZZ_CHECK(!adapter || *adapter == first,
                          "the JSON adapter disagrees with the codec");
    }
  }
  return first;
}

// `resign(VerifyCase&, MutationRng&) -> bool`: see the header comment.
template <class Resign>
std::size_t resigning_mutation(std::uint8_t* data, std::size_t size, std::size_t max_size,
                               unsigned int seed, Resign&& resign) {
  MutationRng rng(seed);
  static const bool plain = std::getenv("TOKCHECK_FUZZ_PLAIN_MUTATOR") != nullptr;
  if (plain || rng.one_in(16)) return LLVMFuzzerMutate(data, size, max_size);
  VerifyCase c = VerifyCase::parse(data, size);
  if (!resign(c, rng)) return LLVMFuzzerMutate(data, size, max_size);
  const std::size_t n = write_mutation(c.serialize(), data, max_size);
  return n != 0 ? n : LLVMFuzzerMutate(data, size, max_size);
}

}  // namespace tokcheck::fuzz

// A verify target's two libFuzzer entry points, written once: every input is a
// VerifyCase run through check_verify_invariants() on a `TargetType` built from
// it, and the custom mutator is resigning_mutation() with `resign_fn` (the
// target's re-signing step). Placed at the end of a *_verify_fuzzer.cc, after
// both are declared.
#define TOKCHECK_VERIFY_FUZZER(TargetType, resign_fn)                                       \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {       \
    const ::tokcheck::fuzz::VerifyCase c = ::tokcheck::fuzz::VerifyCase::parse(data, size); \
    TargetType target{c};                                                                   \
    ::tokcheck::fuzz::check_verify_invariants(target, c);                                   \
    return 0;                                                                               \
  }                                                                                         \
  extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,      \
                                                 std::size_t max_size, unsigned int seed) { \
    return ::tokcheck::fuzz::resigning_mutation(data, size, max_size, seed, resign_fn);     \
  }
