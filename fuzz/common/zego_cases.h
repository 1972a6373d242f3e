// What the ZEGO fuzz targets share, for token03 and token04 alike (their parse
// results, tokens and generator inputs have the same shape): the parse targets'
// invariants and entry point, and the decryption a re-sealing mutator starts from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "fuzz/common/verify_case.h"
#include "reference/core/base64.h"
#include "reference/core/condition.h"
#include "reference/vendors/zego/zego_common.h"

namespace tokcheck::fuzz {

// The parse targets' invariants for one input under one secret. `parse` is
// zego::parse_03 or parse_04, `build` the matching build_03 or build_04:
//  - the condition is one parse documents, kMalformed iff a malformation is
//    named (a bad prefix is kUnsupportedVersion and may name kBadPrefix);
//  - strict and lenient base64 give the same result wherever strict succeeds
//    (a canonical token needs no lenient rule);
//  - a valid token's claims, rebuilt by the generator from rebuild_input() (same
//    mode, IV, nonce and times; found by ADL), parse back to the same result.
template <class Parse, class Build>
void check_zego_parse(std::string_view token, std::string_view secret, Parse parse, Build build) {
  const auto strict = parse(token, secret, Base64Mode::kStrict);
  const auto lenient = parse(token, secret, Base64Mode::kLenient);
  for (const auto* r : {&strict, &lenient}) {
    const Condition c = r->condition;
    TOKCHECK_FUZZ_CHECK(c == Condition::kValid || c == Condition::kUnsupportedVersion ||
                            c == Condition::kMalformed || c == Condition::kDecryptFailed ||
                            c == Condition::kPayloadInvalid || c == Condition::kExpireMismatch,
                        "parse returned a condition outside its contract");
    TOKCHECK_FUZZ_CHECK(
        (c == Condition::kMalformed) ? r->error != Malformation::kNone
        : c == Condition::kUnsupportedVersion
            ? (r->error == Malformation::kNone || r->error == Malformation::kBadPrefix)
            : r->error == Malformation::kNone,
        "condition and malformation disagree");
  }
  if (strict.condition != Condition::kValid) return;
  TOKCHECK_FUZZ_CHECK(lenient == strict,
                      "lenient parse disagrees with strict on a canonical token");
  const zego::BuildResult rebuilt = build(rebuild_input(strict.token, secret));
  if (rebuilt.error != zego::BuildError::kNone) return;  // e.g. expiring before it was made
  TOKCHECK_FUZZ_CHECK(parse(rebuilt.token, secret, Base64Mode::kStrict) == strict,
                      "claims rebuilt by the generator do not parse back to themselves");
}

// A ZEGO parse target's entry point: the input is a token, checked under the test
// secret (what the verify targets' mutators seal with) and ZEGO's sample secret
// (what most vectors, hence the seeds, are sealed with).
#define TOKCHECK_ZEGO_PARSE_FUZZER(parse_fn, build_fn)                                \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    const std::string_view token(reinterpret_cast<const char*>(data), size);          \
    for (const std::string_view secret :                                              \
         {::tokcheck::fuzz::kZegoSecret, ::tokcheck::fuzz::kZegoSampleSecret}) {      \
      ::tokcheck::fuzz::check_zego_parse(token, secret, parse_fn, build_fn);          \
    }                                                                                 \
    return 0;                                                                         \
  }

// The case's token decrypted (leniently) to be sealed again: under the test
// secret, else under the seed's own `seed_secret`, which is then erased (the
// re-sealed token uses the test secret). nullopt when neither opens it.
template <class Parse>
auto open_to_reseal(VerifyCase& c, Parse parse)
    -> std::optional<decltype(parse(std::string_view{}, kZegoSecret, Base64Mode::kLenient))> {
  auto parsed = parse(c.token, kZegoSecret, Base64Mode::kLenient);
  if (parsed.condition != Condition::kValid) {
    if (auto s = c.get("seed_secret")) parsed = parse(c.token, *s, Base64Mode::kLenient);
  }
  if (parsed.condition != Condition::kValid) return std::nullopt;
  c.erase("seed_secret");
  return parsed;
}

}  // namespace tokcheck::fuzz
